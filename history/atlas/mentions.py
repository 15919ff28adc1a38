"""Place names in an edition's text, marked by editors, so that the reader can go from a
name to the map and back. A mention is the exact words of one version of one paragraph."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from history.core.localized import localized
from history.edition.marks import TextMark


class PlaceMention(TextMark):
    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="place_mentions",
    )
    place = models.ForeignKey(
        "atlas.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        FieldPanel("edition"),
        FieldRowPanel([FieldPanel("anchor"), FieldPanel("version")]),
        FieldRowPanel([FieldPanel("phrase"), FieldPanel("place")]),
    ]

    class Meta:
        verbose_name = _("place name in the text")
        verbose_name_plural = _("place names in the text")
        ordering = ["edition", "anchor", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "anchor", "version", "phrase"], name="unique_place_mention"
            )
        ]

    @classmethod
    def links_for(cls, edition, request):
        """{(anchor, version): [Link to the map on that place]} for an edition in any
        language (mentions belong to the source-language edition)."""
        from history.edition.reading import Link

        from .pages import MapPage

        mentions = cls.objects.filter(edition__translation_key=edition.translation_key)
        mentions = list(mentions.select_related("place"))
        if not mentions:
            return {}
        map_page = next(iter(localized(MapPage.objects.live())), None)
        if map_page is None:
            return {}
        base = map_page.get_url(request)
        places = {}
        for place in localized(
            type(mentions[0].place).objects.filter(
                translation_key__in={m.place.translation_key for m in mentions}
            )
        ):
            places[place.translation_key] = place
        links = {}
        for mention in mentions:
            place = places.get(mention.place.translation_key, mention.place)
            links.setdefault((mention.anchor, mention.version), []).append(
                Link(mention.phrase, f"{base}?place={place.slug}", place.name, "place-link")
            )
        return links
