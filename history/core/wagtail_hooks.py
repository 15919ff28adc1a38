from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .bibliography import SourceRecord


class SourceRecordViewSet(SnippetViewSet):
    model = SourceRecord
    icon = "doc-full"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "key", "kind", "year"]
    list_filter = ["kind"]
    search_fields = ["title", "title_translation", "key"]


register_snippet(SourceRecordViewSet)
