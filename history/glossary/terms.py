"""Glossary terms: the words of the bulletin a reader needs explained, and where editors have
marked them in the edition's text."""

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

from .pinyin import sort_key as pinyin_sort_key


class GlossaryTerm(TranslatableMixin, RevisionMixin, index.Indexed, WikidataItem, ClusterableModel):
    slug = models.SlugField(_("slug"), max_length=60, help_text=_("Names the entry: #term-liang"))
    term = models.CharField(_("term"), max_length=120)
    chinese = models.CharField(_("Chinese"), max_length=60)
    pinyin = models.CharField(_("pinyin"), max_length=120, blank=True)
    short = models.TextField(
        _("short definition"), help_text=_("One sentence, shown when a reader taps the term.")
    )
    note = RichTextField(_("longer note"), features=EDITORIAL_FEATURES, blank=True)
    sources = ParentalManyToManyField(
        "core.SourceRecord", verbose_name=_("sources"), blank=True, related_name="+"
    )

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("chinese", overridable=False),
        SynchronizedField("pinyin", overridable=False),
        SynchronizedField("wikidata", overridable=False),
        TranslatableField("term"),
        TranslatableField("short"),
        TranslatableField("note"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("chinese"), FieldPanel("pinyin")]),
        FieldPanel("short"),
        FieldPanel("note"),
        FieldPanel("sources"),
        FieldPanel("wikidata"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.SearchField("chinese"),
        index.SearchField("pinyin"),
        index.SearchField("short"),
        index.AutocompleteField("term"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_term_slug_per_locale")
        ]

    def __str__(self):
        return f"{self.term} ({self.chinese})"

    @property
    def sort_key(self):
        """Where the entry goes in an A–Z list: by pinyin syllables in Chinese, by the term
        otherwise (as ((syllable or word, tone), ...), so that both kinds compare)."""
        if self.locale.language_code.startswith("zh") and self.pinyin:
            return pinyin_sort_key(self.pinyin, self.chinese)
        return tuple((word, 0) for word in plain_latin(self.term).split())

    @property
    def letter(self):
        """The letter of the A–Z list the entry is under."""
        return self.sort_key[0][0][:1].upper() if self.sort_key else "#"


class TermMention(TextMark):
    """A term marked by an editor in one version of one paragraph of an edition."""

    target = "term"

    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="term_mentions",
    )
    term = models.ForeignKey(
        GlossaryTerm, verbose_name=_("term"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(TextMark.Meta):
        verbose_name = _("term marked in the text")
        verbose_name_plural = _("terms marked in the text")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "anchor", "version", "phrase"], name="unique_term_mention"
            )
        ]
