"""Content loading for essays: `site/essays/essays.yaml` (the index page and the order of the
essays) and one file per essay, `site/essays/<slug>.yaml`; translations from
`translations/<language>/essays/<slug>.po`.

An essay file's body is a list of blocks:
- `{type: paragraph, text: ...}`: prose; *words* between asterisks are set in italics, and
  `[^key]` marks where footnote `key` is cited;
- `{type: heading, text: ...}`;
- `{type: quote, anchor: p8, version: en, comment: ...}`: a paragraph of the edition (`edition:`
  names another edition by slug; `version` may be left out for the reader's language);
- `{type: callout, title: ..., text: ...}`.
`footnotes:` maps each key to `{text, sources: [bibliography keys]}`; `bibliography:` lists
the works the essay rests on (those its notes cite are listed anyway).

An essay without a translation into a site language is shown there in its own language (a
Wagtail alias of the page), with a notice; a translation loaded later replaces the alias.
"""

import hashlib
import json
import re

from django.utils.html import escape
from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import ContentError, digest_files, read_yaml, require, stable_key
from history.core.models import HomePage
from history.core.simple_pages import load_simple_page
from history.core.translating import load_page_translations, stand_in_where_untranslated
from history.edition.models import EditionPage
from history.edition.passages import paragraph_value

from .footnotes import EssayFootnote, marker_problems, markers_in, misplaced_markers
from .pages import EssayIndexPage, EssayPage

ITALICS = re.compile(r"\*([^*\n]+)\*")
DEFAULT_EDITION = "fifth-bulletin"


def load(loader):
    folder = loader.content_dir / "essays"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    index_path = folder / "essays.yaml"
    index = load_simple_page(loader, "essays/index", index_path, EssayIndexPage, home, ["intro"])
    slugs = require(read_yaml(index_path), "essays", index_path, list)
    records = {record.key: record for record in SourceRecord.objects.all()}
    for slug in slugs:
        essay = load_essay(loader, folder / f"{slug}.yaml", index, records)
        load_page_translations(loader, f"essays/{slug}", essay)
        stand_in_where_untranslated(loader, f"essays/{slug}", essay)


def load_essay(loader, path, index, records):
    data = read_yaml(path)
    slug = require(data, "slug", path)
    if path.stem != slug:
        raise ContentError(f"{path}: slug “{slug}” should match the file name")
    key = f"essays/{slug}"

    def fill(page):
        page.title = require(data, "title", path)
        page.slug = slug
        page.search_description = str(data.get("search_description") or "")
        page.standfirst = " ".join(require(data, "standfirst", path).split())
        page.author = require(data, "author", path)
        page.date = data.get("date") or page.date
        page.content_note = " ".join(str(data.get("content_note") or "").split())
        page.body = _body(data, path, slug)
        page.footnotes = _footnotes(data, path, slug, records)
        further = data.get("bibliography") or []
        page.bibliography = [("source", _record(records, k, path)) for k in further]
        keys = [footnote.key for footnote in page.footnotes.all()]
        problems = marker_problems(markers_in(page.body.get_prep_value()), keys)
        for problem, keys in problems.items():
            if keys:
                raise ContentError(f"{path}: footnotes {problem}: {', '.join(keys)}")
        misplaced = misplaced_markers(page.body.get_prep_value())
        if misplaced:
            raise ContentError(f"{path}: footnote markers in headings or titles: {misplaced}")

    def create():
        page = EssayPage(locale=index.locale, translation_key=stable_key(key))
        fill(page)
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(page):
        fill(page)
        page.save_revision().publish()

    existing = EssayPage.objects.filter(locale=index.locale, translation_key=stable_key(key))
    return loader.sync(key, digest_files(path), existing.first(), create, update)


def prose(text):
    """A paragraph of plain text with *italics*, as rich text."""
    html = ITALICS.sub(r"<i>\1</i>", escape(" ".join(str(text).split())))
    return f"<p>{html}</p>"


def _body(data, path, slug):
    blocks = []
    seen = {}
    for number, item in enumerate(require(data, "body", path, list), start=1):
        where = f"{path}: body block {number}"
        kind = require(item, "type", where)
        if kind == "paragraph":
            value = prose(require(item, "text", where))
        elif kind == "heading":
            value = " ".join(require(item, "text", where).split())
        elif kind == "callout":
            title = require(item, "title", where)
            value = {"title": title, "text": prose(require(item, "text", where))}
        elif kind == "quote":
            value = _quote(item, where)
        else:
            raise ContentError(f"{where}: unknown type “{kind}”")
        # Block ids name the strings in translation files: the same block keeps the same id
        # in every database loaded from these files (so they derive from the file alone).
        digest = hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode())
        digest = digest.hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        block_id = str(stable_key("essays", slug, digest, seen[digest]))
        blocks.append({"type": kind, "value": value, "id": block_id})
    return blocks


def _quote(item, where):
    edition_slug = item.get("edition") or DEFAULT_EDITION
    edition = EditionPage.objects.filter(slug=edition_slug, locale=Locale.get_default()).first()
    if edition is None:
        raise ContentError(f"{where}: no edition “{edition_slug}”")
    anchor = require(item, "anchor", where)
    segment = edition.segments.filter(anchor=anchor).first()
    if segment is None:
        raise ContentError(f"{where}: the edition has no paragraph “{anchor}”")
    version = str(item.get("version") or "")
    if version and version not in segment.version_texts:
        raise ContentError(f"{where}: paragraph {anchor} has no text in version “{version}”")
    comment = prose(item["comment"]) if item.get("comment") else ""
    return {
        "paragraph": paragraph_value(edition.pk, anchor),
        "version": version,
        "comment": comment,
    }


def _footnotes(data, path, slug, records):
    notes = data.get("footnotes") or {}
    if not isinstance(notes, dict):
        raise ContentError(f"{path}: footnotes should map keys to notes")
    footnotes = []
    for position, (key, note) in enumerate(notes.items()):
        where = f"{path}: footnote {key}"
        footnotes.append(
            EssayFootnote(
                key=key,
                text=prose(require(note, "text", where)),
                sources=[("source", _record(records, k, where)) for k in note.get("sources") or []],
                translation_key=stable_key("essays", slug, "footnote", key),
                locale=Locale.get_default(),
                sort_order=position,
            )
        )
    return footnotes


def _record(records, key, where):
    if key not in records:
        raise ContentError(f"{where}: unknown source “{key}”")
    return records[key]
