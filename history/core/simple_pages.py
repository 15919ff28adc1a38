"""Loading a page whose content is a handful of fields in one YAML file (the map, the numbers
page, the timeline): title, slug, menu flag, description, and the fields its model names."""

from .loading import digest_files, read_yaml, require, stable_key
from .translating import load_page_translations


def load_simple_page(loader, key, path, model, parent, fields):
    """Create or update the `model` page under `parent` from `path`, then its translations
    from `translations/<language>/<key>.po`. Returns the page (None if the file is absent)."""
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
