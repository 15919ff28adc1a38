"""Essays: context for students, with footnotes, quotations from the edition and a
bibliography built from source records; and the index that lists them."""

import datetime
import math
from collections import Counter

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from history.core import versions
from history.core.alt_text import ALT_TEXT_HELP, DECORATIVE_HELP, alt_for, alt_text_problem
from history.core.bibliography import SourceKind, SourceRecord
from history.core.citations import Citation
from history.core.language_parts import HAN, mark_chinese
from history.core.models import EDITORIAL_FEATURES
from history.core.roles import AUTHORS
from history.core.stand_ins import StandInTranslations
from history.core.structured_data import json_ld
from history.edition.passages import passages

from .blocks import EssayBodyBlock, heading_id, quotation_refs
from .footnotes import MARKER, Numbering, marker_problems, markers_in

# Reading speeds for the reading-time estimate: words per minute for alphabetic text,
# characters per minute for Chinese.
WORDS_PER_MINUTE = 220
HANZI_PER_MINUTE = 400
# Keys of stored block data that hold identifiers, not words.
NOT_TEXT = {"type", "id", "anchor", "version", "edition", "image"}
PRIMARY_KINDS = {SourceKind.DOCUMENT, SourceKind.DATABASE}


class EssayIndexPage(Page):
    intro = RichTextField(_("introduction"), features=EDITORIAL_FEATURES)
    # Authors write essays under it; the editors review them before they are published.
    role_page_permissions = {AUTHORS: ["add_page", "change_page"]}
    reviewed_by_editors = True

    content_panels = Page.content_panels + [FieldPanel("intro")]
    entry_action = _("Read the essays")
    parent_page_types = ["core.HomePage"]
    subpage_types = ["essays.EssayPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("essays index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["essays"] = (
            EssayPage.objects.child_of(self).live().public().defer_streamfields().order_by("path")
        )
        return context


class EssayPageForm(WagtailAdminPageForm):
    """Checks that every footnote marker in the body has its footnote, and the reverse; and,
    unless a draft is being saved, that the image at the top has alt text or is decorative."""

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation:
            problem = alt_text_problem(
                cleaned_data.get("hero_image"),
                cleaned_data.get("hero_alt_text"),
                cleaned_data.get("hero_decorative"),
            )
            if problem:
                self.add_error("hero_alt_text", problem)
        return cleaned_data

    def is_valid(self):
        if not super().is_valid():
            return False
        formset = self.formsets["footnotes"]
        deleted = set(formset.deleted_forms)
        forms = [f for f in formset.forms if f.cleaned_data and f not in deleted]
        keys = [form.cleaned_data["key"] for form in forms]
        problems = marker_problems(markers_in(self.cleaned_data["body"].get_prep_value()), keys)
        if problems["unknown"]:
            self.add_error(
                "body",
                _("No footnote has the key of these markers: %(markers)s")
                % {"markers": ", ".join(f"[^{key}]" for key in problems["unknown"])},
            )
        for form in forms:
            key = form.cleaned_data["key"]
            if key in problems["repeated"]:
                form.add_error("key", _("Another footnote has this key."))
            elif key in problems["unused"]:
                form.add_error(
                    "key",
                    _("The text has no marker [^%(key)s] for this footnote.") % {"key": key},
                )
        return not any(problems.values())


class EssayPage(StandInTranslations, Page):
    # Published, it appears in every site language, untranslated until translated (a stand-in).
    standfirst = models.TextField(
        _("standfirst"), help_text=_("A sentence or two under the title.")
    )
    author = models.CharField(_("author"), max_length=200)
    date = models.DateField(_("date"), default=datetime.date.today)
    content_note = models.TextField(
        _("content note"),
        blank=True,
        help_text=_(
            "For essays that discuss executions or other violence: what readers meet, "
            "and guidance for teachers."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(
        _("alt text"), max_length=300, blank=True, help_text=ALT_TEXT_HELP
    )
    hero_decorative = models.BooleanField(
        _("image is decorative"), default=False, help_text=DECORATIVE_HELP
    )
    hero_caption = models.CharField(_("caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("credit"), max_length=300, blank=True)
    hero_licence = models.CharField(_("licence"), max_length=120, blank=True)
    body = StreamField(EssayBodyBlock(), verbose_name=_("body"))
    bibliography = StreamField(
        [("source", SnippetChooserBlock("core.SourceRecord", label=_("source")))],
        blank=True,
        verbose_name=_("further reading"),
        help_text=_("Works listed in the bibliography besides those the footnotes cite."),
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    base_form_class = EssayPageForm
    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("author"),
        FieldPanel("date"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt_text"),
                FieldPanel("hero_decorative"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
                FieldPanel("hero_licence"),
            ],
            heading=_("Image at the top"),
        ),
        FieldPanel("body"),
        InlinePanel("footnotes", label=_("Footnotes")),
        FieldPanel("bibliography"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]
    parent_page_types = ["essays.EssayIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("essay")

    def save(self, *args, **kwargs):
        self.reading_minutes = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    @property
    def hero_alt(self):
        return alt_for(self.hero_image, self.hero_alt_text, self.hero_decorative)

    @property
    def untranslated(self):
        """An alias standing in for a translation not made yet: the text is the source's.
        (For lists; the page itself checks that the source is in another language.)"""
        return self.alias_of_id is not None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context.update(self.reading_parts(request))
        else:
            # What the essay shows depends on its revision, the reader's language and the
            # content it quotes and cites (whose versions move on when those change).
            parts = versions.cached(
                "essay", lambda: self.reading_parts(request), vary=[self.cache_key], request=request
            )
            context.update(parts)
        context["canonical"] = request.build_absolute_uri(context["canonical_url"])
        context["json_ld"] = json_ld(
            {
                "@type": "Article",
                "headline": self.title,
                "description": self.standfirst,
                "author": {"@type": "Organization", "name": self.author},
                "datePublished": self.date.isoformat(),
                "inLanguage": context["content_language"],
                "url": context["canonical"],
                "isPartOf": {"@type": "WebSite", "name": str(settings.WAGTAIL_SITE_NAME)},
                "citation": [record.chicago() for record, _entry in context["primary_sources"]]
                + [record.chicago() for record, _entry in context["secondary_sources"]],
            }
        )
        context["citation"] = citation = Citation(
            title=self.title,
            url=request.build_absolute_uri(self.get_url(request)),
            date=self.date,
            website=str(settings.WAGTAIL_SITE_NAME),
            organisation=self.author,
        )
        if (get_language() or "").startswith("zh"):
            published = self.last_published_at or self.latest_revision_created_at
            context["gbt_citation"] = citation.gbt7714(
                accessed=timezone.localdate(),
                updated=timezone.localdate(published) if published else None,
            )
        return context

    def reading_parts(self, request):
        """The body with numbered footnote markers, the notes, the section headings, the
        bibliography, where the essays index is, and the language the text is in."""
        footnotes = list(self.footnotes.all())
        records = _records(footnotes, self.bibliography)
        numbering = Numbering(footnotes, records)
        context = {"page": self, "request": request, "heading_counts": Counter()}
        context["passages"] = passages(quotation_refs(self.body), request)
        body = numbering.mark(self.body.render_as_block(context))
        counts = Counter()
        parts = {
            "notes": numbering.notes,
            "headings": [
                (heading_id(block.value, counts), block.value)
                for block in self.body
                if block.block_type == "heading"
            ],
            "index_url": self.get_parent().get_url(request),
            "content_language": get_language(),
            "untranslated": False,
            "canonical_url": self.get_url(request),
        }
        if self.alias_of_id:
            source = Page.objects.select_related("locale").get(pk=self.alias_of_id)
            parts["untranslated"] = source.locale_id != self.locale_id
            parts["content_language"] = source.locale.language_code
            # The same text lives at its source's address.
            parts["canonical_url"] = source.get_url(request)
        parts["is_translation"] = not self.alias_of_id and self.locale_id != Locale.get_default().pk
        in_chinese = parts["content_language"].startswith("zh")
        parts["body"] = body if in_chinese else mark_chinese(body)
        for note in parts["notes"]:
            # Rich text as the editors wrote it, its links expanded.
            note.text = str(RichText(note.text))
            if not in_chinese:
                note.text = mark_chinese(note.text)
        # Entries are written in English (Chicago style) with titles in Chinese where the
        # work is Chinese: those are marked in every language.
        primary, secondary = _bibliography(records)
        # Chinese readers' reference lists follow GB/T 7714-2015; others', Chicago.
        gbt = (get_language() or "").startswith("zh")
        parts["bibliography_style"] = "GB/T 7714—2015" if gbt else ""

        def entry(record):
            return mark_chinese(record.reference_html())

        parts["primary_sources"] = [(r, entry(r)) for r in primary]
        parts["secondary_sources"] = [(r, entry(r)) for r in secondary]
        return parts


def reading_minutes(body):
    text = MARKER.sub("", strip_tags(" ".join(_texts(list(body.raw_data)))))
    hanzi = len(HAN.findall(text))
    words = len(HAN.sub(" ", text).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE + hanzi / HANZI_PER_MINUTE))


def _texts(data):
    """Every string in stored block data (the body's text, whatever the block)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)


def _records(footnotes, bibliography):
    """The source records the footnotes and the further reading cite, by id (one query)."""
    ids = {pk for footnote in footnotes for pk in footnote.source_ids}
    ids |= {item["value"] for item in bibliography.raw_data if item.get("value")}
    return SourceRecord.objects.select_related("collection").in_bulk(ids)


def _bibliography(records):
    """The records as two lists in Chicago order: primary sources, then scholarship."""
    entries = sorted(records.values(), key=lambda record: _sort_key(record.chicago()))
    primary = [record for record in entries if record.kind in PRIMARY_KINDS]
    secondary = [record for record in entries if record.kind not in PRIMARY_KINDS]
    return primary, secondary


def _sort_key(text):
    return text.lstrip("“‘\"'").casefold()
