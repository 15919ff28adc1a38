"""export_site writes the edition (its metadata, text, notes and their translations) back to
the files load_site reads, and a new database loaded from them shows the same edition."""

import copy
import difflib
import re

import polib
import pytest
import yaml
from django.db import models
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from history.core.bibliography import SourceRecord
from history.edition.content import RELATIONS
from history.edition.models import Annotation, EditionPage, Segment
from tests.conftest import ROOT, export_site
from tests.round_trips import INTO_A_COPY, Part, register

pytestmark = pytest.mark.django_db

FOLDER = "editions/fifth-bulletin"
PO = "translations/zh-hans/editions/fifth-bulletin.po"
# Made by the database, not by editors: row ids, the tree, revisions, times.
UNCOMPARED = {
    "id", "page_ptr", "page", "path", "depth", "numchild", "content_type", "owner",
    "locked_by", "latest_revision", "live_revision", "latest_revision_created_at",
    "first_published_at", "last_published_at", "locked_at", "sort_order",
}  # fmt: skip
PAGE_LINK = re.compile(r'<a (?:linktype="page" id="(\d+)"|id="(\d+)" linktype="page")')
VIEWS = ["", "?anatomy=on", "?version=zh", "parallel/", "parallel/?left=en&right=zh"]


def po_entries(path):
    return [(e.msgctxt, e.msgid, e.msgstr, e.comment) for e in polib.pofile(str(path))]


def test_an_unchanged_edition_exports_the_data_it_was_loaded_from(content_copy):
    for name in ("edition.yaml", "text.yaml", "notes.yaml"):
        (content_copy / FOLDER / name).write_text("# Kept.\n[]\n")
    (content_copy / PO).unlink()
    export_site(content_copy)
    for name in ("edition.yaml", "text.yaml", "notes.yaml"):
        exported = yaml.safe_load((content_copy / FOLDER / name).read_text())
        original = yaml.safe_load((ROOT / "site" / FOLDER / name).read_text())
        assert exported == original, name
        assert (content_copy / FOLDER / name).read_text().startswith("# Kept.\n")
    # The same entries, in the same order, with the comments that say what each is.
    assert po_entries(content_copy / PO) == po_entries(ROOT / "site" / PO)
    # text.yaml keeps its layout: only the one line that was written by hand differs.
    exported = (content_copy / FOLDER / "text.yaml").read_text().splitlines()[1:]
    original = (ROOT / "site" / FOLDER / "text.yaml").read_text().splitlines()[5:]
    changed = [line for line in difflib.ndiff(original, exported) if line[0] in "+-"]
    assert len(changed) <= 3, changed


def edition(language="en"):
    source = EditionPage.objects.get(slug="fifth-bulletin", locale=Locale.get_default())
    return EditionPage.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )


def row(obj):
    """An object's fields as editors see them: no ids or times; streams without block ids,
    sources by their keys."""
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in UNCOMPARED or isinstance(field, models.DateTimeField):
            continue
        value = getattr(obj, field.name)
        if field.name == "locale":
            value = value.language_code
        elif field.name == "sources":
            value = [record.key for record in obj.source_records]
        elif field.name == "texts":
            value = [block["value"] for block in value.raw_data]
        elif field.name == "target":  # "12:p8": the edition by its slug, as ids change
            page_id, _colon, anchor = value.partition(":")
            value = f"{Page.objects.get(pk=page_id).slug}:{anchor}"
        elif isinstance(value, str):
            value = PAGE_LINK.sub(lambda m: f"<a {linked_page(m)}", value)
        data[field.name] = value
    return data


def linked_page(match):
    return Page.objects.get(pk=match.group(1) or match.group(2)).url_path


def edition_data(language):
    page = edition(language)
    return {"page": row(page)} | {
        relation: [row(obj) for obj in getattr(page, relation).all()] for relation in RELATIONS
    }


def public_html(client, language):
    pages = {}
    for view in VIEWS:
        response = client.get(edition(language).url + view)
        assert response.status_code == 200, view
        html = response.content.decode()
        html = re.sub(r'(csrfmiddlewaretoken" value=|nonce=)"[^"]*"', r"\1", html)
        pages[view] = html
    return pages


