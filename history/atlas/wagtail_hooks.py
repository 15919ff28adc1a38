from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .figures import ReportedFigure
from .places import Place


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "name_zh", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "name_zh", "pinyin"]


class ReportedFigureViewSet(SnippetViewSet):
    model = ReportedFigure
    icon = "table"
    list_display = ["label", "place", "value", "unit", "as_of", "document"]
    list_filter = ["kind", "document"]
    search_fields = ["label", "phrase_original", "phrase_translation"]


class AtlasViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Map and numbers")
    menu_icon = "site"
    menu_order = 250
    items = [PlaceViewSet, ReportedFigureViewSet]


register_snippet(AtlasViewSetGroup)
