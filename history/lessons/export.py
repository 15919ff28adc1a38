"""Writing the lessons back to files: `lessons/lessons.yaml` (the index and its lessons in
tree order, teachers' lessons included), one `lessons/<slug>.yaml` per lesson and their
translations, in the format `content.py` reads.

What is exported is what visitors see: the published content of live lessons. Drafts and
unpublished changes stay in the database (loading a file publishes it).
"""

from wagtail.models import Locale

from history.core.exporting import Inline, Keys
from history.core.prose import write_rich
from history.core.simple_pages import export_page_folder
from history.edition.models import EditionPage
from history.edition.references import ParagraphRef
from history.glossary.terms import GlossaryTerm

from .content import EDITION, ESSAY_PAGE, LESSONS, block_id, file_code


def export(exporter):
    names = Names()
    export_page_folder(exporter, LESSONS, lambda lesson: lesson_data(lesson, names))


class Names:
    """How files name the objects that blocks store by id: glossary terms, essays and editions
    by their slug (in the site's default language), and an edition's paragraphs by their
    anchor."""

    def __init__(self):
        self.term = _slug_finder(GlossaryTerm.objects.all())
        self.edition = _slug_finder(EditionPage.objects.all())
        self.essay = _slug_finder(ESSAY_PAGE.objects.all())


def _slug_finder(objects):
    """A function from an object's id to the slug of the object, or of its source in the
    default language (not of a stand-in page there); None for an id that names nothing."""
    default = Locale.get_default()
    by_pk = {obj.pk: obj for obj in objects}
    sources = {
        obj.translation_key: obj.slug
        for obj in by_pk.values()
        if obj.locale_id == default.pk and getattr(obj, "alias_of_id", None) is None
    }

    def slug(pk):
        obj = by_pk.get(pk)
        return obj and sources.get(obj.translation_key, obj.slug)

    return slug


def lesson_data(lesson, names):
    """A lesson's own fields, as `content.lesson_fields` reads them."""
    slug = lesson.slug
    data = {}
    if lesson.short_code != file_code(slug):
        data["short_code"] = lesson.short_code
    data.update(author=lesson.author_name, level=lesson.level, duration=lesson.duration)
    data["question"] = lesson.question
    data["objectives"] = lesson.objective_list
    data["summary"] = lesson.summary
    body = []
    for number, block in enumerate(_exportable(lesson.body, names), start=1):
        item = _item(block["type"], block["value"], names)
        if block_id(item, slug, number) != block["id"]:  # made or changed in the admin
            item = {"type": item["type"], "id": block["id"], **item}
        body.append(item)
    data["body"] = body
    return data


def _exportable(body, names):
    """The stored blocks a file can name: not those whose essay or terms were all deleted
    since."""
    for block in body.raw_data:
        raw = block["value"]
        if block["type"] == "essay" and not names.essay(raw.get("essay")):
            continue
        terms = raw.get("terms") if block["type"] == "vocabulary" else None
        if block["type"] == "vocabulary" and not any(map(names.term, _list(terms))):
            continue
        yield block


def _list(raw):
    """A ListBlock's stored items, whether plain values or `{type: item, value}` (as the
    admin saves them)."""
    items = [item["value"] if isinstance(item, dict) else item for item in raw or []]
    return [item for item in items if item not in (None, "")]


def _starters(raw):
    """Text, or `{id, text}` where the admin gave the starters ids (translation files name
    them by it)."""
    if raw and all(isinstance(item, dict) for item in raw):
        return [Inline(id=item["id"], text=item["value"]) for item in raw]
    return [str(item) for item in raw]


def _range(item, raw, names):
    start, end = ParagraphRef.parse(raw["start"]), ParagraphRef.parse(raw["end"])
    edition = names.edition(start.page_id)
    if edition != EDITION:
        item["edition"] = edition
    item["from"], item["to"] = start.anchor, end.anchor


def _item(kind, raw, names):
    item = {"type": kind}
    if kind in ("instructions", "teacher_note"):
        item["text"] = write_rich(raw)
    elif kind == "excerpt":
        _range(item, raw, names)
        for field in ("version", "parallel", "anatomy", "adapted"):
            if raw.get(field):
                item[field] = raw[field]
    elif kind == "organiser":
        _range(item, raw, names)
        if raw.get("instructions"):
            item["instructions"] = raw["instructions"]
    elif kind == "question":
        item["skill"] = raw["skill"]
        item["prompt"] = write_rich(raw["prompt"])
        starters = _starters(raw.get("sentence_starters") or [])
        if starters:
            item["starters"] = starters
        if raw.get("model_answer"):
            item["model_answer"] = write_rich(raw["model_answer"])
    elif kind in ("map_view", "timeline_range"):
        item.update({field: value for field, value in raw.items() if value})
    elif kind == "vocabulary":
        item["terms"] = Keys(names.term(pk) for pk in _list(raw["terms"]) if names.term(pk))
    elif kind == "essay":
        item["essay"] = names.essay(raw["essay"])
        if raw.get("note"):
            item["note"] = raw["note"]
    else:
        raise ValueError(f"lesson block “{kind}” has no file format")
    return item
