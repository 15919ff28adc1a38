"""The index of people: accessible on a phone and a desktop in both languages, and a name
marked in the edition opens its entry in place, by keyboard, or leads to it without
JavaScript."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", ["/en/people/", "/zh-hans/people/"])
def test_the_index_of_people_is_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.locator(".person-entry").count() >= 10
    assert axe_violations(page) == []
    screenshot(page, f"{re.sub(r'[^a-z]+', '-', path).strip('-')}-{viewport['width']}")


@pytest.mark.parametrize(
    ("language", "viewport", "name"),
    [("en", PHONE, "Luo Ruiqing"), ("zh-hans", DESKTOP, "罗瑞卿")],
    ids=["en-375px", "zh-1280px"],
)
def test_a_name_opens_its_entry_by_keyboard_and_closes_with_escape(
    open_page, language, viewport, name
):
    page = open_page(f"/{language}/fifth-bulletin/", viewport)
    link = page.locator("#text a.person-link").first
    assert link.inner_text() == name
    link.focus()
    page.keyboard.press("Enter")
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "term-popover-title"
    assert name in popover.inner_text()
    assert "1906" in popover.inner_text()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert link.evaluate("element => element === document.activeElement")


def test_without_javascript_a_name_is_a_link_to_its_entry(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/en/fifth-bulletin/")
    page.locator("#text a.person-link").first.click()
    page.wait_for_url(re.compile(r"/en/people/#person-luo-ruiqing$"))
    assert page.locator("#person-luo-ruiqing").is_visible()
    context.close()
