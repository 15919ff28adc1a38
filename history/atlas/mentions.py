"""Place names in an edition's text, marked by editors, so that the reader can go from a
name to the map and back. A mention is the exact words of one version of one paragraph."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from history.edition.marks import TextMark


class PlaceMention(TextMark):
    target = "place"

    edition = models.ForeignKey(
        "edition.EditionPage",
        verbose_name=_("edition"),
        on_delete=models.CASCADE,
        related_name="place_mentions",
    )
    place = models.ForeignKey(
        "atlas.Place", verbose_name=_("place"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(TextMark.Meta):
        verbose_name = _("place name in the text")
        verbose_name_plural = _("place names in the text")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "anchor", "version", "phrase"], name="unique_place_mention"
            )
        ]
