"""Rich text in content files, one format for every field that holds it.

A field holds either the shorthand, plain text whose paragraphs are separated by blank lines
and whose *words* between asterisks are set in italics, or, for what the shorthand cannot say
(links, bold, lists: what the admin's editor stores), the rich text itself as a mapping
`{html: "<p>…</p>"}`. An export writes the shorthand wherever it gives back exactly the same
HTML, so a file keeps the form it was written in.
"""

import html
import re

from django.utils.html import escape

from .loading import ContentError

PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
ITALIC = re.compile(r"<i>([^<>]*)</i>")
ASTERISKS = re.compile(r"\*([^*\n]+)\*")
BLANK_LINE = re.compile(r"\n\s*\n")


def shorthand_html(text):
    """The HTML of the shorthand `text`: one `<p>` per paragraph, its spaces closed up."""
    paragraphs = [" ".join(p.split()) for p in BLANK_LINE.split(str(text or "")) if p.strip()]
    return "".join("<p>" + ASTERISKS.sub(r"<i>\1</i>", escape(p)) + "</p>" for p in paragraphs)


def read_rich(value, where):
    """The HTML a file's `value` stands for: the shorthand's, or its `html` as given."""
    if isinstance(value, dict):
        text = value.get("html")
        if not isinstance(text, str) or set(value) != {"html"}:
            raise ContentError(f"{where}: rich text should be text or {{html: ...}}")
        return text
    return shorthand_html(value)


def read_rich_field(item, name, where):
    """The rich text of field `name` of a content file's `item` ("" if it has none).

    Files exported before rich text had one format give HTML under `<name>_html` instead:
    they are read as `{html: ...}`, so that backups made then can still be restored."""
    legacy = item.get(f"{name}_html")
    if legacy is not None:
        if item.get(name):
            raise ContentError(f"{where}: give {name} or {name}_html, not both")
        return str(legacy)
    return read_rich(item.get(name) or "", f"{where}: {name}")


def write_rich(text):
    """What a file says for the rich text `text`: the shorthand when it gives back exactly
    this HTML, else `{html: ...}`. Shorthand of several paragraphs ends with a line break, so
    that it is written as a literal block."""
    text = text or ""
    plain = _plain(text)
    if plain is None or shorthand_html(plain) != text:
        return {"html": text}
    return plain + "\n" if "\n" in plain else plain


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
