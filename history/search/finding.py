"""Finding documents of the corpus that match a query, and showing where they match.

A document matches when it contains every word of the query: Latin words at the start of a
word ("execut" finds "executions"), Chinese as written anywhere in the text (Chinese has no
spaces between words, so 坦白 must be found inside 拒不坦白的大毒犯). For queries in Latin script
the site's search backend (PostgreSQL full-text search in production, SQLite's FTS5 locally)
adds what it finds by its own rules, such as other forms of a word.
"""

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, islice

from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from history.core import versions
from history.core.language_parts import is_chinese, mark_chinese
from history.essays.pages import EssayPage
from history.lessons.pages import LessonPage
from history.timeline.events import Event

from .corpus import KIND_LABELS, KINDS, corpus

MAX_QUERY = 200  # characters; a longer query is cut here
MAX_WORDS = 12
SNIPPET = 220  # characters around the first match


@dataclass
class Hit:
    document: object
    pattern: re.Pattern  # any word of the query

    @cached_property
    def snippet(self):
        """Where the document matches, marked (safe HTML). Made only for the hits a page
        shows: a common word matches far more documents than one page lists."""
        html = _marked(snippet(self.document.text, self.pattern), self.document.language)
        return _marked_pinyin(html, self.document.pinyin)

    @property
    def kind_label(self):
        return KIND_LABELS[self.document.kind]

    @property
    def detail(self):
        """The document's detail line, its Chinese words marked as Chinese (safe HTML)."""
        return mark_chinese(escape(self.document.detail))


def words_of(query):
    """The words of `query` that matching uses (at most MAX_WORDS, no punctuation alone)."""
    words = [w for w in re.split(r"\s+", query) if re.search(r"\w", w)]
    return [w.strip("\"'“”‘’()[]{}<>,.;:!?，。；：！？、（）《》") or w for w in words][:MAX_WORDS]


def pattern_for(words):
    """One regular expression that finds any of `words` in a text."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        parts.append(escaped if is_chinese(word) else rf"(?<!\w){escaped}")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


@dataclass
class Found:
    """The documents that match a query, ranked: {kind: [position in the corpus]}, in each
    kind those with more of the query's words in their title first, then in corpus order."""

    documents: list
    ranked: dict
    pattern: re.Pattern | None = None  # any word of the query

    def count(self, kind=""):
        return len(self.ranked.get(kind, ())) if kind else sum(map(len, self.ranked.values()))

    def hits(self, kind, start, stop):
        """[Hit] from `start` to `stop` of one kind's results, or of all in the order of KINDS."""
        positions = self.ranked.get(kind, []) if kind else chain(*self.ranked.values())
        return [Hit(self.documents[p], self.pattern) for p in islice(positions, start, stop)]


def find(query, request):
    """The documents of the active language that match `query` (see `Found`). The corpus's
    index gives the candidates; its texts are read only where the index cannot tell."""
    words = words_of(query)
    if not words:
        return Found([], {})
    documents = corpus(request)
    index = documents.index
    patterns = [pattern_for([word]) for word in words]
    candidates = [index.texts.candidates(word) for word in words]
    matched = set.intersection(*(positions for positions, _sure in candidates))
    for (_positions, sure), pattern in zip(candidates, patterns, strict=True):
        if not sure:
            matched = {p for p in matched if pattern.search(documents[p].lowered)}
    matched |= {index.by_key[key] for key in _backend_keys(query, words) if key in index.by_key}
    in_title = {}
    for word, pattern in zip(words, patterns, strict=True):
        positions, sure = index.titles.candidates(word)
        for p in positions & matched:
            if sure or pattern.search(documents[p].title):
                in_title[p] = in_title.get(p, 0) + 1
    ordered = sorted(matched)
    ranked = {}
    for kind in KINDS:
        start, end = index.kind_bounds.get(kind, (0, 0))
        part = ordered[bisect_left(ordered, start) : bisect_left(ordered, end)]
        if part:
            titled = sorted(
                (p for p in in_title if start <= p < end), key=lambda p: (-in_title[p], p)
            )
            ranked[kind] = titled + sorted(set(part).difference(in_title))
    return Found(documents, ranked, pattern_for(words))


def _marked_pinyin(html, pinyin):
    """`html` with the document's romanisation marked as such where the snippet shows it."""
    shown = escape(pinyin)
    if not pinyin or shown not in html:
        return html
    return mark_safe(html.replace(shown, f'<span lang="zh-Latn-pinyin">{shown}</span>', 1))


def _marked(html, language):
    return html if language.lower().startswith("zh") else mark_safe(mark_chinese(html))


def snippet(text, pattern):
    """A stretch of `text` around its first match, with every match marked (safe HTML)."""
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - SNIPPET // 3)
    if start:
        space = text.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    piece = text[start : start + SNIPPET]
    html, last = [], 0
    for match in pattern.finditer(piece):
        html.append(escape(piece[last : match.start()]))
        html.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    html.append(escape(piece[last:]))
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET < len(text) else ""
    return mark_safe(prefix + "".join(html) + suffix)


def _backend_keys(query, words):
    """{(model label, pk)} that the search backend finds for a Latin-script query."""
    if any(is_chinese(word) for word in words):
        return set()
    # Letters and digits only: the backends' own query syntax (quotes, NEAR, column:) is not
    # the readers' to use.
    text = " ".join(re.findall(r"[^\W_]+", " ".join(words)))
    if not text:
        return set()
    digest = hashlib.sha256(text.casefold().encode()).hexdigest()[:32]
    return versions.cached(
        "search-backend", lambda: _ask_backend(text), vary=[digest], timeout=60 * 60
    )


def _ask_backend(text):
    """Essays, lessons and events (the long texts, where word forms matter most); places and
    terms are names, which the corpus matches well."""
    backend = get_search_backend()
    keys = set()
    for label, objects in (
        (Page._meta.label_lower, Page.objects.type(EssayPage, LessonPage)),
        (Event._meta.label_lower, Event.objects.all()),
    ):
        try:
            keys.update((label, obj.pk) for obj in backend.search(text, objects, operator="and"))
        except DatabaseError:  # a query the backend cannot read: the corpus still answers
            continue
    return keys
