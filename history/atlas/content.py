"""Content loading for the map and the numbers: `site/atlas/` (places, figures, the charts'
words, the two pages) and their translations."""

from decimal import Decimal, InvalidOperation

from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import (
    ContentError,
    item_translation_key,
    read_yaml,
    require,
    require_choice,
)
from history.core.models import HomePage
from history.core.simple_pages import load_simple_page
from history.core.translating import load_collection_translations
from history.edition.models import EditionPage

from .charts import CHART_KEYS, ChartCaption
from .figures import Approximation, FigureKind, ReportedFigure, TranslationBy, Unit
from .mentions import PlaceMention
from .pages import MapPage, NumbersPage
from .places import Place, PlaceKind

PLACES = "atlas/places"
FIGURES = "atlas/figures"
CHARTS = "atlas/charts"
# The fields of the two pages' files (see load_simple_page).
MAP_FIELDS = ["intro", "map_in_1952", "base_map_note"]
MAP_PAGE_FIELDS = ["map_in_1952_essay"]
NUMBERS_FIELDS = ["intro", "caveats"]


def load(loader):
    folder = loader.content_dir / "atlas"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    places = load_places(loader, folder / "places.yaml")
    figures = load_figures(loader, folder / "figures.yaml", places)
    load_mentions(loader, folder / "mentions.yaml", places)
    load_collection_translations(loader, PLACES, places)
    load_collection_translations(loader, FIGURES, figures)
    if (folder / "charts.yaml").exists():
        load_collection_translations(loader, CHARTS, load_charts(loader, folder / "charts.yaml"))
    load_simple_page(
        loader, "atlas/map", folder / "map.yaml", MapPage, home, MAP_FIELDS, MAP_PAGE_FIELDS
    )
    load_simple_page(
        loader, "atlas/numbers", folder / "numbers.yaml", NumbersPage, home, NUMBERS_FIELDS
    )


def _items(path):
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list")
    keys = []
    for index, item in enumerate(items):
        key = require(item, "key", f"{path} (item {index + 1})")
        if key in keys:
            raise ContentError(f"{path}: key “{key}” is used twice")
        keys.append(key)
        yield key, item


def load_places(loader, path):
    """{key: place}, parents before the places they contain."""
    locale = Locale.get_default()
    places = {}
    for key, item in _items(path):
        where = f"{path}: {key}"

        def fill(place, item=item, key=key, where=where):
            place.slug = key
            place.name = require(item, "name", where)
            place.name_zh = require(item, "name_zh", where)
            place.pinyin = str(item.get("pinyin") or "")
            place.kind = require_choice(item, "kind", where, PlaceKind.values)
            parent = item.get("parent")
            if parent and parent not in places:
                raise ContentError(f"{where}: parent “{parent}” must be listed before it")
            place.parent = places[parent] if parent else None
            point = require(item, "point", where, list)
            if len(point) != 2:
                raise ContentError(f"{where}: point should be [latitude, longitude]")
            place.latitude, place.longitude = (_decimal(v, f"{where}: point") for v in point)
            place.point_note = str(item.get("point_note") or "")
            place.approximate = bool(item.get("approximate"))
            place.outline = item.get("outline") or None
            place.status_1952 = require(item, "status_1952", where)
            place.status_today = str(item.get("status_today") or "")

        translation_key = item_translation_key(item, where, PLACES, key)
        existing = Place.objects.filter(locale=locale, translation_key=translation_key)
        places[key] = loader.sync_snippet(
            f"{PLACES}/{key}",
            item,
            existing.first(),
            lambda tk=translation_key: Place(locale=locale, translation_key=tk),
            fill,
            path,
        )
    return places


