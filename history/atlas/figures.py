"""Reported figures: the numbers the campaign's documents give, each tied to the words that
state it. They are the campaign's own figures, and the site labels them so."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class Action(models.TextChoices):
    """The kinds of action a reader filters the map by; each figure kind belongs to one."""

    ARRESTS = "arrests", _("Offenders and arrests")
    TRIALS = "trials", _("Public trials and executions")
    DENUNCIATIONS = "denunciations", _("Denunciations")
    CONFESSIONS = "confessions", _("Confessions")
    SEIZURES = "seizures", _("Seizures")
    CAMPAIGN = "campaign", _("Campaign and propaganda")


class FigureKind(models.TextChoices):
    OFFENDERS_IDENTIFIED = "offenders_identified", _("offenders identified")
    ARRESTS = "arrests", _("arrests")
    ARREST_RATE = "arrest_rate", _("arrest rate")
    OFFENDERS_HANDLED = "offenders_handled", _("offenders handled")
    SENTENCES = "sentences", _("sentences")
    EXECUTIONS = "executions", _("executions")
    PUBLIC_TRIALS_HELD = "public_trials_held", _("public trials held")
    PUBLIC_TRIALS_PLANNED = "public_trials_planned", _("public trials planned")
    DENUNCIATION_REPORTS = "denunciation_reports", _("denunciation reports received")
    FAMILY_DENUNCIATIONS = "family_denunciations", _("family denunciations")
    CONFESSIONS = "confessions", _("confessions")
    CONFESSION_RATE = "confession_rate", _("confession rate")
    REINTERROGATION_REQUESTS = "reinterrogation_requests", _("requests to be re-interrogated")
    WISHES_TO_CONFESS = "wishes_to_confess", _("detainees wishing to confess")
    SEIZURES = "seizures", _("drugs seized")
    DRUG_MACHINES = "drug_machines", _("drug-processing machines")
    DRUG_EQUIPMENT = "drug_equipment", _("drug equipment")
    WEAPONS = "weapons", _("weapons")
    CAMPAIGN_PHASE = "campaign_phase", _("campaign phase")
    PROPAGANDA_MEETINGS = "propaganda_meetings", _("propaganda meetings")
    PROPAGANDA_AUDIENCE = "propaganda_audience", _("propaganda audience")
    LOCALITIES = "localities", _("localities")


ACTION_OF_KIND = {
    "offenders_identified": Action.ARRESTS,
    "arrests": Action.ARRESTS,
    "arrest_rate": Action.ARRESTS,
    "offenders_handled": Action.TRIALS,
    "sentences": Action.TRIALS,
    "executions": Action.TRIALS,
    "public_trials_held": Action.TRIALS,
    "public_trials_planned": Action.TRIALS,
    "denunciation_reports": Action.DENUNCIATIONS,
    "family_denunciations": Action.DENUNCIATIONS,
    "confessions": Action.CONFESSIONS,
    "confession_rate": Action.CONFESSIONS,
    "reinterrogation_requests": Action.CONFESSIONS,
    "wishes_to_confess": Action.CONFESSIONS,
    "seizures": Action.SEIZURES,
    "drug_machines": Action.SEIZURES,
    "drug_equipment": Action.SEIZURES,
    "weapons": Action.SEIZURES,
    "campaign_phase": Action.CAMPAIGN,
    "propaganda_meetings": Action.CAMPAIGN,
    "propaganda_audience": Action.CAMPAIGN,
    "localities": Action.CAMPAIGN,
}


class Unit(models.TextChoices):
    PERSON = "person", _("people")
    PERCENT = "percent", _("per cent")
    LIANG = "liang", _("liang")
    MACHINE = "machine", _("machines")
    SET = "set", _("sets")
    ITEM = "item", _("items")
    GUN = "gun", _("guns")
    ROUND = "round", _("rounds")
    REPORT = "report", _("reports")
    CASE = "case", _("cases")
    MULTIPLE = "multiple", _("times as many")
    PHASE = "phase", _("phase")
    MEETING = "meeting", _("meetings")
    LOCALITY = "locality", _("localities")


class Approximation(models.TextChoices):
    EXACT = "exact", _("exact")
    OVER = "over", _("over")


class TranslationBy(models.TextChoices):
    RECEIVED = "received", _("the received English translation")
    EDITORS = "editors", _("the editors")


class ReportedFigure(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    slug = models.SlugField(_("slug"), max_length=80)
    document = models.ForeignKey(
        "core.SourceRecord",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "document"},
    )
    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the document is edited on this site, to link to its paragraph."),
    )
    anchor = models.CharField(
        _("paragraph anchor"), max_length=20, blank=True, help_text=_("E.g. p8.")
    )
    place = models.ForeignKey(
        "atlas.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for a nationwide figure."),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=FigureKind.choices)
    value = models.DecimalField(
        _("value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty for an action reported without a number (a public trial held)."),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices, blank=True)
    approximation = models.CharField(
        _("approximation"), max_length=10, choices=Approximation.choices, default="exact"
    )
    period = models.CharField(
        _("period"),
        max_length=200,
        blank=True,
        help_text=_("The span the figure covers, e.g. “in three and a half days”."),
    )
    as_of = models.DateField(_("as of"))
    as_of_month_end = models.BooleanField(
        _("as of the end of the month"),
        default=False,
        help_text=_("The document says only “the end of the month” (e.g. 十一月底)."),
    )
    label = models.CharField(_("label"), max_length=200)
    phrase_original = models.TextField(
        _("phrase in the original"), help_text=_("The exact words of the Chinese text.")
    )
    phrase_translation = models.TextField(_("phrase in English"))
    translation_by = models.CharField(
        _("English phrase from"), max_length=20, choices=TranslationBy.choices, default="received"
    )
    note = models.TextField(_("note"), blank=True)

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("anchor", overridable=False),
        SynchronizedField("value", overridable=False),
        SynchronizedField("as_of", overridable=False),
        SynchronizedField("as_of_month_end", overridable=False),
        SynchronizedField("phrase_original", overridable=False),
        SynchronizedField("phrase_translation", overridable=False),
        TranslatableField("label"),
        TranslatableField("period"),
        TranslatableField("note"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("place")]),
        FieldRowPanel(
            [FieldPanel("approximation"), FieldPanel("value"), FieldPanel("unit")],
            heading=_("Value"),
        ),
        FieldRowPanel([FieldPanel("period"), FieldPanel("as_of"), FieldPanel("as_of_month_end")]),
        MultiFieldPanel(
            [
                FieldPanel("document"),
                FieldRowPanel([FieldPanel("edition"), FieldPanel("anchor")]),
                FieldPanel("phrase_original"),
                FieldRowPanel([FieldPanel("phrase_translation"), FieldPanel("translation_by")]),
            ],
            heading=_("Where the document states it"),
        ),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("label"),
        index.SearchField("phrase_original"),
        index.SearchField("phrase_translation"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["as_of", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_figure_slug_per_locale")
        ]

    def __str__(self):
        return self.label

    @property
    def action(self):
        return ACTION_OF_KIND[self.kind]

    @property
    def as_of_label(self):
        """ "12 September 1952", or "the end of November 1952" where that is all the
        document says."""
        return as_of_label(self.as_of, self.as_of_month_end)

    def _stated_in(self, segment):
        if not segment.contains(self.phrase_original):
            return False
        if self.translation_by == TranslationBy.RECEIVED:
            return segment.contains(self.phrase_translation)
        return True

    def clean(self):
        errors = {}
        if self.as_of_month_end and self.as_of and (self.as_of + timedelta(days=1)).day != 1:
            errors["as_of"] = _("For the end of a month, give the month's last day.")
        if self.value is not None and not self.unit:
            errors["unit"] = _("A figure with a value needs its unit.")
        if self.anchor and not self.edition_id:
            errors["edition"] = _("Choose the edition the anchor belongs to.")
        if self.edition_id and self.anchor:
            segment = self.edition.segments.filter(anchor=self.anchor).first()
            if segment is None:
                errors["anchor"] = _("The edition has no paragraph with this anchor.")
            elif not self._stated_in(segment):
                errors["phrase_original"] = _(
                    "The paragraph does not contain these exact words (Chinese and English)."
                )
        if errors:
            raise ValidationError(errors)


def as_of_label(date, month_end=False):
    if month_end:
        return gettext("the end of %(month)s") % {"month": date_format(date, "YEAR_MONTH_FORMAT")}
    return date_format(date, "DATE_FORMAT")
