"""Versions of an edition: each published change to its text or notes, numbered and dated.

A version keeps a snapshot of what a reader of it needs (the segments with their texts in every
document version, and the notes in every language of the site), so that it stays readable after
the text changes; `digest` tells whether a publication changed the text or the notes.

Versions belong to the edition in the default language (the source of its translations): the
Chinese edition shows the same numbers. Publishing the source with a changed text or changed
notes makes the next version, described by the line the editor wrote in the edit form
(`pending_change_description`). Publishing a translation (its notes translated) makes no version: it
brings the current version's notes in that language up to date.

(Not to be confused with `DocumentVersion`: a version of the document's text, such as the
Chinese original or an English translation.)
"""

import contextlib
import contextvars
import copy
import hashlib
import json
import re

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from history.core import versions as cache_versions
from history.core.bibliography import SourceRecord
from history.core.language_parts import HAN

# Whether publications make versions now: `load_site` sets the versions from files instead.
_recording = contextvars.ContextVar("recording_edition_versions", default=True)


@contextlib.contextmanager
def not_recorded():
    """Publications inside this block make no versions (the loader sets them from files)."""
    token = _recording.set(False)
    try:
        yield
    finally:
        _recording.reset(token)


class EditionVersion(models.Model):
    """A numbered, dated publication of an edition's text and notes."""

    page = models.ForeignKey(
        "edition.EditionPage", on_delete=models.CASCADE, related_name="edition_versions"
    )
    number = models.PositiveIntegerField(_("number"))
    published = models.DateField(_("published"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    # {"segments": [...], "notes": {language code: {...}}}: see `snapshot`.
    snapshot = models.JSONField(default=dict)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["number"]
        verbose_name = _("version of the edition")
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="unique_version_number")
        ]

    def __str__(self):
        return f"{self.page_id} v{self.number}"

    @property
    def public_description(self):
        """The editor's line, or what a version without one says."""
        if self.description:
            return self.description
        return _("First published.") if self.number == 1 else _("Text or notes revised.")

    @property
    def description_language(self):
        """The language the editor wrote the line in (it is shown as written, in every
        language of the site), or "" for the site's own line, which is in the reader's."""
        if not self.description:
            return ""
        han = len(HAN.findall(self.description))
        latin = len(re.findall(r"[A-Za-z]", self.description))
        # By its main script: an English line may quote a Chinese word.
        return "zh-Hans" if han * 2 >= latin else "en"


# --- snapshots ---


def segment_data(segment):
    texts = segment.version_texts
    return {
        "anchor": segment.anchor,
        "kind": segment.kind,
        "texts": {code: text for code, (text, _run_in) in sorted(texts.items())},
        "run_in": sorted(code for code, (_text, run_in) in texts.items() if run_in),
    }


def _source_ids(annotation):
    return [item.get("value") for item in annotation.sources.raw_data if item.get("value")]


def notes_data(translation_notes, annotations, term_notes):
    """The notes as a snapshot keeps them; annotations name their sources by key."""
    annotations = list(annotations)
    ids = {pk for note in annotations for pk in _source_ids(note)}
    keys = dict(SourceRecord.objects.filter(pk__in=ids).values_list("pk", "key")) if ids else {}
    fields = ("anchor", "version", "kind", "original_phrase", "translation_phrase", "note")
    return {
        "translation_notes": [
            {name: getattr(note, name) for name in fields} for note in translation_notes
        ],
        "annotations": [
            {
                "anchor": note.anchor,
                "kind": note.kind,
                "phrase": note.phrase,
                "text": note.text,
                "sources": [keys[pk] for pk in _source_ids(note) if pk in keys],
            }
            for note in annotations
        ],
        "term_notes": [
            {name: getattr(note, name) for name in ("version", "term", "rendering", "note")}
            for note in term_notes
        ],
    }


def page_notes(page):
    return notes_data(page.translation_notes.all(), page.annotations.all(), page.term_notes.all())


