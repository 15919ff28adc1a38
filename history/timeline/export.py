"""Writing the timeline back to `site/timeline/`: its events, the page, and their
translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.atlas.places import Place
from history.core.file_order import existing_items, in_file_order
from history.core.images import image_key
from history.core.loading import stable_key
from history.core.prose import write_rich
from history.core.simple_pages import export_simple_page
from history.edition.models import EditionPage

from .content import DEFAULT_EDITION, EVENTS, PAGE_FIELDS
from .events import Event
from .pages import TimelinePage

FILE = "timeline/events.yaml"


def export(exporter):
    locale = Locale.get_default()
    # In chronological order, as the file keeps them (an event added in the admin takes its
    # place by date).
    events = list(
        Event.objects.filter(locale=locale)
        .select_related("edition", "image")
        .prefetch_related("places", "sources")
    )
    if events or exporter.path(FILE).exists():
        written = existing_items(exporter, FILE)
        # Places and editions are named by the source-language object's slug, even where the
        # admin linked a translation of it.
        places = dict(Place.objects.filter(locale=locale).values_list("translation_key", "slug"))
        editions = dict(
            EditionPage.objects.filter(locale=locale).values_list("translation_key", "slug")
        )
        items = [
            event_data(event, written.get(event.slug, {}), places, editions) for event in events
        ]
        exporter.write_yaml(FILE, items)
    exporter.collection_translations(EVENTS, {event.slug: event for event in events})
    export_simple_page(
        exporter, "timeline/page", "timeline/timeline.yaml", TimelinePage, PAGE_FIELDS
    )


def event_data(event, written, places, editions):
    """An event's item; `written` is its item in the file as it stands, whose lists keep
    their order."""
    data = {"key": event.slug}
    if event.translation_key != stable_key(EVENTS, event.slug):
        data["translation_key"] = str(event.translation_key)
    data["title"] = event.title
    data["date"] = event.start.iso
    data["circa"] = event.circa
    if event.end:
        data["end"] = event.end.iso
    data["date_note"] = event.date_note
    data["theme"] = event.theme
    data["summary"] = event.summary
    data["text"] = write_rich(event.text)
    slugs = [places[place.translation_key] for place in event.places.all()]
    data["places"] = in_file_order(slugs, written.get("places"))
    anchors = event.anchor_list
    data["anchors"] = anchors
    edition = editions[event.edition.translation_key] if event.edition_id else None
    if edition != (DEFAULT_EDITION if anchors else None):
        data["edition"] = edition
    keys = [record.key for record in event.sources.all()]
    data["sources"] = in_file_order(keys, written.get("sources"))
    if event.image_id:
        data["image"] = image_key(event.image)
    if event.image_credit:
        data["image_credit"] = event.image_credit
    return data
