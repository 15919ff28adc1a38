"""What the timeline shows: events filtered by theme and period, grouped by era, and laid out
on the overview scale. One query for the events (two more for their places and sources),
whatever their number."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from history.atlas.places import Place
from history.core import versions
from history.core.localized import localized

from .events import Event, Theme


@dataclass(frozen=True)
class Era:
    slug: str
    label: str
    short_label: str  # for the overview scale
    first_year: int
    last_year: int

    def holds(self, event):
        return self.first_year <= event.year <= self.last_year


ERAS = [
    Era("qing", _("The Qing bans and the Opium Wars, to 1911"), _("Qing"), 1, 1911),
    Era("republic", _("The Republic, 1912–1948"), _("Republic"), 1912, 1948),
    Era("new-state", _("The new state, 1949–1951"), _("New state"), 1949, 1951),
    Era("campaign", _("The 1952 campaign"), _("1952"), 1952, 1952),
    Era("after", _("After the campaign, from 1953"), _("After"), 1953, 9999),
]
ERAS_BY_SLUG = {era.slug: era for era in ERAS}
CAMPAIGN_ERA = "campaign"


class BadFilter(ValueError):
    pass


@dataclass(frozen=True)
class Filters:
    themes: tuple = ()
    period: str = ""

    @classmethod
    def from_query(cls, query, strict=False):
        """Unknown values raise BadFilter if `strict` (the JSON file), else are dropped."""
        themes = []
        for theme in query.getlist("theme"):
            if theme in Theme.values:
                themes.append(theme)
            elif strict:
                raise BadFilter(f"Unknown theme: {theme[:60]}")
        period = query.get("period", "")
        if period and period not in ERAS_BY_SLUG:
            if strict:
                raise BadFilter(f"Unknown period: {period[:60]}")
            period = ""
        return cls(tuple(sorted(set(themes))), period)

    def query(self):
        pairs = [("theme", theme) for theme in self.themes]
        if self.period:
            pairs.append(("period", self.period))
        return "&".join(f"{name}={value}" for name, value in pairs)

    def keeps(self, event):
        if self.themes and event.theme not in self.themes:
            return False
        return not self.period or ERAS_BY_SLUG[self.period].holds(event)


@dataclass
class Group:
    era: Era
    events: list = field(default_factory=list)


class Timeline:
    def __init__(self, filters):
        self.filters = filters

    @cached_property
    def all_events(self):
        """Every event in the reader's language, oldest first (built once per language and
        content change)."""
        return versions.cached("timeline-events", self._all_events, in_process=True)

    @staticmethod
    def _all_events():
        events = localized(
            Event.objects.select_related("edition").prefetch_related(
                "places", "sources__collection"
            )
        )
        places = {place.translation_key: place for place in localized(Place.objects.all())}
        for event in events:
            # Events point at places in the source language; show the reader's.
            event.shown_places = [
                places.get(place.translation_key, place) for place in event.places.all()
            ]
            event.shown_sources = sorted(event.sources.all(), key=lambda record: record.key)
        return sorted(events, key=lambda event: (event.starts_on, event.ends_on, event.slug))

    @cached_property
    def events(self):
        return [event for event in self.all_events if self.filters.keeps(event)]

    def groups(self):
        groups = {era.slug: Group(era) for era in ERAS}
        for event in self.events:
            groups[self.era_of(event).slug].events.append(event)
        return [group for group in groups.values() if group.events]

    @staticmethod
    def era_of(event):
        return next(era for era in ERAS if era.holds(event))


# --- the overview scale ---

WIDTH, LANE, TOP, GAP = 1000, 12, 24, 14


@dataclass
class Mark:
    event: object
    x: float
    x_end: float
    y: float
    key_date: bool


@dataclass
class Segment:
    label: str
    x: float
    width: float
    first: str
    last: str
    # Where the dates of the campaign's documents fall, if in this era.
    key_xs: list = field(default_factory=list)


def overview(groups):
    """Segments (one per era shown, each as wide as the others) and a mark per event, in a
    lane per theme; an era's scale is linear between its first and last events."""
    if not groups:
        return {"segments": [], "marks": [], "height": TOP + LANE * len(Theme.values) + 24}
    lanes = {theme: index for index, theme in enumerate(Theme.values)}
    width = (WIDTH - GAP * (len(groups) - 1)) / len(groups)
    segments, marks = [], []
    for index, group in enumerate(groups):
        x0 = index * (width + GAP)
        first = min(event.starts_on for event in group.events)
        last = max(event.ends_on for event in group.events)
        pad = max((last - first).days * 0.04, 15)
        first_shown = first - datetime.timedelta(days=pad)
        span = max((last - first).days + 2 * pad, 1)

        def x(date, x0=x0, first_shown=first_shown, span=span):
            return round(x0 + (date - first_shown).days / span * width, 1)

        segments.append(
            Segment(
                str(group.era.short_label),
                round(x0, 1),
                round(width, 1),
                str(first.year),
                str(last.year),
            )
        )
        for event in group.events:
            key_date = event.theme == Theme.DOCUMENT
            mark = Mark(
                event,
                x(event.starts_on),
                x(event.ends_on),
                TOP + lanes[event.theme] * LANE + LANE / 2,
                key_date,
            )
            if key_date:
                segments[-1].key_xs.append(mark.x)
            marks.append(mark)
    return {"segments": segments, "marks": marks, "height": TOP + LANE * len(lanes) + 24}
