"""The campaign's documents in a real browser: the documents page and the new editions pass
axe on a phone and a desktop in both languages, and a student follows a figure from the fifth
bulletin to the same figure in the final report."""

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/documents/",
        "/zh-hans/documents/",
        "/en/cc-directive-1952/",
        "/zh-hans/cc-directive-1952/parallel/",
        "/en/second-bulletin/parallel/",
        "/zh-hans/second-bulletin/?anatomy=on",
        "/en/final-report/?version=zh",
        "/zh-hans/final-report/",
    ],
)
def test_the_documents_pass_axe(open_page, path, viewport):
    page = open_page(path, viewport)
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    name = re.sub(r"\W+", "-", path).strip("-")
    screenshot(page, f"{name}-{viewport['width']}")


def test_a_student_goes_through_the_series_in_order(open_page):
    page = open_page("/en/documents/", PHONE)
    titles = page.locator(".series-item h2").all_inner_texts()
    assert len(titles) == 4 and titles[0].startswith("Directive")
    page.get_by_role("link", name=re.compile("^Directive of the CCP")).click()
    page.wait_for_url("**/en/cc-directive-1952/")
    assert "Document 1 of 4 in the series" in page.locator(".series-nav").inner_text()
    for slug in ("second-bulletin", "fifth-bulletin", "final-report"):
        page.locator(".series-nav a[rel=next]").click()
        page.wait_for_url(f"**/en/{slug}/")
    assert page.locator(".series-nav a[rel=next]").count() == 0


def test_a_student_follows_a_figure_to_the_final_report(open_page):
    page = open_page("/en/map/?document=fifth-bulletin&kind=arrests", DESKTOP)
    row = page.locator("tr", has_text="30,998")
    row.get_by_role("link", name=re.compile("read the paragraph.*Final report")).click()
    page.wait_for_url("**/en/final-report/#p15")
    assert "82,056" in page.locator("#p15").inner_text()
