"""Loading a page whose content is a handful of fields in one YAML file (the map, the numbers
page, the timeline): title, slug, menu flag, description, and the fields its model names; and
writing such a page back to its file."""

import uuid

from wagtail.models import Locale, Page

from .loading import (
    ContentError,
    digest_files,
    item_translation_key,
    read_yaml,
    require,
    stable_key,
)
from .models import LoadedContent
from .translating import load_page_translations


def load_simple_page(loader, key, path, model, parent, fields, page_fields=()):
    """Create or update the `model` page under `parent` from `path`, then its translations
    from `translations/<language>/<key>.po`. Returns the page (None if the file is absent).

    `page_fields` are links to other pages, given in the file by their content key (such as
    `essays/china-in-1952`) or, for a page made in the admin, its translation key; those pages
    must have been loaded before."""
    if not path.exists():
        return None
    data = read_yaml(path)
    slug = require(data, "slug", path)
    translation_key = item_translation_key(data, path, key)

    def fill(page):
        page.title = require(data, "title", path)
        page.slug = slug
        page.show_in_menus = bool(data.get("show_in_menus", True))
        page.seo_title = str(data.get("seo_title") or "")
        page.search_description = data.get("search_description", "")
        for field in fields:
            setattr(page, field, require(data, field, path))
        for field in page_fields:
            setattr(page, field, _linked_page(data, field, path, parent.locale))

    def create():
        page = model(locale=parent.locale, translation_key=translation_key)
        fill(page)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def update(page):
        fill(page)
        page.save_revision().publish()

    existing = model.objects.filter(locale=parent.locale, translation_key=translation_key).first()
    page = loader.sync(key, digest_files(path), existing, create, update)
    load_page_translations(loader, key, page)
    return page


def _linked_page(data, field, path, locale):
    if not data.get(field):
        return None
    pages = Page.objects.filter(locale=locale)
    page = pages.filter(translation_key=_linked_key(data[field])).first()
    if page is None:
        raise ContentError(f"{path}: {field}: no page “{data[field]}” has been loaded")
    return page


def _linked_key(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return stable_key(value)


def export_simple_page(exporter, key, relative, model, fields, page_fields=()):
    """Write the source-language `model` page to `relative` as `load_simple_page` reads it,
    and its translations to `translations/<language>/<key>.po`."""
    page = model.objects.filter(locale=Locale.get_default()).first()
    if page is None:
        return
    data = {"slug": page.slug, "title": page.title, "show_in_menus": page.show_in_menus}
    if page.translation_key != stable_key(key):
        data["translation_key"] = str(page.translation_key)
    for field in ("seo_title", "search_description"):
        if getattr(page, field):
            data[field] = getattr(page, field)
    order = [f.name for f in model._meta.get_fields()]
    for field in sorted([*fields, *page_fields], key=order.index):
        if field in page_fields:
            linked = getattr(page, field)
            if linked is not None:
                data[field] = _content_key(linked)
        else:
            data[field] = getattr(page, field)
    exporter.write_yaml(relative, data)
    exporter.page_translations(key, page)


def _content_key(page):
    """How a content file names `page`: the key it was loaded under, or, for a page made in
    the admin, its translation key."""
    for key in LoadedContent.objects.values_list("key", flat=True):
        if stable_key(key) == page.translation_key:
            return key
    return str(page.translation_key)
