"""The parallel reader and the Chinese site in a real browser."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

# Browser tests only read; the database marker makes the session set up the loaded site.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = ["en", "zh-hans"]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_parallel_view_is_accessible(open_page, language, viewport):
    page = open_page(f"/{language}/fifth-bulletin/parallel/", viewport)
    assert page.locator("#parallel-table tbody tr.prow").count() == 93
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    screenshot(page, f"parallel-{language}-{viewport['width']}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_reveal_the_other_version_per_paragraph_by_keyboard_on_a_phone(open_page, language):
    page = open_page(f"/{language}/fifth-bulletin/parallel/", PHONE)
    row = page.locator("#p18")
    other = row.locator("td.pcell--right")
    button = row.locator("button.reveal")
    assert not other.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert other.is_visible()
    assert "45 executed" in other.inner_text()
    page.keyboard.press("Space")
    assert not other.is_visible()


def test_desktop_shows_both_columns_and_no_reveal_buttons(open_page):
    page = open_page("/en/fifth-bulletin/parallel/", DESKTOP)
    assert page.locator("#p18 td.pcell--right").is_visible()
    assert not page.locator("#p18 button.reveal").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_changing_a_version_swaps_the_table_and_the_address(open_page, viewport):
    page = open_page("/en/fifth-bulletin/parallel/", viewport)
    select = page.locator("#left-version")
    select.focus()
    page.keyboard.press("ArrowUp")  # Chinese original -> English translation
    page.wait_for_url(lambda url: "left=en" in url and "right=zh" in url)
    headers = page.locator("#parallel-table thead th")
    page.locator("#parallel-table thead th:nth-child(2):has-text('English translation')").wait_for(
        state="attached"
    )
    assert headers.nth(2).text_content() == "Chinese original"  # the columns swapped
    # Swapped in place: the form (outside the table) is still the one the reader used.
    assert page.locator("#left-version").evaluate("el => el === document.activeElement")


def test_permalink_opens_the_row_and_the_row_is_highlighted(open_page):
    page = open_page("/en/fifth-bulletin/parallel/#p37", DESKTOP)
    page.wait_for_timeout(500)
    assert page.evaluate("window.scrollY") > 0
    background = page.locator("#p37").evaluate("el => getComputedStyle(el).backgroundColor")
    other = page.locator("#p36").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background != other


def test_chinese_text_renders(open_page):
    page = open_page("/zh-hans/fifth-bulletin/", DESKTOP)
    text = page.locator("#text")
    assert "共杀了四十五名成分坏" in text.inner_text()
    # A CJK font is installed and used: a Chinese character is wider than a Latin letter.
    widths = page.evaluate(
        """() => {
            const span = document.createElement('span');
            document.body.append(span);
            span.textContent = '毒'; const cjk = span.getBoundingClientRect().width;
            span.textContent = 'i'; const latin = span.getBoundingClientRect().width;
            span.remove(); return [cjk, latin];
        }"""
    )
    assert widths[0] > widths[1] * 1.5
    screenshot(page, "edition-zh-hans-1280")


def test_language_switch_keeps_the_paragraph(open_page):
    page = open_page("/en/fifth-bulletin/#p37", DESKTOP)
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url("**/zh-hans/fifth-bulletin/#p37")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
