"""The site frame: home page, robots, sitemap, favicon, errors, caching, compression."""

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client, site_content):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_home_page(client, site_content):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Content note" in html
    assert 'href="/en/fifth-bulletin/"' in html
    # The sections of the menu are its cards: the other documents are reached by theirs.
    assert 'href="/en/documents/"' in html
    assert 'href="/en/final-report/"' not in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html


def test_anonymous_pages_are_publicly_cacheable_and_do_not_vary_on_cookie(client, site_content):
    for url in ["/en/", "/en/fifth-bulletin/"]:
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert "Cookie" not in response.get("Vary", ""), url
        assert "sessionid" not in response.cookies and "csrftoken" not in response.cookies


def test_html_is_compressed(client, site_content):
    response = client.get("/en/fifth-bulletin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"


def test_robots_and_sitemap(client, site_content):
    robots = client.get("/robots.txt")
    assert robots.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    body = sitemap.content.decode()
    assert "/en/fifth-bulletin/</loc>" in body
    assert "/en/</loc>" in body
    assert "/zh-hans/fifth-bulletin/</loc>" in body
    assert "/zh-hans/</loc>" in body


def test_favicon_does_not_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_unknown_page_is_a_404_in_the_site_design(client, site_content):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "site-header" in html


def test_server_error_page_stands_alone():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html


def test_home_query_count_does_not_grow_with_pages(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from history.core.models import HomePage
    from tests.edition.factories import make_edition

    def count():
        client.get("/en/")
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/").status_code == 200
        return len(context.captured_queries)

    before = count()
    home = HomePage.objects.get(locale__language_code="en")
    for index in range(4):
        make_edition(home, n_segments=3, slug=f"edition-{index}")
    assert count() == before <= 12
