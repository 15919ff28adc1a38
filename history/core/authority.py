"""Authority records: the identifiers under which shared registries (Wikidata, GeoNames) know
a place, a person or a term, so that scholars and machines can tell which one the site means.

An identifier is entered only when an editor has checked it; an empty field means "not
checked", never "none exists". The site shows each as a plain link to its registry and asks
nothing of those hosts.
"""

from typing import NamedTuple

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

WIKIDATA_ITEM = RegexValidator(
    r"^Q[1-9][0-9]*\Z", _("A Wikidata item is Q followed by its number, e.g. Q5816.")
)
GEONAMES_ID = RegexValidator(r"^[1-9][0-9]*\Z", _("A GeoNames id is a number, e.g. 1816670."))


class AuthorityLink(NamedTuple):
    registry: str
    identifier: str
    url: str


class WikidataItem(models.Model):
    """A model that a Wikidata item may identify."""

    wikidata = models.CharField(
        _("Wikidata item"),
        max_length=20,
        blank=True,
        validators=[WIKIDATA_ITEM],
        help_text=_("E.g. Q5816. Only an item you have checked; otherwise leave it empty."),
    )

    class Meta:
        abstract = True

    @property
    def authority_links(self):
        """[AuthorityLink] for each identifier the object has, in a fixed order."""
        return authority_links(self)


def authority_links(obj):
    links = []
    if getattr(obj, "wikidata", ""):
        url = f"https://www.wikidata.org/wiki/{obj.wikidata}"
        links.append(AuthorityLink("Wikidata", obj.wikidata, url))
    if getattr(obj, "geonames", ""):
        url = f"https://www.geonames.org/{obj.geonames}/"
        links.append(AuthorityLink("GeoNames", obj.geonames, url))
    return links


def authority_uris(obj):
    """The identifiers as URIs (for data and TEI): Wikidata's entity URI, GeoNames' feature."""
    uris = []
    if getattr(obj, "wikidata", ""):
        uris.append(f"http://www.wikidata.org/entity/{obj.wikidata}")
    if getattr(obj, "geonames", ""):
        uris.append(f"https://sws.geonames.org/{obj.geonames}/")
    return uris


def geonames_field():
    return models.CharField(
        _("GeoNames id"),
        max_length=12,
        blank=True,
        validators=[GEONAMES_ID],
        help_text=_("E.g. 1816670. Only an id you have checked; otherwise leave it empty."),
    )
