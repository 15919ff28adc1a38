from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from history.edition import related

from .figures import ReportedFigure
from .links import place_links
from .mentions import PlaceMention
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


class PlaceMentionViewSet(SnippetViewSet):
    model = PlaceMention
    icon = "link"
    list_display = ["phrase", "place", "anchor", "version"]
    list_filter = ["version", "place"]


class AtlasViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Map and numbers")
    menu_icon = "site"
    menu_order = 250
    items = [PlaceViewSet, ReportedFigureViewSet, PlaceMentionViewSet]


register_snippet(AtlasViewSetGroup)
hooks.register(related.TEXT_LINKS, place_links)
