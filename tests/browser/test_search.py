"""The search page in the browser: accessible in both languages and sizes; filtering by
keyboard without reloading the page."""

import re
from urllib.parse import quote

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PATHS = ["/en/search/?q=Tonghua", f"/zh-hans/search/?q={quote('坦白')}", "/en/search/"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", PATHS)
def test_the_search_page_is_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = re.sub(r"[^a-z0-9]+", "-", path.split("?")[0]).strip("-")
    screenshot(page, f"{name}-{'q' if '?' in path else 'empty'}-{viewport['width']}")


def test_searching_and_filtering_by_keyboard(open_page):
    page = open_page("/en/search/", DESKTOP)
    page.locator("#search-q").fill("Tonghua")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Tonghua"))
    page.locator(".hit").first.wait_for()
    assert page.locator(".hit--paragraph").count() >= 1
    places = page.locator(".search-types a", has_text="Places")
    places.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"type=place"))
    page.locator(".search-types a[aria-current]", has_text="Places").wait_for()
    assert page.locator(".hit").count() == page.locator(".hit--place").count() >= 1
    # Back restores the earlier results.
    page.go_back()
    page.wait_for_url(re.compile(r"q=Tonghua$"))
    page.locator(".hit--paragraph").first.wait_for()
