"""About the edition: who made it, how, under what licence, how to cite it, and the readers'
reports of errors that the editors check."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from history.core.models import EDITORIAL_FEATURES

from .reports import ErrorReport, report_view

__all__ = ["AboutPage", "ErrorReport"]


class AboutPage(RoutablePageMixin, Page):
    """The edition's credits, method, provenance and licence, each a section an editor writes;
    its `report/` view takes readers' reports of errors."""

    short_title = models.CharField(
        _("short title"), max_length=60, blank=True, help_text=_("Used in the footer.")
    )
    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)
    editors = models.CharField(
        _("editors"),
        max_length=255,
        blank=True,
        help_text=_(
            "Their names, as they wish to be credited; empty: “the editors of this edition”."
        ),
    )
    responsibility = RichTextField(_("who did what"), features=EDITORIAL_FEATURES)
    method = RichTextField(_("how the texts were edited"), features=EDITORIAL_FEATURES)
    translations = RichTextField(_("the translations"), features=EDITORIAL_FEATURES)
    provenance = RichTextField(_("where the texts come from"), features=EDITORIAL_FEATURES)
    record_url = models.URLField(
        _("public record's address"), help_text=_("Where readers can see the records themselves.")
    )
    licence_name = models.CharField(_("licence"), max_length=120)
    licence_url = models.URLField(_("licence's address"))
    rights = RichTextField(
        _("licence and rights"),
        features=EDITORIAL_FEATURES,
        help_text=_(
            "What the licence covers, and what it does not "
            "(the 1952 documents, the received translation)."
        ),
    )
    how_to_cite = RichTextField(_("how to cite"), features=EDITORIAL_FEATURES)
    reporting = RichTextField(
        _("reporting an error"),
        features=EDITORIAL_FEATURES,
        help_text=_("Shown above the form readers use to report an error."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("editors"), FieldPanel("responsibility")], heading=_("Responsibility")
        ),
        FieldPanel("method"),
        FieldPanel("translations"),
        FieldPanel("provenance"),
        FieldPanel("record_url"),
        MultiFieldPanel(
            [FieldPanel("licence_name"), FieldPanel("licence_url"), FieldPanel("rights")],
            heading=_("Licence"),
        ),
        FieldPanel("how_to_cite"),
        FieldPanel("reporting"),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    in_footer = True  # the frame links it from every page's footer
    template = "about/about_page.html"

    class Meta:
        verbose_name = _("about page")

    @path("report/")
    def report(self, request):
        return report_view(self, request)
