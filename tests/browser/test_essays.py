"""Essays in the browser: accessible in both languages and at both sizes; notes by keyboard."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PATHS = [
    "/en/essays/",
    "/zh-hans/essays/",
    "/en/essays/the-numbers/",
    "/zh-hans/essays/the-numbers/",
    "/en/essays/reading-a-translation/",
    "/zh-hans/essays/reading-a-translation/",
    # A note whose back-link ends a paragraph of text: it must not be told by colour alone.
    "/en/essays/luo-ruiqing/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", PATHS)
def test_essays_are_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    screenshot(page, f"{re.sub(r'[^a-z0-9]+', '-', path).strip('-')}-{viewport['width']}")


def test_a_note_and_its_reference_lead_to_each_other_by_keyboard(open_page):
    page = open_page("/en/essays/the-numbers/", DESKTOP)
    marker = page.locator(".essay__body sup.fnref a").first
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#fn-[\w-]+$"))
    note_id = page.url.rsplit("#", 1)[1]
    note = page.locator(f"#{note_id}")
    assert note.is_visible()
    back = note.locator("a.footnote__back").first
    back.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#fnref-[\w-]+$"))
    assert page.locator(f"#{page.url.rsplit('#', 1)[1]}").is_visible()


def test_print_preview_keeps_notes_and_drops_the_contents(open_page):
    page = open_page("/en/essays/the-1952-campaign/", DESKTOP)
    page.emulate_media(media="print")
    assert page.locator(".essay__contents").is_hidden()
    assert page.locator(".footnotes li").first.is_visible()
    screenshot(page, "essay-print")
