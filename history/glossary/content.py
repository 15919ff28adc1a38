"""Content loading for the glossary: `site/glossary/terms.yaml` (terms, and where they are
marked in the edition), the page in `site/glossary/glossary.yaml`, and their translations."""

from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import (
    ContentError,
    item_translation_key,
    read_yaml,
    require,
)
from history.core.models import HomePage
from history.core.prose import read_rich_field
from history.core.simple_pages import load_simple_page
from history.core.translating import load_collection_translations
from history.edition.models import EditionPage

from .cross_references import referenced_slugs
from .pages import GlossaryPage
from .terms import GlossaryTerm, TermMention

TERMS = "glossary/terms"
PAGE_FIELDS = ["intro"]
# The edition whose text the terms are marked in.
EDITION = "fifth-bulletin"


def load(loader):
    folder = loader.content_dir / "glossary"
    if not folder.exists():
        return
    home = HomePage.objects.get(locale=Locale.get_default())
    path = folder / "terms.yaml"
    items = read_yaml(path) or []
    if not isinstance(items, list):
        raise ContentError(f"{path}: should be a list of terms")
    terms = load_terms(loader, path, items)
    load_mentions(loader, path, items, terms)
    load_collection_translations(loader, TERMS, terms)
    load_simple_page(
        loader, "glossary/page", folder / "glossary.yaml", GlossaryPage, home, PAGE_FIELDS
    )


def load_terms(loader, path, items):
    locale = Locale.get_default()
    records = {record.key: record for record in SourceRecord.objects.all()}
    terms = {}
    keys = {item.get("key") for item in items if isinstance(item, dict)}
    for index, item in enumerate(items):
        key = require(item, "key", f"{path} (term {index + 1})")
        where = f"{path}: {key}"
        if key in terms:
            raise ContentError(f"{path}: key “{key}” is used twice")

        def fill(term, item=item, key=key, where=where):
            term.slug = key
            term.term = require(item, "term", where)
            term.chinese = require(item, "chinese", where)
            term.pinyin = str(item.get("pinyin") or "")
            term.short = require(item, "short", where)
            term.note = read_rich_field(item, "note", where)
            unknown = [s for s in referenced_slugs(term.note) if s not in keys]
            if unknown:
                raise ContentError(f"{where}: note: no term {unknown} to refer to")
            unknown = [k for k in item.get("sources") or [] if k not in records]
            if unknown:
                raise ContentError(f"{where}: unknown source(s) {unknown}")
            term.sources = [records[k] for k in item.get("sources") or []]

        translation_key = item_translation_key(item, where, TERMS, key)
        existing = GlossaryTerm.objects.filter(locale=locale, translation_key=translation_key)
        data = {k: v for k, v in item.items() if k != "mentions"}
        terms[key] = loader.sync_snippet(
            f"{TERMS}/{key}",
            data,
            existing.first(),
            lambda tk=translation_key: GlossaryTerm(locale=locale, translation_key=tk),
            fill,
            path,
        )
    return terms


def load_mentions(loader, path, items, terms):
    """The terms marked in the edition, replaced as a set when the file's marks change, unless
    an editor has changed them in the admin since the last load."""
    edition = EditionPage.objects.filter(slug=EDITION, locale=Locale.get_default()).first()
    if edition is None:
        return
    mentions = []
    for item in items:
        for index, mark in enumerate(item.get("mentions") or []):
            where = f"{path}: {item['key']} (mention {index + 1})"
            mention = TermMention(
                edition=edition,
                anchor=require(mark, "anchor", where),
                version=require(mark, "version", where),
                phrase=require(mark, "phrase", where),
                term=terms[item["key"]],
            )
            mentions.append((where, mention))
    marks = [[m.anchor, m.version, m.phrase, m.term.slug] for _where, m in mentions]
    queryset = TermMention.objects.filter(edition=edition)
    loader.sync_set(f"glossary/mentions/{EDITION}", marks, queryset, mentions)
