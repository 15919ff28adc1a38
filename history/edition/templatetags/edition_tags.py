"""What the edition's templates need from Python: no markup, only values (the markup of a
segment, a gap and a cell of the parallel view is in templates/edition/includes/)."""

from html import unescape

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag
def version_with_text(segment, version, versions):
    """The first of `versions`, other than `version`, that has text for `segment`: where a
    reader can read what `version` lacks. None if there is none."""
    return next((v for v in versions if v.code != version.code and segment.text_in(v.code)), None)


@register.filter
def citation_title(record):
    """A source's full Chicago citation as plain text, for a title attribute."""
    return unescape(record.chicago())


@register.filter
def short_citation(record):
    """A source's short citation in the reader's language."""
    return record.short_citation(get_language())
