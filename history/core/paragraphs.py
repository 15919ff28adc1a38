"""Rich text in content files: plain paragraphs separated by blank lines under the field's
name (`text`), or the HTML itself under `<name>_html` (`text_html`) where the text has more
than plain paragraphs (italics, links, lists: text edited in the admin)."""

import re
from html import unescape

from django.utils.html import escape

from .loading import ContentError

PARAGRAPH = re.compile(r"<p>([^<]*)</p>")


def paragraphs_html(text):
    """Plain paragraphs (blank-line separated) as rich text."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def read_rich_text(item, name, where):
    """The rich text of field `name` in a content file's `item`."""
    if item.get(f"{name}_html") is not None:
        if item.get(name):
            raise ContentError(f"{where}: give {name} or {name}_html, not both")
        return str(item[f"{name}_html"])
    return paragraphs_html(item.get(name))


def write_rich_text(data, name, html):
    """Put `html` in `data` as `read_rich_text` reads it: plain paragraphs when they make
    exactly this HTML again, the HTML itself otherwise."""
    html = html or ""
    paragraphs = PARAGRAPH.findall(html)
    plain = "\n\n".join(unescape(p) for p in paragraphs)
    if paragraphs_html(plain) == html:
        data[name] = plain + "\n" if plain else ""
    else:
        data[f"{name}_html"] = html
