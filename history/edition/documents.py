"""The documents page: the campaign's documents that the site publishes as editions, in
order, with what each is and how they relate."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES


class DocumentsPage(Page):
    """Its template lists the series (`series.py`, through the `series` template tag)."""

    short_title = models.CharField(
        _("short title"), max_length=60, blank=True, help_text=_("Used in the menu.")
    )
    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("short_title"), FieldPanel("intro")]
    entry_action = _("See the documents")
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "edition/documents_page.html"

    class Meta:
        verbose_name = _("documents page")
