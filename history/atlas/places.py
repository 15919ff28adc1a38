"""Places as they stood in 1952: regions, provinces, cities and districts the documents name."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from history.core.authority import WikidataItem, geonames_field

# China's extent, for a check on coordinates typed by hand.
CHINA_BOUNDS = {"south": 18.0, "north": 54.0, "west": 73.0, "east": 135.0}


class PlaceKind(models.TextChoices):
    GREATER_REGION = "greater_region", _("greater administrative region")
    PROVINCE = "province", _("province")
    ADMIN_REGION = "admin_region", _("administrative region")
    CITY = "city", _("city")
    DISTRICT = "district", _("district")


class Place(TranslatableMixin, RevisionMixin, index.Indexed, WikidataItem):
    slug = models.SlugField(
        _("slug"), max_length=60, help_text=_("Names the place in links: /map/?place=rehe")
    )
    name = models.CharField(_("name"), max_length=120)
    name_zh = models.CharField(_("Chinese name"), max_length=60, help_text=_("As written in 1952."))
    pinyin = models.CharField(_("pinyin"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of (1952)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=7, decimal_places=4)
    longitude = models.DecimalField(_("longitude"), max_digits=7, decimal_places=4)
    point_note = models.CharField(
        _("what the point marks"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Chengde, the provincial capital”."),
    )
    approximate = models.BooleanField(
        _("approximate"),
        default=False,
        help_text=_("The point only stands in for an area, or its seat is uncertain."),
    )
    outline = models.JSONField(
        _("outline"),
        null=True,
        blank=True,
        help_text=_(
            "Optional: a GeoJSON Polygon or MultiPolygon of the area in 1952, where a reliable "
            "one exists. Without it the place is a point."
        ),
    )
    status_1952 = models.TextField(_("in 1952"))
    status_today = models.TextField(_("today"), blank=True)
    geonames = geonames_field()

    override_translatable_fields = [
        SynchronizedField("slug", overridable=False),
        SynchronizedField("name_zh", overridable=False),
        SynchronizedField("pinyin", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("approximate", overridable=False),
        SynchronizedField("outline", overridable=False),
        SynchronizedField("wikidata", overridable=False),
        SynchronizedField("geonames", overridable=False),
        TranslatableField("name"),
        TranslatableField("point_note"),
        TranslatableField("status_1952"),
        TranslatableField("status_today"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("name_zh"), FieldPanel("pinyin")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("point_note"),
                FieldPanel("approximate"),
                FieldPanel("outline"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("status_1952"),
        FieldPanel("status_today"),
        FieldRowPanel(
            [FieldPanel("wikidata"), FieldPanel("geonames")], heading=_("Authority records")
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_zh"),
        index.SearchField("pinyin"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_place_slug_per_locale")
        ]

    def __str__(self):
        return f"{self.name} ({self.name_zh})"

    def clean(self):
        errors = {}
        bounds = CHINA_BOUNDS
        if self.latitude is not None and not bounds["south"] <= self.latitude <= bounds["north"]:
            errors["latitude"] = _("China lies between latitudes 18 and 54.")
        if self.longitude is not None and not bounds["west"] <= self.longitude <= bounds["east"]:
            errors["longitude"] = _("China lies between longitudes 73 and 135.")
        if self.outline and not _valid_outline(self.outline):
            errors["outline"] = _(
                "Give a GeoJSON Polygon or MultiPolygon whose points lie in China: "
                '{"type": "Polygon", "coordinates": [[[lon, lat], ...]]}.'
            )
        if self.parent_id and self.pk and self._has_ancestor(self.pk):
            errors["parent"] = _("A place cannot be part of itself.")
        if errors:
            raise ValidationError(errors)

    def _has_ancestor(self, pk):
        seen, place = set(), self.parent
        while place is not None and place.pk not in seen:
            if place.pk == pk:
                return True
            seen.add(place.pk)
            place = place.parent
        return False


def _valid_outline(geometry):
    """A GeoJSON Polygon or MultiPolygon with every point inside China's extent."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return False
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    try:
        points = [point for polygon in polygons for ring in polygon for point in ring]
        return len(points) >= 4 and all(
            CHINA_BOUNDS["west"] <= float(lon) <= CHINA_BOUNDS["east"]
            and CHINA_BOUNDS["south"] <= float(lat) <= CHINA_BOUNDS["north"]
            for lon, lat in points
        )
    except (TypeError, ValueError):
        return False
