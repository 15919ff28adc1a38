"""Content loading for lessons: `site/lessons/lessons.yaml` (the index, and the lessons in
order) and one file per lesson, `site/lessons/<slug>.yaml`.

A lesson's body is a list of blocks, each with a `type`:
- `instructions`, `teacher_note`: `text` (paragraphs separated by blank lines; *italics*);
- `excerpt`: `from`, `to` (paragraph anchors of the edition), optional `version`,
  `parallel`, `anatomy`, `adapted`;
- `question`: `skill`, `prompt`, optional `starters` (a list), `model_answer`;
- `organiser`: `from`, `to`, optional `instructions`;
- `map_view`: optional `document`, `kind`, `place`, `caption`;
- `timeline_range`: optional `period`, `themes` (a list), `caption`;
- `vocabulary`: `terms` (glossary slugs);
- `essay`: `essay` (an essay's slug), optional `note`.
Rich text (`text`, `prompt`, `model_answer`) may be given as `{html: "<p>…</p>"}` instead of
the shorthand, as the admin stores it (links, bold, lists). A block may carry its `id:` (which
names its strings in translation files); without one, the id derives from the block.
Optional: `short_code` (the lesson's short link; without it, one derived from the slug),
`seo_title`, `show_in_menus`, and `translation_key` for a lesson whose key does not derive
from the file (made in the admin, or renamed since).
"""

import hashlib
import json

from wagtail.models import Locale

from history.core.loading import ContentError, require, stable_key
from history.core.prose import read_rich
from history.core.simple_pages import PageFolder, load_page_folder
from history.edition.models import EditionPage
from history.edition.references import ParagraphRef
from history.glossary.terms import GlossaryTerm

from .blocks import SKILLS, EssayLinkBlock
from .excerpts import range_problem
from .pages import CODE_ALPHABET, CODE_LENGTH, LessonIndexPage, LessonPage, Level

# The edition an excerpt or organiser quotes unless it names another (`edition: <slug>`).
EDITION = "fifth-bulletin"


LESSONS = PageFolder("lessons", LessonIndexPage, LessonPage)
# The page type the essay block links to.
ESSAY_PAGE = EssayLinkBlock.base_blocks["essay"].target_model


def load(loader):
    load_page_folder(loader, LESSONS, lesson_fields)


def lesson_fields(page, data, path):
    """A lesson's own fields from its file."""
    slug = page.slug
    page.short_code = str(data.get("short_code") or "") or page.short_code or file_code(slug)
    page.author_name = require(data, "author", path)
    page.level = _choice(data, "level", Level.values, path)
    page.duration = require(data, "duration", path, int)
    page.question = require(data, "question", path)
    page.objectives = "\n".join(require(data, "objectives", path, list))
    page.summary = " ".join(require(data, "summary", path).split())
    page.body = _body(data, path, slug)


def file_code(slug):
    """The short code of a lesson whose file names none: the same on every site loaded from
    the file, so that printed links and QR codes keep working."""
    digest = hashlib.sha256(f"lessons/{slug}".encode()).digest()
    return "".join(CODE_ALPHABET[byte % len(CODE_ALPHABET)] for byte in digest[:CODE_LENGTH])


def _choice(data, field, choices, where, required=True):
    value = data.get(field) or ""
    if (value or required) and value not in choices:
        raise ContentError(f"{where}: {field} “{value}” is not one of {sorted(choices)}")
    return value


def _paragraph(item, field, where, edition):
    anchor = require(item, field, where)
    return str(ParagraphRef(edition.pk, anchor))


def _edition(item, where):
    slug = str(item.get("edition") or EDITION)
    edition = EditionPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if edition is None:
        raise ContentError(f"{where}: no edition “{slug}”")
    return edition


def _body(data, path, slug):
    blocks = []
    for number, item in enumerate(require(data, "body", path, list), start=1):
        where = f"{path}: body block {number}"
        kind = require(item, "type", where)
        if kind in ("instructions", "teacher_note"):
            value = _rich(item, "text", where)
        elif kind in ("excerpt", "organiser"):
            edition = _edition(item, where)
            value = {
                "start": _paragraph(item, "from", where, edition),
                "end": _paragraph(item, "to", where, edition),
            }
            problem = range_problem(value["start"], value["end"])
            if problem:
                raise ContentError(f"{where}: {problem}")
            if kind == "excerpt":
                value.update(
                    version=str(item.get("version") or ""),
                    parallel=bool(item.get("parallel")),
                    anatomy=bool(item.get("anatomy")),
                    adapted=" ".join(str(item.get("adapted") or "").split()),
                )
            else:
                value["instructions"] = " ".join(str(item.get("instructions") or "").split())
        elif kind == "question":
            value = {
                "skill": _choice(item, "skill", SKILLS, where),
                "prompt": _rich(item, "prompt", where),
                "sentence_starters": _starters(item.get("starters") or [], where),
                "model_answer": read_rich(item.get("model_answer") or "", where),
            }
        elif kind == "map_view":
            value = {f: str(item.get(f) or "") for f in ("document", "kind", "place", "caption")}
        elif kind == "timeline_range":
            value = {
                "period": str(item.get("period") or ""),
                "themes": list(item.get("themes") or []),
                "caption": str(item.get("caption") or ""),
            }
        elif kind == "vocabulary":
            terms = require(item, "terms", where, list)
            value = {"terms": [_term_item(s, slug, number, where) for s in terms]}
        elif kind == "essay":
            essay = ESSAY_PAGE.objects.filter(
                slug=require(item, "essay", where), locale=Locale.get_default()
            ).first()
            if essay is None:
                raise ContentError(f"{where}: no essay “{item['essay']}”")
            value = {"essay": essay.pk, "note": str(item.get("note") or "")}
        else:
            raise ContentError(f"{where}: unknown type “{kind}”")
        blocks.append({"type": kind, "value": value, "id": block_id(item, slug, number)})
    if len({block["id"] for block in blocks}) != len(blocks):
        raise ContentError(f"{path}: two blocks of the body have the same id")
    return blocks


def block_id(item, slug, number):
    """Block ids name the strings in translation files: the item's `id:`, or one derived from
    the item and its place, the same in every database loaded from the file."""
    if item.get("id"):
        return str(item["id"])
    digest = hashlib.sha256(json.dumps(item, sort_keys=True, default=str).encode())
    return str(stable_key("lessons", slug, number, digest.hexdigest()[:12]))


def _rich(item, field, where):
    return read_rich(require(item, field, where, object), f"{where}: {field}")


def _starters(items, where):
    """Sentence starters: text, or `{id, text}` to keep the ids that name them in translation
    files (the admin gives each its id)."""
    if not all(isinstance(s, dict) for s in items):
        if any(isinstance(s, dict) for s in items):
            raise ContentError(f"{where}: starters should all be text, or all {{id, text}}")
        return [str(s) for s in items]
    return [
        {"type": "item", "value": str(s.get("text") or ""), "id": require(s, "id", where)}
        for s in items
    ]


def _term_item(term, slug, number, where):
    """A term of a vocabulary block, as a list item with an id of its own that is the same in
    every database loaded from the file (a translation copies the ids of its source's items)."""
    item_id = str(stable_key("lessons", slug, number, "term", term))
    return {"type": "item", "value": _term(term, where), "id": item_id}


def _term(slug, where):
    term = GlossaryTerm.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if term is None:
        raise ContentError(f"{where}: no glossary term “{slug}”")
    return term.pk
