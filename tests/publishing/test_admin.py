"""The editors' admin: revisions (history, compare, restore), the accessibility checker, and
the editors' guide."""

import pytest
from django.urls import reverse

from history.core.roles import AUTHORS, EDITORS, TEACHERS
from tests.essays.factories import make_essay, paragraph

from .helpers import account, essay_form

pytestmark = pytest.mark.django_db


def test_an_editor_compares_and_restores_an_old_revision_as_a_draft(client, site_content):
    essay = make_essay([paragraph("The first wording.")], slug="revised")
    # Two versions, logged as the admin logs them (the history lists logged actions).
    first = essay.save_revision(log_action=True)
    first.publish(log_action=True)
    essay.body = [paragraph("The second wording.")]
    essay.save_revision(log_action=True).publish(log_action=True)
    client.force_login(account("eve", EDITORS))

    history = client.get(
        reverse("wagtailadmin_pages:revisions_index", args=[essay.pk]), follow=True
    )
    assert history.status_code == 200
    assert reverse("wagtailadmin_pages:revisions_revert", args=[essay.pk, first.pk]) in (
        history.content.decode()
    )
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[essay.pk, first.pk, "live"])
    )
    assert compare.status_code == 200
    assert "The first wording." in compare.content.decode()
    assert "The second wording." in compare.content.decode()

    revert = reverse("wagtailadmin_pages:revisions_revert", args=[essay.pk, first.pk])
    response = client.get(revert)
    assert response.status_code == 200
    assert "Replace current draft" in response.content.decode()
    assert "The first wording." in response.content.decode()
    # "Replace current draft" posts the old version's form back: a draft, not yet live.
    assert client.post(revert, essay_form(essay, "The first wording.")).status_code == 302
    essay.refresh_from_db()
    draft = essay.latest_revision.as_object()
    assert "The first wording." in str(draft.body)
    assert "The second wording." in str(essay.live_revision.as_object().body)


def test_editors_have_the_accessibility_checker(client, site_content):
    essay = make_essay([paragraph("Text.")], slug="checked")
    client.force_login(account("eve", EDITORS))
    # On the site, in the userbar...
    page = client.get(essay.url).content.decode()
    assert "<wagtail-userbar" in page
    assert 'id="checker-trigger"' in page and 'id="checker-axe-configuration"' in page
    # ...on previews...
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[essay.pk]))
    assert 'id="checker-trigger"' in preview.content.decode()
    # ...and in the editor's side panel.
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[essay.pk])).content.decode()
    assert 'id="checker-axe-configuration"' in editor
    # Anonymous visitors get no userbar.
    client.logout()
    assert "<wagtail-userbar" not in client.get(essay.url).content.decode()


def test_the_editors_guide(client, site_content):
    guide = reverse("editors_guide")
    for group in (EDITORS, AUTHORS):
        client.force_login(account(f"user-{group}", group))
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert guide in home  # the menu item and the dashboard panel
        response = client.get(guide)
        assert response.status_code == 200
        html = response.content.decode()
        for heading in (
            "Submit for review, approve or request changes",
            "Schedule publishing",
            "Compare and restore a revision",
            "Add or update a translation",
            "Add a timeline event",
            "Add a place and its reported figures",
            "Add an annotation to the edition",
            "Images and alt text",
        ):
            assert heading in html
        assert "Submit to Editorial review" in html
    # Teachers have their own part of the admin (the admin sends the refused to its home).
    client.force_login(account("ana", TEACHERS))
    response = client.get(guide)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert guide not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_guide_in_chinese(client, site_content):
    from wagtail.users.models import UserProfile

    editor = account("eve", EDITORS)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(editor)
    html = client.get(reverse("editors_guide")).content.decode()
    assert "编辑指南" in html and "图片与替代文本" in html
    assert "Images and alt text" not in html
