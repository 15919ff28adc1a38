"""Content loading for the timeline: `site/timeline/events.yaml`, the page in
`site/timeline/timeline.yaml`, and their translations."""

import re

from wagtail.models import Locale

from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.core.images import image_for
from history.core.loading import (
    ContentError,
    item_translation_key,
    read_yaml,
    require,
    require_choice,
)
from history.core.models import HomePage
from history.core.prose import read_rich_field
from history.core.simple_pages import load_simple_page
from history.core.translating import load_collection_translations
from history.edition.models import EditionPage

from .dates import DAY, MONTH, YEAR
from .events import Event, Theme
from .pages import TimelinePage

EVENTS = "timeline/events"
PAGE_FIELDS = ["intro", "reuse_note"]
# The edition that an event's anchors belong to unless it names another.
DEFAULT_EDITION = "fifth-bulletin"
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def load(loader):
    folder = loader.content_dir / "timeline"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    events = load_events(loader, folder / "events.yaml")
    load_collection_translations(loader, EVENTS, events)
    load_simple_page(
        loader, "timeline/page", folder / "timeline.yaml", TimelinePage, home, PAGE_FIELDS
    )


def parse_date(value, where):
    """ "1839", "1839-06" or "1839-06-03" -> (year, month, day, precision)."""
    match = DATE.match(str(value))
    if not match:
        raise ContentError(f"{where}: “{value}” should be YYYY, YYYY-MM or YYYY-MM-DD (quoted)")
    year, month, day = (int(part) if part else None for part in match.groups())
    precision = DAY if day else MONTH if month else YEAR
    return year, month, day, precision


def load_events(loader, path):
    locale = Locale.get_default()
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of events")
    places = {p.slug: p for p in Place.objects.filter(locale=locale)}
    records = {r.key: r for r in SourceRecord.objects.all()}
    editions = {p.slug: p for p in EditionPage.objects.filter(locale=locale)}
    events = {}
    for index, item in enumerate(items):
        key = require(item, "key", f"{path} (event {index + 1})")
        where = f"{path}: {key}"
        if key in events:
            raise ContentError(f"{path}: key “{key}” is used twice")

        def fill(event, item=item, key=key, where=where):
            event.slug = key
            event.title = require(item, "title", where)
            date = require(item, "date", where)
            event.year, event.month, event.day, event.precision = parse_date(date, where)
            event.circa = bool(item.get("circa"))
            end = item.get("end")
            if end:
                event.end_year, event.end_month, event.end_day, _ = parse_date(end, where)
            else:
                event.end_year = event.end_month = event.end_day = None
            event.date_note = str(item.get("date_note") or "")
            event.theme = require_choice(item, "theme", where, Theme.values)
            event.summary = require(item, "summary", where)
            event.text = read_rich_field(item, "text", where)
            anchors = item.get("anchors") or []
            edition = item.get("edition", DEFAULT_EDITION if anchors else None)
            if edition and edition not in editions:
                raise ContentError(f"{where}: no edition “{edition}”")
            event.edition = editions[edition] if edition else None
            event.anchors = " ".join(anchors)
            event.places = [
                _known(places, slug, "place", where) for slug in item.get("places") or []
            ]
            sources = require(item, "sources", where, list)
            event.sources = [_known(records, slug, "source", where) for slug in sources]
            event.image = image_for(item["image"], where) if item.get("image") else None
            event.image_credit = str(item.get("image_credit") or "")

        translation_key = item_translation_key(item, where, EVENTS, key)
        existing = Event.objects.filter(locale=locale, translation_key=translation_key)
        events[key] = loader.sync_snippet(
            f"{EVENTS}/{key}",
            item,
            existing.first(),
            lambda tk=translation_key: Event(locale=locale, translation_key=tk),
            fill,
            path,
        )
    return events


def _known(objects, key, what, where):
    if key not in objects:
        raise ContentError(f"{where}: unknown {what} “{key}”")
    return objects[key]
