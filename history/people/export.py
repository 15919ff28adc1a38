"""Writing the index of people back to `site/people/`: its people with the places they are
marked in the editions, the page, and their translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.core.exporting import Inline
from history.core.file_order import in_file_order
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.models import EditionPage

from .content import EDITION, PAGE, PEOPLE
from .persons import Person, PersonMention


def export(exporter):
    locale = Locale.get_default()
    people = list(Person.objects.filter(locale=locale).prefetch_related("sources").order_by("pk"))
    marks = marks_by_person(locale) if people else {}
    export_snippet_list(
        exporter, PEOPLE, people, lambda person, written: person_data(person, written, marks)
    )
    export_simple_page(exporter, PAGE)


def marks_by_person(locale):
    """{person slug: [mark]} in the order they were made; a mark names the source language's
    person and edition, and its edition when it is not EDITION."""
    slugs = dict(Person.objects.filter(locale=locale).values_list("translation_key", "slug"))
    editions = dict(
        EditionPage.objects.filter(locale=locale).values_list("translation_key", "slug")
    )
    marks = {}
    for mention in PersonMention.objects.select_related("edition", "person").order_by("pk"):
        edition = editions.get(mention.edition.translation_key, mention.edition.slug)
        place = {} if edition == EDITION else {"edition": edition}
        mark = Inline(
            **place, anchor=mention.anchor, version=mention.version, phrase=mention.phrase
        )
        marks.setdefault(slugs[mention.person.translation_key], []).append(mark)
    return marks


def person_data(person, written, marks):
    """The fields of a person's item that are not `Field`s of PEOPLE; `written` is its item in
    the file as it stands, whose sources and marks keep their order."""
    keys = [record.key for record in person.sources.all()]
    found = {_mark_key(mark): mark for mark in marks.get(person.slug, [])}
    order = [_mark_key(mark) for mark in written.get("mentions") or [] if isinstance(mark, dict)]
    data = {"sources": in_file_order(keys, written.get("sources"))}
    if found:
        data["mentions"] = [found[key] for key in in_file_order(found, order)]
    return data


def _mark_key(mark):
    return (
        mark.get("edition", EDITION),
        mark.get("anchor"),
        mark.get("version"),
        mark.get("phrase"),
    )
