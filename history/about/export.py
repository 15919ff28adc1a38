"""Writing the About page back to `site/about.yaml` and its translations."""

from history.core.simple_pages import export_simple_page

from .content import PAGE


def export(exporter):
    export_simple_page(exporter, PAGE)
