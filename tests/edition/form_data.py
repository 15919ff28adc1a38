"""The data a browser posts from an admin edit page, read from the page's HTML.

Every field of the edit form as a browser submits it: inputs (checkboxes only when ticked),
textareas and selected options, leaving out templates for new items and disabled fields.
Stream fields are built by Wagtail's scripts from the block values in `data-w-block-*`
attributes; their fields are added as those scripts name them (count, then deleted, order,
type, id and value per block), for blocks whose value is a chooser, a simple field or a
struct of simple fields.
"""

import json
from html.parser import HTMLParser

SUBMITTED_INPUTS = {"text", "hidden", "number", "date", "email", "url", "search", "password"}
# Fields Wagtail's scripts add to a page's edit form on a page without comments or a schedule:
# the comments' management form, and the dates of the schedule dialog (drawn outside the form).
PAGE_SCRIPT_FIELDS = [
    ("comments-TOTAL_FORMS", "0"),
    ("comments-INITIAL_FORMS", "0"),
    ("comments-MIN_NUM_FORMS", "0"),
    ("comments-MAX_NUM_FORMS", ""),
    ("go_live_at", ""),
    ("expire_at", ""),
]


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.fields = []
        self.in_form = False
        self.depth = 0
        self.in_template = 0
        self.textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":
            self.in_template += 1
        if self.in_template or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in SUBMITTED_INPUTS or (kind in {"checkbox", "radio"} and "checked" in attrs):
                self.fields.append(
                    (name, attrs.get("value") or ("on" if kind == "checkbox" else ""))
                )
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = [name, None, None]
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select[2] is None:
                self.select[2] = value
            if "selected" in attrs:
                self.select[1] = value
        elif tag == "div" and attrs.get("data-controller") == "w-block":
            self.fields.extend(_stream_fields(attrs["id"], attrs["data-w-block-arguments-value"]))

    def handle_endtag(self, tag):
        if not self.in_form:
            return
        if tag == "form":
            self.in_form = False
        elif tag == "template":
            self.in_template -= 1
        elif tag == "textarea" and self.textarea:
            name, text = self.textarea
            # A newline right after <textarea> is not part of its value.
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "select" and self.select:
            name, selected, first = self.select
            self.fields.append((name, selected if selected is not None else first or ""))
            self.select = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


def _stream_fields(prefix, arguments):
    blocks = json.loads(arguments)[0] or []
    fields = [(f"{prefix}-count", str(len(blocks)))]
    for index, block in enumerate(blocks):
        name = f"{prefix}-{index}"
        fields += [
            (f"{name}-deleted", ""),
            (f"{name}-order", str(index)),
            (f"{name}-type", block["type"]),
            (f"{name}-id", block.get("id") or ""),
        ]
        value = block["value"]
        if isinstance(value, dict) and "edit_url" in value:  # a chooser posts the chosen id
            fields.append((f"{name}-value", str(value.get("id") or "")))
        elif isinstance(value, dict):  # a struct block of simple fields
            for key, item in value.items():
                if item is not False:  # an unticked checkbox posts nothing
                    fields.append((f"{name}-value-{key}", "on" if item is True else str(item)))
        else:
            fields.append((f"{name}-value", "" if value is None else str(value)))
    return fields


def posted_fields(html, form_id="page-edit-form"):
    """[(name, value)] as a browser submits the form `form_id` of `html` (a page's edit form
    by default; Chromium's `FormData` of the real edition's gives the same fields)."""
    reader = _FormReader(form_id)
    reader.feed(html)
    if form_id == "page-edit-form" and reader.fields:
        return reader.fields + PAGE_SCRIPT_FIELDS
    return reader.fields


def as_post_data(fields):
    """The fields as data for Django's test client (repeated names become lists)."""
    data = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data
