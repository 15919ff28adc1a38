"""About the edition: its page in both languages, linked from every page's footer, and the
form readers report errors with, whose reports only the editors see."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from history.about.models import AboutPage, ErrorReport
from history.core.roles import EDITORS, TEACHERS

pytestmark = pytest.mark.django_db

REPORT = "/en/about/report/"


@pytest.mark.parametrize(
    "url, texts",
    [
        (
            "/en/about/",
            ["About this edition", "the editors of this edition", "六O炮",
             "English translation by the editors", "3/0/6/408",
             'rel="license" href="https://creativecommons.org/licenses/by/4.0/"',
             "does not cover", "https://github.com/banned-historical-archives/CCRD",
             'href="/en/about/report/"'],
        ),
        (
            "/zh-hans/about/",
            ["关于本整理本", "本整理本编者", "六O炮", "编者英译", "知识共享署名 4.0 国际许可协议",
             'rel="license"', 'href="/zh-hans/about/report/"'],
        ),
    ],
)  # fmt: skip
def test_the_about_page_says_who_how_from_what_and_on_what_terms(client, site_content, url, texts):
    html = client.get(url).content.decode()
    for text in texts:
        assert text in html, text


def test_named_editors_replace_the_role(client, site_content):
    page = AboutPage.objects.get(locale__language_code="en")
    page.editors = "Ada Example and Ben Example"
    page.save_revision().publish()
    html = client.get("/en/about/").content.decode()
    assert "Ada Example and Ben Example" in html
    assert "the editors of this edition" not in html.split('id="responsibility"')[1][:400]


@pytest.mark.parametrize("url, label", [("/en/", "About"), ("/zh-hans/documents/", "关于")])
def test_every_page_links_the_about_page_from_its_footer(client, site_content, url, label):
    html = client.get(url).content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    about = "/zh-hans/about/" if "zh-hans" in url else "/en/about/"
    assert f'<a href="{about}">{label}</a>' in footer


def test_a_reader_reports_an_error(client, site_content):
    form = client.get(REPORT)
    assert form.status_code == 200
    assert "no-store" in form["Cache-Control"]
    response = client.post(
        REPORT,
        {"where": "Fifth bulletin ¶18", "description": "Hubei is spelt wrongly.", "contact": ""},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/about/report/?sent=1"
    report = ErrorReport.objects.get()
    assert (report.where, report.description, report.contact, report.language) == (
        "Fifth bulletin ¶18",
        "Hubei is spelt wrongly.",
        "",
        "en",
    )
    assert "The editors will check your report" in client.get(response["Location"]).content.decode()


def test_a_report_with_errors_keeps_what_the_reader_typed(client, site_content):
    response = client.post(
        "/zh-hans/about/report/",
        {"where": "第五号简报¶18", "description": "", "contact": "not an address"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "请修改下面标出的内容" in html
    assert 'value="第五号简报¶18"' in html and 'value="not an address"' in html
    assert 'aria-invalid="true"' in html
    assert not ErrorReport.objects.exists()


def test_reports_are_limited_per_address(client, site_content):
    cache.clear()
    for number in range(5):
        response = client.post(REPORT, {"description": f"Report {number}"})
        assert response.status_code == 302
    response = client.post(REPORT, {"description": "One more"})
    assert response.status_code == 429
    assert ErrorReport.objects.count() == 5


def _user(name, group):
    user = get_user_model().objects.create_user(name, password="pw")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editors_read_the_reports_and_teachers_do_not(client, site_content):
    ErrorReport.objects.create(description="A wrong date in the timeline.", language="en")
    client.force_login(_user("editor", EDITORS))
    listing = client.get("/admin/snippets/about/errorreport/")
    assert listing.status_code == 200
    assert "A wrong date in the timeline." in listing.content.decode()
    client.force_login(_user("teacher", TEACHERS))
    response = client.get("/admin/snippets/about/errorreport/")
    assert response.status_code in (302, 403)
    assert "A wrong date in the timeline." not in response.content.decode()


def test_the_licence_an_editor_names_is_the_one_the_tei_and_the_api_name(client, site_content):
    tei, api = "/en/fifth-bulletin/tei.xml", "/en/api/v1/places/"
    assert "https://creativecommons.org/licenses/by/4.0/" in client.get(tei).content.decode()
    page = AboutPage.objects.get(locale__language_code="en")
    page.licence_name = "CC BY-SA 4.0"
    page.licence_url = "https://creativecommons.org/licenses/by-sa/4.0/"
    page.save_revision().publish()
    assert 'target="https://creativecommons.org/licenses/by-sa/4.0/"' in (
        client.get(tei).content.decode()
    )
    response = client.get(api)
    assert response.json()["licence"]["name"] == "CC BY-SA 4.0"
    assert response["Link"] == '<https://creativecommons.org/licenses/by-sa/4.0/>; rel="license"'
