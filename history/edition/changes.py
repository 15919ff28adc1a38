"""The public history of an edition's text: the one place its changes are listed.

Every download that names the state of the text (the TEI's revisionDesc, the API's
`changes`) reads `changes()`. For now an edition has one entry, its current publication;
numbered versions with the editors' descriptions are to be listed here, newest first.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Change:
    when: date
    description: str
    version: str = ""  # a version number, once the editors number them


def changes(page):
    """The published changes of `page`, newest first."""
    published = page.last_published_at or page.first_published_at
    when = published.date() if published else date.today()
    return [Change(when, _("The text as currently published."))]
