"""Content loading for the site frame: locales, the home page, the Wagtail site."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .loading import digest_files, read_yaml, require
from .models import HomePage
from .translating import load_page_translations

HOME_FIELDS = ["lede", "content_note", "introduction", "why_it_matters", "reading_critically"]


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_root():
    """The tree root that Wagtail's migrations make (tests that flush the database lose it)."""
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    return root


def load(loader):
    ensure_locales()
    root = ensure_root()
    path = loader.content_dir / "home.yaml"
    data = read_yaml(path)

    def fill(page):
        page.title = require(data, "title", path)
        for field in HOME_FIELDS:
            setattr(page, field, require(data, field, path))

    def create():
        _remove_placeholder(root)
        page = HomePage(slug="home", locale=Locale.get_default())
        fill(page)
        root.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(page):
        fill(page)
        page.save_revision().publish()

    existing = HomePage.objects.filter(locale=Locale.get_default()).first()
    home = loader.sync_page("home", digest_files(path), existing, create, update)
    _point_site_at(home)
    load_page_translations(loader, "home", home)
    return home


def _remove_placeholder(root):
    """Wagtail's "Welcome to your new Wagtail site!" page (it takes the slug "home", and the
    default site with it)."""
    for child in root.get_children():
        if child.specific_class is Page and not child.get_children().exists():
            child.delete()


def _point_site_at(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
