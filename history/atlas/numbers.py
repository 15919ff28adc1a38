"""The numbers page: charts of the reported figures, each with its table twin.

Charts are drawn on the server as SVG (horizontal bars: they hold long labels and read well
on a phone and on paper). Each chart is chosen by the kind of figure it shows, so a figure an
editor adds appears in its chart without code; its title and description are the editors'
(charts.py).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from history.core import versions
from history.core.localized import localized

from .charts import CHART_KEYS, ChartCaption
from .data import Atlas, figure_value
from .places import PlaceKind

WIDTH = 640
LABEL_WIDTH = 250
BAR_HEIGHT = 22
ROW_HEIGHT = 34
VALUE_ROOM = 150
# On a phone, labels go above their bars, so that the bars keep the whole width.
NARROW_WIDTH = 340
NARROW_ROW_HEIGHT = 44
NARROW_VALUE_ROOM = 110


@dataclass
class Bar:
    label: str
    value: Decimal
    text: str
    row: object
    y: int = 0
    width: float = 0
    narrow_y: int = 0
    narrow_width: float = 0


@dataclass(frozen=True)
class Base:
    """What a share is a share of: the source's own words, and the English words that render
    them in a chart's title or description (in Chinese, the source's words themselves)."""

    original: str
    english: str


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    bars: list = field(default_factory=list)
    bases: tuple = ()  # for charts of shares (see BASES)

    @property
    def height(self):
        return len(self.bars) * ROW_HEIGHT + 8

    @property
    def narrow_height(self):
        return len(self.bars) * NARROW_ROW_HEIGHT + 4

    def lay_out(self):
        highest = max((bar.value for bar in self.bars), default=Decimal(1)) or Decimal(1)
        room = WIDTH - LABEL_WIDTH - VALUE_ROOM
        narrow_room = NARROW_WIDTH - NARROW_VALUE_ROOM
        for index, bar in enumerate(self.bars):
            share = float(bar.value / highest)
            bar.y = index * ROW_HEIGHT + 4
            bar.width = round(share * room, 1)
            bar.narrow_y = index * NARROW_ROW_HEIGHT + 2
            bar.narrow_width = round(share * narrow_room, 1)
        return self


def _bars(rows, label):
    return [Bar(label(row), row.figure.value, figure_value(row.figure), row) for row in rows]


def _place(row):
    return row.place.name if row.place else _("Nationwide")


def _place_and_document(row):
    return f"{_place(row)} · {row.document_name}"


def _with_period(row):
    period = f" ({row.figure.period})" if row.figure.period else ""
    return f"{_place(row)}{period}"


# For charts of shares: the bases the figures' sources state (the tests check them against each
# figure's record and against the chart's words in both languages).
BASES = {
    "arrest-rates": (
        Base("行动前掌握的数字", "known before the operation"),
        Base("毒犯总数", "the total of offenders found so far"),
    ),
    "confession-rates": (Base("社会上毒犯", "at large in society"),),
}


def charts(atlas):
    """The charts that have words in `site/atlas/charts.yaml` and figures to draw."""
    rows = [row for row in atlas.rows if row.figure.value is not None]

    def of_kind(kind, unit=None, place_kind=None, nationwide=None, totals=False):
        # Totals over time compare like with like: figures for no particular span (a total
        # before the campaign, or for four regions only, is not one of them).
        chosen = [
            row
            for row in rows
            if row.figure.kind == kind
            and not (totals and row.figure.period)
            and (unit is None or row.figure.unit == unit)
            and (place_kind is None or (row.place and row.place.kind == place_kind))
            and (nationwide is None or (row.place is None) == nationwide)
        ]
        return sorted(chosen, key=lambda row: (row.figure.as_of, -(row.figure.value or 0)))

    def largest_first(chosen):
        return sorted(chosen, key=lambda row: -row.figure.value)

    bars = {
        "totals-offenders": lambda: _bars(
            of_kind("offenders_identified", nationwide=True), _document_and_period
        ),
        "totals-arrests": lambda: _bars(of_kind("arrests", nationwide=True), _document_and_period),
        "totals-seizures": lambda: _bars(
            of_kind("seizures", unit="liang", nationwide=True, totals=True), _date_and_document
        ),
        "arrest-rates": lambda: _bars(of_kind("arrest_rate"), _place_and_document),
        "arrests-by-region": lambda: _bars(
            largest_first(of_kind("arrests", place_kind=PlaceKind.GREATER_REGION)),
            _place_and_document,
        ),
        "arrests-by-city": lambda: _bars(
            largest_first(of_kind("arrests", place_kind=PlaceKind.CITY)), _place
        ),
        "denunciations-by-city": lambda: _bars(
            of_kind("denunciation_reports", unit="report", nationwide=False), _with_period
        ),
        "confession-rates": lambda: _bars(of_kind("confession_rate"), _place),
        "confessions": lambda: _bars(of_kind("confessions"), _with_period),
    }
    captions = {caption.slug: caption for caption in localized(ChartCaption.objects.all())}
    result = [
        Chart(key, captions[key].title, captions[key].description, bars[key](), BASES.get(key, ()))
        for key in CHART_KEYS
        if key in captions
    ]
    return [chart.lay_out() for chart in result if chart.bars]


def _date_and_document(row):
    return row.document_name


def _document_and_period(row):
    period = f" ({row.figure.period})" if row.figure.period else ""
    return f"{row.document_name}{period}"


def numbers_context(request):
    """The charts, rendered once per language until the content changes."""

    def render():
        context = {
            "charts": charts(Atlas(request)),
            "chart_width": WIDTH,
            "narrow_width": NARROW_WIDTH,
            "label_width": LABEL_WIDTH,
            "bar_height": BAR_HEIGHT,
        }
        return render_to_string("atlas/includes/charts.html", context, request)

    return {"charts_html": versions.cached("numbers", render, request=request)}
