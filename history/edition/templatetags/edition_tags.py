"""What the edition's templates need from Python: no markup, only values (the markup of a
segment, a gap and a cell of the parallel view is in templates/edition/includes/)."""

from html import unescape

from django import template
from django.utils.translation import get_language

from ..series import documents_url, place_of, series

register = template.Library()


@register.simple_tag
def version_with_text(segment, version, versions):
    """The first of `versions`, other than `version`, that has text for `segment`: where a
    reader can read what `version` lacks. None if there is none."""
    return next((v for v in versions if v.code != version.code and segment.text_in(v.code)), None)


@register.filter
def label_parts(label):
    """(first word, the rest) of a version's label: a phone's toolbar shows the first word
    ("English"), and keeps the rest for screen readers. A label without spaces (Chinese) is
    its own first word."""
    first, _space, rest = str(label).partition(" ")
    return first, (f" {rest}" if rest else "")


@register.filter
def citation_title(record):
    """A source's full Chicago citation as plain text, for a title attribute."""
    return unescape(record.chicago())


@register.filter
def short_citation(record):
    """A source's short citation in the reader's language."""
    return record.short_citation(get_language())


@register.simple_tag(takes_context=True, name="series")
def series_entries(context):
    """The documents of the series, in order (see series.py)."""
    return series(context["request"])


@register.simple_tag(takes_context=True)
def series_place(context, page):
    """Where the edition `page` stands in the series of documents (see series.py)."""
    return place_of(page, context["request"])


@register.simple_tag(takes_context=True)
def documents_page_url(context):
    """The address of the documents page in the reader's language, or ""."""
    return documents_url(context["request"])


@register.filter
def gap_for(version, segment):
    """What stands where `version` has no text for `segment`."""
    return version.gap_label_for(segment)
