from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from history.edition import related

from .links import term_links
from .terms import GlossaryTerm, TermMention


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    list_display = ["term", "chinese", "pinyin"]
    list_filter = ["sources"]
    list_export = ["slug", "term", "chinese", "pinyin", "short", "note"]
    export_filename = "glossary-terms"


class TermMentionViewSet(SnippetViewSet):
    model = TermMention
    icon = "link"
    list_display = ["phrase", "term", "anchor", "version"]
    list_filter = ["version", "term"]
    search_fields = ["phrase"]
    list_export = ["edition", "anchor", "version", "phrase", "term"]
    export_filename = "glossary-marks"


class GlossaryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Glossary")
    menu_icon = "openquote"
    menu_order = 245
    items = [GlossaryTermViewSet, TermMentionViewSet]


register_snippet(GlossaryViewSetGroup)
hooks.register(related.TEXT_LINKS, term_links)
