"""Timeline events: what happened, when (to the precision known), where, and on what
evidence."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from history.core.alt_text import ALT_TEXT_HELP, DECORATIVE_HELP, alt_for, alt_text_problem
from history.core.models import EDITORIAL_FEATURES

from .dates import DAY, MONTH, YEAR, PartialDate, format_range


class Theme(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    LAW_POLICY = "law_policy", _("Law and policy")
    CAMPAIGN = "campaign_1952", _("The 1952 campaign")
    DOCUMENT = "this_document", _("The campaign’s documents")
    SOCIETY = "society", _("Society and everyday life")


class Precision(models.TextChoices):
    YEAR = YEAR, _("year")
    MONTH = MONTH, _("month")
    DAY = DAY, _("day")


def _month_field(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )


def _day_field(label):
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )


class Event(TranslatableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Names the event's permalink."))
    title = models.CharField(_("title"), max_length=200)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1000), MaxValueValidator(2100)]
    )
    month = _month_field(_("month"))
    day = _day_field(_("day"))
    precision = models.CharField(
        _("known to the"), max_length=10, choices=Precision.choices, default=Precision.DAY
    )
    circa = models.BooleanField(_("circa"), default=False, help_text=_("The date is approximate."))
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
        help_text=_("For periods: a war, a campaign phase. Give as much of the end as is known."),
    )
    end_month = _month_field(_("end month"))
    end_day = _day_field(_("end day"))
    date_note = models.CharField(
        _("note on the date"),
        max_length=300,
        blank=True,
        help_text=_("Where the dating is uncertain or sources differ, say so."),
    )
    # Derived from the date fields, for ordering and filtering.
    starts_on = models.DateField(editable=False, null=True)
    ends_on = models.DateField(editable=False, null=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    summary = models.TextField(_("summary"), help_text=_("One or two sentences."))
    text = RichTextField(_("text"), features=EDITORIAL_FEATURES, blank=True)
    places = ParentalManyToManyField(
        "atlas.Place", verbose_name=_("places"), blank=True, related_name="+"
    )
    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    anchors = models.CharField(
        _("paragraph anchors"),
        max_length=200,
        blank=True,
        help_text=_("The paragraphs of the edition it concerns, separated by spaces: p8 p18"),
    )
    sources = ParentalManyToManyField(
        "core.SourceRecord", verbose_name=_("sources"), related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True, help_text=ALT_TEXT_HELP
    )
    image_decorative = models.BooleanField(
        _("image is decorative"), default=False, help_text=DECORATIVE_HELP
    )
    image_credit = models.CharField(_("image credit"), max_length=300, blank=True)

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("year", overridable=False),
        SynchronizedField("month", overridable=False),
        SynchronizedField("day", overridable=False),
        SynchronizedField("end_year", overridable=False),
        SynchronizedField("end_month", overridable=False),
        SynchronizedField("end_day", overridable=False),
        SynchronizedField("anchors", overridable=False),
        SynchronizedField("image_credit"),
        SynchronizedField("image_decorative", overridable=False),
        TranslatableField("image_alt_text"),
        TranslatableField("title"),
        TranslatableField("date_note"),
        TranslatableField("summary"),
        TranslatableField("text"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("month"), FieldPanel("day")]),
                FieldRowPanel([FieldPanel("precision"), FieldPanel("circa")]),
                FieldRowPanel(
                    [FieldPanel("end_year"), FieldPanel("end_month"), FieldPanel("end_day")]
                ),
                FieldPanel("date_note"),
            ],
            heading=_("When"),
        ),
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("text"),
        FieldPanel("places"),
        FieldRowPanel([FieldPanel("edition"), FieldPanel("anchors")]),
        FieldPanel("sources"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("image"), FieldPanel("image_credit")]),
                FieldRowPanel([FieldPanel("image_alt_text"), FieldPanel("image_decorative")]),
            ],
            heading=_("Image"),
        ),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.SearchField("text"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
        index.FilterField("theme"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["starts_on", "ends_on", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_event_slug_per_locale")
        ]

    def __str__(self):
        return f"{self.title} ({self.start.iso})"

    @property
    def start(self):
        return PartialDate(self.year, self.month, self.day)

    @property
    def end(self):
        if not self.end_year:
            return None
        return PartialDate(self.end_year, self.end_month, self.end_day)

    @property
    def date_label(self):
        return format_range(self.start, self.end, self.circa)

    @property
    def image_alt(self):
        return alt_for(self.image, self.image_alt_text, self.image_decorative)

    @property
    def anchor_list(self):
        return self.anchors.split()

    def clean(self):
        errors = {}
        self._check_start(errors)
        self._check_end(errors)
        self._check_anchors(errors)
        # An event has no drafts: saving it puts it on the timeline, so the rule applies.
        problem = alt_text_problem(self.image, self.image_alt_text, self.image_decorative)
        if problem:
            errors["image_alt_text"] = problem
        if errors:
            raise ValidationError(errors)

    def _check_start(self, errors):
        if self.precision in (MONTH, DAY) and not self.month:
            errors["month"] = _("A date known to the month or day needs its month.")
        if self.precision == DAY and not self.day:
            errors["day"] = _("A date known to the day needs its day.")
        if self.precision == YEAR and (self.month or self.day):
            errors["precision"] = _("A date known only to the year takes no month or day.")
        if self.precision == MONTH and self.day:
            errors["precision"] = _("A date known to the month takes no day.")
        if self.year and not errors and not _real(self.year, self.month, self.day):
            errors["day"] = _("This day does not exist in that month.")

    def _check_end(self, errors):
        if not self.end_year:
            if self.end_month or self.end_day:
                errors["end_year"] = _("Give the end's year too.")
            return
        if self.end_day and not self.end_month:
            errors["end_month"] = _("Give the end's month too.")
        elif not _real(self.end_year, self.end_month, self.end_day):
            errors["end_day"] = _("This day does not exist in that month.")
        elif self.year and "day" not in errors and self.end.last_day < self.start.first_day:
            errors["end_year"] = _("The end cannot come before the start.")

    def _check_anchors(self, errors):
        anchors = self.anchor_list
        if anchors and not self.edition_id:
            errors["edition"] = _("Choose the edition these paragraphs belong to.")
        elif anchors:
            known = set(self.edition.segments.values_list("anchor", flat=True))
            unknown = [anchor for anchor in anchors if anchor not in known]
            if unknown:
                errors["anchors"] = _("The edition has no paragraph %(anchors)s.") % {
                    "anchors": ", ".join(unknown)
                }

    def save(self, *args, **kwargs):
        self.starts_on = self.start.first_day
        self.ends_on = self.end.last_day if self.end else self.start.last_day
        return super().save(*args, **kwargs)


def _real(year, month, day):
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True
