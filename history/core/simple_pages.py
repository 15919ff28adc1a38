"""Loading a page whose content is a handful of fields in one YAML file (the map, the numbers
page, the timeline): title, slug, menu flag, description, and the fields its model names."""

from wagtail.models import Page

from .loading import ContentError, digest_files, read_yaml, require, stable_key
from .translating import load_page_translations


def load_simple_page(loader, key, path, model, parent, fields, page_fields=()):
    """Create or update the `model` page under `parent` from `path`, then its translations
    from `translations/<language>/<key>.po`. Returns the page (None if the file is absent).

    `page_fields` are links to other pages, given in the file by their content key (such as
    `essays/china-in-1952`); those pages must have been loaded before."""
    if not path.exists():
        return None
    data = read_yaml(path)
    slug = require(data, "slug", path)

    def fill(page):
        page.title = require(data, "title", path)
        page.slug = slug
        page.show_in_menus = bool(data.get("show_in_menus", True))
        page.search_description = data.get("search_description", "")
        for field in fields:
            setattr(page, field, require(data, field, path))
        for field in page_fields:
            setattr(page, field, _linked_page(data, field, path, parent.locale))

    def create():
        page = model(locale=parent.locale, translation_key=stable_key(key))
        fill(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(page):
        fill(page)
        page.save_revision().publish()

    existing = model.objects.filter(locale=parent.locale, translation_key=stable_key(key)).first()
    page = loader.sync(key, digest_files(path), existing, create, update)
    load_page_translations(loader, key, page)
    return page


def _linked_page(data, field, path, locale):
    if not data.get(field):
        return None
    page = Page.objects.filter(translation_key=stable_key(data[field]), locale=locale).first()
    if page is None:
        raise ContentError(f"{path}: {field}: no page “{data[field]}” has been loaded")
    return page
