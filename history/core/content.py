"""Content loading for the site frame: locales, the home page, the Wagtail site."""

from django.conf import settings
from wagtail.models import Locale, Page, Site

from .bibliography import SourceKind, SourceRecord
from .images import load_images
from .loading import ContentError, digest_files, read_yaml, require
from .models import HomePage
from .snippet_lists import Field, SnippetList, load_snippet_list
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
        for field in ("seo_title", "search_description"):
            setattr(page, field, str(data.get(field) or ""))

    def new():
        _remove_placeholder(root)
        return HomePage(slug="home", locale=Locale.get_default())

    existing = HomePage.objects.filter(locale=Locale.get_default()).first()
    home = loader.sync_page("home", digest_files(path), existing, root, new, fill)
    _point_site_at(home)
    load_page_translations(loader, "home", home)
    load_bibliography(loader)
    load_images(loader)
    return home


RECORD_TEXT_FIELDS = [
    "organisation", "title", "short_title", "short_title_zh", "title_translation", "container",
    "volume", "issue", "pages", "place", "publisher", "record", "url", "note",
]  # fmt: skip
# `site/bibliography.yaml`: the source records that essays, events and figures cite.
BIBLIOGRAPHY = SnippetList(
    "bibliography",
    SourceRecord,
    (
        Field("kind", required=True, choices=tuple(SourceKind.values)),
        "authors",  # [{family, given, family_first}]
        "editors",
        *(Field(field, omitted_when_empty=True) for field in RECORD_TEXT_FIELDS),
        Field("year", default=None, omitted_when_empty=True),
        Field("date", default=None, omitted_when_empty=True),
        "collection",  # the key of a record listed before it
    ),
    key_field="key",
    translated=False,
)


def load_bibliography(loader):
    return load_snippet_list(loader, BIBLIOGRAPHY, record_fields)


def record_fields(record, item, where, loaded):
    collection = item.get("collection")
    if collection and collection not in loaded:
        raise ContentError(f"{where}: collection “{collection}” must come before it")
    record.authors = _people(item.get("authors"), f"{where}: authors")
    record.editors = _people(item.get("editors"), f"{where}: editors")
    record.collection = loaded[collection] if collection else None


def _people(items, where):
    people = []
    for person in items or []:
        family = require(person, "family", where)
        people.append(
            (
                "person",
                {
                    "family": family,
                    "given": str(person.get("given") or ""),
                    "family_first": bool(person.get("family_first")),
                },
            )
        )
    return people


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
