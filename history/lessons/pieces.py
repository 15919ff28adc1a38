"""The map and the timeline inside a lesson: a saved filter shown compactly (the figures as a
short table, the events as a list), with a link to the full page in the same state."""

from django.http import QueryDict

from history.atlas.data import Atlas, figure_value
from history.atlas.figures import Action
from history.atlas.pages import MapPage
from history.core import versions
from history.core.localized import localized
from history.timeline.listing import Filters as TimelineFilters
from history.timeline.listing import Timeline
from history.timeline.pages import TimelinePage

SHOWN = 12  # rows or events shown in the lesson; the link leads to the rest


def page_url(model, request):
    """The URL of the site's one `model` page in the reader's language ("" if none)."""

    def find():
        pages = localized(model.objects.live().public())
        return pages[0].get_url(request) if pages else ""

    return versions.cached("page-url", find, vary=[model._meta.label], request=request)


def map_view(value, request):
    atlas = Atlas(request)
    query = QueryDict(mutable=True)
    for name in ("document", "kind", "place"):
        if value.get(name):
            query[name] = value[name]
    filters = atlas.filters(query)
    rows = atlas.select(filters)
    place = atlas.places_by_slug.get(filters.place)
    documents = {doc.key: doc.short_name(atlas.language) for doc in atlas.documents}
    label = [
        documents.get(filters.document, ""),
        Action(filters.kind).label if filters.kind else "",
        place.name if place else "",
    ]
    return {
        "label": " · ".join(str(part) for part in label if part),
        "rows": [(row, figure_value(row.figure)) for row in rows[:SHOWN]],
        "more": max(0, len(rows) - SHOWN),
        "place": place,
        "url": f"{page_url(MapPage, request)}?{filters.query()}",
    }


def timeline_range(value, request):
    query = QueryDict(mutable=True)
    query.setlist("theme", list(value.get("themes") or []))
    if value.get("period"):
        query["period"] = value["period"]
    filters = TimelineFilters.from_query(query)
    events = Timeline(filters).events
    return {
        "events": events[:SHOWN],
        "more": max(0, len(events) - SHOWN),
        "url": f"{page_url(TimelinePage, request)}?{filters.query()}",
    }
