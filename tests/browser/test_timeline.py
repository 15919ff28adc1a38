"""The timeline in a real browser: filters and expansion by keyboard, accessibility."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

# Browser tests only read; the database marker makes the session set up the loaded site.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    ["/en/timeline/", "/zh-hans/timeline/", "/en/timeline/?period=campaign",
     "/en/timeline/event/1952-second-bulletin/"],
)  # fmt: skip
def test_timeline_is_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = re.sub(r"\W+", "-", path).strip("-")
    screenshot(page, f"{name}-{viewport['width']}")


def test_filter_by_keyboard(open_page):
    page = open_page("/en/timeline/")
    page.evaluate("window.notReloaded = true")
    checkbox = page.get_by_label("The campaign’s documents")
    checkbox.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"theme=this_document"))
    page.locator(".results-count", has_text="6 events").wait_for()
    assert page.locator("li.event").count() == 6
    assert page.evaluate("window.notReloaded") is True
    zoom = page.get_by_role("link", name="Zoom to 1952")
    zoom.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"period=campaign"))
    assert page.locator(".overview__mark--key").count() == 6


def test_expand_an_event_by_keyboard(open_page):
    page = open_page("/en/timeline/")
    more = page.locator("#event-1839-humen [data-event-more]")
    more.focus()
    page.keyboard.press("Enter")
    details = page.locator("#more-1839-humen")
    details.get_by_text("Sources").wait_for()
    assert more.get_attribute("aria-expanded") == "true"
    assert details.is_visible()
    page.keyboard.press("Enter")
    assert more.get_attribute("aria-expanded") == "false"
    assert not details.is_visible()


def test_overview_marks_are_links_to_events(open_page):
    page = open_page("/en/timeline/?period=campaign")
    mark = page.locator('.overview__mark[href="#event-1952-second-bulletin"]')
    mark.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#event-1952-second-bulletin$"))
