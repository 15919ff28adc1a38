"""Content loading for the search page: `site/search.yaml` and its translations."""

from wagtail.models import Locale

from history.core.models import HomePage
from history.core.simple_pages import load_simple_page

from .pages import SearchPage


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    path = loader.content_dir / "search.yaml"
    load_simple_page(loader, "search", path, SearchPage, home, [])
