"""The edition's credits as other parts of the site name them (its metadata, citations, data
files): the editors, the licence, and the About page that says more."""

from django.utils.translation import gettext as _
from wagtail.models import Locale

from history.core import versions

from .models import AboutPage

ABOUT = "about"  # the tag of the About page's content (`history/core/versions.py`)


def credits(request=None):
    """{"editors", "licence_name", "licence_url", "url"} from the About page in the active
    language (or the default language's); empty strings when there is none."""
    return versions.cached("edition-credits", _build, request=request, tags=[ABOUT])


def _build():
    pages = AboutPage.objects.live().public()
    page = (
        pages.filter(locale=Locale.get_active()).first()
        or pages.filter(locale=Locale.get_default()).first()
    )
    if page is None:
        return {"editors": "", "licence_name": "", "licence_url": "", "url": ""}
    return {
        "editors": page.editors or _("the editors of this edition"),
        "licence_name": page.licence_name,
        "licence_url": page.licence_url,
        "url": page.url,
    }
