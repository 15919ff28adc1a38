"""A person's entry described for search engines and linked-data tools: a schema.org Person,
the same as the authority records checked for them."""

from history.core.authority import authority_links
from history.core.structured_data import json_ld


def person_json_ld(person, url):
    """Dates are as precise as the entry's (1886, 1850-02 or 1906-05-31: ISO 8601 allows
    each)."""
    return json_ld(
        {
            "@type": "Person",
            "name": person.name,
            "alternateName": person.source_name
            or (person.name_zh if person.name_zh != person.name else ""),
            "birthDate": person.born,
            "deathDate": person.died,
            "description": person.short,
            "sameAs": [link.url for link in authority_links(person)],
            "url": url,
        }
    )
