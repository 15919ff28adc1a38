"""Pages in content files, loaded and written back by one set of functions.

- A simple page is a handful of fields in one YAML file (the map, the numbers page, the
  timeline): title, slug, menu flag, description, and the fields its model names.
- A page folder (essays, lessons) is an index page, `<folder>/<folder>.yaml` (a simple page
  with an `intro` and the list of its pages' slugs under the folder's name), and one file per
  page, `<folder>/<slug>.yaml`, whose own fields the folder's app reads and writes.
"""

import uuid
from dataclasses import dataclass
from functools import partial

from wagtail.models import Locale, Page

from .exporting import write_page_yaml
from .loading import (
    ContentError,
    digest_files,
    item_translation_key,
    read_yaml,
    require,
    stable_key,
)
from .models import HomePage, LoadedContent
from .translating import load_page_translations, stand_in_where_untranslated

# The fields every page file of a folder may give, besides its own (see `PageFolder`).
PAGE_FILE_FIELDS = ["search_description", "seo_title"]


@dataclass(frozen=True)
class SimplePage:
    """A page whose content is the handful of fields in the file `file`.

    `key` names its load and its translation file, `translations/<language>/<key>.po`, and,
    unless the file gives one, its translation key. `fields` are copied between the file and
    the model's fields of the same name; `page_fields` are links to other pages, given in the
    file by their content key (such as `essays/china-in-1952`) or, for a page made in the
    admin, its translation key."""

    key: str
    file: str
    model: type
    fields: tuple = ()
    page_fields: tuple = ()
    optional_fields: tuple = ()  # may be absent or empty in the file


@dataclass(frozen=True)
class PageFolder:
    """A folder of page files under an index page (see the module's docstring)."""

    name: str
    index_model: type
    page_model: type

    @property
    def index(self):
        return SimplePage(
            f"{self.name}/index", f"{self.name}/{self.name}.yaml", self.index_model, ("intro",)
        )

    def key(self, slug):
        """The content key of the page `slug`: it names its load, its translation file and,
        unless its file gives one, its translation key."""
        return f"{self.name}/{slug}"


def load_page_folder(loader, folder, fill):
    """Load the index page of `folder` and its pages in the order the index lists them, each
    with its translations (or a stand-in where it has none). `fill(page, data, path)` sets a
    page's own fields from its file's `data`."""
    path = loader.content_dir / folder.index.file
    if not path.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    index = load_simple_page(loader, folder.index, home)
    for slug in require(read_yaml(path), folder.name, path, list):
        page = load_folder_page(
            loader, folder, loader.content_dir / folder.name / f"{slug}.yaml", index, fill
        )
        load_page_translations(loader, folder.key(slug), page)
        stand_in_where_untranslated(loader, folder.key(slug), page)


def load_folder_page(loader, folder, path, index, fill):
    """Create or update the page of the file `path` under `index`."""
    data = read_yaml(path)
    slug = require(data, "slug", path)
    if path.stem != slug:
        raise ContentError(f"{path}: slug “{slug}” should match the file name")
    key = folder.key(slug)
    translation_key = item_translation_key(data, path, key)

    def fill_page(page):
        page.title = require(data, "title", path)
        page.slug = slug
        for field in PAGE_FILE_FIELDS:
            setattr(page, field, str(data.get(field) or ""))
        page.show_in_menus = bool(data.get("show_in_menus"))
        fill(page, data, path)

    model = folder.page_model
    existing = model.objects.filter(locale=index.locale, translation_key=translation_key).first()
    new = partial(model, locale=index.locale, translation_key=translation_key)
    return loader.sync_page(key, digest_files(path), existing, index, new, fill_page)


def export_page_folder(exporter, folder, page_data):
    """Write the index page of `folder` and its live pages, in tree order, as
    `load_page_folder` reads them; `page_data(page)` gives a page's own fields."""
    index = folder.index_model.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        return
    pages = list(folder.page_model.objects.child_of(index).live().order_by("path"))
    listed = {folder.name: [page.slug for page in pages]}
    export_simple_page(exporter, folder.index, extra=listed)
    for page in pages:
        key = folder.key(page.slug)
        data = {"slug": page.slug, "title": page.title}
        if page.translation_key != stable_key(key):
            data["translation_key"] = str(page.translation_key)
        for field in PAGE_FILE_FIELDS:
            if getattr(page, field):
                data[field] = getattr(page, field)
        if page.show_in_menus:
            data["show_in_menus"] = True
        data.update(page_data(page))
        write_page_yaml(exporter, f"{folder.name}/{page.slug}.yaml", data)
        exporter.page_translations(key, page)


def load_simple_page(loader, described, parent):
    """Create or update the `described` page under `parent` from its file, then its
    translations. Returns the page (None if the file is absent). The pages its `page_fields`
    link to must have been loaded before."""
    key, model = described.key, described.model
    path = loader.content_dir / described.file
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
        for field in described.fields:
            setattr(page, field, require(data, field, path))
        for field in described.optional_fields:
            setattr(page, field, str(data.get(field) or ""))
        for field in described.page_fields:
            setattr(page, field, _linked_page(data, field, path, parent.locale))

    existing = model.objects.filter(locale=parent.locale, translation_key=translation_key).first()
    new = partial(model, locale=parent.locale, translation_key=translation_key)
    page = loader.sync_page(key, digest_files(path), existing, parent, new, fill)
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


def export_simple_page(exporter, described, extra=None):
    """Write the source-language `described` page to its file as `load_simple_page` reads it
    (with the items of `extra` after its fields), and its translations."""
    key, model = described.key, described.model
    fields, page_fields = described.fields, described.page_fields
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
    optional = [field for field in described.optional_fields if getattr(page, field)]
    for field in sorted([*fields, *page_fields, *optional], key=order.index):
        if field in page_fields:
            linked = getattr(page, field)
            if linked is not None:
                data[field] = _content_key(linked)
        else:
            data[field] = getattr(page, field)
    data.update(extra or {})
    exporter.write_yaml(described.file, data)
    exporter.page_translations(key, page)


def _content_key(page):
    """How a content file names `page`: the key it was loaded under, or, for a page made in
    the admin, its translation key."""
    for key in LoadedContent.objects.values_list("key", flat=True):
        if stable_key(key) == page.translation_key:
            return key
    return str(page.translation_key)
