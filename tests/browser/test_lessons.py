"""Lessons in the browser: accessible in both languages and sizes; the handout prints."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PATHS = [
    "/en/lessons/",
    "/zh-hans/lessons/",
    "/en/lessons/mapping-the-campaign/",
    "/zh-hans/lessons/mapping-the-campaign/",
    "/en/lessons/sourcing-a-government-report/",
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("path", PATHS)
def test_lessons_are_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    screenshot(page, f"{re.sub(r'[^a-z0-9]+', '-', path).strip('-')}-{viewport['width']}")


def test_the_index_filters_without_reloading(open_page):
    page = open_page("/en/lessons/", DESKTOP)
    page.select_option("#filter-level", "university")
    page.wait_for_url(re.compile(r"level=university"))
    page.locator("#lesson-list").get_by_text("Mapping the campaign").wait_for()
    assert page.locator("#lesson-list .essay-card").count() == 1


@pytest.mark.parametrize("path", ["handout/", ""])
def test_the_handout_prints_on_a4(open_page, path):
    page = open_page(f"/en/lessons/sourcing-a-government-report/{path}", DESKTOP)
    page.emulate_media(media="print")
    # The page's tools are not printed; the handout has none to print.
    assert page.locator(".lesson__tools").count() == (0 if path else 1)
    assert page.locator(".lesson__tools:visible").count() == 0
    # Room to write: lines on the handout; on the page, ruled boxes that print the answers.
    space = ".answer-space" if path else ".answer__print"
    assert page.locator(f"{space}:visible").count() >= 1
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    screenshot(page, f"lesson-print-{path.strip('/') or 'page'}")
