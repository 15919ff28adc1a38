"""The timeline page: events by era, an overview scale, filters, and a page per event."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES

from . import views
from .events import Event


class TimelinePage(RoutablePageMixin, Page):
    """Routes: the page (the results alone for htmx) and `event/<slug>/` (the event's own page,
    or its longer text for htmx); the file `events.json` beside it."""

    query_parameters = ("theme", "period")  # the filters its views read

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)
    reuse_note = RichTextField(
        _("reusing the data"),
        features=EDITORIAL_FEATURES,
        help_text=_("How to get the events as JSON."),
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("reuse_note")]
    entry_action = _("Open the timeline")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    published_files = {"events.json": "events_json"}

    class Meta:
        verbose_name = _("timeline page")

    def sitemap_subpaths(self):
        """Each event's page (every event is shown in every language)."""
        slugs = Event.objects.order_by("slug").values_list("slug", flat=True).distinct()
        return [f"event/{slug}/" for slug in slugs]

    @path("")
    def timeline(self, request):
        return views.timeline(request, self)

    @path("event/<slug:slug>/")
    def event(self, request, slug):
        return views.event(request, self, slug)

    def events_json(self, request):
        return views.events_json(request, self)
