"""Writing editions back to files: `editions/<slug>/edition.yaml`, `text.yaml`, `notes.yaml`,
`versions.yaml` (with the snapshots of earlier versions in `versions/<n>.yaml`) and their
translations, in the format `content.py` reads.

An object keeps its translation key through an export and a load: the file gives the key only
where it is not the one the loader would derive (`content.default_key`), as for objects made
in the admin.
"""

import yaml
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from history.core.exporting import translation_files
from history.core.loading import stable_key
from history.core.simple_pages import export_simple_page

from .content import DOCUMENTS, RELATIONS, RICH_TEXT_FIELDS, default_key
from .models import ANCHOR_PATTERN, EditionPage
from .page_links import paths_for_ids
from .references import ParagraphRef

# The order of edition.yaml's fields, as the hand-written file has them.
PAGE_FIELDS = [
    "short_title", "series_role", "original_title", "original_title_language", "show_in_menus",
    "search_description", "seo_title", "summary", "content_note", "issuing_body",
    "author_family_name", "author_given_name", "author_name_original",
    "author_family_name_first", "author_role", "addressees", "distribution",
    "original_language", "source", "rights",
]  # fmt: skip
# Fields written only when they are set (the others are always written, as in the files).
OPTIONAL_FIELDS = {"seo_title"}
# The width polib wraps at by default, which the translation files were written with.
PO_WIDTH = 78


def export(exporter):
    pages = EditionPage.objects.filter(locale=Locale.get_default()).order_by("path")
    for page in pages:
        export_edition(exporter, page)
    export_simple_page(exporter, DOCUMENTS)


def export_edition(exporter, page):
    folder = f"editions/{page.slug}"
    keys = child_keys(page)
    home = page.get_parent()
    exporter.write_yaml(f"{folder}/edition.yaml", edition_data(page, keys, home))
    # text.yaml is a long list in PyYAML's plain layout; kept so, its diffs show the text.
    segments = [segment_data(segment, keys) for segment in page.segments.all()]
    exporter.write_text(f"{folder}/text.yaml", _plain_yaml(segments))
    notes = notes_data(page, keys)
    if notes or exporter.path(f"{folder}/notes.yaml").exists():
        exporter.write_yaml(f"{folder}/notes.yaml", notes)
    export_versions(exporter, folder, page)
    for locale, po in translation_files(page):
        drop_obsolete(page, po)
        describe_entries(page, po)
        po.wrapwidth = PO_WIDTH
        exporter.write_po(f"translations/{locale.language_code}/{folder}.po", po)


def export_versions(exporter, folder, page):
    """versions.yaml, and a snapshot file for each version but the current one (whose text
    and notes are the edition's own files)."""
    versions = list(page.edition_versions.all())
    if not versions:
        return
    items = []
    for version in versions:
        item = {"number": version.number, "date": version.published}
        if version.description:
            item["description"] = version.description
        items.append(item)
    exporter.write_yaml(f"{folder}/versions.yaml", items)
    for version in versions[:-1]:
        exporter.write_text(
            f"{folder}/versions/{version.number}.yaml", _plain_yaml(version.snapshot)
        )


def child_keys(page):
    """{child object: the translation key its file must give, or None if the loader derives
    it}, for every child object of `page`."""
    keys = {}
    for relation in RELATIONS:
        for index, obj in enumerate(getattr(page, relation).all()):
            derived = default_key(page.slug, relation, obj, index)
            keys[obj] = None if obj.translation_key == derived else str(obj.translation_key)
    return keys


def _keyed(data, obj, keys):
    if keys.get(obj):
        data["translation_key"] = keys[obj]
    return data


def edition_data(page, keys, home):
    data = {"slug": page.slug, "title": page.title}
    if page.translation_key != stable_key(page.slug):
        data["translation_key"] = str(page.translation_key)
    for field in PAGE_FIELDS:
        if getattr(page, field) or field not in OPTIONAL_FIELDS:
            data[field] = getattr(page, field)
    for field in RICH_TEXT_FIELDS:
        data[field] = paths_for_ids(data[field], home)
    highest = max((_anchor_number(s.anchor) for s in page.segments.all()), default=0)
    if page.last_anchor_number > highest:
        data["last_anchor_number"] = page.last_anchor_number
    data["dates"] = [
        _keyed({"role": date.role, "date": date.date, "label": date.label}, date, keys)
        for date in page.dates.all()
    ]
    data["versions"] = [version_data(version, keys, home) for version in page.versions.all()]
    return data


