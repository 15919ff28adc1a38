"""The passages of other documents linked to a paragraph, in a real browser: accessible at both
widths in both languages, and followed by a plain link.

Not in a test transaction: the live server must see the second edition and the link. The
fifth bulletin's revision is published again afterwards, as the other browser tests read the
site as loaded.
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser]


@pytest.fixture
def linked_site(live_site, django_db_blocker):
    """A second edition, and a link to its ¶2 from the fifth bulletin's p8; both taken away
    afterwards (browser tests share the loaded site)."""
    from history.core.models import HomePage
    from history.edition.models import EditionPage, PassageLink
    from tests.edition.factories import make_edition

    with django_db_blocker.unblock():
        home = HomePage.objects.get(locale__language_code="en")
        other = make_edition(home, n_segments=3, slug="linked-document")
        fifth = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
        live_revision = fifth.live_revision
        fifth.set_children(
            passage_links=[PassageLink(anchor="p8", target=f"{other.pk}:p2", subject="Arrests")]
        )
        fifth.save_revision().publish()
    yield other
    with django_db_blocker.unblock():
        live_revision.publish()
        EditionPage.objects.get(pk=other.pk).delete()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    ["/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/", "/en/linked-document/"],
)
def test_linked_passages_are_accessible(open_page, linked_site, path, viewport):
    page = open_page(path, viewport)
    group = page.get_by_role("group", name="In the other documents").or_(
        page.get_by_role("group", name="其他文件中")
    )
    assert group.count() == 1 and group.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


def test_a_linked_passage_is_reached_by_its_link(open_page, linked_site):
    page = open_page("/en/fifth-bulletin/")
    page.get_by_role("link", name="A test document, ¶2").click()
    page.wait_for_url("**/en/linked-document/#p2")
    assert page.get_by_role("link", name="Fifth bulletin, ¶").count() == 1


@pytest.mark.django_db
def test_every_link_between_passages_of_the_site_names_a_paragraph():
    # (Also makes sure the test database is set up when this module runs on its own.)
    from history.edition.models import EditionPage, PassageLink, Segment
    from history.edition.references import ParagraphRef

    for link in PassageLink.objects.all():
        ref = ParagraphRef.parse(link.target)
        assert Segment.objects.filter(page_id=ref.page_id, anchor=ref.anchor).exists(), link
    assert not EditionPage.objects.filter(slug="linked-document").exists()
