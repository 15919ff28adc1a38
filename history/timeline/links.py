"""The events that concern an edition, for its reading view (see history.edition.related)."""

from history.core.localized import localized

from .events import Event
from .pages import TimelinePage


def edition_events(edition, request):
    """The events that concern `edition` (in any language), in the reader's language, with
    their permalinks: [{"title", "date_label", "url", "paragraphs"}], oldest first."""
    events = localized(Event.objects.filter(edition__translation_key=edition.translation_key))
    timeline = next(iter(localized(TimelinePage.objects.live())), None)
    if not events or timeline is None:
        return []
    base = timeline.get_url(request)
    events.sort(key=lambda event: (event.starts_on, event.slug))
    return [
        {
            "title": event.title,
            "date_label": event.date_label,
            "url": f"{base}#event-{event.slug}",
            "paragraphs": event.anchor_list,
        }
        for event in events
    ]
