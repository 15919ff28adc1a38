"""People named in the documents and essays, and where editors have marked them in the
editions' text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from history.core.authority import WikidataItem
from history.core.language_parts import plain_latin
from history.core.models import EDITORIAL_FEATURES
from history.edition.marks import TextMark

from . import life_dates


class Person(TranslatableMixin, RevisionMixin, index.Indexed, WikidataItem, ClusterableModel):
    slug = models.SlugField(_("slug"), max_length=60, help_text=_("Names the entry: #luo-ruiqing"))
    name = models.CharField(
        _("name"), max_length=120, help_text=_("As readers of this language know it.")
    )
    name_zh = models.CharField(
        _("Chinese name"),
        max_length=60,
        blank=True,
        help_text=_("The person's own name in Chinese characters, if they had one."),
    )
    pinyin = models.CharField(_("pinyin"), max_length=120, blank=True)
    sort_as = models.CharField(
        _("sort as"),
        max_length=120,
        blank=True,
        help_text=_("Where the entry goes in the index, if not by its name: “Anslinger, Harry”."),
    )
    born = models.CharField(_("born"), max_length=10, blank=True, validators=[life_dates.VALIDATOR])
    died = models.CharField(_("died"), max_length=10, blank=True, validators=[life_dates.VALIDATOR])
    short = models.TextField(
        _("who they were"),
        help_text=_("One sentence, shown when a reader taps the name in the text."),
    )
    note = RichTextField(_("longer note"), features=EDITORIAL_FEATURES, blank=True)
    sources = ParentalManyToManyField(
        "core.SourceRecord", verbose_name=_("sources"), blank=True, related_name="+"
    )

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("name_zh", overridable=False),
        SynchronizedField("pinyin", overridable=False),
        SynchronizedField("sort_as", overridable=False),
        SynchronizedField("born", overridable=False),
        SynchronizedField("died", overridable=False),
        SynchronizedField("wikidata", overridable=False),
        TranslatableField("name"),
        TranslatableField("short"),
        TranslatableField("note"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("pinyin"), FieldPanel("sort_as")]),
        FieldRowPanel([FieldPanel("born"), FieldPanel("died")]),
        FieldPanel("short"),
        FieldPanel("note"),
        FieldPanel("sources"),
        FieldPanel("wikidata"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_zh"),
        index.SearchField("pinyin"),
        index.SearchField("short"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_person_slug_per_locale")
        ]

    def __str__(self):
        return f"{self.name} ({self.name_zh})" if self.name_zh else self.name

    @property
    def life_span(self):
        return life_dates.life_span(self.born, self.died)

    @property
    def sort_key(self):
        """Where the entry goes: by pinyin in Chinese where the person has it, else by the
        surname first (`sort_as`) or the name, letters without their accents."""
        if self.locale.language_code.startswith("zh") and self.pinyin:
            return plain_latin(self.pinyin)
        return plain_latin(self.sort_as or self.name)


class PersonMention(TextMark):
    """A person marked by an editor in one version of one paragraph of an edition."""

    target = "person"

    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="person_mentions",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(TextMark.Meta):
        verbose_name = _("person marked in the text")
        verbose_name_plural = _("people marked in the text")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "anchor", "version", "phrase"], name="unique_person_mention"
            )
        ]
