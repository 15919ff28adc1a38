"""Content loading for editions: `site/editions/<slug>/edition.yaml`, `text.yaml`,
`notes.yaml`, and `versions.yaml` with the snapshots of earlier versions in `versions/<n>.yaml`.

An edition's links to passages of other editions (`passage_links` in notes.yaml) name their
target by the edition's slug and anchor (`to: final-report:p12`) and are stored with its id.
Editions load in the order of their folders, so a link may name one that is not loaded yet:
such an edition is loaded again once all are (`load`), and a link that names nothing then is
an error.

The edition and each object in its files get a translation key derived from where they are
(`default_key`), so that translation files can name them. An object made in the admin has a
key of its own; its file then gives it (`translation_key`), as export.py writes it.
"""

import datetime
import uuid
from functools import partial

from django.utils import timezone
from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import (
    ContentError,
    digest_data,
    digest_files,
    read_yaml,
    require,
    require_choice,
    stable_key,
)
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.translating import load_page_translations, stand_in_where_untranslated

from .models import (
    Annotation,
    AnnotationKind,
    DateRole,
    DocumentDate,
    DocumentsPage,
    DocumentVersion,
    EditionPage,
    NoteKind,
    PassageLink,
    Segment,
    SegmentKind,
    TermNote,
    TranslationNote,
    VersionStatus,
)
from .page_links import ids_for_paths
from .references import ParagraphRef
from .versions import EditionVersion, not_recorded, snapshot, snapshot_digest

# The page that lists the editions as a series: `editions/documents.yaml`.
DOCUMENTS = SimplePage(
    "editions/documents", "editions/documents.yaml", DocumentsPage, ("short_title", "intro")
)

TEXT_FIELDS = [
    "short_title", "series_role", "original_title", "original_title_language", "content_note",
    "issuing_body", "author_family_name", "author_given_name", "author_name_original",
    "author_role", "addressees", "distribution", "original_language", "summary", "source", "rights",
    "search_description", "seo_title",
]  # fmt: skip
# Fields (of TEXT_FIELDS, and versions' provenance) in Wagtail's rich text: their page links
# name pages by path in the files (see page_links.py).
RICH_TEXT_FIELDS = ["summary", "source", "rights"]

# The child objects of an edition, as the loader sets them, in the order of its files.
RELATIONS = [
    "versions", "dates", "segments", "translation_notes", "term_notes", "annotations",
    "passage_links",
]  # fmt: skip


def default_key(slug, relation, obj, index):
    """The translation key of an edition's child object whose file does not give one."""
    parts = {
        "versions": lambda: [obj.code],
        "dates": lambda: [index],
        "segments": lambda: [obj.anchor],
        "translation_notes": lambda: [obj.anchor, index],
        "term_notes": lambda: [obj.version, obj.term],
        "annotations": lambda: [obj.anchor, index],
        "passage_links": lambda: [obj.anchor, index],
    }[relation]()
    return stable_key(slug, relation, *parts)


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    folders = sorted(path for path in (loader.content_dir / "editions").iterdir() if path.is_dir())
    # The files say which versions an edition has: publishing while loading makes none.
    with not_recorded():
        waiting = [folder for folder in folders if load_edition(loader, home, folder)[1]]
        # Their links name editions or paragraphs loaded after them: all are loaded now.
        for folder in waiting:
            load_edition(loader, home, folder, last_pass=True)
    load_simple_page(loader, DOCUMENTS, home)


