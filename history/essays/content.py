"""Content loading for essays: `site/essays/essays.yaml` (the index page and the order of the
essays) and one file per essay, `site/essays/<slug>.yaml`; translations from
`translations/<language>/essays/<slug>.po`.

An essay file's body is a list of blocks:
- `{type: paragraph, text: ...}`: prose; *words* between asterisks are set in italics, and
  `[^key]` marks where footnote `key` is cited;
- `{type: heading, text: ...}`;
- `{type: quote, anchor: p8, version: en, comment: ...}`: a paragraph of the edition (`edition:`
  names another edition by slug; `version` may be left out for the reader's language);
- `{type: callout, title: ..., text: ...}`;
- `{type: image, image: ..., caption: ..., credit: ..., licence: ...}`: `image` names a file of
  `images/` (see history/core/images.py).
Wherever text is read with the *italics* shorthand (paragraphs, callouts, comments, captions,
notes), `{html: "<p>…</p>"}` gives rich text as the admin stores it (links, bold, lists).
A block may carry its `id:` (which names its strings in translation files); without one, the
id derives from the block's content.
`footnotes:` maps each key to `{text, sources: [bibliography keys]}`; `bibliography:` lists
the works the essay rests on (those its notes cite are listed anyway).
Optional: `hero_image` (with `hero_caption`, `hero_credit`, `hero_licence`), `seo_title`,
`show_in_menus`, and `translation_key` for the essay or a footnote whose key does not derive
from the file (made in the admin, or renamed since).

An essay without a translation into a site language is shown there in its own language (a
Wagtail alias of the page), with a notice; a translation loaded later replaces the alias.
"""

import hashlib
import json

from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.images import image_for
from history.core.loading import ContentError, item_translation_key, require, stable_key
from history.core.prose import read_rich
from history.core.simple_pages import PageFolder, load_page_folder
from history.edition.models import EditionPage
from history.edition.references import ParagraphRef

from .footnotes import EssayFootnote, marker_problems, markers_in, misplaced_markers
from .pages import EssayIndexPage, EssayPage

DEFAULT_EDITION = "fifth-bulletin"


ESSAYS = PageFolder("essays", EssayIndexPage, EssayPage)


def load(loader):
    load_page_folder(loader, ESSAYS, essay_fields(SourceRecord.objects.all()))


def essay_fields(records):
    """`fill(page, data, path)`: an essay's own fields from its file, citing `records`."""
    records = {record.key: record for record in records}

    def fill(page, data, path):
        slug = page.slug
        page.standfirst = " ".join(require(data, "standfirst", path).split())
        page.author = require(data, "author", path)
        page.date = data.get("date") or page.date
        page.content_note = " ".join(str(data.get("content_note") or "").split())
        hero = data.get("hero_image")
        page.hero_image = image_for(hero, f"{path}: hero_image") if hero else None
        for field in ("hero_caption", "hero_credit", "hero_licence"):
            setattr(page, field, str(data.get(field) or ""))
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

    return fill


def _body(data, path, slug):
    items = require(data, "body", path, list)
    blocks = []
    ids = block_ids(items, slug)
    for number, (item, block_id) in enumerate(zip(items, ids, strict=True), start=1):
        where = f"{path}: body block {number}"
        kind = require(item, "type", where)
        if kind == "paragraph":
            value = _rich(item, "text", where)
        elif kind == "heading":
            value = " ".join(require(item, "text", where).split())
        elif kind == "callout":
            title = require(item, "title", where)
            value = {"title": title, "text": _rich(item, "text", where)}
        elif kind == "quote":
            value = _quote(item, where)
        elif kind == "image":
            value = _image(item, where)
        else:
            raise ContentError(f"{where}: unknown type “{kind}”")
        blocks.append({"type": kind, "value": value, "id": block_id})
    if len({block["id"] for block in blocks}) != len(blocks):
        raise ContentError(f"{path}: two blocks of the body have the same id")
    return blocks


def _rich(item, field, where):
    return read_rich(require(item, field, where, object), f"{where}: {field}")


def block_ids(items, slug):
    """The id of each block of a body: its `id:`, or one derived from the item, so that the
    same block keeps the same id in every database loaded from the file (and its strings in
    translation files keep their names). Identical items are told apart by their order."""
    ids, seen = [], {}
    for item in items:
        if isinstance(item, dict) and item.get("id"):
            ids.append(str(item["id"]))
            continue
        digest = hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode())
        digest = digest.hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        ids.append(str(stable_key("essays", slug, digest, seen[digest])))
    return ids


def _image(item, where):
    """An image block: the image by its file name, the caption as rich text; other fields of
    the block are taken as written."""
    value = {key: item[key] for key in item if key not in ("type", "id")}
    value["image"] = image_for(require(item, "image", where), where).pk
    caption = item.get("caption")
    value["caption"] = read_rich(caption, where) if caption else ""
    value["credit"] = str(item.get("credit") or "")
    value["licence"] = str(item.get("licence") or "")
    return value


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
    if version and not segment.text_in(version):
        raise ContentError(f"{where}: paragraph {anchor} has no text in version “{version}”")
    comment = read_rich(item["comment"], where) if item.get("comment") else ""
    return {
        "paragraph": str(ParagraphRef(edition.pk, anchor)),
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
                text=_rich(note, "text", where),
                sources=[("source", _record(records, k, where)) for k in note.get("sources") or []],
                translation_key=item_translation_key(note, where, *footnote_key(slug, key)),
                locale=Locale.get_default(),
                sort_order=position,
            )
        )
    return footnotes


def footnote_key(slug, key):
    """The parts of the translation key a footnote has unless its file gives one."""
    return ("essays", slug, "footnote", key)


def _record(records, key, where):
    if key not in records:
        raise ContentError(f"{where}: unknown source “{key}”")
    return records[key]
