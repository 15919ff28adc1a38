"""Content loading for the About page: `site/about.yaml` and its translations."""

from wagtail.models import Locale

from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page

from .models import AboutPage

PAGE = SimplePage(
    "about",
    "about.yaml",
    AboutPage,
    (
        "short_title", "intro", "responsibility", "method", "translations", "provenance",
        "record_url", "licence_name", "licence_url", "rights", "how_to_cite", "reporting",
    ),
    optional_fields=("editors",),
)  # fmt: skip


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    load_simple_page(loader, PAGE, home)
