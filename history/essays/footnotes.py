"""Footnotes of an essay.

An editor writes a marker, `[^key]`, where a note belongs, and adds a footnote with that key.
Notes are numbered by the first appearance of their marker in the body, so they never need
renumbering by hand; each marker links to its note and each note links back to every place
that refers to it.
"""

import json
import re
from dataclasses import dataclass, field

from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from history.core.html_text import replace_in_text

MARKER = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
NOTE_FEATURES = ["bold", "italic", "link"]


class EssayFootnote(TranslatableMixin, Orderable):
    page = ParentalKey("essays.EssayPage", on_delete=models.CASCADE, related_name="footnotes")
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("Write [^key] in the text where the note's number should appear."),
    )
    text = RichTextField(_("note"), features=NOTE_FEATURES)
    sources = StreamField(
        [("source", SnippetChooserBlock("core.SourceRecord", label=_("source")))],
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Works the note cites; they are listed in the essay's bibliography."),
    )

    translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("sources", overridable=False),
        TranslatableField("text"),
    ]
    panels = [FieldPanel("key"), FieldPanel("text"), FieldPanel("sources")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("footnote")

    def __str__(self):
        return self.key

    @property
    def source_ids(self):
        """The cited records' ids, from the stored data (no query)."""
        return [item["value"] for item in self.sources.raw_data if item.get("value")]


def markers_in(data):
    """The footnote keys that `data` (a body's stored JSON, or any text) refers to, in order of
    first appearance."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return list(dict.fromkeys(MARKER.findall(text)))


def misplaced_markers(data):
    """Markers where a number cannot stand (headings, callout titles), from a body's stored
    JSON: they would show as typed."""
    found = []
    for item in data:
        value = item.get("value")
        if item.get("type") == "heading":
            found += markers_in(str(value))
        elif item.get("type") == "callout" and isinstance(value, dict):
            found += markers_in(str(value.get("title", "")))
    return found


def marker_problems(used, keys):
    """What is wrong between the markers `used` in a body and the footnotes' `keys`:
    {"unknown": [...], "unused": [...], "repeated": [...]} (empty lists when all is well)."""
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    return {
        "unknown": [key for key in used if key not in keys],
        "unused": [key for key in dict.fromkeys(keys) if key not in used],
        "repeated": repeated,
    }


@dataclass
class Note:
    number: int
    key: str
    text: str
    sources: list  # (record, short citation) pairs
    references: list = field(default_factory=list)  # ids of the markers that point here

    @property
    def anchor(self):
        return f"fn-{self.key}"


class Numbering:
    """Numbers the markers of rendered HTML in order and collects the notes they point to."""

    def __init__(self, footnotes, records):
        self._footnotes = {footnote.key: footnote for footnote in footnotes}
        self._records = records
        self._notes = {}

    def mark(self, html):
        """`html` with each marker in its text (never inside a tag) replaced by a numbered
        link to its note; markers with no footnote are dropped."""
        return replace_in_text(html, MARKER, self._marker)

    def _marker(self, match):
        key = match.group(1)
        footnote = self._footnotes.get(key)
        if footnote is None:
            return ""
        note = self._notes.get(key)
        if note is None:
            language = get_language()
            sources = [
                (self._records[pk], self._records[pk].short_citation(language))
                for pk in footnote.source_ids
                if pk in self._records
            ]
            note = Note(len(self._notes) + 1, key, footnote.text, sources)
            self._notes[key] = note
        reference = f"fnref-{key}" + (f"-{len(note.references) + 1}" if note.references else "")
        note.references.append(reference)
        return render_to_string(
            "essays/includes/footnote_reference.html", {"note": note, "reference": reference}
        )

    @property
    def notes(self):
        return sorted(self._notes.values(), key=lambda note: note.number)