def load_edition(loader, home, folder, last_pass=False):
    """Load the edition in `folder`: (its page, whether links were left out). Before the
    `last_pass`, links to paragraphs not loaded yet are left out; on it, they are errors."""
    meta_path, text_path = folder / "edition.yaml", folder / "text.yaml"
    notes_path = folder / "notes.yaml"
    meta, segments = read_yaml(meta_path), read_yaml(text_path)
    versions_files = version_files(folder)
    edition_versions = read_versions(folder)
    notes = read_yaml(notes_path) if notes_path.exists() else {}
    slug = require(meta, "slug", meta_path)
    versions = [
        _version(item, meta_path, lambda html: ids_for_paths(html, home, loader, meta_path))
        for item in require(meta, "versions", meta_path, list)
    ]
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
    by_anchor = {segment.anchor: segment for segment in segments}
    annotations = [
        _annotation(item, index, by_anchor, records, notes_path)
        for index, item in enumerate(notes.get("annotations") or [])
    ]
    targets = _link_targets(notes.get("passage_links") or [], home)
    passage_links = [
        _passage_link(item, index, slug, set(anchors), targets, last_pass, notes_path)
        for index, item in enumerate(notes.get("passage_links") or [])
    ]
    links_waiting = None in passage_links
    children = {
        "versions": versions,
        "dates": dates,
        "segments": segments,
        "translation_notes": translation_notes,
        "term_notes": term_notes,
        "annotations": annotations,
        "passage_links": [link for link in passage_links if link is not None],
    }
    for relation, objects in children.items():
        for index, obj in enumerate(objects):
            if obj.translation_key is None:
                obj.translation_key = default_key(slug, relation, obj, index)
    page_key = _translation_key(meta, meta_path) or stable_key(slug)
    last_anchor_number = meta.get("last_anchor_number") or 0
    if not isinstance(last_anchor_number, int):
        raise ContentError(f"{meta_path}: field “last_anchor_number” should be an int")

    def fill(page):
        page.title = require(meta, "title", meta_path)
        for field in TEXT_FIELDS:
            if field in meta:
                setattr(page, field, meta[field] or "")
        for field in RICH_TEXT_FIELDS:
            setattr(page, field, ids_for_paths(getattr(page, field), home, loader, meta_path))
        page.author_family_name_first = bool(meta.get("author_family_name_first", True))
        page.show_in_menus = bool(meta.get("show_in_menus", True))
        # Anchors deleted in the admin stay used: saving the page numbers new ones after these.
        page.last_anchor_number = max(page.last_anchor_number, last_anchor_number)
        page.set_children(**children)

    existing = EditionPage.objects.filter(slug=slug, locale=home.locale).first()
    new = partial(EditionPage, slug=slug, locale=home.locale, translation_key=page_key)
    key = f"editions/{folder.name}"
    files = [meta_path, text_path] + ([notes_path] if notes_path.exists() else [])
    files += versions_files
    loaded_revision = existing.latest_revision_id if existing else None
    # The links' stored targets are part of what is loaded: a target edition made anew (with
    # a new id) updates the links to it.
    stored = [link.target for link in children["passage_links"]]
    digest = digest_data([digest_files(*files), stored]) if stored else digest_files(*files)
    page = loader.sync_page(key, digest, existing, home, new, fill)
    if not links_waiting:  # else the next pass translates the page with all its links
        load_page_translations(loader, key, page)
        stand_in_where_untranslated(loader, key, page)
        if page.latest_revision_id != loaded_revision:  # loaded now, not kept from the admin
            set_versions(page, edition_versions)
    return page, links_waiting


def version_files(folder):
    """The files of an edition's versions that exist: versions.yaml and the snapshots."""
    found = [folder / "versions.yaml"] if (folder / "versions.yaml").exists() else []
    return found + sorted((folder / "versions").glob("*.yaml"))


def read_versions(folder):
    """[(number, date, description, snapshot or None for the current version)] from
    versions.yaml and versions/<n>.yaml; None if the edition has no versions.yaml."""
    path = folder / "versions.yaml"
    if not path.exists():
        return None
    items = read_yaml(path)
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of versions")
    found = []
    for index, item in enumerate(items):
        where = f"{path} (version {index + 1})"
        number = require(item, "number", where, int)
        if number != index + 1:
            raise ContentError(f"{where}: versions are numbered 1, 2, 3… in order; found {number}")
        date = require(item, "date", where, datetime.date)
        description = item.get("description") or ""
        if not isinstance(description, str):
            raise ContentError(f"{where}: field “description” should be a str")
        found.append((number, date, description))
    result = []
    for number, date, description in found:
        data = None
        if number < len(found):
            data = read_yaml(folder / "versions" / f"{number}.yaml")
            if not isinstance(data, dict) or not isinstance(data.get("segments"), list):
                raise ContentError(
                    f"{folder / 'versions' / f'{number}.yaml'}: should hold the version's "
                    "“segments” and “notes”"
                )
        result.append((number, date, description, data))
    return result


def set_versions(page, items):
    """Replace `page`'s versions by those of its files (`read_versions`); with none, the
    edition as loaded is its version 1, dated its first publication."""
    if items is None:
        first = page.first_published_at or timezone.now()
        items = [(1, timezone.localdate(first), "", None)]
    page.edition_versions.all().delete()
    language = page.locale.language_code
    current = snapshot(page)
    EditionVersion.objects.bulk_create(
        EditionVersion(
            page=page,
            number=number,
            published=date,
            description=description,
            snapshot=data or current,
            digest=snapshot_digest(data or current, language),
        )
        for number, date, description, data in items
    )


