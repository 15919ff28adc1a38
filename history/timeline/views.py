"""The timeline's views: the page (its results alone for htmx), an event's page (its longer
text alone for htmx), and `events.json`.

Filters come from the query string (`theme`, repeatable, and `period`). The page drops values
it does not know (an old link still opens); `events.json` answers 400.
"""

import re
from html import unescape

from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.html import strip_tags

from history.core import versions
from history.core.fragments import fragment_or_page, vary_on_htmx, wants_fragment
from history.core.localized import localized, localized_page
from history.edition.models import EditionPage

from .events import Theme
from .listing import CAMPAIGN_ERA, ERAS, BadFilter, Filters, Timeline, overview
from .schema import event_json_ld, timeline_json_ld


def timeline(request, page):
    filters = Filters.from_query(request.GET)
    listing = Timeline(filters)
    context = page.get_context(request)

    def results():
        results_context = {"page": page, **_results_context(request, page, listing)}
        return render_to_string("timeline/includes/results.html", results_context, request)

    # The results depend only on the filters and the language: render each view once.
    results = versions.cached(
        "timeline-results", results, vary=[page.pk, filters.query()], request=request
    )
    context.update(results=results, filters=filters)
    if wants_fragment(request):
        return vary_on_htmx(
            TemplateResponse(request, "timeline/includes/results_swap.html", context)
        )
    context.update(themes=Theme.choices, eras=ERAS, campaign_era=CAMPAIGN_ERA)
    # Every event, whatever the filters: the list describes the canonical, unfiltered page.
    base = request.build_absolute_uri(page.get_url(request))
    context["json_ld"] = versions.cached(
        "timeline-json-ld",
        lambda: timeline_json_ld(
            page.title, listing.all_events, lambda event: f"{base}event/{event.slug}/"
        ),
        vary=[page.pk, base],
    )
    return vary_on_htmx(TemplateResponse(request, page.get_template(request), context))


def event(request, page, slug):
    listing = Timeline(Filters())
    found = next((e for e in listing.all_events if e.slug == slug), None)
    if found is None:
        raise Http404("No such event")
    context = page.get_context(request)
    context.update(event=found, links=_links(request, [found]), filters=Filters())
    context["json_ld"] = event_json_ld(found, request.build_absolute_uri(request.path))
    return fragment_or_page(
        request,
        "timeline/event_page.html",
        context,
        fragment_template="timeline/includes/event_more.html",
    )


def events_json(request, page):
    try:
        filters = Filters.from_query(request.GET, strict=True)
    except BadFilter as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    listing = Timeline(filters)
    links = _links(request, listing.events)
    base = request.build_absolute_uri(page.get_url(request))
    data = {
        "filters": {"theme": list(filters.themes), "period": filters.period or None},
        "count": len(listing.events),
        "events": [_event_data(request, base, event, links) for event in listing.events],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    # Open data: other sites and classroom tools may fetch it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _results_context(request, page, listing):
    groups = listing.groups()
    return {
        "filters": listing.filters,
        "groups": groups,
        "count": len(listing.events),
        "overview": overview(groups),
        "links": _links(request, listing.events),
    }


def _links(request, events):
    """Where the events' places and paragraphs are on this site, in the reader's language:
    {"map": URL of the map, "editions": {edition translation key: URL}}. Each event gets its
    `paragraph_urls`: [(paragraph number, URL)]."""
    keys = frozenset(event.edition.translation_key for event in events if event.edition_id)

    def build():
        map_page = localized_page("atlas.MapPage")
        editions = localized(EditionPage.objects.live().filter(translation_key__in=keys))
        return (
            map_page.get_url(request) if map_page else "",
            {
                page.translation_key: (
                    page.get_url(request),
                    page.paragraph_numbers,
                )
                for page in editions
            },
        )

    map_url, editions = versions.cached("timeline-links", build, vary=sorted(keys), request=request)
    for event in events:
        base, numbers = (
            editions.get(event.edition.translation_key, ("", {})) if event.edition_id else ("", {})
        )
        event.paragraph_urls = [
            (numbers[anchor], f"{base}#{anchor}")
            for anchor in event.anchor_list
            if base and anchor in numbers
        ]
    return {"map": map_url, "editions": {key: url for key, (url, _n) in editions.items()}}


def plain_paragraphs(html):
    """Rich text as plain text, paragraphs separated by blank lines."""
    paragraphs = re.split(r"</p>\s*", html or "")
    texts = (unescape(strip_tags(paragraph)).strip() for paragraph in paragraphs)
    return "\n\n".join(text for text in texts if text)


def _event_data(request, base, event, links):
    return {
        "id": event.slug,
        "url": f"{base}event/{event.slug}/",
        "title": event.title,
        "date": {
            "start": event.start.iso,
            "end": event.end.iso if event.end else None,
            "precision": event.precision,
            "circa": event.circa,
            "label": event.date_label,
            "note": event.date_note or None,
        },
        "theme": event.theme,
        "summary": event.summary,
        "text": plain_paragraphs(event.text),
        "places": [
            {
                "id": place.slug,
                "name": place.name,
                "name_zh": place.name_zh,
                "coordinates": [float(place.longitude), float(place.latitude)],
                "map": request.build_absolute_uri(f"{links['map']}?place={place.slug}")
                if links["map"]
                else None,
            }
            for place in event.shown_places
        ],
        "paragraphs": [request.build_absolute_uri(url) for _anchor, url in event.paragraph_urls],
        "sources": [unescape(record.chicago()) for record in event.shown_sources],
    }