def _anchor_number(anchor):
    match = ANCHOR_PATTERN.match(anchor or "")
    return int(match.group(1)) if match else 0


def version_data(version, keys, home):
    data = {
        "code": version.code,
        "language": version.language,
        "label": version.label,
        "status": version.status,
        "translator": version.translator,
        "provenance": paths_for_ids(version.provenance, home),
    }
    return _keyed(data, version, keys)


def segment_data(segment, keys):
    data = {"anchor": segment.anchor, "kind": segment.kind}
    blocks = [block.value for block in segment.texts]
    data["texts"] = {value["version"]: value["text"] for value in blocks}
    run_in = [value["version"] for value in blocks if value.get("run_in")]
    if run_in:
        data["run_in"] = run_in
    for field in ("anatomy_note", "alignment_note"):
        if getattr(segment, field):
            data[field] = getattr(segment, field)
    return _keyed(data, segment, keys)


def notes_data(page, keys):
    data = {}
    translation_notes = [translation_note_data(n, keys) for n in page.translation_notes.all()]
    if translation_notes:
        data["translation_notes"] = translation_notes
    term_notes = [
        _keyed(
            {"version": n.version, "term": n.term, "rendering": n.rendering, "note": n.note},
            n,
            keys,
        )
        for n in page.term_notes.all()
    ]
    if term_notes:
        data["term_notes"] = term_notes
    annotations = [annotation_data(n, keys) for n in page.annotations.all()]
    if annotations:
        data["annotations"] = annotations
    links = list(page.passage_links.all())
    if links:
        data["passage_links"] = passage_links_data(links, keys)
    return data


def passage_links_data(links, keys):
    """The links as notes.yaml gives them, their targets named by edition slug and anchor
    ("final-report:p12"); a target whose edition is gone keeps its stored form, which a load
    then reports."""
    refs = {link: ParagraphRef.parse(link.target) for link in links}
    slugs = dict(
        EditionPage.objects.filter(
            pk__in={ref.page_id for ref in refs.values() if ref}
        ).values_list("pk", "slug")
    )
    data = []
    for link in links:
        ref = refs[link]
        to = f"{slugs[ref.page_id]}:{ref.anchor}" if ref and ref.page_id in slugs else link.target
        data.append(_keyed({"anchor": link.anchor, "to": to, "subject": link.subject}, link, keys))
    return data


def translation_note_data(note, keys):
    data = {"anchor": note.anchor, "version": note.version, "kind": note.kind}
    for field in ("original_phrase", "translation_phrase"):
        if getattr(note, field):
            data[field] = getattr(note, field)
    data["note"] = note.note
    return _keyed(data, note, keys)


def annotation_data(note, keys):
    data = {"anchor": note.anchor, "kind": note.kind}
    if note.phrase:
        data["phrase"] = note.phrase
    data["text"] = note.text
    sources = [record.key for record in note.source_records]
    if sources:
        data["sources"] = sources
    return _keyed(data, note, keys)


def drop_obsolete(page, po):
    """Leave out the translations of strings the page no longer has, which wagtail-localize
    keeps for reference: a load could not match them to anything."""
    source = TranslationSource.objects.get_for_instance(page)
    current = set(
        StringSegment.objects.filter(source=source).values_list("context__path", "string__data")
    )
    for entry in [entry for entry in po if (entry.msgctxt, entry.msgid) not in current]:
        po.remove(entry)


def describe_entries(page, po):
    """Say in each entry's comment which object its field belongs to ("segment p3:
    anatomy_note"), as the hand-written translation files do: the contexts name objects by
    key only."""
    described = {}
    for relation in RELATIONS:
        for obj in getattr(page, relation).all():
            described[(relation, str(obj.translation_key))] = _describe(relation, obj)
    for entry in po:
        relation, _dot, rest = entry.msgctxt.partition(".")
        key, _dot, field = rest.partition(".")
        what = described.get((relation, key))
        if what:
            entry.comment = what if relation == "annotations" else f"{what}: {field}"


def _describe(relation, obj):
    return {
        "versions": lambda: f"version {obj.code}",
        "dates": lambda: f"date: {obj.role}",
        "segments": lambda: f"segment {obj.anchor}",
        "translation_notes": lambda: f"translation note on {obj.anchor}",
        "term_notes": lambda: f"note on the term {obj.term}",
        "annotations": lambda: f"editorial note on {obj.anchor}",
        "passage_links": lambda: f"link from {obj.anchor} to another document",
    }[relation]()


def _plain_yaml(data):
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
