"""An edition's versions in a real browser: an earlier version and the change log, in both
languages, are accessible and fit a phone; a link to a paragraph removed since lands on its
note, which leads to the version that has it.

Not in a test transaction: the live server must see version 2. The edition's previous
text is published again afterwards, and its versions put back as loaded.
"""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser]


@pytest.fixture
def version_2(live_site, django_db_blocker):
    """Version 2 of the fifth bulletin: ¶8 revised and ¶5 (p5) removed."""
    from history.edition.models import EditionPage
    from tests.edition.test_versions import publish_revised

    with django_db_blocker.unblock():
        edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
        live_revision = edition.live_revision
        publish_revised(edition, anchor="p8", remove="p5")
        yield edition
        # Published as a new revision, so that the admin's form (the latest revision) matches
        # the page again for the tests after this one.
        live_revision.as_object().save_revision().publish()
        edition.edition_versions.filter(number__gt=1).delete()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize(
    "path",
    [
        "/en/fifth-bulletin/v/1/",
        "/en/fifth-bulletin/changes/",
        "/zh-hans/fifth-bulletin/v/1/?version=en",
        "/zh-hans/fifth-bulletin/changes/",
    ],
)
def test_version_pages_render_without_accessibility_violations(
    open_page, version_2, path, viewport
):
    page = open_page(path, viewport)
    assert page.locator("h1").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_an_earlier_version_passes_axe_in_the_dark(open_page, version_2, lang):
    page = open_page(f"/{lang}/fifth-bulletin/v/1/", PHONE, color_scheme="dark")
    assert page.locator(".version-notice").is_visible()
    assert axe_violations(page) == []


def test_a_link_to_a_removed_paragraph_leads_to_the_version_that_has_it(open_page, version_2):
    page = open_page("/en/fifth-bulletin/#p5")
    note = page.locator("li#p5")
    assert note.is_visible()
    note.get_by_role("link", name="Read it in version 1").click()
    page.wait_for_url("**/fifth-bulletin/v/1/#p5")
    assert page.locator("#p5").is_visible()
    assert "You are reading version 1 of 2" in page.locator(".version-notice").inner_text()


@pytest.mark.django_db
def test_the_loaded_edition_is_at_version_1():
    # (Also makes sure the test database is set up when this module runs on its own.)
    from history.edition.models import EditionPage

    edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
    assert [v.number for v in edition.edition_versions.all()] == [1]
