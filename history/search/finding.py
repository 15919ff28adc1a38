"""Finding documents of the corpus that match a query, and showing where they match.

A document matches when it contains every word of the query: Latin words at the start of a
word ("execut" finds "executions"), Chinese as written anywhere in the text (Chinese has no
spaces between words, so 坦白 must be found inside 拒不坦白的大毒犯). For queries in Latin script
the site's search backend (PostgreSQL full-text search in production, SQLite's FTS5 locally)
adds what it finds by its own rules, such as other forms of a word.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property

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


def find(query, request):
    """[Hit] for `query` in the active language, in the order of KINDS and by relevance."""
    words = words_of(query)
    if not words:
        return []
    documents = corpus(request)
    backend_keys = _backend_keys(query, words)
    patterns = [pattern_for([word]) for word in words]
    needles = [word.lower() for word in words]
    scored = []
    for position, document in enumerate(documents):
        # A word that is nowhere in the text cannot start a word there: the plain test, much
        # cheaper, leaves the regular expressions only the few documents that may match.
        matches = all(needle in document.lowered for needle in needles) and all(
            p.search(f"{document.title} {document.text}") for p in patterns
        )
        if matches or document.key in backend_keys:
            in_title = sum(bool(p.search(document.title)) for p in patterns)
            scored.append((KINDS.index(document.kind), -in_title, position, document))
    scored.sort(key=lambda item: item[:3])
    any_word = pattern_for(words)
    return [Hit(document, any_word) for *_rank, document in scored]


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
