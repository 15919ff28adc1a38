"""The apps' parts of the content files: each app of the site with a `content` module loads
its part of `site/` (`load(loader)`), and with an `export` module writes it back
(`export(exporter)`). A content module also holds the descriptions of its content types
(`SnippetList`, `PageFolder`), which loading, exporting and their tests read."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def app_modules(name):
    """The `name` module of each app of the site that has one, in the order of
    INSTALLED_APPS (core first, so later apps find the home page)."""
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if config.name.startswith("history.") and find_spec(module_name) is not None:
            yield import_module(module_name)


def descriptions(kind):
    """Every content type of class `kind` that the apps' content modules describe."""
    for module in app_modules("content"):
        for value in vars(module).values():
            if isinstance(value, kind):
                yield value
