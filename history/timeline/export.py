"""Writing the timeline back to `site/timeline/`: its events, the page, and their
translations, as `content.py` reads them."""

from wagtail.models import Locale

from history.atlas.places import Place
from history.core.file_order import in_file_order
from history.core.images import image_key
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.models import EditionPage

from .content import DEFAULT_EDITION, EVENTS, PAGE
from .events import Event


def export(exporter):
    locale = Locale.get_default()
    # In chronological order, as the file keeps them (an event added in the admin takes its
    # place by date).
    events = list(
        Event.objects.filter(locale=locale)
        .select_related("edition", "image")
        .prefetch_related("places", "sources")
    )
    # Places and editions are named by the source-language object's slug, even where the
    # admin linked a translation of it.
    places = dict(Place.objects.filter(locale=locale).values_list("translation_key", "slug"))
    editions = dict(
        EditionPage.objects.filter(locale=locale).values_list("translation_key", "slug")
    )
    export_snippet_list(
        exporter,
        EVENTS,
        events,
        lambda event, written: event_data(event, written, places, editions),
    )
    export_simple_page(exporter, PAGE)


def event_data(event, written, places, editions):
    """The fields of an event's item that are not `Field`s of EVENTS; `written` is its item
    in the file as it stands, whose lists keep their order."""
    data = {"date": event.start.iso}
    if event.end:
        data["end"] = event.end.iso
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
    return data
