from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ErrorReport


class ErrorReportViewSet(SnippetViewSet):
    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["description", "where", "language", "received_at", "handled"]
    list_filter = ["handled", "language"]
    search_fields = ["description", "where"]
    inspect_view_enabled = True


register_snippet(ErrorReportViewSet)
