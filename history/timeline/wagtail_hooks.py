from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from history.edition import related

from .events import Event
from .links import edition_events


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["title", "date_label", "theme"]
    list_filter = ["theme", "precision", "circa", "places"]
    ordering = ["starts_on"]
    list_export = ["slug", "title", "date_label", "theme", "summary", "edition", "anchors"]
    export_filename = "timeline-events"


register_snippet(EventViewSet)
hooks.register(related.EVENTS, edition_events)
