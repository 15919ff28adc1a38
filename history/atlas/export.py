"""Writing the map and the numbers back to `site/atlas/`: places, reported figures, the place
names marked in the edition, the charts' words, the two pages, and their translations, as
`content.py` reads them."""

from wagtail.models import Locale

from history.core.exporting import Inline
from history.core.file_order import parents_first
from history.core.simple_pages import export_simple_page
from history.core.snippet_lists import export_snippet_list
from history.edition.models import EditionPage

from .charts import ChartCaption
from .content import CHARTS, FIGURES, MAP, NUMBERS, PLACES
from .figures import ReportedFigure, TranslationBy
from .mentions import PlaceMention
from .places import Place


def export(exporter):
    locale = Locale.get_default()
    # Content files name places and editions by the slug of the source-language object, even
    # where the admin linked a translation of it.
    place_slugs = slugs_by_translation_key(Place.objects.filter(locale=locale))
    edition_slugs = slugs_by_translation_key(EditionPage.objects.filter(locale=locale))
    places = Place.objects.filter(locale=locale).order_by("pk")
    # Each place after the place it is part of (parents outside the source language: last).
    places = parents_first(places, lambda place: place.parent_id)
    figures = list(
        ReportedFigure.objects.filter(locale=locale)
        .select_related("document", "edition", "place")
        .order_by("pk")
    )
    export_snippet_list(
        exporter, PLACES, places, lambda place, _written: place_data(place, place_slugs)
    )
    export_snippet_list(
        exporter,
        FIGURES,
        figures,
        lambda figure, _written: figure_data(figure, place_slugs, edition_slugs),
    )
    export_mentions(exporter, place_slugs, edition_slugs)
    captions = ChartCaption.objects.filter(locale=locale).order_by("pk")
    export_snippet_list(exporter, CHARTS, list(captions))
    export_simple_page(exporter, MAP)
    export_simple_page(exporter, NUMBERS)


def slugs_by_translation_key(queryset):
    return dict(queryset.values_list("translation_key", "slug"))


def place_data(place, slugs):
    """The fields of a place's item that are not `Field`s of PLACES."""
    data = {"point": [number(place.latitude), number(place.longitude)]}
    if place.parent_id:
        data["parent"] = slugs[place.parent.translation_key]
    if place.outline:
        data["outline"] = Inline(place.outline)
    return data


def figure_data(figure, place_slugs, edition_slugs):
    """The fields of a figure's item that are not `Field`s of FIGURES; `edition` and
    `translation_by` only where they are not what the loader assumes from the document and
    the anchor."""
    data = {"document": figure.document.key}
    edition = edition_slugs[figure.edition.translation_key] if figure.edition_id else None
    if edition != (figure.document.key if figure.anchor else None):
        data["edition"] = edition
    if figure.place_id:
        data["place"] = place_slugs[figure.place.translation_key]
    if figure.value is not None:
        data["value"] = number(figure.value)
    assumed = TranslationBy.RECEIVED if figure.anchor else TranslationBy.EDITORS
    if figure.translation_by != assumed:
        data["translation_by"] = figure.translation_by
    return data


def export_mentions(exporter, place_slugs, edition_slugs):
    """`mentions.yaml`: the place names marked in the editions, the first edition's as the
    file's default and the others' naming their edition."""
    mentions = PlaceMention.objects.select_related("edition", "place").order_by("pk")
    items, default = [], None
    for mention in mentions:
        slug = edition_slugs.get(mention.edition.translation_key, mention.edition.slug)
        default = default or slug
        item = {
            "anchor": mention.anchor,
            "version": mention.version,
            "place": place_slugs[mention.place.translation_key],
            "phrase": mention.phrase,
        }
        items.append(item if slug == default else {"edition": slug, **item})
    if items:
        exporter.write_yaml("atlas/mentions.yaml", {"edition": default, "mentions": items})


def number(value):
    """A decimal as the files write it: 237463, 19.3."""
    return int(value) if value == value.to_integral_value() else float(value)
