"""The map page, its data and its place panels.

Filters come from the query string (`document`, `kind`, `place`, `sort`). The page drops
values it does not know (an old link still opens); the GeoJSON endpoint answers 400.
"""

import math

from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from history.core import versions
from history.core.fragments import fragment_or_page
from history.core.localized import localized
from history.core.structured_data import script_json

from .data import ALL, Atlas, BadFilter, Filters, figure_value, place_kind_label
from .figures import Action

# Places named on the map itself (others are named when a marker is pointed at or focused).
LABELLED_KINDS = {"greater_region", "province", "admin_region"}
# Where markers that share a point are laid around it (pixels).
SPREAD_RADIUS = 15


def _linked_page(request, page_id):
    """(url, title) of page `page_id` in the reader's language (or its source's, if not
    translated), if it is live; None otherwise. Cached until content changes."""

    def find():
        chosen = Page.objects.filter(pk=page_id).values_list("translation_key", flat=True)
        pages = localized(Page.objects.live().public().filter(translation_key__in=chosen))
        return (pages[0].get_url(request), pages[0].title) if pages else None

    if not page_id:
        return None
    return versions.cached("linked-page", find, vary=[page_id], request=request)


def map_view(request, page):
    atlas = Atlas(request)
    filters = atlas.filters(request.GET)
    context = page.get_context(request)

    def results():
        rows = atlas.select(filters)
        return render_to_string(
            "atlas/includes/map_results.html",
            {"page": page, **_results_context(request, page, atlas, filters, rows)},
            request,
        )

    # The results depend only on the filters and the language: render each view once.
    results = versions.cached(
        "map-results", results, vary=[page.pk, filters.query()], request=request
    )
    context.update(results=results, filters=filters)
    context.update(
        document_choices=_document_choices(request, atlas, filters.document),
        actions=Action.choices,
        place_options=_place_options(request, atlas, filters.place),
    )
    if filters.place:
        context.update(_panel_context(request, page, atlas, filters))
    context["map_in_1952_essay"] = _linked_page(request, page.map_in_1952_essay_id)
    return fragment_or_page(
        request,
        page.get_template(request),
        context,
        fragment_template="atlas/includes/map_results_swap.html",
    )


def _document_choices(request, atlas, selected):
    """The document filter's choices and the links to the editions, rendered once per chosen
    document: there is one of each per document."""
    controls = atlas.controls
    return versions.cached(
        "map-document-choices",
        lambda: render_to_string(
            "atlas/includes/document_choices.html",
            {
                "documents": controls["documents"],
                "editions": controls["editions"],
                "selected": selected,
                "ALL": ALL,
            },
        ),
        vary=[selected],
        request=request,
    )


def _place_options(request, atlas, selected):
    """The place filter's options, rendered once per chosen place: the list is every place."""
    return versions.cached(
        "map-place-options",
        lambda: render_to_string(
            "atlas/includes/place_options.html",
            {"places": atlas.controls["places"], "selected": selected},
        ),
        vary=[selected],
        request=request,
    )


def geojson(request, page):
    atlas = Atlas(request)
    try:
        filters = atlas.filters(request.GET, strict=True)
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    data = feature_collection(request, page, atlas, filters, atlas.select(filters))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json; charset=utf-8"
    # Open data: other sites and classroom tools may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def place_view(request, page, slug):
    atlas = Atlas(request)
    if slug not in atlas.places_by_slug:
        raise Http404("No such place")
    filters = atlas.filters({**request.GET.dict(), "place": slug})
    context = page.get_context(request)
    context.update(_panel_context(request, page, atlas, filters))
    return fragment_or_page(
        request,
        "atlas/place_page.html",
        context,
        fragment_template="atlas/includes/place_panel.html",
    )


def _results_context(request, page, atlas, filters, rows):
    # The map keeps every place's markers; the chosen place is where it looks.
    everywhere = atlas.select(Filters(**{**filters.__dict__, "place": ""}))
    collection = feature_collection(request, page, atlas, filters, everywhere)
    return {
        "filters": filters,
        "rows": [
            (
                row,
                figure_value(row.figure),
                filters.query(place=row.place.slug if row.place else ""),
            )
            for row in rows
        ],
        "all_places_query": filters.query(place=""),
        "map_data": script_json(collection),
        "sort_links": _sort_links(filters),
    }


