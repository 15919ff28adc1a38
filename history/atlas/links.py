"""Place names marked in an edition's text, linked to the map (see history.edition.related)."""

from history.core.authority import authority_uris
from history.core.localized import localized
from history.edition.reading import Link

from .mentions import PlaceMention
from .pages import MapPage


def place_links(edition, request):
    """{(anchor, version): [Link to the map on that place]} for an edition in any language
    (mentions belong to the source-language edition)."""
    map_page = next(iter(localized(MapPage.objects.live())), None)
    if map_page is None:
        return {}
    base = map_page.get_url(request)
    links = {}
    for mention, place in PlaceMention.with_targets(edition):
        links.setdefault((mention.anchor, mention.version), []).append(
            Link(
                mention.phrase,
                f"{base}?place={place.slug}",
                place.name,
                "place-link",
                entry=f"{base}place/{place.slug}/",
                authorities=tuple(authority_uris(place)),
            )
        )
    return links
