from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from history.edition import related

from .charts import ChartCaption
from .figures import ReportedFigure
from .links import place_links
from .mentions import PlaceMention
from .places import Place


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    list_display = ["name", "name_zh", "kind", "parent"]
    list_filter = ["kind", "approximate"]
    list_export = [
        "slug", "name", "name_zh", "pinyin", "kind", "parent", "latitude", "longitude",
        "approximate", "point_note", "status_1952", "status_today",
    ]  # fmt: skip
    export_filename = "places"


class ReportedFigureViewSet(SnippetViewSet):
    model = ReportedFigure
    icon = "table"
    list_display = ["label", "place", "value", "unit", "as_of", "document"]
    list_filter = ["kind", "document", "unit", "translation_by"]
    list_export = [
        "slug", "label", "kind", "place", "value", "unit", "approximation", "period", "as_of",
        "document", "anchor", "phrase_original", "phrase_translation", "translation_by", "note",
    ]  # fmt: skip
    export_filename = "reported-figures"


class PlaceMentionViewSet(SnippetViewSet):
    model = PlaceMention
    icon = "link"
    list_display = ["phrase", "place", "anchor", "version"]
    list_filter = ["version", "place"]
    search_fields = ["phrase"]
    list_export = ["edition", "anchor", "version", "phrase", "place"]
    export_filename = "place-names"


class ChartCaptionViewSet(SnippetViewSet):
    model = ChartCaption
    icon = "doc-full"
    list_display = ["title", "slug"]
    list_export = ["slug", "title", "description"]
    export_filename = "chart-captions"


class AtlasViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Map and numbers")
    menu_icon = "site"
    menu_order = 250
    items = [PlaceViewSet, ReportedFigureViewSet, PlaceMentionViewSet, ChartCaptionViewSet]


register_snippet(AtlasViewSetGroup)
hooks.register(related.TEXT_LINKS, place_links)
