"""Writing the site frame back to files: the home page (`home.yaml` and its translations) and
the bibliography (`bibliography.yaml`), in the format `content.py` reads."""

from wagtail.models import Locale

from .bibliography import SourceRecord
from .content import HOME_FIELDS, RECORD_TEXT_FIELDS
from .exporting import Inline
from .images import export_images
from .models import HomePage


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
    exporter.write_yaml("bibliography.yaml", bibliography())
    export_images(exporter)


def bibliography():
    """The source records, each after the collection it was read in."""
    written, items = set(), []
    pending = list(SourceRecord.objects.order_by("pk"))
    while pending:
        ready = [r for r in pending if r.collection_id is None or r.collection_id in written]
        if not ready:  # a loop of collections, which the admin cannot save; keep the rest
            ready = pending
        for record in ready:
            items.append(record_data(record))
            written.add(record.pk)
        pending = [r for r in pending if r.pk not in written]
    return items


def record_data(record):
    data = {"key": record.key, "kind": record.kind}
    if record.authors:
        data["authors"] = _people(record.authors)
    if record.editors:
        data["editors"] = _people(record.editors)
    for field in RECORD_TEXT_FIELDS:
        if getattr(record, field):
            data[field] = getattr(record, field)
    if record.year:
        data["year"] = record.year
    if record.date:
        data["date"] = record.date
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
