"""Content loading for the glossary: `site/glossary/terms.yaml` (terms, and where they are
marked in the edition), the page in `site/glossary/glossary.yaml`, and their translations."""

from wagtail.models import Locale

from history.core.authority import WIKIDATA_ITEM
from history.core.bibliography import SourceRecord
from history.core.loading import ContentError
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.snippet_lists import Field, SnippetList, load_snippet_list, read_items
from history.edition.listed_marks import load_marks

from .cross_references import referenced_slugs
from .pages import GlossaryPage
from .terms import GlossaryTerm, TermMention

PAGE = SimplePage("glossary/page", "glossary/glossary.yaml", GlossaryPage, ("intro",))
# The edition a mark is in unless it names another.
EDITION = "fifth-bulletin"

TERMS = SnippetList(
    "glossary/terms",
    GlossaryTerm,
    (
        Field("term", required=True),
        Field("chinese", required=True),
        Field("pinyin"),
        Field("short", required=True),
        Field("note", rich=True),  # may refer to other terms: [[key]]
        "sources",  # source records' keys
        Field("wikidata", omitted_when_empty=True, validators=(WIKIDATA_ITEM,)),
        "mentions",  # where the term is marked in the edition
    ),
    # Marks are loaded as a set of their own (see load_mentions).
    not_data=("mentions",),
)


def load(loader):
    folder = loader.content_dir / "glossary"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    path = loader.content_dir / TERMS.file
    items = read_items(path, "terms")
    terms = load_terms(loader, path, items)
    load_mentions(loader, path, items, terms)
    load_simple_page(loader, PAGE, home)


def load_terms(loader, path, items):
    records = {record.key: record for record in SourceRecord.objects.all()}
    keys = {item.get("key") for item in items if isinstance(item, dict)}

    def fill(term, item, where, _loaded):
        unknown = [s for s in referenced_slugs(term.note) if s not in keys]
        if unknown:
            raise ContentError(f"{where}: note: no term {unknown} to refer to")
        unknown = [k for k in item.get("sources") or [] if k not in records]
        if unknown:
            raise ContentError(f"{where}: unknown source(s) {unknown}")
        term.sources = [records[k] for k in item.get("sources") or []]

    return load_snippet_list(loader, TERMS, fill, items, path)


def load_mentions(loader, path, items, terms):
    """The terms marked in the editions (see history/edition/listed_marks.py)."""
    load_marks(loader, "glossary/mentions", path, items, terms, TermMention, EDITION)
