"""Text in another language than the page's, marked with its language (WCAG 3.1.2)."""

import re

from django import template
from django.utils import translation
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import mark_safe

from ..language_parts import mark_chinese

register = template.Library()

LATIN = re.compile(r"[A-Za-z]{2}")


@register.filter
def citation(value):
    """A citation of a source record. Citations are written in English (Chicago style): on a
    page in another language they are marked as English, their Chinese titles as Chinese."""
    html = conditional_escape(value)
    if translation.get_language().startswith("en") or not LATIN.search(strip_tags(html)):
        return html
    return format_html('<span lang="en">{}</span>', mark_chinese(html))


@register.filter
def chinese_marked(html):
    """`html` with its runs of Chinese marked as Chinese, on a page in another language (an
    editor's English note quoting the source); unchanged on a Chinese page."""
    if (translation.get_language() or "").startswith("zh"):
        return html
    return mark_safe(mark_chinese(str(conditional_escape(html))))
