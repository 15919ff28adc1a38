"""Content loading for the index of people: `site/people/people.yaml` (people, and where they
are marked in the editions), the page in `site/people/index.yaml`, and their translations."""

from wagtail.models import Locale

from history.core.authority import WIKIDATA_ITEM
from history.core.bibliography import SourceRecord
from history.core.loading import ContentError
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.snippet_lists import Field, SnippetList, load_snippet_list, read_items
from history.edition.listed_marks import load_marks

from . import life_dates
from .pages import PeoplePage
from .persons import Person, PersonMention

PAGE = SimplePage("people/page", "people/index.yaml", PeoplePage, ("intro",))
# The edition a mark is in unless it names another.
EDITION = "fifth-bulletin"

PEOPLE = SnippetList(
    "people/people",
    Person,
    (
        Field("name", required=True),
        Field("name_zh", omitted_when_empty=True),
        Field("pinyin", omitted_when_empty=True),
        Field("sort_as", omitted_when_empty=True),
        Field("born", validators=(life_dates.VALIDATOR,), omitted_when_empty=True),
        Field("died", validators=(life_dates.VALIDATOR,), omitted_when_empty=True),
        Field("short", required=True),
        Field("note", rich=True, omitted_when_empty=True),
        "sources",  # source records' keys
        Field("wikidata", omitted_when_empty=True, validators=(WIKIDATA_ITEM,)),
        "mentions",  # where the person is marked in the editions
    ),
    # Marks are loaded as a set of their own (see load_mentions).
    not_data=("mentions",),
)


def load(loader):
    folder = loader.content_dir / "people"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    path = loader.content_dir / PEOPLE.file
    items = read_items(path, "people")
    people = load_people(loader, path, items)
    load_mentions(loader, path, items, people)
    load_simple_page(loader, PAGE, home)


def load_people(loader, path, items):
    records = {record.key: record for record in SourceRecord.objects.all()}

    def fill(person, item, where, _loaded):
        unknown = [k for k in item.get("sources") or [] if k not in records]
        if unknown:
            raise ContentError(f"{where}: unknown source(s) {unknown}")
        person.sources = [records[k] for k in item.get("sources") or []]

    return load_snippet_list(loader, PEOPLE, fill, items, path)


def load_mentions(loader, path, items, people):
    """The people marked in the editions (see history/edition/listed_marks.py)."""
    load_marks(loader, "people/mentions", path, items, people, PersonMention, EDITION)
