"""Cross-references between glossary entries: a note writes `[[liang]]` or
`[[high-tide|high tide]]` (the entry's slug, and the words to show if they are not the slug);
the reader sees a link to that entry."""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from history.core.html_text import replace_in_text

from .az import entry_url

REFERENCE = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]|]+))?\]\]")


def referenced_slugs(text):
    return [match.group(1) for match in REFERENCE.finditer(text or "")]


def link_references(html, glossary_url=""):
    """`html` with each reference in its text (never inside a tag) made a link to its entry on
    the glossary page at `glossary_url` (empty on the glossary page itself while it is one
    page)."""

    def link(match):
        slug, words = match.group(1), match.group(2) or match.group(1).replace("-", " ")
        # The words are text of `html`, escaped already.
        url = entry_url(glossary_url, slug)
        return format_html('<a href="{}">{}</a>', url, mark_safe(words))

    return replace_in_text(html, REFERENCE, link)


def plain_references(text):
    """`text` with each reference replaced by the words a reader sees."""
    return REFERENCE.sub(
        lambda match: match.group(2) or match.group(1).replace("-", " "), str(text or "")
    )
