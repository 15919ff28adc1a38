"""schema.org data for a page, as the JSON-LD a `<script type="application/ld+json">` holds."""

import json

from django.utils.safestring import mark_safe


def json_ld(data):
    """`data` (empty values left out) as JSON that is safe inside a script element."""
    data = {key: value for key, value in data.items() if value}
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    # Escape what could close the script element or start markup.
    return mark_safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
