"""Source records: the works and documents that essays, events and figures cite.

A record holds the facts of one work once; `chicago_html()` renders its bibliography entry
(Chicago notes-and-bibliography style, written by `citations.chicago_entry`). Records are
language-neutral: a title is written as published, with an English rendering for titles in
Chinese.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import escape, format_html, strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin
from wagtail.search import index

from .citations import MONTHS, Person, chicago_entry, gbt_names


class PersonBlock(blocks.StructBlock):
    family = blocks.CharBlock(label=_("family name"))
    given = blocks.CharBlock(label=_("given name"), required=False)
    family_first = blocks.BooleanBlock(
        label=_("family name first"),
        required=False,
        help_text=_("For names written family name first, such as Chinese names."),
    )

    class Meta:
        icon = "user"
        label = _("person")


class SourceKind(models.TextChoices):
    BOOK = "book", _("book")
    CHAPTER = "chapter", _("chapter in a book")
    ARTICLE = "article", _("journal article")
    DOCUMENT = "document", _("archival document")
    DATABASE = "database", _("database or collection")


class SourceRecord(RevisionMixin, index.Indexed, models.Model):
    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("How content files cite this record.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SourceKind.choices)
    authors = StreamField([("person", PersonBlock())], blank=True, verbose_name=_("authors"))
    organisation = models.CharField(
        _("organisation"), max_length=255, blank=True, help_text=_("A corporate author.")
    )
    editors = StreamField([("person", PersonBlock())], blank=True, verbose_name=_("editors"))
    title = models.CharField(_("title"), max_length=500)
    short_title = models.CharField(
        _("short title"), max_length=120, blank=True, help_text=_("E.g. “Fifth bulletin”.")
    )
    short_title_zh = models.CharField(_("short title in Chinese"), max_length=60, blank=True)
    title_translation = models.CharField(
        _("title in English"),
        max_length=500,
        blank=True,
        help_text=_("A rendering of a title that is not in English."),
    )
    container = models.CharField(
        _("in"), max_length=500, blank=True, help_text=_("The book or journal it appears in.")
    )
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=40, blank=True)
    place = models.CharField(_("place of publication"), max_length=120, blank=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("For documents and online articles.")
    )
    collection = models.ForeignKey(
        "self",
        verbose_name=_("read in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The database or collection a document was read in."),
    )
    record = models.CharField(_("record number"), max_length=80, blank=True)
    url = models.URLField(_("URL"), blank=True)
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("kind")]),
        MultiFieldPanel(
            [FieldPanel("authors"), FieldPanel("organisation"), FieldPanel("editors")],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("title_translation"),
                FieldRowPanel([FieldPanel("short_title"), FieldPanel("short_title_zh")]),
                FieldPanel("container"),
            ],
            heading=_("What"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("volume"), FieldPanel("issue"), FieldPanel("pages")]),
                FieldRowPanel([FieldPanel("place"), FieldPanel("publisher")]),
                FieldRowPanel([FieldPanel("year"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("collection"), FieldPanel("record")]),
                FieldPanel("url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("title_translation"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("source record")
        verbose_name_plural = _("source records")
        ordering = ["key"]

    def __str__(self):
        return f"{self.title_translation or self.title} ({self.key})"

    def clean(self):
        if self.collection_id and self.collection_id == self.pk:
            raise ValidationError({"collection": _("A record cannot be read in itself.")})
        if self.kind == SourceKind.CHAPTER and not self.container:
            raise ValidationError({"container": _("A chapter needs the book it appears in.")})

    def short_name(self, language_code):
        """A short name for lists and controls, in the reader's language."""
        if language_code.startswith("zh") and self.short_title_zh:
            return self.short_title_zh
        return self.short_title or self.title_translation or self.title

    # --- people ---
    def _people(self, field):
        return [Person(**block.value) for block in getattr(self, field)]

    @property
    def author_people(self):
        return self._people("authors")

    @property
    def editor_people(self):
        return self._people("editors")

    # --- Chicago, bibliography entry ---
    def chicago_html(self):
        """The record's entry in a Chicago-style bibliography, as safe HTML."""
        parts = []
        creator = _names_inverted(self.author_people) or self.organisation
        editors = self.editor_people
        if not creator and editors:
            creator = _names_inverted(editors) + (", eds." if len(editors) > 1 else ", ed.")
            editors = []
        parts.append(creator)
        parts.append(self._title_html())
        if self.kind == SourceKind.CHAPTER:
            edited = f", edited by {_names_natural(editors)}" if editors else ""
            pages = f", {self.pages}" if self.pages else ""
            parts.append(format_html("In <i>{}</i>{}{}", self.container, edited, pages))
        elif self.kind == SourceKind.ARTICLE and self.container:
            parts.append(self._journal_html())
        elif self.kind == SourceKind.DOCUMENT:
            parts.append(_long_date(self.date) if self.date else self.year)
            if self.collection:
                parts.append(self._collection_html())
        if self.kind in (SourceKind.BOOK, SourceKind.CHAPTER, SourceKind.DATABASE):
            imprint = ": ".join(part for part in (self.place, self.publisher) if part)
            tail = ", ".join(str(part) for part in (imprint, self.year) if part)
            parts.append(tail)
        if self.url:
            parts.append(format_html('<a href="{}">{}</a>', self.url, self.url))
        return chicago_entry(parts)

    def chicago(self):
        return strip_tags(self.chicago_html())

    def reference_html(self):
        """The record as a list of sources gives it to the reader: by GB/T 7714-2015 for
        Chinese readers, the standard they cite by; in Chicago style otherwise."""
        if (get_language() or "").startswith("zh"):
            return escape(self.gbt7714())
        return self.chicago_html()

    # --- GB/T 7714-2015, reference list entry ---
    GBT_TYPES = {
        SourceKind.BOOK: "M",
        SourceKind.CHAPTER: "M",
        SourceKind.ARTICLE: "J",
        SourceKind.DOCUMENT: "A",
        SourceKind.DATABASE: "DB",
    }

    def gbt7714(self):
        """The record's entry in a reference list by GB/T 7714-2015: 主要责任者. 题名[类型].
        出版地: 出版者, 出版年: 页码. A part of a larger work is joined to it by “//”; an
        online work's type takes “/OL” and its address closes the entry."""
        online = bool(self.url)
        kind = self.GBT_TYPES[self.kind] + ("/OL" if online else "")
        creator = gbt_names(self.author_people) or self.organisation
        if not creator and self.kind != SourceKind.CHAPTER:
            creator = gbt_names(self.editor_people)
        title = self.title.replace("“", "").replace("”", "")
        parts = [creator, f"{title}[{kind}]"]
        imprint = ": ".join(part for part in (self.place, self.publisher) if part)
        year = str(self.year or (self.date.year if self.date else ""))
        if self.kind == SourceKind.CHAPTER:
            parts[-1] += (
                f"//{gbt_names(self.editor_people)}. {self.container}"
                if self.editor_people
                else f"//{self.container}"
            )
        if self.kind == SourceKind.ARTICLE:
            details = ", ".join(part for part in (self.container, year) if part)
            details += f", {self.volume}" if self.volume else ""
            details += f"({self.issue})" if self.issue else ""
            details += f": {self.pages}" if self.pages else ""
            parts.append(details)
        elif self.kind == SourceKind.DOCUMENT:
            if self.collection:
                editors = gbt_names(self.collection.editor_people)
                source = f"{editors}. {self.collection.title}" if editors else self.collection.title
                parts[-1] += f"//{source}" + (f": {self.record}" if self.record else "")
            if self.date:
                parts.append(self.date.isoformat())
        else:
            tail = ", ".join(part for part in (imprint, year) if part)
            tail += f": {self.pages}" if self.pages and self.kind == SourceKind.CHAPTER else ""
            parts.append(tail)
        if self.url:
            parts.append(self.url)
        return ". ".join(part for part in parts if part) + "."

    def short_citation(self, language_code="en"):
        """A compact reference for notes in a margin: "Zhou 2000", "Second bulletin (1952)"."""
        year = self.year or (self.date.year if self.date else "")
        if self.kind == SourceKind.DOCUMENT and (self.short_title or self.short_title_zh):
            name = self.short_name(language_code)
        else:
            people = self.author_people or self.editor_people
            if people:
                names = [person.family for person in people[:2]]
                name = " and ".join(names) + (" et al." if len(people) > 2 else "")
            else:
                name = self.organisation or self.title
        return (
            f"{name} ({year})"
            if year and self.kind == SourceKind.DOCUMENT
            else (f"{name} {year}".strip())
        )

    def _title_html(self):
        whole_work = self.kind in (SourceKind.BOOK, SourceKind.DATABASE)
        if self.kind == SourceKind.DOCUMENT:
            rendering = f" [{self.title_translation}]" if self.title_translation else ""
            return format_html("{}{}", self.title, rendering)
        if whole_work:
            return format_html("<i>{}</i>", self.title)
        # Quotation marks inside a quoted title become single ones; the full stop goes inside.
        inner = self.title.replace("“", "‘").replace("”", "’")
        stop = "" if self.title[-1:] in "?!" else "."
        return format_html("“{}{}”", inner, stop)

    def _journal_html(self):
        details = ""
        if self.volume:
            details += f" {self.volume}"
        if self.issue:
            details += f", no. {self.issue}"
        if self.year or self.date:
            details += f" ({self.year or self.date.year})"
        if self.pages:
            details += f": {self.pages}"
        if self.date and not self.year:
            return format_html(
                "<i>{}</i>{}. Published online {}", self.container, details, _long_date(self.date)
            )
        return format_html("<i>{}</i>{}", self.container, details)

    def _collection_html(self):
        collection = self.collection
        record = f"Record {self.record}, " if self.record else ""
        editors = collection.editor_people
        edited = f", edited by {_names_natural(editors)}" if editors else ""
        return format_html("{}<i>{}</i>{}", record, collection.title, edited)


def _names_inverted(people):
    """First person inverted, the rest natural: "Dikötter, Frank, Lars Laamann, and Zhou Xun"."""
    if not people:
        return ""
    names = [people[0].inverted] + [person.natural for person in people[1:]]
    return _join(names)


def _names_natural(people):
    return _join([person.natural for person in people])


def _join(names):
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _long_date(date):
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"
