"""Data for a page's scripts: schema.org JSON-LD, and the JSON the map reads, as the text a
`<script>` element holds (its element is written in the template)."""

import json

from django.utils.safestring import mark_safe


def script_json(data):
    """`data` as JSON that is safe inside a script element (Chinese kept as written)."""
    text = json.dumps(data, ensure_ascii=False)
    # Escape what could close the script element or start markup.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def json_ld(data):
    """`data` (empty values left out) as schema.org JSON-LD, safe inside a script element."""
    data = {key: value for key, value in data.items() if value}
    return script_json({"@context": "https://schema.org", **data})
