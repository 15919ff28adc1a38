"""Timeline events described for search engines and citation tools, as schema.org data: an
Event per event page, and the timeline as an ItemList of them."""

from django.utils.html import strip_tags

from history.core.structured_data import json_ld


def event_data(event, url):
    """A schema.org Event. Dates are as precise as the event's (1839, 1839-06 or 1839-06-03,
    which ISO 8601 allows); places, when it has any, with their coordinates."""
    return {
        "@type": "Event",
        "name": event.title,
        "startDate": event.start.iso,
        "endDate": event.end.iso if event.end else "",
        "description": strip_tags(event.summary),
        "location": [_place(place) for place in event.shown_places],
        "url": url,
    }


def _place(place):
    return {
        "@type": "Place",
        "name": place.name,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        },
    }


def event_json_ld(event, url):
    return json_ld(event_data(event, url))


def timeline_json_ld(name, events, event_url):
    """The timeline as an ItemList of its events, oldest first; `event_url(event)` is the
    absolute address of an event's page."""
    return json_ld(
        {
            "@type": "ItemList",
            "name": name,
            "numberOfItems": len(events),
            "itemListElement": [
                {"@type": "ListItem", "position": n, "url": event_url(event), "name": event.title}
                for n, event in enumerate(events, start=1)
            ],
        }
    )
