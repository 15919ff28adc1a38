"""Editors change the edition in the Wagtail admin: its whole form, anchors and validation."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.models import StringSegment, Translation

from history.core.models import HomePage
from history.edition.models import Annotation, EditionPage
from tests.edition.factories import make_edition
from tests.edition.form_data import as_post_data, posted_fields

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
        "texts": {version: text},
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
            "passage_links": inline_formset([]),
            "comments": inline_formset([]),
            "change_description": "Changed in the admin.",
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


def test_a_version_removed_while_segments_keep_its_text_is_a_form_error_on_the_text(
    editor_client,
):
    page = make_edition(HomePage.objects.get(locale__language_code="en"), n_segments=1)
    old = page.segments.get()
    segments = [
        {
            **segment_form(old.pk, "Text kept by the editor."),
            "texts": {"en": "Text kept by the editor.", "zh": "第1句。"},
        }
    ]
    data = edit_data(page, segments)
    zh = next(key for key, value in data.items() if key.endswith("-code") and value == "zh")
    data[zh.replace("-code", "-DELETE")] = "on"
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200  # the form again, not a 500
    html = response.content.decode()
    assert "“zh” is not one of this edition&#x27;s versions (en)." in html
    assert "Text kept by the editor." in html
    assert (
        EditionPage.objects.get(pk=page.pk).segments.get().version_texts["en"][0] == "Sentence 1."
    )


# --- the whole form, as the admin posts it ---


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def form_of(client, page):
    """The fields the edit page's form posts, as a browser would post them."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return posted_fields(response.content.decode())


def replace(fields, name, value):
    assert any(field == name for field, _value in fields), name
    return [(field, value if field == name else old) for field, old in fields]


def field_named(fields, name):
    return next(value for field, value in fields if field == name)


def test_the_real_edition_is_previewed_saved_and_published_from_its_whole_form(
    editor_client, edition
):
    fields = form_of(editor_client, edition)
    assert len(fields) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    first = edition.segments.get(anchor="p8")
    index = list(edition.segments.all()).index(first)
    name = f"segments-{index}-texts-en"
    # Added to the text: the notes on its words must still find them.
    fields = replace(fields, name, field_named(fields, name) + " Then a corrected sentence.")
    fields = replace(fields, "annotations-0-text", "A note revised by the editors.")

    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[edition.pk])
    response = editor_client.post(preview, as_post_data(fields))
    assert response.status_code == 200 and response.json()["is_valid"]
    shown = editor_client.get(preview)
    assert "a corrected sentence" in shown.content.decode()
    # The admin shows the preview in a frame of its own pages: the page may be framed there.
    assert "frame-ancestors 'self'" in shown["Content-Security-Policy"]

    response = editor_client.post(edit_url(edition), as_post_data(fields))  # Save draft
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = EditionPage.objects.get(pk=edition.pk).get_latest_revision_as_object()
    assert draft.segments.get(anchor="p8").version_texts["en"][0].endswith("corrected sentence.")
    assert "a corrected sentence" not in editor_client.get("/en/fifth-bulletin/").content.decode()

    # Saving leads back to the edit page, whose form now holds the draft.
    fields = form_of(editor_client, edition)
    publish = [("action-publish", "publish")]
    description = [("change_description", "Corrected paragraph 8.")]
    response = editor_client.post(
        edit_url(edition), as_post_data(replace(fields, *description[0]) + publish)
    )
    assert response.status_code == 302
    html = editor_client.get("/en/fifth-bulletin/").content.decode()
    assert "a corrected sentence" in html
    assert "A note revised by the editors." in html


def test_saving_the_form_unchanged_keeps_the_stored_texts_block_for_block(editor_client, edition):
    before = [list(segment.texts.raw_data) for segment in edition.segments.all()]
    response = editor_client.post(edit_url(edition), as_post_data(form_of(editor_client, edition)))
    assert response.status_code == 302
    draft = EditionPage.objects.get(pk=edition.pk).get_latest_revision_as_object()
    assert [list(segment.texts.raw_data) for segment in draft.segments.all()] == before


