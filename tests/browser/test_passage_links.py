"""The passages of other documents linked to a paragraph, in a real browser: accessible at both
widths in both languages, and followed by a plain link, there and back."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/fifth-bulletin/",
        "/zh-hans/fifth-bulletin/",
        "/en/final-report/",
        "/zh-hans/second-bulletin/",
    ],
)
def test_linked_passages_are_accessible(open_page, path, viewport):
    page = open_page(path, viewport)
    groups = page.get_by_role("group", name="In the other documents").or_(
        page.get_by_role("group", name="其他文件中")
    )
    assert groups.count() >= 1 and groups.first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


def test_a_linked_passage_is_reached_by_its_link_and_links_back(open_page):
    page = open_page("/en/fifth-bulletin/")
    page.get_by_role("link", name="Final report, ¶15").click()
    page.wait_for_url("**/en/final-report/#p15")
    # Its paragraph (with ¶14, in one printed paragraph) links back to the bulletin's ¶8.
    back = page.locator("#p15").locator("xpath=following::*[@role='group'][1]")
    back.get_by_role("link", name="Fifth bulletin, ¶8", exact=True).first.click()
    page.wait_for_url("**/en/fifth-bulletin/#p8")


def test_every_link_between_passages_of_the_site_names_a_paragraph():
    from history.edition.models import PassageLink, Segment
    from history.edition.references import ParagraphRef

    links = PassageLink.objects.all()
    assert links.count() >= 24
    for link in links:
        ref = ParagraphRef.parse(link.target)
        assert Segment.objects.filter(page_id=ref.page_id, anchor=ref.anchor).exists(), link
