"""Content loading for the timeline: `site/timeline/events.yaml`, the page in
`site/timeline/timeline.yaml`, and their translations."""

import re

from wagtail.models import Locale

from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.core.images import image_for
from history.core.loading import ContentError, require
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.snippet_lists import Field, SnippetList, load_snippet_list
from history.edition.models import EditionPage

from .dates import DAY, MONTH, YEAR
from .events import Event, Theme
from .pages import TimelinePage

# The edition that an event's anchors belong to unless it names another.
DEFAULT_EDITION = "fifth-bulletin"
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

PAGE = SimplePage("timeline/page", "timeline/timeline.yaml", TimelinePage, ("intro", "reuse_note"))
EVENTS = SnippetList(
    "timeline/events",
    Event,
    (
        Field("title", required=True),
        "date",  # "1839", "1839-06" or "1839-06-03"
        Field("circa", flag=True),
        "end",  # the same, for a period
        Field("date_note"),
        Field("theme", required=True, choices=tuple(Theme.values)),
        Field("summary", required=True),
        Field("text", rich=True),
        "places",  # places' keys
        "anchors",  # paragraphs of the edition
        "edition",  # an edition's slug, if not DEFAULT_EDITION
        "sources",  # source records' keys
        "image",  # a file of images/
        Field("image_credit", omitted_when_empty=True),
    ),
)


def load(loader):
    folder = loader.content_dir / "timeline"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    load_snippet_list(loader, EVENTS, event_fields())
    load_simple_page(loader, PAGE, home)


def parse_date(value, where):
    """ "1839", "1839-06" or "1839-06-03" -> (year, month, day, precision)."""
    match = DATE.match(str(value))
    if not match:
        raise ContentError(f"{where}: “{value}” should be YYYY, YYYY-MM or YYYY-MM-DD (quoted)")
    year, month, day = (int(part) if part else None for part in match.groups())
    precision = DAY if day else MONTH if month else YEAR
    return year, month, day, precision


def event_fields():
    locale = Locale.get_default()
    places = {p.slug: p for p in Place.objects.filter(locale=locale)}
    records = {r.key: r for r in SourceRecord.objects.all()}
    editions = {p.slug: p for p in EditionPage.objects.filter(locale=locale)}

    def fill(event, item, where, _loaded):
        date = require(item, "date", where)
        event.year, event.month, event.day, event.precision = parse_date(date, where)
        end = item.get("end")
        if end:
            event.end_year, event.end_month, event.end_day, _ = parse_date(end, where)
        else:
            event.end_year = event.end_month = event.end_day = None
        anchors = item.get("anchors") or []
        edition = item.get("edition", DEFAULT_EDITION if anchors else None)
        if edition and edition not in editions:
            raise ContentError(f"{where}: no edition “{edition}”")
        event.edition = editions[edition] if edition else None
        event.anchors = " ".join(anchors)
        event.places = [_known(places, slug, "place", where) for slug in item.get("places") or []]
        sources = require(item, "sources", where, list)
        event.sources = [_known(records, slug, "source", where) for slug in sources]
        event.image = image_for(item["image"], where) if item.get("image") else None

    return fill


def _known(objects, key, what, where):
    if key not in objects:
        raise ContentError(f"{where}: unknown {what} “{key}”")
    return objects[key]
