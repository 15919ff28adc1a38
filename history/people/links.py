"""People marked in an edition's text, linked to the index of people (see
history.edition.related)."""

from history.core.authority import authority_uris
from history.core.localized import localized
from history.edition.reading import Link

from .pages import PeoplePage
from .persons import PersonMention


def person_links(edition, request):
    """{(anchor, version): [Link]} for the people marked in `edition` (any language): each
    links to their entry in the index, and opens its short form in place."""
    index = next(iter(localized(PeoplePage.objects.live())), None)
    if index is None:
        return {}
    base = index.get_url(request)
    links = {}
    for mention, person in PersonMention.with_targets(edition):
        links.setdefault((mention.anchor, mention.version), []).append(
            Link(
                mention.phrase,
                f"{base}#person-{person.slug}",
                person.name,
                "person-link",
                f"{base}person/{person.slug}/",
                authorities=tuple(authority_uris(person)),
            )
        )
    return links
