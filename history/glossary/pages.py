"""The glossary page: every term A–Z, each with an anchor (on a page per letter once the
glossary is long), and a short entry per term that the edition opens in place."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES

from . import views
from .az import by_letter, letter_path, letters
from .terms import GlossaryTerm


class GlossaryPage(RoutablePageMixin, Page):
    """Routes: the A–Z list, `letter/<letter>/` (a letter's terms, once the A–Z is split by
    letter) and `term/<slug>/` (the short entry: a fragment for htmx, a page otherwise)."""

    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    entry_action = _("Open the glossary")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary page")

    @path("")
    def glossary(self, request):
        return views.glossary(request, self)

    @path("letter/<str:letter>/")
    def letter(self, request, letter):
        return views.glossary(request, self, letter)

    def sitemap_subpaths(self):
        """Each term's entry (every term is shown in every language), and each letter's page
        once the A–Z is split by letter."""
        slugs = GlossaryTerm.objects.order_by("slug").values_list("slug", flat=True).distinct()
        pages = [letter_path(letter) for letter in letters()] if by_letter() else []
        return [path for path in pages if path] + [f"term/{slug}/" for slug in slugs]

    @path("term/<slug:slug>/")
    def term(self, request, slug):
        return views.term(request, self, slug)