def test_a_runs_on_box_and_an_emptied_version_are_stored_as_blocks(editor_client, edition):
    fields = form_of(editor_client, edition)
    index = [s.anchor for s in edition.segments.all()].index("p9")
    fields = replace(fields, f"segments-{index}-texts-zh", "")
    fields = [f for f in fields if f[0] != f"segments-{index}-texts-en-run_in"]
    fields.append((f"segments-{index}-texts-en-run_in", "on"))
    assert editor_client.post(edit_url(edition), as_post_data(fields)).status_code == 302
    draft = EditionPage.objects.get(pk=edition.pk).get_latest_revision_as_object()
    texts = draft.segments.get(anchor="p9").version_texts
    assert set(texts) == {"en"} and texts["en"][1] is True


@pytest.fixture
def zh_edition(edition):
    return EditionPage.objects.get(
        translation_key=edition.translation_key, locale__language_code="zh-hans"
    )


def test_the_chinese_edition_is_edited_previewed_and_published_in_the_translation_editor(
    editor_client, edition, zh_edition
):
    # A synced translation: its edit page is wagtail-localize's translation editor, which saves
    # each string on its own and publishes with a small form.
    translation = Translation.objects.get(
        source__object_id=zh_edition.translation_key, target_locale=zh_edition.locale
    )
    response = editor_client.get(edit_url(zh_edition))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()
    note = edition.annotations.first()
    segment = StringSegment.objects.get(source=translation.source, string__data=note.text)
    response = editor_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "译者修改的编者注。"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    preview = reverse("wagtail_localize:preview_translation", args=[translation.pk])
    assert "译者修改的编者注。" in editor_client.get(preview).content.decode()
    response = editor_client.post(edit_url(zh_edition), {"action": "publish"})
    assert response.status_code == 302
    assert "译者修改的编者注。" in editor_client.get("/zh-hans/fifth-bulletin/").content.decode()


def test_the_chinese_edition_edited_as_a_page_of_its_own_saves_and_publishes(
    editor_client, zh_edition
):
    # "Stop synced translation" in the translation editor: the page's own form then edits it.
    Translation.objects.filter(target_locale=zh_edition.locale).update(enabled=False)
    fields = form_of(editor_client, zh_edition)
    assert len(fields) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    fields = replace(fields, "annotations-0-text", "编者修改的注释。")
    assert editor_client.post(edit_url(zh_edition), as_post_data(fields)).status_code == 302
    fields = form_of(editor_client, zh_edition)
    response = editor_client.post(
        edit_url(zh_edition), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 302
    assert "编者修改的注释。" in editor_client.get("/zh-hans/fifth-bulletin/").content.decode()


def test_a_500_segment_edition_with_its_notes_fits_the_form_limits_and_saves(editor_client):
    page = make_edition(HomePage.objects.get(locale__language_code="en"), n_segments=500)
    anchors = [segment.anchor for segment in page.segments.all()]
    page.set_children(
        segments=list(page.segments.all()),
        annotations=[
            Annotation(anchor=anchor, kind="context", text=f"A note on {anchor}.")
            for anchor in anchors[::2]
        ],
    )
    page.save_revision().publish()
    fields = form_of(editor_client, page)
    assert 4000 < len(fields) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    fields = replace(fields, "segments-499-texts-en", "The last sentence, revised.")
    fields = replace(fields, "change_description", "Revised the last sentence.")
    assert len(fields) < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    response = editor_client.post(
        edit_url(page), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = EditionPage.objects.get(pk=page.pk)
    assert page.segments.count() == 500 and page.annotations.count() == 250
    assert page.segments.last().version_texts["en"][0] == "The last sentence, revised."


def test_a_new_editions_segments_ask_for_its_versions_first(editor_client):
    home = HomePage.objects.get(locale__language_code="en")
    url = reverse("wagtailadmin_pages:add", args=["edition", "editionpage", home.pk])
    html = editor_client.get(url).content.decode()
    assert "Add the edition&#x27;s versions (Metadata tab) and save" in html
