"""Rendering of an edition's text, item by item, in Python: it runs once per segment, so it
is kept out of template includes."""

from functools import cache

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import SegmentKind

register = template.Library()


@cache
def _labels(language):
    """Per-language strings used once per segment, looked up once per language."""
    return {
        "link": _("Paragraph %(number)s (link)"),
        "note": _("Translation note %(number)s"),
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
        note_refs(item.notes),
    )


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
        (v for v in versions if v.code != version.code and first.segment.version_texts.get(v.code)),
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
