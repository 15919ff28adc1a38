"""Glossary terms open in place from the edition, by keyboard, and close with Escape."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", ["/en/glossary/", "/zh-hans/glossary/"])
def test_glossary_is_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    screenshot(page, f"{re.sub(r'[^a-z]+', '-', path).strip('-')}-{viewport['width']}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_term_opens_its_definition_by_keyboard_and_closes_with_escape(
    open_page, language, viewport
):
    page = open_page(f"/{language}/fifth-bulletin/", viewport)
    link = page.locator("#text a.term-link").first
    link.focus()
    page.keyboard.press("Enter")
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    assert page.evaluate("document.activeElement.id") == "term-popover-title"
    assert link.get_attribute("aria-expanded") == "true"
    assert popover.get_attribute("role") == "dialog"
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    popover.wait_for(state="hidden")
    assert link.evaluate("element => element === document.activeElement")
    assert link.get_attribute("aria-expanded") == "false"


def test_without_javascript_a_term_is_a_link_to_its_entry(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + "/en/fifth-bulletin/")
    page.locator("#text a.term-link").first.click()
    page.wait_for_url(re.compile(r"/en/glossary/#term-[\w-]+$"))
    context.close()


def test_tabbing_out_of_a_popover_closes_it_and_it_never_covers_its_term(open_page):
    page = open_page("/en/fifth-bulletin/", {"width": 1280, "height": 900})
    for link in page.locator("#text a.term-link").all()[:8]:
        link.scroll_into_view_if_needed()
        link.click()
        popover = page.locator("#popover")
        popover.wait_for(state="visible")
        term, box = link.bounding_box(), popover.bounding_box()
        overlaps = not (
            box["y"] >= term["y"] + term["height"] or box["y"] + box["height"] <= term["y"]
            or box["x"] >= term["x"] + term["width"] or box["x"] + box["width"] <= term["x"]
        )  # fmt: skip
        assert not overlaps
        page.keyboard.press("Escape")
        popover.wait_for(state="hidden")
    link = page.locator("#text a.term-link").first
    link.click()
    page.locator("#popover").wait_for(state="visible")
    for _ in range(3):
        page.keyboard.press("Tab")
    page.locator("#popover").wait_for(state="hidden")


@pytest.fixture
def glossary_by_letter(live_site, monkeypatch):
    """The glossary as it is once it has more terms than one page holds."""
    from history.core import versions
    from history.glossary import az

    monkeypatch.setattr(az, "ONE_PAGE", 20)
    versions.new_release()
    yield
    monkeypatch.undo()
    versions.new_release()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_glossary_by_letter_works_without_javascript(
    browser, live_site, glossary_by_letter, language
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + f"/{language}/fifth-bulletin/")
    page.locator("#text a.term-link").first.click()
    page.wait_for_url(re.compile(rf"/{language}/glossary/(letter/\w/)?#term-[\w-]+$"))
    slug = page.url.rpartition("#term-")[2]
    assert page.locator(f"#term-{slug}").is_visible()
    # The letters lead to each other's pages, by keyboard.
    letters = page.locator("nav.az a")
    assert letters.count() >= 8
    target = letters.nth(letters.count() - 1)
    name = target.inner_text()
    target.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/{language}/glossary/letter/{name.lower()}/$"))
    assert page.locator(f"h2#letter-{name}").is_visible()
    assert page.locator("nav.az a[aria-current=page]").inner_text() == name
    context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_letters_page_is_accessible(open_page, glossary_by_letter, language):
    page = open_page(f"/{language}/glossary/letter/s/", PHONE)
    assert page.locator(".term-entry").count() > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []
