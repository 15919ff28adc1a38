"""Content loading for the search page: `site/search.yaml` and its translations."""

from wagtail.models import Locale

from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page

from .pages import SearchPage

PAGE = SimplePage("search", "search.yaml", SearchPage)


def load(loader):
    home = HomePage.objects.get(locale=Locale.get_default())
    load_simple_page(loader, PAGE, home)