def load_figures(loader, path, places):
    locale = Locale.get_default()
    documents = {record.key: record for record in SourceRecord.objects.all()}
    editions = {page.slug: page for page in EditionPage.objects.filter(locale=locale)}
    figures = {}
    for key, item in _items(path):
        where = f"{path}: {key}"

        def fill(figure, item=item, key=key, where=where):
            figure.slug = key
            document = require_choice(item, "document", where, documents)
            figure.document = documents[document]
            figure.anchor = str(item.get("anchor") or "")
            edition = item.get("edition", document if figure.anchor else None)
            if edition and edition not in editions:
                raise ContentError(f"{where}: no edition “{edition}” for anchor {figure.anchor}")
            figure.edition = editions[edition] if edition else None
            place = item.get("place")
            if place and place not in places:
                raise ContentError(f"{where}: unknown place “{place}”")
            figure.place = places[place] if place else None
            figure.kind = require_choice(item, "kind", where, FigureKind.values)
            value = item.get("value")
            figure.value = None if value is None else _decimal(value, f"{where}: value")
            figure.unit = item.get("unit") or ""
            if figure.unit and figure.unit not in Unit.values:
                raise ContentError(f"{where}: unit “{figure.unit}” is not one of {Unit.values}")
            figure.approximation = item.get("approximation") or Approximation.EXACT
            if figure.approximation not in Approximation.values:
                raise ContentError(f"{where}: approximation should be exact or over")
            figure.period = str(item.get("period") or "")
            figure.as_of = require(item, "as_of", where, type(_a_date()))
            figure.as_of_month_end = bool(item.get("as_of_month_end"))
            figure.label = require(item, "label", where)
            figure.phrase_original = require(item, "phrase_original", where)
            figure.phrase_translation = require(item, "phrase_translation", where)
            default_by = TranslationBy.RECEIVED if figure.anchor else TranslationBy.EDITORS
            figure.translation_by = item.get("translation_by") or default_by
            figure.note = str(item.get("note") or "")

        translation_key = item_translation_key(item, where, FIGURES, key)
        existing = ReportedFigure.objects.filter(locale=locale, translation_key=translation_key)
        figures[key] = loader.sync_snippet(
            f"{FIGURES}/{key}",
            item,
            existing.first(),
            lambda tk=translation_key: ReportedFigure(locale=locale, translation_key=tk),
            fill,
            path,
        )
    return figures


def load_charts(loader, path):
    """{key: chart caption}: the words of the numbers page's charts."""
    locale = Locale.get_default()
    captions = {}
    for key, item in _items(path):
        where = f"{path}: {key}"

        def fill(caption, item=item, where=where):
            caption.slug = require_choice(item, "key", where, CHART_KEYS)
            caption.title = require(item, "title", where)
            caption.description = str(item.get("description") or "")

        translation_key = item_translation_key(item, where, CHARTS, key)
        existing = ChartCaption.objects.filter(locale=locale, translation_key=translation_key)
        captions[key] = loader.sync_snippet(
            f"{CHARTS}/{key}",
            item,
            existing.first(),
            lambda tk=translation_key: ChartCaption(locale=locale, translation_key=tk),
            fill,
            path,
        )
    return captions


def load_mentions(loader, path, places):
    """The place names marked in an edition's text. They are replaced as a set when the file
    changes, unless an editor has changed them in the admin since the last load."""
    if not path.exists():
        return
    data = read_yaml(path) or {}
    slug = require(data, "edition", path)
    edition = EditionPage.objects.filter(slug=slug, locale=Locale.get_default()).first()
    if edition is None:
        raise ContentError(f"{path}: no edition “{slug}”")
    mentions = []
    for index, item in enumerate(require(data, "mentions", path, list)):
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
    queryset = PlaceMention.objects.filter(edition=edition)
    loader.sync_set(f"atlas/mentions/{slug}", data, queryset, mentions)


def _decimal(value, where):
    try:
        return Decimal(str(value))
    except InvalidOperation as error:
        raise ContentError(f"{where}: “{value}” is not a number") from error


def _a_date():
    import datetime

    return datetime.date(1952, 1, 1)