def _version(item, path, rich_text):
    status = require_choice(item, "status", path, VersionStatus.values)
    return DocumentVersion(
        code=require(item, "code", path),
        language=require(item, "language", path),
        label=require(item, "label", path),
        status=status,
        translator=item.get("translator") or "",
        provenance=rich_text(require(item, "provenance", path)),
        translation_key=_translation_key(item, path),
    )


def _date(item, path):
    role = require_choice(item, "role", path, DateRole.values)
    value = require(item, "date", path, datetime.date)
    return DocumentDate(
        role=role,
        date=value,
        label=require(item, "label", path),
        translation_key=_translation_key(item, path),
    )


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
        translation_key=_translation_key(item, where),
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
        translation_key=_translation_key(item, where),
    )


def _annotation(item, index, segments, records, path):
    where = f"{path} (annotation {index + 1})"
    unknown = [key for key in item.get("sources") or [] if key not in records]
    if unknown:
        raise ContentError(f"{where}: unknown source(s) {unknown}")
    anchor = require_choice(item, "anchor", where, segments)
    phrase = item.get("phrase", "")
    if phrase and not segments[anchor].contains(phrase):
        raise ContentError(f"{where}: phrase “{phrase}” is not in paragraph {anchor}")
    return Annotation(
        anchor=anchor,
        kind=require_choice(item, "kind", where, AnnotationKind.values),
        phrase=phrase,
        text=_annotation_text(require(item, "text", where)),
        sources=[("source", records[key]) for key in item.get("sources") or []],
        translation_key=_translation_key(item, where),
    )


def _link_targets(items, home):
    """{(slug, anchor): stored reference} for the paragraphs in the database that the links
    `items` may name: two queries."""
    slugs = {str(item.get("to", "")).partition(":")[0] for item in items if isinstance(item, dict)}
    if not slugs:
        return {}
    editions = dict(
        EditionPage.objects.filter(slug__in=slugs, locale=home.locale).values_list("pk", "slug")
    )
    return {
        (editions[page_id], anchor): str(ParagraphRef(page_id, anchor))
        for page_id, anchor in Segment.objects.filter(page__in=editions).values_list(
            "page_id", "anchor"
        )
    }


def _passage_link(item, index, slug, anchors, targets, last_pass, path):
    """The link `item` of the edition `slug`, or None if it names a paragraph not loaded yet
    (an error on the `last_pass`)."""
    where = f"{path} (passage link {index + 1})"
    anchor = require_choice(item, "anchor", where, anchors)
    to = require(item, "to", where)
    target_slug, _colon, target_anchor = to.partition(":")
    if not target_anchor:
        raise ContentError(f"{where}: “to” should name an edition and a paragraph: slug:p12")
    if target_slug == slug:
        raise ContentError(f"{where}: “{to}” is in this edition; links go to other editions")
    subject = require(item, "subject", where)
    target = targets.get((target_slug, target_anchor))
    if target is None:
        if not last_pass:
            return None
        if target_slug not in {known for known, _anchor in targets}:
            raise ContentError(f"{where}: no edition “{target_slug}” (to: {to})")
        raise ContentError(f"{where}: edition “{target_slug}” has no paragraph {target_anchor}")
    return PassageLink(
        anchor=anchor,
        target=target,
        subject=" ".join(subject.split()),
        translation_key=_translation_key(item, where),
    )


def _annotation_text(text):
    """Text on one line has its runs of spaces closed up; text written over several lines (a
    literal block, as export.py writes a note with line breaks) is kept as it is."""
    return text if "\n" in text.strip() else " ".join(text.split())


def _term_note(item, index, codes, path):
    where = f"{path} (term note {index + 1})"
    version = require_choice(item, "version", where, codes)
    return TermNote(
        version=version,
        term=require(item, "term", where),
        rendering=require(item, "rendering", where),
        note=require(item, "note", where),
        translation_key=_translation_key(item, where),
    )


def _translation_key(item, where):
    """The key `item` gives itself, if any: a UUID (see `default_key`)."""
    value = item.get("translation_key")
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError as error:
        raise ContentError(f"{where}: translation_key “{value}” is not a UUID") from error
