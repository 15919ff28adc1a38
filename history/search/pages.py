"""The search page: one page per language, answering `?q=...&type=...&page=...`."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import views


class SearchPage(Page):
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    query_parameters = ("q", "type", "page")
    # The frame's search field sends its words here.
    is_site_search = True

    class Meta:
        verbose_name = _("search page")

    def serve(self, request, *args, **kwargs):
        return views.search(request, self)

    def serve_preview(self, request, mode_name):
        return self.serve(request)
