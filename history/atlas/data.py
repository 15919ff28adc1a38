"""The figures and places a reader asks for, read once per request.

Everything the map, its table, the place panel and the numbers page show comes from one
`Atlas`: two queries (places, figures with their documents), whatever the number of places
and figures, then filtering and grouping in Python.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from wagtail.models import Page

from history.core import versions
from history.core.localized import localized

from .figures import ACTION_OF_KIND, Action, Approximation, ReportedFigure, Unit, as_of_label
from .places import Place, PlaceKind

SORTS = {
    "place": lambda row: (row.place_name, row.figure.as_of),
    "figure": lambda row: (row.figure.label.lower(), row.place_name),
    "value": lambda row: (row.figure.value is None, row.figure.value or 0),
    "date": lambda row: (row.figure.as_of, row.place_name),
}
ALL = "all"


class BadFilter(ValueError):
    """A filter names something that does not exist."""


@dataclass
class Filters:
    document: str = ""  # a document's key, or ALL
    kind: str = ""  # an Action, or "" for every kind
    place: str = ""  # a place's slug, or ""
    sort: str = "place"
    descending: bool = False

    def query(self, **changes):
        """The query string for these filters, with `changes` applied."""
        values = {**self.__dict__, **changes}
        pairs = [(name, values[name]) for name in ("document", "kind", "place") if values[name]]
        if values["sort"] != "place" or values["descending"]:
            pairs.append(("sort", ("-" if values["descending"] else "") + values["sort"]))
        return "&".join(f"{name}={value}" for name, value in pairs)


@dataclass
class Row:
    figure: ReportedFigure
    place: Place | None
    paragraph_url: str = ""
    document_name: str = ""
    # The rows of the other documents that report the same measure (see `_same_measures`).
    elsewhere: list = field(default_factory=list)

    @property
    def place_name(self):
        return self.place.name if self.place else _("Nationwide")

    @property
    def value_text(self):
        return figure_value(self.figure)


@dataclass
class Marker:
    place: Place
    action: str
    rows: list = field(default_factory=list)


class Atlas:
    def __init__(self, request):
        self.request = request
        self.language = get_language()

    @cached_property
    def _data(self):
        """(places, rows), built once per language until the content changes."""
        return versions.cached(
            "atlas", lambda: (self._places(), self._rows()), request=self.request, in_process=True
        )

    @property
    def places(self):
        """{translation key: place in the reader's language}."""
        return self._data[0]

    @property
    def rows(self):
        return self._data[1]

    def _places(self):
        return {p.translation_key: p for p in localized(Place.objects.select_related("parent"))}

    @cached_property
    def places_by_slug(self):
        return {place.slug: place for place in self.places.values()}

    def parent_of(self, place):
        return self.places.get(place.parent.translation_key) if place.parent else None

    def _rows(self):
        places = self._places()
        figures = localized(ReportedFigure.objects.select_related("document", "place", "edition"))
        edition_urls = self._edition_urls({f.edition.translation_key for f in figures if f.edition})
        rows = []
        for figure in figures:
            place = places.get(figure.place.translation_key) if figure.place else None
            row = Row(figure, place, document_name=figure.document.short_name(self.language))
            if figure.edition_id and figure.anchor:
                base = edition_urls.get(figure.edition.translation_key)
                if base:
                    row.paragraph_url = f"{base}#{figure.anchor}"
            rows.append(row)
        _same_measures(rows)
        return rows

    def _edition_urls(self, keys):
        """{translation key: URL of the edition in the reader's language}."""
        if not keys:
            return {}
        pages = localized(Page.objects.filter(translation_key__in=keys).live())
        return {page.translation_key: page.get_url(self.request) for page in pages}

    @cached_property
    def documents(self):
        """The documents that give figures, oldest first."""
        seen = {}
        for row in self.rows:
            seen.setdefault(row.figure.document.key, row.figure.document)
        return sorted(seen.values(), key=lambda doc: (doc.date is None, doc.date))

    @cached_property
    def figures_as_of(self):
        """{document key: the date most of its figures refer to, as words} (22 August,
        12 September, the end of November), for the document control."""
        dates = {}
        for row in self.rows:
            dates.setdefault(row.figure.document.key, []).append(
                (row.figure.as_of, row.figure.as_of_month_end)
            )
        common = {key: max(set(values), key=values.count) for key, values in dates.items()}
        return {key: as_of_label(*value) for key, value in common.items()}

    @cached_property
    def default_document(self):
        """The key of the document the site centres on: the one whose figures link to the
        paragraphs of the edition shown in the menu (of the editions, only that one is), else
        of any edition; else the latest document's."""
        linked = [row for row in self.rows if row.paragraph_url]
        central = [row for row in linked if row.figure.edition.show_in_menus]
        if central or linked:
            return (central or linked)[0].figure.document.key
        return self.documents[-1].key if self.documents else ALL

    @property
    def edition_links(self):
        """[(document name, address of its edition)] for the documents whose figures link to
        their paragraphs, in the order of the documents."""
        urls = {}
        for row in self.rows:
            if row.paragraph_url:
                urls.setdefault(row.figure.document.key, row.paragraph_url.partition("#")[0])
        return [
            (doc.short_name(self.language), urls[doc.key])
            for doc in self.documents
            if doc.key in urls
        ]

    @cached_property
    def controls(self):
        """What the map's controls offer, finished (plain strings, cached apart from the
        figures): {"documents": [(key, name, as of)], "places": [(slug, name)], "default":
        document key, "editions": [(name, url)], "known": {filter: values}}. A page view whose
        results are cached reads only this."""

        def build():
            places = sorted(
                ((place.slug, place.name) for place in self.places.values()),
                key=lambda item: item[1],
            )
            return {
                "documents": [
                    (doc.key, doc.short_name(self.language), self.figures_as_of[doc.key])
                    for doc in self.documents
                ],
                "places": places,
                "default": self.default_document,
                "editions": self.edition_links,
                # What a filter may name, for checking it.
                "known": {
                    "document": frozenset(doc.key for doc in self.documents) | {ALL},
                    "kind": frozenset(Action.values),
                    "place": frozenset(slug for slug, _name in places),
                },
            }

        # Kept in the process too: it grows with the documents and places.
        return versions.cached("atlas-controls", build, request=self.request, in_process=True)

    def filters(self, query, strict=False):
        """Filters from a query string. Unknown values raise BadFilter if `strict` (data
        endpoints), and are otherwise dropped (pages, so that an old link still opens)."""
        controls = self.controls
        values = {}
        for name, allowed in controls["known"].items():
            value = query.get(name, "")
            if value and value not in allowed:
                if strict:
                    raise BadFilter(f"Unknown {name}: {value[:60]}")
                value = ""
            values[name] = value
        sort = query.get("sort", "place")
        descending = sort.startswith("-")
        sort = sort.lstrip("-")
        if sort not in SORTS:
            if strict:
                raise BadFilter(f"Unknown sort: {sort[:60]}")
            sort, descending = "place", False
        if not values["document"]:
            values["document"] = ALL if values["place"] else controls["default"]
        return Filters(**values, sort=sort, descending=descending)

    def select(self, filters):
        """The rows these filters keep, sorted."""
        rows = [
            row
            for row in self.rows
            if filters.document in (ALL, row.figure.document.key)
            and (not filters.kind or ACTION_OF_KIND[row.figure.kind] == filters.kind)
            and (not filters.place or (row.place and row.place.slug == filters.place))
        ]
        rows.sort(key=SORTS[filters.sort], reverse=filters.descending)
        return rows

    def markers(self, rows):
        """One marker per place and kind of action, in a stable order."""
        markers = {}
        for row in rows:
            if row.place is None:
                continue
            action = ACTION_OF_KIND[row.figure.kind]
            key = (row.place.slug, action)
            markers.setdefault(key, Marker(row.place, action)).rows.append(row)
        return [markers[key] for key in sorted(markers)]


# --- formatting ---

_UNIT_FORMS = {
    Unit.PERSON: lambda n: ngettext("%(n)s person", "%(n)s people", n),
    Unit.LIANG: lambda n: ngettext("%(n)s liang", "%(n)s liang", n),
    Unit.MACHINE: lambda n: ngettext("%(n)s machine", "%(n)s machines", n),
    Unit.SET: lambda n: ngettext("%(n)s set", "%(n)s sets", n),
    Unit.ITEM: lambda n: ngettext("%(n)s item", "%(n)s items", n),
    Unit.GUN: lambda n: ngettext("%(n)s gun", "%(n)s guns", n),
    Unit.ROUND: lambda n: ngettext("%(n)s round", "%(n)s rounds", n),
    Unit.REPORT: lambda n: ngettext("%(n)s report", "%(n)s reports", n),
    Unit.CASE: lambda n: ngettext("%(n)s case", "%(n)s cases", n),
    Unit.MEETING: lambda n: ngettext("%(n)s meeting", "%(n)s meetings", n),
    Unit.LOCALITY: lambda n: ngettext("%(n)s locality", "%(n)s localities", n),
    Unit.PERCENT: lambda n: _("%(n)s%%"),
    Unit.MULTIPLE: lambda n: _("%(n)s times as many"),
    Unit.PHASE: lambda n: _("phase %(n)s"),
}


def number(value):
    """237463 -> "237,463"; 19.30 -> "19.3"."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _same_measures(rows):
    """Give each row with a value the rows of the other documents that count the same thing
    (kind and unit) for the same place, or nationwide, in the order of their dates."""
    groups = {}
    for row in rows:
        if row.figure.value is not None:
            place = row.figure.place.translation_key if row.figure.place_id else None
            groups.setdefault((row.figure.kind, row.figure.unit, place), []).append(row)
    for group in groups.values():
        for row in group:
            row.elsewhere = sorted(
                (other for other in group if other.figure.document_id != row.figure.document_id),
                key=lambda other: other.figure.as_of,
            )


def figure_value(figure):
    """The figure as the reader should read it: "over 18,000 reports", "19.3%"."""
    if figure.value is None:
        return _("reported, without a number")
    n = number(figure.value)
    if figure.approximation == Approximation.OVER:
        # On the number, before the unit: "over 18,000 reports", "18,000余份".
        n = _("over %(value)s") % {"value": n}
    form = _UNIT_FORMS.get(figure.unit)
    count = int(figure.value) if figure.value == int(figure.value) else 2
    return form(count) % {"n": n} if form else n


def place_kind_label(place):
    return PlaceKind(place.kind).label
