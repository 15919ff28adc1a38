"""An editor revises the edition in the admin: a note and a segment's text, previewed, then
published with a line for the change log, and readers see the change and the new version.

Not in a test transaction: the live server must see the editor's account and the published
revision. The edition's previous revision is published again afterwards, as the other
browser tests read the site as loaded.
"""

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = [pytest.mark.browser]

NOTE = "A note the editors revised in the admin."
ADDED = " A sentence the editors added in the admin."
DESCRIPTION = "Added a sentence to paragraph 8 and revised a note."


@pytest.fixture
def editor(live_site, django_db_blocker):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from history.core.roles import EDITORS
    from history.edition.models import EditionPage

    with django_db_blocker.unblock():
        edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
        live_revision = edition.live_revision
        account = get_user_model().objects.create_user("edna", password="a-long-password")
        account.groups.add(Group.objects.get(name=EDITORS))
        yield account
        live_revision.publish()
        # The site as loaded has one version of each edition.
        edition.edition_versions.filter(number__gt=1).delete()
        account.delete()


def test_an_editor_revises_a_note_and_a_segment_previews_and_publishes(browser, live_site, editor):
    from history.edition.models import EditionPage

    edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
    segment = [s.anchor for s in edition.segments.all()].index("p8")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_site.url + "/admin/login/")
    page.fill("#id_username", "edna")
    page.fill("#id_password", "a-long-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_site.url}/admin/pages/{edition.pk}/edit/")

    page.get_by_role("tab", name="Notes").click()
    page.fill("#id_annotations-0-text", NOTE)
    page.get_by_role("tab", name="Text").click()
    text = page.locator(f"#id_segments-{segment}-texts-en")
    text.fill(text.input_value() + ADDED)

    # The preview panel posts the form; its link opens the preview in a tab of its own.
    with page.expect_response("**/edit/preview/") as posted:
        page.locator("[data-side-panel-toggle='preview']").click()
    assert posted.value.ok and posted.value.json()["is_valid"]
    with context.expect_page() as opened:
        page.get_by_label("Preview in new tab").click()
    preview = opened.value
    preview.get_by_text(ADDED.strip()).wait_for()
    assert NOTE in preview.content()
    preview.close()

    # Publishing a change needs its line for the change log; nothing written is lost meanwhile.
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    error = page.get_by_text("Describe this change in one line for the change log").first
    error.wait_for(state="attached")
    page.get_by_role("tab", name="Text").click()
    error.wait_for()  # beside the field, on the Text tab
    assert page.locator(f"#id_segments-{segment}-texts-en").input_value().endswith(ADDED)
    page.fill("#id_change_description", DESCRIPTION)
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.get_by_text("has been published").wait_for()
    context.close()

    # A reader straight from the network: the offline reader's worker answers from the copy
    # on the device when the network is slower than its timeout, as a busy test machine can be.
    reader = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = reader.new_page()
    page.goto(live_site.url + "/en/fifth-bulletin/")
    # The publication's last steps (the new version, the caches' tags) finish as its
    # transaction commits, which on a busy machine may come after the admin's answer.
    for _ in range(20):
        html = page.content()
        if ADDED.strip() in html:
            break
        page.wait_for_timeout(500)
        page.reload()
    assert ADDED.strip() in html
    assert NOTE in html
    page.get_by_role("link", name="Change log").click()
    page.wait_for_url("**/fifth-bulletin/changes/")
    entry = page.locator("#v2")
    assert DESCRIPTION in entry.inner_text()
    assert "¶8" in entry.inner_text()
    entry.get_by_role("link", name="¶8").click()
    page.wait_for_url("**/fifth-bulletin/#p8")
    reader.close()


@pytest.mark.django_db
def test_editors_may_publish_the_edition():
    # (Also makes sure the test database is set up when this module runs on its own.)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from history.core.roles import EDITORS
    from history.edition.models import EditionPage

    account = get_user_model().objects.create_user("ed", password="a-long-password")
    account.groups.add(Group.objects.get(name=EDITORS))
    edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
    assert edition.permissions_for_user(account).can_publish()
