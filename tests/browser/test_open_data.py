"""The open data page in a real browser: accessible in both languages and both colour schemes,
readable on a phone, and its example addresses answer."""

import json

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_the_api_page_passes_axe(open_page, lang, viewport, scheme):
    page = open_page(f"/{lang}/api/", viewport, color_scheme=scheme)
    assert page.locator("h1").is_visible()
    # The example wraps: the page never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


def test_the_pages_links_lead_to_the_data(open_page):
    page = open_page("/en/api/")
    link = page.locator(".api-endpoints a").first
    response = page.request.get(link.get_attribute("href"))
    assert response.ok
    assert "CC BY 4.0" in json.loads(response.body())["licence"]["name"]
