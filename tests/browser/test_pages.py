"""The public pages in a real browser: rendering, keyboard use, accessibility."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

# Browser tests only read; the database marker makes the session set up the loaded site.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EDITION = "/en/fifth-bulletin/"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        EDITION,
        EDITION + "?version=zh",
        EDITION + "?anatomy=on&cite=p18",
        "/zh-hans/",
        "/zh-hans/fifth-bulletin/",
        "/zh-hans/fifth-bulletin/?version=en&anatomy=on",
        "/en/about/report/",
        "/zh-hans/about/",
    ],
)
def test_pages_render_without_accessibility_violations(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.locator("h1").first.is_visible()
    assert page.locator("main").count() == 1
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = re.sub(r"\W+", "-", path).strip("-") or "home"
    screenshot(page, f"{name}-{viewport['width']}")


def test_the_whole_bulletin_can_be_read(open_page):
    page = open_page(EDITION)
    text = page.locator("#text").inner_text()
    assert "As of September 12, the total number of identified narcotics offenders" in text
    assert "Bureaucratic negligence must be avoided" in text
    assert page.locator("#text .seg").count() == 90  # 93 segments, 3 missing in English
    assert page.locator("#text .gap").count() == 2  # ¶23–24 and ¶54


ANATOMY_NOTE = {"en": "Luo's report begins here", "zh-hans": "罗瑞卿的报告从这里开始"}
CITING = {"en": "Citing paragraph {}.", "zh-hans": "正在引用第 {} 段。"}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_anatomy_toggle_works_by_keyboard(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/")
    toggle = page.locator("[data-anatomy-toggle]")
    label = page.locator("#p6 .anatomy-label")
    assert not label.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert label.is_visible()
    assert ANATOMY_NOTE[language] in label.inner_text()
    assert "anatomy=on" in page.url
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert not label.is_visible()


def test_anatomy_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + EDITION)
    page.get_by_role("link", name="Show document anatomy").click()
    assert page.locator("#p6 .anatomy-label").is_visible()
    context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_cite_box_works_by_keyboard(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/")
    page.locator("a[data-open-cite]").focus()
    page.keyboard.press("Enter")
    assert page.locator("#cite").get_attribute("open") is not None
    select = page.locator("#cite-select")
    select.focus()
    page.keyboard.press("ArrowDown")  # paragraph 1
    page.wait_for_selector(f"#cite-box .cite-scope:has-text('{CITING[language].format(1)}')")
    assert "#p1" in page.locator("#cite-chicago").inner_text()
    # The new box is live and focusable again.
    page.locator("#cite-select").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_selector(f"#cite-box .cite-scope:has-text('{CITING[language].format(2)}')")
    # The paragraph's address in the version's own, then the access date.
    assert "/v/1/#p2." in page.locator("#cite-mla").inner_text()
    copy = page.locator("[data-copy='cite-apa']")
    copy.focus()
    assert copy.evaluate("el => el === document.activeElement")


def test_permalink_follows_into_the_cite_box(open_page):
    page = open_page(EDITION)
    page.locator("#cite summary").click()
    # A sentence inside a printed paragraph shows its number when the reader points at it.
    page.locator("#p20 .seg__text").hover()
    page.locator("a.pn[href='#p20']").click()
    page.wait_for_selector("#cite-box .cite-scope:has-text('Citing paragraph 20.')")
    assert page.url.endswith("#p20")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_editorial_notes_toggle_by_keyboard(open_page, viewport):
    page = open_page(EDITION, viewport)
    note = page.locator("#an1")
    assert note.is_visible()
    if viewport is PHONE:
        # A phone's one-row toolbar keeps the reading options behind one button.
        options = page.get_by_role("button", name="Options")
        options.click()
        assert options.get_attribute("aria-expanded") == "true"
    toggle = page.locator("[data-annotations-toggle]")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-pressed") == "false"
    assert not note.is_visible()
    page.wait_for_url(re.compile(r"notes=off"))
    page.keyboard.press("Enter")
    assert note.is_visible()
    if viewport is DESKTOP:
        # Beside the text on a wide screen, not across it.
        box, text = note.bounding_box(), page.locator("#text").bounding_box()
        assert box["width"] < 400 and box["x"] >= text["x"] + text["width"]
