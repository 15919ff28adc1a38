"""Place names marked in an edition's text, linked to the map (see history.edition.related)."""

from history.core.authority import authority_uris
from history.core.localized import localized
from history.edition.reading import Link

from .mentions import PlaceMention
from .pages import MapPage
from .places import Place


def place_links(edition, request):
    """{(anchor, version): [Link to the map on that place]} for an edition in any language
    (mentions belong to the source-language edition)."""
    mentions = PlaceMention.objects.filter(edition__translation_key=edition.translation_key)
    mentions = list(mentions.select_related("place"))
    if not mentions:
        return {}
    map_page = next(iter(localized(MapPage.objects.live())), None)
    if map_page is None:
        return {}
    base = map_page.get_url(request)
    places = {
        place.translation_key: place
        for place in localized(
            Place.objects.filter(translation_key__in={m.place.translation_key for m in mentions})
        )
    }
    links = {}
    for mention in mentions:
        place = places.get(mention.place.translation_key, mention.place)
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
