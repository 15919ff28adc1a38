from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from history.edition import related

from .links import person_links
from .persons import Person, PersonMention


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "name_zh", "born", "died", "wikidata"]
    list_filter = ["sources"]
    list_export = ["slug", "name", "name_zh", "pinyin", "born", "died", "short", "wikidata"]
    export_filename = "people"


class PersonMentionViewSet(SnippetViewSet):
    model = PersonMention
    icon = "link"
    list_display = ["phrase", "person", "anchor", "version"]
    list_filter = ["version", "person"]
    search_fields = ["phrase"]
    list_export = ["edition", "anchor", "version", "phrase", "person"]
    export_filename = "people-marks"


class PeopleViewSetGroup(SnippetViewSetGroup):
    menu_label = _("People")
    menu_icon = "user"
    menu_order = 246
    items = [PersonViewSet, PersonMentionViewSet]


register_snippet(PeopleViewSetGroup)
hooks.register(related.TEXT_LINKS, person_links)
