"""The words of the numbers page's charts: each chart's title and description, written by the
editors (`site/atlas/charts.yaml`) and translated like the other atlas content. Which figures
a chart draws is decided by its key (numbers.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The charts the numbers page can draw, in the order it draws them.
CHART_KEYS = [
    "totals-offenders",
    "totals-arrests",
    "totals-seizures",
    "arrest-rates",
    "arrests-by-region",
    "arrests-by-city",
    "denunciations-by-city",
    "confession-rates",
    "confessions",
]


class ChartCaption(TranslatableMixin, RevisionMixin, models.Model):
    slug = models.CharField(
        _("chart"),
        max_length=40,
        choices=[(key, key) for key in CHART_KEYS],
        help_text=_("The chart these words go with; its figures are chosen by it."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        TranslatableField("title"),
        TranslatableField("description"),
    ]
    panels = [FieldPanel("slug"), FieldPanel("title"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("chart caption")
        verbose_name_plural = _("chart captions")
        ordering = ["pk"]

    def __str__(self):
        return self.title
