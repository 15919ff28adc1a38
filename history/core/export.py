"""Writing the site frame back to files: the home page (`home.yaml` and its translations) and
the bibliography (`bibliography.yaml`), in the format `content.py` reads."""

from wagtail.models import Locale

from .bibliography import SourceRecord
from .content import BIBLIOGRAPHY, HOME_FIELDS
from .exporting import Inline
from .file_order import parents_first
from .images import export_images
from .models import HomePage
from .snippet_lists import export_snippet_list


def export(exporter):
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        return
    data = {"title": home.title}
    data.update({field: getattr(home, field) for field in HOME_FIELDS})
    for field in ("seo_title", "search_description"):
        if getattr(home, field):
            data[field] = getattr(home, field)
    exporter.write_yaml("home.yaml", data)
    exporter.page_translations("home", home)
    export_snippet_list(exporter, BIBLIOGRAPHY, bibliography(), record_data)
    export_images(exporter)


def bibliography():
    """The source records in the order they were made, each after the collection it was
    read in (the loader needs the collection first)."""
    records = SourceRecord.objects.order_by("pk")
    return parents_first(records, lambda record: record.collection_id)


def record_data(record, _written=None):
    """The fields of a record's item that are not `Field`s of BIBLIOGRAPHY."""
    data = {}
    if record.authors:
        data["authors"] = _people(record.authors)
    if record.editors:
        data["editors"] = _people(record.editors)
    if record.collection_id:
        data["collection"] = record.collection.key
    return data


def _people(stream):
    people = []
    for block in stream:
        person = Inline(family=block.value["family"])
        if block.value.get("given"):
            person["given"] = block.value["given"]
        if block.value.get("family_first"):
            person["family_first"] = True
        people.append(person)
    return people
