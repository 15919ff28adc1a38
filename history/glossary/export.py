"""Writing the glossary back to `site/glossary/`: its terms with the places they are marked
in the edition, the page, and their translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.core.exporting import Inline
from history.core.file_order import in_file_order
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.models import EditionPage

from .content import EDITION, PAGE, TERMS
from .terms import GlossaryTerm, TermMention


def export(exporter):
    locale = Locale.get_default()
    terms = list(
        GlossaryTerm.objects.filter(locale=locale).prefetch_related("sources").order_by("pk")
    )
    marks = marks_by_term(exporter, locale) if terms else {}
    export_snippet_list(
        exporter, TERMS, terms, lambda term, written: term_data(term, written, marks)
    )
    export_simple_page(exporter, PAGE)


def marks_by_term(exporter, locale):
    """{term slug: [mark]} for the terms marked in the editions, in the order they were made.
    A mark may name a translation of the term or of an edition; the file names the source,
    and names the edition of a mark outside EDITION."""
    slugs = dict(GlossaryTerm.objects.filter(locale=locale).values_list("translation_key", "slug"))
    editions = dict(
        EditionPage.objects.filter(locale=locale).values_list("translation_key", "slug")
    )
    mentions = TermMention.objects.select_related("edition", "term").order_by("pk")
    marks = {}
    for mention in mentions:
        edition = editions.get(mention.edition.translation_key, mention.edition.slug)
        place = {} if edition == EDITION else {"edition": edition}
        mark = Inline(
            **place, anchor=mention.anchor, version=mention.version, phrase=mention.phrase
        )
        marks.setdefault(slugs[mention.term.translation_key], []).append(mark)
    return marks


def term_data(term, written, marks):
    """The fields of a term's item that are not `Field`s of TERMS; `written` is its item in
    the file as it stands, whose sources and marks keep their order."""
    keys = [record.key for record in term.sources.all()]
    return {
        "sources": in_file_order(keys, written.get("sources")),
        "mentions": marks_in_file_order(marks.get(term.slug, []), written.get("mentions")),
    }


def marks_in_file_order(marks, written):
    """`marks` in the order of the file's list `written`: the loader makes each edition's
    marks in turn, so the database's order need not be the order an editor wrote them in."""
    found = {mark_key(mark): mark for mark in marks}
    written = [mark_key(mark) for mark in written or [] if isinstance(mark, dict)]
    return [found[key] for key in in_file_order(found, written)]


def mark_key(mark):
    return (
        mark.get("edition", EDITION),
        mark.get("anchor"),
        mark.get("version"),
        mark.get("phrase"),
    )
