"""What the search page searches: every readable text of the site in the reader's language,
as plain-text documents, built once per language until the content changes.

The site is small (about a hundred paragraphs, a few hundred events, places and terms), so the
whole corpus fits in the cache; matching it costs no queries, however many results there are.
"""

from dataclasses import dataclass
from functools import cached_property
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from history.atlas.pages import MapPage
from history.atlas.places import Place
from history.core import versions
from history.core.localized import localized
from history.edition.models import EditionPage
from history.edition.passages import readable_editions
from history.essays.footnotes import MARKER
from history.essays.pages import EssayPage
from history.glossary.cross_references import plain_references
from history.glossary.pages import GlossaryPage
from history.glossary.terms import GlossaryTerm
from history.lessons.pages import LessonPage
from history.people.pages import PeoplePage
from history.people.persons import Person
from history.timeline.events import Event
from history.timeline.pages import TimelinePage

from .index import Index

# The kinds of result, in the order the page lists them.
KINDS = ["paragraph", "essay", "event", "place", "person", "term", "lesson"]
KIND_LABELS = {
    "paragraph": _("Paragraphs of the bulletin"),
    "essay": _("Essays"),
    "event": _("Timeline events"),
    "place": _("Places"),
    "person": _("People"),
    "term": _("Glossary terms"),
    "lesson": _("Lessons"),
}


@dataclass(frozen=True)
class Document:
    kind: str
    key: tuple  # (model label, pk): how a hit of the search backend finds its document
    title: str
    url: str
    text: str
    language: str  # of `text`, for the lang attribute
    detail: str = ""
    pinyin: str = ""  # a romanisation in `text` and after `detail`, marked as such

    @property
    def lowered(self):
        """Title and text in lower case, made once: matching tests words against it first."""
        lowered = self.__dict__.get("_lowered")
        if lowered is None:
            lowered = f"{self.title} {self.text}".lower()
            object.__setattr__(self, "_lowered", lowered)
        return lowered


class Corpus(list):
    """The documents, and their index, made once in each process that searches them (it is
    not kept in the shared cache: it is rebuilt from the documents)."""

    @cached_property
    def index(self):
        return Index(self)

    def __reduce__(self):
        return Corpus, (list(self),)


def corpus(request):
    """The documents a reader of the active language can find, in the order of KINDS."""
    return versions.cached(
        "search-corpus", lambda: Corpus(_build(request)), request=request, in_process=True
    )


def _build(request):
    documents = []
    documents += _paragraphs(request)
    documents += _pages(EssayPage, "essay", request, lambda p: [p.standfirst, *_blocks(p.body)])
    documents += _events(request)
    documents += _places(request)
    documents += _people(request)
    documents += _terms(request)
    # Lessons: only what students see (never model answers or teacher notes).
    documents += _pages(LessonPage, "lesson", request, lambda p: [p.question, p.summary])
    return documents


def _paragraphs(request):
    ids = EditionPage.objects.live().public().values_list("pk", flat=True)
    documents = []
    # Each edition once, in the reader's language (every translation maps to it).
    editions = {edition.pk: edition for edition in readable_editions(ids).values()}
    for edition in editions.values():
        default = edition.default_version(get_language())
        url = edition.get_url(request)
        name = edition.short_title or edition.title
        for segment in edition.all_segments:
            for version in edition.all_versions:
                text = segment.text_in(version.code)
                if not text:
                    continue
                address = url if version.code == default.code else f"{url}?version={version.code}"
                documents.append(
                    Document(
                        kind="paragraph",
                        key=("segment", segment.pk, version.code),
                        title=f"{name} ¶ {segment.number}",
                        url=f"{address}#{segment.anchor}",
                        text=text,
                        language=version.language,
                        detail=version.label,
                    )
                )
    return documents


def _pages(model, kind, request, texts):
    pages = localized(
        model.objects.live().public().select_related("locale", "alias_of__locale").order_by("path")
    )
    # A page shown untranslated (an alias of the original) has the original's text and language.
    originals = model.objects.select_related("locale").in_bulk(
        [page.alias_of_id for page in pages if page.alias_of_id]
    )
    documents = []
    for page in pages:
        source = originals.get(page.alias_of_id, page)
        documents.append(
            Document(
                kind=kind,
                key=(Page._meta.label_lower, page.pk),
                title=page.title,
                url=page.get_url(request),
                text=" ".join(_plain(str(part)) for part in texts(source) if part),
                language=source.locale.language_code,
            )
        )
    return documents


def _plain(html):
    # Footnote markers ([^key]) become numbers on the page and glossary references
    # ([[slug|words]]) links: a snippet shows what the reader sees.
    return plain_references(MARKER.sub("", unescape(strip_tags(html))))


def _blocks(body):
    for block in body:
        if block.block_type == "paragraph":
            yield _plain(block.value.source)
        elif block.block_type == "heading":
            yield _plain(str(block.value))
        elif block.block_type == "callout":
            yield f"{_plain(block.value['title'])} {_plain(block.value['text'].source)}"


def _home_of(model, request):
    page = next(iter(localized(model.objects.live().public())), None)
    return page.get_url(request) if page else None


def _events(request):
    base = _home_of(TimelinePage, request)
    if base is None:
        return []
    return [
        Document(
            kind="event",
            key=(Event._meta.label_lower, event.pk),
            title=event.title,
            url=f"{base}event/{event.slug}/",
            text=f"{event.date_label} {event.summary} {_plain(event.text)}",
            language=event.locale.language_code,
            detail=str(event.date_label),
        )
        for event in localized(Event.objects.order_by("starts_on", "slug"))
    ]


def _places(request):
    base = _home_of(MapPage, request)
    if base is None:
        return []
    return [
        Document(
            kind="place",
            key=(Place._meta.label_lower, place.pk),
            title=place.name,
            url=f"{base}place/{place.slug}/",
            text=f"{place.name} {place.name_zh} {place.pinyin} {place.status_1952} "
            f"{place.status_today}",
            language=place.locale.language_code,
            detail=place.name_zh,
            pinyin=place.pinyin,
        )
        for place in localized(Place.objects.order_by("name"))
    ]


def _people(request):
    base = _home_of(PeoplePage, request)
    if base is None:
        return []
    return [
        Document(
            kind="person",
            key=(Person._meta.label_lower, person.pk),
            title=person.name,
            url=f"{base}person/{person.slug}/",
            text=f"{person.name} {person.name_zh} {person.pinyin} {person.short} "
            f"{_plain(person.note)}",
            language=person.locale.language_code,
            detail=person.name_zh if person.name_zh != person.name else "",
            pinyin=person.pinyin,
        )
        for person in localized(Person.objects.order_by("name"))
    ]


def _terms(request):
    base = _home_of(GlossaryPage, request)
    if base is None:
        return []
    return [
        Document(
            kind="term",
            key=(GlossaryTerm._meta.label_lower, term.pk),
            title=term.term,
            url=f"{base}term/{term.slug}/",
            text=f"{term.term} {term.chinese} {term.pinyin} {term.short} {_plain(term.note)}",
            language=term.locale.language_code,
            detail=term.chinese,
            pinyin=term.pinyin,
        )
        for term in localized(GlossaryTerm.objects.order_by("term"))
    ]
