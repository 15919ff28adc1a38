"""The licence of the site's editorial work, as the About page names it (an editor changes it
there), for every download, the TEI and the API."""

from django.utils.translation import gettext_lazy as _

from .credits import ABOUT, credits

# Until an About page names one.
DEFAULT_NAME = "CC BY 4.0"
DEFAULT_URL = "https://creativecommons.org/licenses/by/4.0/"
# What the licence covers, and what it cannot: the documents are not the editors' to license.
SCOPE = _(
    "The editorial content (the editors' translations, notes, annotations, data and "
    "encoding) is licensed under the licence named here. The documents of 1952 and the "
    "translations not made by the editors, such as the received English translation of the "
    "fifth bulletin, are not covered by it."
)
TAG = ABOUT  # what a cached file that names the licence depends on


def name(request=None):
    return credits(request)["licence_name"] or DEFAULT_NAME


def url(request=None):
    return credits(request)["licence_url"] or DEFAULT_URL


def as_data(request=None):
    """The licence as the API and data files name it."""
    return {"name": name(request), "url": url(request), "scope": str(SCOPE)}


def link_header(response, request=None):
    """Name the licence in `response`'s headers too (RFC 8288), for clients that read only
    those."""
    response["Link"] = f'<{url(request)}>; rel="license"'
    return response
