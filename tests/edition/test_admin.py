"""Editors change the edition in the Wagtail admin: anchors and validation."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from history.core.models import HomePage
from history.edition.models import EditionPage
from tests.edition.factories import make_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, site_content):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def segment_form(segment_id, text, version="en", order=None):
    form = {
        "id": segment_id or "",
        "kind": "paragraph",
        "texts": streamfield([("text", {"version": version, "text": text, "run_in": False})]),
        "anatomy_note": "",
        "alignment_note": "",
    }
    if order is not None:
        form["ORDER"] = str(order)
    return form


def edit_data(page, segments):
    versions = [
        {
            "id": v.pk,
            "code": v.code,
            "language": v.language,
            "label": v.label,
            "status": v.status,
            "translator": v.translator,
            "provenance": rich_text(v.provenance),
        }
        for v in page.versions.all()
    ]
    dates = [
        {"id": d.pk, "role": d.role, "date": d.date.isoformat(), "label": d.label}
        for d in page.dates.all()
    ]
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "original_title": page.original_title,
            "original_title_language": page.original_title_language,
            "short_title": "",
            "summary": rich_text(""),
            "content_note": "",
            "issuing_body": page.issuing_body,
            "author_family_name": page.author_family_name,
            "author_given_name": page.author_given_name,
            "author_name_original": "",
            "author_family_name_first": "on",
            "author_role": "",
            "addressees": "",
            "distribution": "",
            "original_language": "",
            "source": rich_text(""),
            "rights": rich_text(""),
            "versions": inline_formset(versions, initial=len(versions), min=1),
            "dates": inline_formset(dates, initial=len(dates), min=1),
            # Forms for existing segments come first (Django binds them by position); ORDER
            # gives the order on the page.
            "segments": inline_formset(segments, initial=sum(1 for s in segments if s["id"])),
            "translation_notes": inline_formset([]),
            "term_notes": inline_formset([]),
            "annotations": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_the_edit_view_opens(editor_client, edition):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[edition.pk]))
    assert response.status_code == 200
    assert "As of September 12" in response.content.decode()


def test_a_segment_inserted_in_the_admin_gets_a_new_anchor_and_the_others_keep_theirs(
    editor_client,
):
    page = make_edition(HomePage.objects.get(locale__language_code="en"), n_segments=3)
    old = list(page.segments.all())
    segments = [
        segment_form(old[0].pk, "Sentence 1.", order=0),
        segment_form(old[1].pk, "Sentence 2.", order=2),
        segment_form(old[2].pk, "Sentence 3.", order=3),
        segment_form(None, "Inserted in the admin.", order=1),
    ]
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, segments)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EditionPage.objects.get(pk=page.pk)
    assert [s.anchor for s in page.segments.all()] == ["p1", "p4", "p2", "p3"]
    assert page.segments.all()[1].version_texts["en"][0] == "Inserted in the admin."
    assert "Inserted in the admin." in editor_client.get("/en/test-edition/").content.decode()


def test_an_unknown_version_code_is_a_form_error_and_keeps_the_editors_input(editor_client):
    page = make_edition(HomePage.objects.get(locale__language_code="en"), n_segments=1)
    old = page.segments.get()
    segments = [segment_form(old.pk, "Text in a version that does not exist.", version="fr")]
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_data(page, segments)
    )
    assert response.status_code == 200  # the form again, not a 500
    html = response.content.decode()
    # The stream field's widget shows its errors from JSON data.
    assert r"\u201cfr\u201d is not one of this edition&#x27;s versions (en, zh)." in html
    assert "Text in a version that does not exist." in html
    assert (
        EditionPage.objects.get(pk=page.pk).segments.get().version_texts["en"][0] == "Sentence 1."
    )
