"""Writing the index of people back to `site/people/`: its people with the places they are
marked in the editions, the page, and their translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.core.file_order import in_file_order
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.listed_marks import marks_by_target, marks_in_file_order

from .content import EDITION, PAGE, PEOPLE
from .persons import Person, PersonMention


def export(exporter):
    locale = Locale.get_default()
    people = list(Person.objects.filter(locale=locale).prefetch_related("sources").order_by("pk"))
    marks = marks_by_target(PersonMention, Person, locale, EDITION) if people else {}
    export_snippet_list(
        exporter, PEOPLE, people, lambda person, written: person_data(person, written, marks)
    )
    export_simple_page(exporter, PAGE)


def person_data(person, written, marks):
    """The fields of a person's item that are not `Field`s of PEOPLE; `written` is its item in
    the file as it stands, whose sources and marks keep their order."""
    keys = [record.key for record in person.sources.all()]
    data = {"sources": in_file_order(keys, written.get("sources"))}
    marks = marks_in_file_order(marks.get(person.slug, []), written.get("mentions"), EDITION)
    if marks:
        data["mentions"] = marks
    return data
