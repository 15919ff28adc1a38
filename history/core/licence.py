"""The licence of the site's editorial work, named once for every download and the API."""

from django.utils.translation import gettext_lazy as _

NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
# What the licence covers, and what it cannot: the documents are not the editors' to license.
SCOPE = _(
    "The editorial content (the editors' translations, notes, annotations, data and "
    "encoding) is licensed under CC BY 4.0. The documents of 1952 and the translations "
    "not made by the editors, such as the received English translation of the fifth "
    "bulletin, are not covered by this licence."
)


def as_data():
    """The licence as the API and data files name it."""
    return {"name": NAME, "url": URL, "scope": str(SCOPE)}


def link_header(response):
    """Name the licence in `response`'s headers too (RFC 8288), for clients that read only
    those."""
    response["Link"] = f'<{URL}>; rel="license"'
    return response
