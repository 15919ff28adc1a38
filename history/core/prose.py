"""Rich text in content files: a shorthand of plain text (paragraphs, *italics*) that a loader
turns into HTML, or, for what the shorthand cannot say (links, bold, lists, what the admin's
editor stores), the rich text itself as a mapping `{html: "<p>…</p>"}`."""

import html
import re

from .loading import ContentError

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
ITALIC = re.compile(r"<i>([^<>]*)</i>")


def read_rich(value, where, shorthand):
    """The HTML a file's `value` stands for: `shorthand(value)`, or its `html` as given."""
    if isinstance(value, dict):
        text = value.get("html")
        if not isinstance(text, str) or set(value) != {"html"}:
            raise ContentError(f"{where}: rich text should be text or {{html: ...}}")
        return text
    return shorthand(value)


def write_rich(text, shorthand):
    """What a file says for the rich text `text`: the shorthand when `shorthand` gives back
    exactly this HTML (so the file stays as it was written), else `{html: ...}`."""
    plain = _plain(text)
    if plain is not None and shorthand(plain) == text:
        return plain
    return {"html": text}


def _plain(text):
    """Paragraphs separated by blank lines, italics between asterisks; None if `text` is not
    made of bare paragraphs."""
    paragraphs = PARAGRAPH.findall(text)
    if "".join(f"<p>{p}</p>" for p in paragraphs) != text:
        return None
    parts = []
    for paragraph in paragraphs:
        marked = ITALIC.sub(r"*\1*", paragraph)
        if "<" in marked:
            return None
        parts.append(html.unescape(marked))
    return "\n\n".join(parts)