def digest(segments, notes):
    """Changes when the text or the notes (in the source's language) change."""
    data = json.dumps({"segments": segments, "notes": notes}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def snapshot(page):
    """What a reader of `page` (the source edition) as published now reads, in every
    language: its segments, and the notes of it and of each live translation."""
    notes = {page.locale.language_code: page_notes(page)}
    for translation in page.get_translations().live().specific().select_related("locale"):
        notes[translation.locale.language_code] = page_notes(translation)
    return {"segments": [segment_data(s) for s in page.segments.all()], "notes": notes}


def snapshot_digest(data, language_code):
    return digest(data["segments"], data["notes"].get(language_code, {}))


# --- which versions an edition has ---


def source_of(page):
    """The edition in the default language, which the versions belong to."""
    if page.locale_id == Locale.get_default().pk:
        return page
    return page.get_translation(Locale.get_default())


def history(page):
    """The versions of `page`'s edition (any language), oldest first, without snapshots."""
    return list(
        EditionVersion.objects.filter(
            page__translation_key=page.translation_key,
            page__locale__language_code=Locale.get_default().language_code,
        ).defer("snapshot")
    )


def cached_history(page, request=None):
    """`history`, kept until an edition changes."""
    return cache_versions.cached(
        "edition-versions",
        lambda: history(page),
        vary=[page.translation_key],
        request=request,
        tags=("edition",),
    )


def latest(page):
    return page.edition_versions.order_by("-number").first()


def record(page):
    """After `page` (the source edition) is published: the next version if its text or notes
    changed since the last one (described by its `pending_change_description`), else the current
    version's snapshot brought up to date (notes translated since). Returns the version."""
    data = snapshot(page)
    current = latest(page)
    language = page.locale.language_code
    if current is not None and current.digest == snapshot_digest(data, language):
        current.snapshot = data
        current.save(update_fields=["snapshot"])
        return current
    version = EditionVersion.objects.create(
        page=page,
        number=current.number + 1 if current else 1,
        published=timezone.localdate(),
        description=page.pending_change_description,
        snapshot=data,
        digest=snapshot_digest(data, language),
    )
    # The line describes this change only: the next publication starts without one.
    type(page).objects.filter(pk=page.pk).update(pending_change_description="")
    return version


def record_translation(page):
    """After a translation of an edition is published: its notes in the current version."""
    current = latest(source_of(page))
    if current is None:
        return
    current.snapshot.setdefault("notes", {})[page.locale.language_code] = page_notes(page)
    current.save(update_fields=["snapshot"])


def on_published(sender, instance, **kwargs):
    if not _recording.get():
        return
    if instance.locale_id == Locale.get_default().pk:
        record(instance)
    else:
        record_translation(instance)


def posted_digest(form):
    """The digest of the text and notes an edition's edit form is about to save (its child
    forms in the order they will have), to tell whether publishing it changes them."""

    def ordered(relation):
        if relation not in form.formsets:
            return []
        kept = form.kept_forms(relation)
        position = {id(f): i for i, f in enumerate(kept)}
        kept.sort(
            key=lambda f: (
                (f.cleaned_data.get("ORDER") is None, f.cleaned_data.get("ORDER") or 0)
                + (position[id(f)],)
            )
        )
        return [f.instance for f in kept]

    notes = notes_data(ordered("translation_notes"), ordered("annotations"), ordered("term_notes"))
    return digest([segment_data(s) for s in ordered("segments")], notes)


# --- reading an earlier version ---


def restore(page, version, language_code):
    """`page` as its readers read it in `version`: a copy whose segments and notes are the
    snapshot's (in the reader's language where the snapshot has them), unsaved."""
    Segment = apps.get_model("edition", "Segment")
    TranslationNote = apps.get_model("edition", "TranslationNote")
    TermNote = apps.get_model("edition", "TermNote")
    Annotation = apps.get_model("edition", "Annotation")
    data = version.snapshot
    all_notes = data.get("notes", {})
    source_language = Locale.get_default().language_code
    notes = all_notes.get(language_code) or all_notes.get(source_language) or {}
    segments = [
        Segment(
            anchor=item["anchor"],
            kind=item["kind"],
            texts=[
                {"type": "text", "value": {"version": code, "text": text, "run_in": code in runs}}
                for code, text in item["texts"].items()
                for runs in [item.get("run_in", [])]
            ],
        )
        for item in data.get("segments", [])
    ]
    keys = {key for note in notes.get("annotations", []) for key in note.get("sources", [])}
    records = {r.key: r for r in SourceRecord.objects.filter(key__in=keys)} if keys else {}
    old = copy.copy(page)
    for name in ("segments_by_anchor", "paragraph_numbers"):
        old.__dict__.pop(name, None)
    old.use_loaded(segments, page.all_versions)
    old.__dict__["all_translation_notes"] = [
        TranslationNote(sort_order=i, **note)
        for i, note in enumerate(notes.get("translation_notes", []))
    ]
    old.__dict__["all_term_notes"] = [TermNote(**note) for note in notes.get("term_notes", [])]
    old.__dict__["all_annotations"] = [
        Annotation(
            sort_order=i,
            anchor=note["anchor"],
            kind=note["kind"],
            phrase=note.get("phrase", ""),
            text=note["text"],
            sources=[("source", records[key]) for key in note.get("sources", []) if key in records],
        )
        for i, note in enumerate(notes.get("annotations", []))
    ]
    return old