def _panel_context(request, page, atlas, filters):
    place = atlas.places_by_slug[filters.place]
    rows = atlas.select(filters)
    documents = {}
    for row in rows:
        documents.setdefault(row.document_name, []).append((row, figure_value(row.figure)))
    return {
        "place": place,
        "place_kind": place_kind_label(place),
        "place_parent": atlas.parent_of(place),
        "place_documents": list(documents.items()),
        "filters": filters,
    }


def _sort_links(filters):
    links = {}
    for column in ("place", "figure", "value", "date"):
        current = filters.sort == column
        descending = current and not filters.descending
        links[column] = {
            "query": filters.query(sort=column, descending=descending),
            "aria_sort": ("descending" if filters.descending else "ascending") if current else "",
        }
    return links


def feature_collection(request, page, atlas, filters, rows):
    """GeoJSON: one point per place and kind of action, with what a marker needs."""
    base = page.get_url(request)
    markers = atlas.markers(rows)
    at_point = {}
    for marker in markers:
        at_point.setdefault((marker.place.latitude, marker.place.longitude), []).append(marker)
    action_labels = dict(Action.choices)
    features = []
    for marker in markers:
        place = marker.place
        neighbours = at_point[(place.latitude, place.longitude)]
        query = filters.query(place=place.slug, sort="place", descending=False)
        panel_query = filters.query(place="", sort="place", descending=False)
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(place.longitude), float(place.latitude)],
                },
                "properties": {
                    "place": place.slug,
                    "name": place.name,
                    "name_zh": place.name_zh,
                    "place_kind": place.kind,
                    "approximate": place.approximate,
                    "label_on_map": place.kind in LABELLED_KINDS or place.approximate,
                    "action": marker.action,
                    "action_label": str(action_labels[marker.action]),
                    "figures": [
                        {
                            "label": row.figure.label,
                            "value": figure_value(row.figure),
                            "number": float(row.figure.value)
                            if row.figure.value is not None
                            else None,
                            "unit": row.figure.unit,
                            "as_of": row.figure.as_of.isoformat(),
                            "document": row.figure.document.key,
                            "period": row.figure.period or None,
                            "phrase_original": row.figure.phrase_original,
                            "phrase_translation": row.figure.phrase_translation,
                            "translation_by": row.figure.translation_by,
                            "paragraph": request.build_absolute_uri(row.paragraph_url)
                            if row.paragraph_url
                            else None,
                        }
                        for row in marker.rows
                    ],
                    "label": _marker_label(place, marker),
                    "panel": request.build_absolute_uri(f"{base}place/{place.slug}/?{panel_query}"),
                    "map": request.build_absolute_uri(f"{base}?{query}"),
                    "spread": _spread(neighbours.index(marker), len(neighbours)),
                },
            }
        )
    # Places with an outline of 1952 get it drawn under their markers.
    shown = {marker.place.slug: marker.place for marker in markers}
    for place in shown.values():
        if place.outline:
            features.append(
                {
                    "type": "Feature",
                    "geometry": place.outline,
                    "properties": {"place": place.slug, "name": place.name, "outline": True},
                }
            )
    return {
        "type": "FeatureCollection",
        "filters": {
            "document": filters.document,
            "kind": filters.kind or None,
            "place": filters.place or None,
        },
        "attribution": _("Figures reported by the campaign itself"),
        "features": features,
    }


def _marker_label(place, marker):
    count = len(marker.rows)
    figures = ngettext("%(count)s figure", "%(count)s figures", count) % {"count": count}
    return f"{place.name} · {Action(marker.action).label}: {figures}"


def _spread(index, count):
    """Pixel offset of the index-th of `count` markers at one point, around a circle."""
    if count == 1:
        return [0, 0]

    angle = 2 * math.pi * index / count - math.pi / 2
    return [round(SPREAD_RADIUS * math.cos(angle)), round(SPREAD_RADIUS * math.sin(angle))]
