"""Content loading for editions: `site/editions/<slug>/edition.yaml` and `text.yaml`."""

import datetime

from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import (
    ContentError,
    digest_files,
    read_yaml,
    require,
    require_choice,
    stable_key,
)
from history.core.models import HomePage
from history.core.translating import load_page_translations

from .models import (
    Annotation,
    AnnotationKind,
    DateRole,
    DocumentDate,
    DocumentVersion,
    EditionPage,
    NoteKind,
    Segment,
    SegmentKind,
    TermNote,
    TranslationNote,
    VersionStatus,
)

TEXT_FIELDS = [
    "short_title", "original_title", "original_title_language", "content_note", "issuing_body",
    "author_family_name", "author_given_name", "author_name_original", "author_role",
    "addressees", "distribution", "original_language", "summary", "source", "rights",
    "search_description",
]  # fmt: skip


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    for folder in sorted((loader.content_dir / "editions").iterdir()):
        if folder.is_dir():
            load_edition(loader, home, folder)


def load_edition(loader, home, folder):
    meta_path, text_path = folder / "edition.yaml", folder / "text.yaml"
    notes_path = folder / "notes.yaml"
    meta, segments = read_yaml(meta_path), read_yaml(text_path)
    notes = read_yaml(notes_path) if notes_path.exists() else {}
    slug = require(meta, "slug", meta_path)
    versions = [_version(item, meta_path) for item in require(meta, "versions", meta_path, list)]
    dates = [_date(item, meta_path) for item in require(meta, "dates", meta_path, list)]
    codes = {version.code for version in versions}
    if not isinstance(segments, list):
        raise ContentError(f"{text_path}: should be a list of segments")
    segments = [_segment(item, index, codes, text_path) for index, item in enumerate(segments)]
    anchors = [segment.anchor for segment in segments]
    repeated = sorted({anchor for anchor in anchors if anchors.count(anchor) > 1})
    if repeated:
        raise ContentError(f"{text_path}: anchors repeated: {', '.join(repeated)}")
    translation_notes = [
        _translation_note(item, index, codes, set(anchors), notes_path)
        for index, item in enumerate(notes.get("translation_notes") or [])
    ]
    term_notes = [
        _term_note(item, index, codes, notes_path)
        for index, item in enumerate(notes.get("term_notes") or [])
    ]
    records = {record.key: record for record in SourceRecord.objects.all()}
    texts = {seg.anchor: [block.value["text"] for block in seg.texts] for seg in segments}
    annotations = [
        _annotation(item, index, texts, records, notes_path)
        for index, item in enumerate(notes.get("annotations") or [])
    ]
    for obj in versions:
        obj.translation_key = stable_key(slug, "versions", obj.code)
    for index, obj in enumerate(dates):
        obj.translation_key = stable_key(slug, "dates", index)
    for obj in segments:
        obj.translation_key = stable_key(slug, "segments", obj.anchor)
    for index, obj in enumerate(translation_notes):
        obj.translation_key = stable_key(slug, "translation_notes", obj.anchor, index)
    for obj in term_notes:
        obj.translation_key = stable_key(slug, "term_notes", obj.version, obj.term)
    for index, obj in enumerate(annotations):
        obj.translation_key = stable_key(slug, "annotations", obj.anchor, index)

    def fill(page):
        page.title = require(meta, "title", meta_path)
        for field in TEXT_FIELDS:
            if field in meta:
                setattr(page, field, meta[field] or "")
        page.author_family_name_first = bool(meta.get("author_family_name_first", True))
        page.show_in_menus = bool(meta.get("show_in_menus", True))
        page.set_children(
            versions=versions,
            dates=dates,
            segments=segments,
            translation_notes=translation_notes,
            term_notes=term_notes,
            annotations=annotations,
        )

    def update(page):
        fill(page)
        page.save_revision().publish()

    def create():
        page = EditionPage(slug=slug, locale=home.locale, translation_key=stable_key(slug))
        fill(page)
        home.add_child(instance=page)
        page.save_revision().publish()
        return page

    existing = EditionPage.objects.filter(slug=slug, locale=home.locale).first()
    key = f"editions/{folder.name}"
    files = [meta_path, text_path] + ([notes_path] if notes_path.exists() else [])
    page = loader.sync(key, digest_files(*files), existing, create, update)
    load_page_translations(loader, key, page)
    return page


def _version(item, path):
    status = require_choice(item, "status", path, VersionStatus.values)
    return DocumentVersion(
        code=require(item, "code", path),
        language=require(item, "language", path),
        label=require(item, "label", path),
        status=status,
        translator=item.get("translator") or "",
        provenance=require(item, "provenance", path),
    )


def _date(item, path):
    role = require_choice(item, "role", path, DateRole.values)
    value = require(item, "date", path, datetime.date)
    return DocumentDate(role=role, date=value, label=require(item, "label", path))


def _segment(item, index, codes, path):
    where = f"{path} (segment {index + 1})"
    anchor = require(item, "anchor", where)
    kind = require_choice(item, "kind", where, SegmentKind.values)
    texts = item.get("texts") or {}
    run_in = item.get("run_in") or []
    unknown = (set(texts) | set(run_in)) - codes
    if unknown:
        raise ContentError(f"{where}: unknown version(s) {sorted(unknown)}; known: {sorted(codes)}")
    stream = [
        ("text", {"version": code, "text": text, "run_in": code in run_in})
        for code, text in texts.items()
    ]
    return Segment(
        anchor=anchor,
        kind=kind,
        texts=stream,
        anatomy_note=item.get("anatomy_note", ""),
        alignment_note=item.get("alignment_note", ""),
    )


def _translation_note(item, index, codes, anchors, path):
    where = f"{path} (translation note {index + 1})"
    anchor = require_choice(item, "anchor", where, anchors)
    version = require_choice(item, "version", where, codes)
    kind = require_choice(item, "kind", where, NoteKind.values)
    return TranslationNote(
        anchor=anchor,
        version=version,
        kind=kind,
        original_phrase=item.get("original_phrase", ""),
        translation_phrase=item.get("translation_phrase", ""),
        note=require(item, "note", where),
    )


def _annotation(item, index, texts, records, path):
    where = f"{path} (annotation {index + 1})"
    unknown = [key for key in item.get("sources") or [] if key not in records]
    if unknown:
        raise ContentError(f"{where}: unknown source(s) {unknown}")
    anchor = require_choice(item, "anchor", where, texts)
    phrase = item.get("phrase", "")
    if phrase and not any(phrase in text for text in texts[anchor]):
        raise ContentError(f"{where}: phrase “{phrase}” is not in paragraph {anchor}")
    return Annotation(
        anchor=anchor,
        kind=require_choice(item, "kind", where, AnnotationKind.values),
        phrase=phrase,
        text=" ".join(require(item, "text", where).split()),
        sources=[("source", records[key]) for key in item.get("sources") or []],
    )


def _term_note(item, index, codes, path):
    where = f"{path} (term note {index + 1})"
    version = require_choice(item, "version", where, codes)
    return TermNote(
        version=version,
        term=require(item, "term", where),
        rendering=require(item, "rendering", where),
        note=require(item, "note", where),
    )
