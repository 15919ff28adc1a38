"""Changing the text of an HTML fragment without touching its tags or attributes."""

import re

from django.utils.safestring import mark_safe

TAG = re.compile(r"(<[^>]*>)")


def replace_in_text(html, pattern, replacement):
    """`pattern.sub(replacement, ...)` applied to the text between the tags of `html` only."""
    parts = TAG.split(str(html))
    for index in range(0, len(parts), 2):  # even items are text, odd ones are tags
        parts[index] = pattern.sub(replacement, parts[index])
    return mark_safe("".join(parts))
