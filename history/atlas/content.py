"""Content loading for the map and the numbers: `site/atlas/` (places, figures, the charts'
words, the two pages) and their translations."""

import datetime
from decimal import Decimal, InvalidOperation

from wagtail.models import Locale

from history.core.authority import GEONAMES_ID, WIKIDATA_ITEM
from history.core.bibliography import SourceRecord
from history.core.loading import ContentError, read_yaml, require, require_choice
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.snippet_lists import Field, SnippetList, load_snippet_list
from history.edition.models import EditionPage

from .charts import CHART_KEYS, ChartCaption
from .figures import Approximation, FigureKind, ReportedFigure, TranslationBy, Unit
from .mentions import PlaceMention
from .pages import MapPage, NumbersPage
from .places import Place, PlaceKind

MAP = SimplePage(
    "atlas/map",
    "atlas/map.yaml",
    MapPage,
    ("intro", "map_in_1952", "base_map_note"),
    page_fields=("map_in_1952_essay",),
)
NUMBERS = SimplePage("atlas/numbers", "atlas/numbers.yaml", NumbersPage, ("intro", "caveats"))

PLACES = SnippetList(
    "atlas/places",
    Place,
    (
        Field("kind", required=True, choices=tuple(PlaceKind.values)),
        Field("name", required=True),
        Field("name_zh", required=True),
        Field("pinyin"),
        "parent",  # the key of a place listed before it
        "point",  # [latitude, longitude]
        Field("point_note"),
        Field("approximate", flag=True),
        "outline",  # GeoJSON
        Field("status_1952", required=True),
        Field("status_today"),
        Field("wikidata", omitted_when_empty=True, validators=(WIKIDATA_ITEM,)),
        Field("geonames", omitted_when_empty=True, validators=(GEONAMES_ID,)),
    ),
)
FIGURES = SnippetList(
    "atlas/figures",
    ReportedFigure,
    (
        "document",  # a source record's key
        Field("anchor", omitted_when_empty=True),
        "edition",  # an edition's slug; the document's own where the figure has an anchor
        "place",  # a place's key
        Field("kind", required=True, choices=tuple(FigureKind.values)),
        "value",
        Field("unit", choices=tuple(Unit.values), omitted_when_empty=True),
        Field("approximation", choices=tuple(Approximation.values), default=Approximation.EXACT),
        Field("period"),
        Field("as_of", required=True, kind=datetime.date, default=None),
        Field("as_of_month_end", flag=True, omitted_when_empty=True),
        Field("label", required=True),
        Field("phrase_original", required=True),
        Field("phrase_translation", required=True),
        "translation_by",  # received (the default with an anchor) or editors
        Field("note"),
    ),
)
CHARTS = SnippetList(
    "atlas/charts",
    ChartCaption,
    (Field("title", required=True), Field("description")),
)


def load(loader):
    folder = loader.content_dir / "atlas"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    places = load_snippet_list(loader, PLACES, place_fields)
    load_snippet_list(loader, FIGURES, figure_fields(places))
    load_mentions(loader, folder / "mentions.yaml", places)
    if (loader.content_dir / CHARTS.file).exists():
        load_snippet_list(loader, CHARTS, chart_fields)
    load_simple_page(loader, MAP, home)
    load_simple_page(loader, NUMBERS, home)


def place_fields(place, item, where, loaded):
    parent = item.get("parent")
    if parent and parent not in loaded:
        raise ContentError(f"{where}: parent “{parent}” must be listed before it")
    place.parent = loaded[parent] if parent else None
    point = require(item, "point", where, list)
    if len(point) != 2:
        raise ContentError(f"{where}: point should be [latitude, longitude]")
    place.latitude, place.longitude = (_decimal(v, f"{where}: point") for v in point)
    place.outline = item.get("outline") or None


def figure_fields(places):
    locale = Locale.get_default()
    documents = {record.key: record for record in SourceRecord.objects.all()}
    editions = {page.slug: page for page in EditionPage.objects.filter(locale=locale)}

    def fill(figure, item, where, _loaded):
        document = require_choice(item, "document", where, documents)
        figure.document = documents[document]
        edition = item.get("edition", document if figure.anchor else None)
        if edition and edition not in editions:
            raise ContentError(f"{where}: no edition “{edition}” for anchor {figure.anchor}")
        figure.edition = editions[edition] if edition else None
        place = item.get("place")
        if place and place not in places:
            raise ContentError(f"{where}: unknown place “{place}”")
        figure.place = places[place] if place else None
        value = item.get("value")
        figure.value = None if value is None else _decimal(value, f"{where}: value")
        default_by = TranslationBy.RECEIVED if figure.anchor else TranslationBy.EDITORS
        figure.translation_by = item.get("translation_by") or default_by

    return fill


def chart_fields(caption, item, where, _loaded):
    """A chart's words go with a chart the numbers page knows how to draw."""
    if caption.slug not in CHART_KEYS:
        raise ContentError(f"{where}: key “{caption.slug}” is not one of {CHART_KEYS}")


def load_mentions(loader, path, places):
    """The place names marked in the editions' texts. The file's `edition` is the default; a
    mention of another edition names it. Each edition's marks are replaced as a set when they
    change in the file, unless an editor has changed them in the admin since the last load."""
    if not path.exists():
        return
    data = read_yaml(path) or {}
    default = require(data, "edition", path)
    by_edition = {}
    for index, item in enumerate(require(data, "mentions", path, list)):
        by_edition.setdefault(item.get("edition", default), []).append((index, item))
    for slug, items in by_edition.items():
        edition = EditionPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if edition is None:
            raise ContentError(f"{path}: no edition “{slug}”")
        mentions = []
        for index, item in items:
            where = f"{path} (mention {index + 1})"
            place = require_choice(item, "place", where, places)
            mention = PlaceMention(
                edition=edition,
                anchor=require(item, "anchor", where),
                version=require(item, "version", where),
                phrase=require(item, "phrase", where),
                place=places[place],
            )
            mentions.append((where, mention))
        marks = [item for _index, item in items]
        queryset = PlaceMention.objects.filter(edition=edition)
        loader.sync_set(f"atlas/mentions/{slug}", marks, queryset, mentions)


def _decimal(value, where):
    try:
        return Decimal(str(value))
    except InvalidOperation as error:
        raise ContentError(f"{where}: “{value}” is not a number") from error
