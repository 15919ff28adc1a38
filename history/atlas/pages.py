"""The map of regional actions and the numbers page: the figures, shown two ways."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES

from . import views
from .numbers import numbers_context
from .places import Place


class MapPage(RoutablePageMixin, Page):
    """The map, its table twin, and a panel per place. Routes: the page (the table alone for
    htmx) and `place/<slug>/`; the file `data.geojson` beside it."""

    query_parameters = ("document", "kind", "place", "sort")  # the filters its views read

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)
    map_in_1952 = RichTextField(
        _("the map in 1952"),
        features=EDITORIAL_FEATURES,
        help_text=_("The greater administrative regions and the provinces that no longer exist."),
    )
    map_in_1952_essay = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("essay on the map in 1952"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the panel on the map in 1952, for readers who want more."),
    )
    base_map_note = models.TextField(
        _("note on the base map"), help_text=_("What the base map shows and where it comes from.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("map_in_1952"),
        FieldPanel("map_in_1952_essay"),
        FieldPanel("base_map_note"),
    ]
    entry_action = _("Open the map")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map page")

    @path("")
    def map_view(self, request):
        return views.map_view(request, self)

    published_files = {"data.geojson": "geojson"}

    def geojson(self, request):
        return views.geojson(request, self)

    def sitemap_subpaths(self):
        """Each place's page (every place is shown in every language)."""
        slugs = Place.objects.order_by("slug").values_list("slug", flat=True).distinct()
        return [f"place/{slug}/" for slug in slugs]

    @path("place/<slug:slug>/")
    def place(self, request, slug):
        return views.place_view(request, self, slug)


class NumbersPage(Page):
    """Tables and charts of the reported figures, with the caveats they need."""

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)
    caveats = RichTextField(
        _("caveats"),
        features=EDITORIAL_FEATURES,
        help_text=_("What to keep in mind when comparing figures of different periods."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("caveats")]
    entry_action = _("See the numbers")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("numbers page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(numbers_context(request))
        return context
