"""The read-only JSON API (`/<language>/api/v1/`), its downloads and its page.

Each response names the licence (a `licence` field and a `Link: rel="license"` header), is
public and kept by the page cache like a page, tagged with the kinds of content it shows so
that it is dropped when they change. Lists are paginated (`?page=`, PAGE_SIZE at a time).

Plain views rather than Wagtail's API (wagtail.api.v2): most of the content is snippets and
child objects of pages, which that API does not serve as such; and here every field shown is
named in `records.py`, answers live under the language prefix like the pages, and the page
cache keeps them.
"""

import csv
import io
import json

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from history.about import licence
from history.core import page_cache
from history.core.versions import PAGES

from . import records

PAGE_SIZE = 100
# What each kind of record shows (tags, see `history/core/versions.py`): links to editions
# depend on which pages are live and public.
SHOWS = {
    "editions": ("edition", "core", PAGES),  # core: the sources its notes cite
    "places": ("atlas", PAGES),
    "figures": ("atlas", "edition", "core", PAGES),
    "events": ("timeline", "atlas", "edition", "core", PAGES),
    "terms": ("glossary", PAGES),
    "people": ("people", "edition", "core", PAGES),
}


def _json(request, data, kind=None):
    page_cache.depends_on(request, licence.TAG, *SHOWS.get(kind, ()))
    response = JsonResponse(
        {"licence": licence.as_data(request), **data},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    # Open data: other sites and classroom tools may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    return licence.link_header(response, request)


def _paginated(request, kind, items):
    paginator = Paginator(items, PAGE_SIZE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such page") from error
    base = request.build_absolute_uri(request.path)
    return _json(
        request,
        {
            "count": paginator.count,
            "next": f"{base}?page={page.next_page_number()}" if page.has_next() else None,
            "previous": f"{base}?page={page.previous_page_number()}"
            if page.has_previous()
            else None,
            "results": list(page.object_list),
        },
        kind,
    )


@require_safe
def index(request):
    endpoints = {
        name: request.build_absolute_uri(reverse(f"open_data:{name}"))
        for name in ("editions", "places", "figures", "events", "terms", "people")
    }
    return _json(request, {"endpoints": endpoints, "documentation": _page_url(request)})


def _page_url(request):
    return request.build_absolute_uri(reverse("open_data:page"))


@require_safe
def editions(request):
    found = [records.edition_summary(request, page) for page in records.editions()]
    return _paginated(request, "editions", found)


@require_safe
def edition(request, slug):
    for page in records.editions():
        if page.slug == slug:
            return _json(request, records.edition_detail(request, page), "editions")
    raise Http404("No such edition")


# The kinds of object listed alike: {list name: the function that reads them from records.py}.
RECORDS = {
    "places": records.places,
    "figures": records.figures,
    "events": records.events,
    "terms": records.terms,
    "people": records.people,
}


@require_safe
def listing(request, kind):
    return _paginated(request, kind, RECORDS[kind](request))


@require_safe
def detail(request, kind, slug):
    found = RECORDS[kind](request, slug=slug)
    if not found:
        raise Http404("No such object")
    return _json(request, found[0], kind)


# --- downloads ---

CSV_FIELDS = {
    "figures": [
        "id", "label", "kind", "value", "value_text", "unit", "approximation", "period",
        "as_of", "document", "document_title", "place_id", "place_name", "latitude",
        "longitude", "anchor", "paragraph_url", "phrase_original", "phrase_translation",
        "translation_by", "note", "url",
    ],
    "places": [
        "id", "name", "name_zh", "pinyin", "kind", "parent", "latitude", "longitude",
        "approximate", "point_note", "in_1952", "today", "wikidata", "geonames", "map_url",
        "url",
    ],
    "events": [
        "id", "title", "date_label", "start", "end", "circa", "theme", "summary", "places",
        "paragraphs", "sources", "url",
    ],
}  # fmt: skip


@require_safe
def csv_download(request, kind):
    """A table of `kind` as CSV, UTF-8 with a byte-order mark: without it, Excel reads the
    file in the computer's legacy code page and garbles the Chinese; LibreOffice, Numbers and
    csv readers take the mark as what it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, CSV_FIELDS[kind], extrasaction="ignore")
    writer.writeheader()
    for row in RECORDS[kind](request):
        writer.writerow({k: " ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    page_cache.depends_on(request, licence.TAG, *SHOWS[kind])
    response = HttpResponse(out.getvalue().encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{kind}.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return licence.link_header(response, request)


@require_safe
def figures_geojson(request):
    """The figures the map shows (those with a place), one point each."""
    features = [
        {
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
            "properties": {
                "figure": row["label"],
                "value": row["value"],
                "value_text": row["value_text"],
                "unit": row["unit"],
                "as_of": row["as_of"],
                "document": row["document"],
                "document_title": row["document_title"],
                "place": row["place_name"],
                "paragraph_url": row["paragraph_url"],
                "url": row["url"],
            },
        }
        for row in records.figures(request)
        if row["place"]
    ]
    response = _json(request, {"type": "FeatureCollection", "features": features}, "figures")
    response["Content-Type"] = "application/geo+json; charset=utf-8"
    response["Content-Disposition"] = 'attachment; filename="figures.geojson"'
    return response


# --- the page that explains it ---


def _in_each_language(name):
    """{language: the address of view `name` in it}, for the language switcher."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = reverse(name)
    return urls


@require_safe
def api_page(request):
    page_cache.depends_on(request, licence.TAG, *SHOWS["editions"])  # its example is an edition's
    base = request.build_absolute_uri(reverse("open_data:index"))
    example = next(iter(records.editions()), None)
    # A paragraph that every version has, to show what a segment looks like.
    segment = next(
        (
            s
            for s in (example.all_segments if example else [])
            if s.kind == "paragraph" and len(s.version_texts) == len(example.all_versions)
        ),
        None,
    )
    return TemplateResponse(
        request,
        "opendata/api_page.html",
        {
            "base": base,
            "example": example,
            "example_segment": json.dumps(
                records.segment_data(request, example, segment), ensure_ascii=False, indent=1
            )
            if segment
            else "",
            "licence_name": licence.name(request),
            "licence_url": licence.url(request),
            "licence_scope": licence.SCOPE,
            "translation_urls": _in_each_language("open_data:page"),
        },
    )
