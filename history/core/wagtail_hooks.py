from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import page_cache
from .bibliography import SourceRecord


class SourceRecordViewSet(SnippetViewSet):
    model = SourceRecord
    icon = "doc-full"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "key", "kind", "year"]
    list_filter = ["kind", "collection"]
    list_export = [
        "key", "kind", "organisation", "title", "title_translation", "container", "volume",
        "issue", "pages", "place", "publisher", "year", "date", "collection", "record", "url",
        "note",
    ]  # fmt: skip
    export_filename = "sources"


register_snippet(SourceRecordViewSet)


@hooks.register("before_serve_page")
def _page_cache_dependencies(page, request, serve_args, serve_kwargs):
    page_cache.depends_on_page(request, page)
