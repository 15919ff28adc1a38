"""Rendering of an edition's text, item by item, in Python: it runs once per segment, so it
is kept out of template includes."""

from functools import cache
from html import unescape

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..choices import AnnotationKind, SegmentKind

register = template.Library()


@cache
def _labels(language):
    """Per-language strings used once per segment, looked up once per language."""
    return {
        "link": _("Paragraph %(number)s (link)"),
        "note": _("Translation note %(number)s"),
        "annotation": _("Editorial note %(number)s"),
        "back": _("Back to the text"),
        "annotation_kinds": {kind: capfirst(kind.label) for kind in AnnotationKind},
        "kinds": {kind: capfirst(kind.label) for kind in SegmentKind},
    }


@register.simple_tag
def segment_html(item):
    """One segment of the text: its number (a permalink), anatomy label, and text."""
    segment = item.segment
    labels = _labels(get_language())
    label = ""
    explanation = segment.anatomy_explanation
    if explanation:
        label = format_html(
            '<span class="anatomy-label"><strong>{}</strong> {}</span>',
            labels["kinds"].get(segment.kind, segment.kind),
            explanation,
        )
    return format_html(
        '<span class="seg kind-{}" id="{}">{}<a class="pn" href="#{}" aria-label="{}">{}</a>'
        '<span class="seg__text">{}</span>{}</span>',
        segment.kind,
        segment.anchor,
        label,
        segment.anchor,
        labels["link"] % {"number": item.number},
        item.number,
        item.text,
        format_html(
            "{}{}{}",
            note_refs(item.notes),
            annotation_refs(item.annotations),
            annotation_notes(item),
        ),
    )


def annotation_refs(annotations):
    """Markers from the text to the editors' notes on it."""
    label = _labels(get_language())["annotation"]
    return format_html_join(
        "",
        '<a class="an-ref" href="#an{}" id="anref{}" aria-label="{}">✱{}</a>',
        ((n.number, n.number, label % {"number": n.number}, n.number) for n in annotations),
    )


def annotation_notes(item):
    """The editors' notes on one segment, right after it: beside the line in the margin on
    wide screens, under it on phones. Spans with role=note, so that they can sit inside the
    paragraph (and are read just after the words they are about)."""
    labels = _labels(get_language())
    shown_text = str(item.text)
    notes = []
    for note in item.annotations:
        # Quote the words only where this version has them.
        quoted = note.phrase and escape(note.phrase) in shown_text
        phrase = format_html("<q>{}</q> ", note.phrase) if quoted else ""
        sources = format_html_join(
            "; ",
            '<cite title="{}">{}</cite>',
            (
                (unescape(record.chicago()), record.short_citation(get_language()))
                for record in note.source_records
            ),
        )
        notes.append(
            format_html(
                '<span class="annotation annotation--{}" id="an{}" role="note" aria-label="{}">'
                '<a class="annotation__number" href="#anref{}" aria-label="{}">✱{}</a> '
                '<span class="annotation__kind">{}</span> {}{}{}</span>',
                note.kind,
                note.number,
                labels["annotation"] % {"number": note.number},
                note.number,
                labels["back"],
                note.number,
                labels["annotation_kinds"].get(note.kind, note.kind),
                phrase,
                note.text,
                format_html(' <span class="annotation__sources">{}</span>', sources)
                if sources
                else "",
            )
        )
    return format_html_join("", "{}", ((note,) for note in notes))


def note_refs(notes):
    """Superscript links from the text to its translation notes."""
    label = _labels(get_language())["note"]
    return format_html_join(
        "",
        '<a class="tn-ref" href="#tn{}" id="tnref{}" aria-label="{}">†{}</a>',
        ((n.number, n.number, label % {"number": n.number}, n.number) for n in notes),
    )


@register.simple_tag
def parallel_cell(cell):
    """One version's text in a row of the parallel view, or the gap where it has none."""
    if cell.missing:
        return format_html('<span class="gap-inline">{}</span>', cell.version.gap_label)
    continues = ""
    if cell.continues:
        continues = format_html(
            ' <span class="continues" title="{}" aria-hidden="true">⤵</span>'
            '<span class="visually-hidden"> ({})</span>',
            _("The sentence continues in the next row"),
            _("The sentence continues in the next row"),
        )
    return format_html("{}{}", cell.text, continues)


@register.simple_tag
def gap_html(block, version, versions):
    """Segments this version lacks: anchors kept, numbers shown, and where to read them."""
    first, last = block.items[0], block.items[-1]
    numbers = str(first.number) if first is last else f"{first.number}–{last.number}"
    elsewhere = next(
        (v for v in versions if v.code != version.code and first.segment.text_in(v.code)),
        None,
    )
    anchors = format_html_join(
        "", '<span id="{}" class="gap__anchor"></span>', ((i.anchor,) for i in block.items[1:])
    )
    notes = [i.segment.alignment_note for i in block.items if i.segment.alignment_note]
    message = _("¶ %(numbers)s: %(gap)s") % {"numbers": numbers, "gap": version.gap_label}
    link = ""
    if elsewhere:
        link = format_html(
            ' <a href="?version={}#{}">{}</a>',
            elsewhere.code,
            first.anchor,
            _("Read in: %(label)s") % {"label": elsewhere.label},
        )
    refs = note_refs([note for item in block.items for note in item.notes])
    return format_html(
        '<p class="gap" id="{}">{}<span class="gap__message">{}</span>{}{}{}</p>',
        first.anchor,
        anchors,
        message,
        refs,
        format_html(' <span class="gap__note">{}</span>', " ".join(notes)) if notes else "",
        link,
    )
