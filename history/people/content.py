"""Content loading for the index of people: `site/people/people.yaml` (people, and where they
are marked in the editions), the page in `site/people/index.yaml`, and their translations."""

from wagtail.models import Locale

from history.core.authority import WIKIDATA_ITEM
from history.core.bibliography import SourceRecord
from history.core.loading import ContentError, require
from history.core.models import HomePage
from history.core.simple_pages import SimplePage, load_simple_page
from history.core.snippet_lists import Field, SnippetList, load_snippet_list, read_items
from history.edition.models import EditionPage

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
    """The people marked in the editions (a mark names its edition unless it is in EDITION),
    each edition's replaced as a set when its marks change in the file, unless an editor has
    changed them in the admin since the last load."""
    by_edition = {}
    for item in items:
        for index, mark in enumerate(item.get("mentions") or []):
            where = f"{path}: {item['key']} (mention {index + 1})"
            if not isinstance(mark, dict):
                raise ContentError(f"{where}: should be a mapping of edition, anchor, version")
            by_edition.setdefault(mark.get("edition", EDITION), []).append((where, item, mark))
    editions = EditionPage.objects.filter(locale=Locale.get_default())
    for slug in dict.fromkeys([EDITION, *by_edition]):  # in the file's order
        edition = editions.filter(slug=slug).first()
        if edition is None:
            if slug == EDITION:
                continue  # a site without the bulletin (as some tests build) marks nothing
            raise ContentError(f"{path}: no edition “{slug}”")
        mentions = []
        for where, item, mark in by_edition.get(slug, []):
            mention = PersonMention(
                edition=edition,
                anchor=require(mark, "anchor", where),
                version=require(mark, "version", where),
                phrase=require(mark, "phrase", where),
                person=people[item["key"]],
            )
            mentions.append((where, mention))
        marks = [[m.anchor, m.version, m.phrase, m.person.slug] for _where, m in mentions]
        queryset = PersonMention.objects.filter(edition=edition)
        loader.sync_set(f"people/mentions/{slug}", marks, queryset, mentions)