def publish_source_edits(page):
    """Edits as an editor makes them in the admin: text, notes, metadata; a paragraph inserted,
    one added and then deleted; an editorial note put first."""
    segments = list(page.segments.all())
    p8 = next(segment for segment in segments if segment.anchor == "p8")
    p8.texts = [
        (
            "text",
            dict(block.value) | {"text": block.value["text"].replace("arrested—", "arrested, ")},
        )
        for block in p8.texts
    ]
    inserted = Segment(
        kind="paragraph",
        texts=[("text", {"version": "en", "text": "A line an editor\nrestored.", "run_in": True})],
        anatomy_note="Restored from the archive copy.",
    )
    segments[2:2] = [inserted, Segment(kind="paragraph", texts=[])]
    notes = list(page.translation_notes.all())
    note = next(note for note in notes if note.anchor == "p19")
    note.note = "The Chinese means Luda and Rehe, and other areas inside the Pass."
    annotations = list(page.annotations.all())
    annotations[4].text = "A first paragraph.\n\nA second paragraph, after a blank line."
    added = Annotation(
        anchor="p12",
        kind="context",
        phrase="2 radio transmitters",
        text="Transmitters point to organised trafficking.",
        sources=[("source", SourceRecord.objects.get(key="fifth-bulletin"))],
    )
    page.summary = (
        f'<p>A <b>summary</b>, <a href="https://example.org/ccrd">a link</a> and a link to <a '
        f'linktype="page" id="{page.get_parent().pk}">the home page</a>.</p>'
    )
    page.seo_title = "The Fifth Bulletin, an edition"
    page.assign_anchors(segments)
    page.set_children(segments=segments, translation_notes=notes, annotations=[added, *annotations])
    page.save_revision().publish()
    page = EditionPage.objects.get(pk=page.pk)
    page.segments = [segment for segment in page.segments.all() if segment.texts]
    page.save_revision().publish()
    return page


def translate(page, translations):
    """Synchronise the Chinese translation with the source and translate its new strings, as
    the translation editor does."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation = Translation.objects.get(source=source, target_locale__language_code="zh-hans")
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translations.get(entry.msgctxt) or entry.msgstr or f"译：{entry.msgid}"
    translation.import_po(po)
    translation.save_target(publish=False)
    edition("zh-hans").get_latest_revision().publish()


def edit_the_edition(trip):
    page = publish_source_edits(edition())
    translate(page, {"short_title": "整理本（修订）"})


def observe_the_edition(trip):
    return {
        "data": {language: edition_data(language) for language in ("en", "zh-hans")},
        "html": {language: public_html(trip.client, language) for language in ("en", "zh-hans")},
    }


def exported_edition(trip):
    return {
        "notes": yaml.safe_load((trip.folder / FOLDER / "notes.yaml").read_text()),
        "meta": yaml.safe_load((trip.folder / FOLDER / "edition.yaml").read_text()),
    }


register(
    INTO_A_COPY,
    Part("edition", edit_the_edition, observe_the_edition, exported=exported_edition),
)


def test_edits_in_the_admin_survive_an_export_and_a_load_into_a_new_database(round_trip):
    trip = round_trip(INTO_A_COPY)
    before, after = trip.before["edition"], trip.after["edition"]
    html = before["html"]
    assert "A line an editor" in html["en"][""] and "整理本（修订）" in html["zh-hans"][""]

    files = trip.files["edition"]
    assert "translation_key" in files["notes"]["annotations"][0]  # made in the admin
    meta = files["meta"]
    assert meta["last_anchor_number"] == 95  # p95 was given out, then deleted
    assert '<a linktype="page" path="/">the home page</a>' in meta["summary"]

    data = copy.deepcopy(after["data"])
    # A translation's own count of anchors is not used (its segments are the source's).
    zh_count = before["data"]["zh-hans"]["page"]["last_anchor_number"]
    data["zh-hans"]["page"]["last_anchor_number"] = zh_count
    assert data == before["data"]
    assert after["html"] == html
    # The new database writes the same files again.
    assert "(0 files changed)" in trip.export_after_load


def test_a_second_export_changes_no_file(content_copy):
    export_site(content_copy)
    assert "(0 files changed)" in export_site(content_copy)
