"""Writing the glossary back to `site/glossary/`: its terms with the places they are marked
in the edition, the page, and their translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.core.file_order import in_file_order
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.listed_marks import marks_by_target, marks_in_file_order

from .content import EDITION, PAGE, TERMS
from .terms import GlossaryTerm, TermMention


def export(exporter):
    locale = Locale.get_default()
    terms = list(
        GlossaryTerm.objects.filter(locale=locale).prefetch_related("sources").order_by("pk")
    )
    marks = marks_by_target(TermMention, GlossaryTerm, locale, EDITION) if terms else {}
    export_snippet_list(
        exporter, TERMS, terms, lambda term, written: term_data(term, written, marks)
    )
    export_simple_page(exporter, PAGE)


def term_data(term, written, marks):
    """The fields of a term's item that are not `Field`s of TERMS; `written` is its item in
    the file as it stands, whose sources and marks keep their order."""
    keys = [record.key for record in term.sources.all()]
    return {
        "sources": in_file_order(keys, written.get("sources")),
        "mentions": marks_in_file_order(marks.get(term.slug, []), written.get("mentions"), EDITION),
    }
