"""The index of people: everyone the documents and essays name, each with their Chinese name,
dates, who they were, where the editions name them, and their authority records."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES

from . import views
from .persons import Person


class PeoplePage(RoutablePageMixin, Page):
    """Routes: the index, and `person/<slug>/` (a person's short entry: a fragment for htmx,
    a page otherwise)."""

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    entry_action = _("Open the index of people")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index of people")

    @path("")
    def index(self, request):
        return views.index(request, self)

    @path("person/<slug:slug>/")
    def person(self, request, slug):
        return views.person(request, self, slug)

    def sitemap_subpaths(self):
        """Each person's entry (every person is shown in every language)."""
        slugs = Person.objects.order_by("slug").values_list("slug", flat=True).distinct()
        return [f"person/{slug}/" for slug in slugs]
