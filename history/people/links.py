"""People marked in an edition's text, linked to the index of people (see
history.edition.related)."""

from history.core.authority import authority_uris
from history.core.localized import localized
from history.edition.reading import Link

from .pages import PeoplePage
from .persons import Person, PersonMention


def person_links(edition, request):
    """{(anchor, version): [Link]} for the people marked in `edition` (any language): each
    links to their entry in the index, and opens its short form in place."""
    mentions = list(
        PersonMention.objects.filter(
            edition__translation_key=edition.translation_key
        ).select_related("person")
    )
    index = next(iter(localized(PeoplePage.objects.live())), None)
    if not mentions or index is None:
        return {}
    base = index.get_url(request)
    keys = {mention.person.translation_key for mention in mentions}
    people = {
        person.translation_key: person
        for person in localized(Person.objects.filter(translation_key__in=keys))
    }
    links = {}
    for mention in mentions:
        person = people.get(mention.person.translation_key, mention.person)
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
