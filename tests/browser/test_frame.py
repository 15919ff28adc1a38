"""The site's frame in a real browser: on a phone, one row (the site's name and a menu button
that opens the navigation, the search field and the languages); on a desktop, everything in
view; search from any page; nothing lost without JavaScript, by keyboard or to axe."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_phone_the_header_is_one_row_and_the_menu_opens_by_keyboard(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/", PHONE)
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] < 70
    nav = page.locator(".site-nav")
    assert not nav.is_visible() and not page.locator(".site-search").is_visible()
    toggle = page.locator(".menu-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.is_visible() and page.locator(".site-search input").is_visible()
    assert page.locator(".language-switcher").is_visible()
    assert axe_violations(page) == []
    # The next stop of the keyboard is the first item of the menu it opened.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.site-nav') !== null")
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false" and not nav.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-menu-toggle')")


def test_on_a_desktop_the_menu_and_the_search_field_are_in_view(open_page):
    page = open_page("/en/fifth-bulletin/", DESKTOP)
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".site-search input").is_visible()


@pytest.mark.parametrize(("language", "word"), [("en", "Tonghua"), ("zh-hans", "通化")])
def test_the_header_searches_from_any_page(open_page, language, word):
    page = open_page(f"/{language}/glossary/", PHONE)
    page.locator(".menu-toggle").click()
    page.get_by_role("searchbox", name="Search the site").or_(
        page.get_by_role("searchbox", name="搜索本站")
    ).fill(word)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/search/?q=*")
    assert page.locator("li.hit").count() > 0


def test_without_javascript_the_phone_sees_the_whole_menu(browser, live_site):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/en/")
    assert not page.locator(".menu-toggle").is_visible()
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".site-search input").is_visible()
    context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_on_a_phone_the_reader_toolbar_keeps_its_options_behind_one_button(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/", PHONE)
    toolbar = page.locator(".edition-toolbar")
    # The versions (by their first word on a phone) and the button: one row.
    assert toolbar.bounding_box()["height"] < 60
    english = page.locator("[data-version-link][hreflang='en']")
    # Shown by its first word, named in full.
    assert english.bounding_box()["width"] < 80
    assert english.evaluate("e => e.textContent") in ("English translation", "英文译本")
    cite = page.locator(".toolbar-actions a[data-open-cite]")
    assert not cite.is_visible()
    options = page.locator(".toolbar-more")
    options.focus()
    page.keyboard.press("Enter")
    assert options.get_attribute("aria-expanded") == "true" and cite.is_visible()
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert not cite.is_visible()


def test_on_a_desktop_the_reader_options_are_in_view(open_page):
    page = open_page("/en/fifth-bulletin/", DESKTOP)
    assert not page.locator(".toolbar-more").is_visible()
    assert page.locator(".toolbar-actions a[data-open-cite]").is_visible()
