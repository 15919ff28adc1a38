"""The glossary's A–Z: its terms in order under their letters, on one page while they fit and
on a page per letter beyond, and where each term's entry is."""

from urllib.parse import quote

from history.core import versions
from history.core.localized import localized

from .terms import GlossaryTerm

# Up to this many terms the whole A–Z is one page; past it, a page per letter (the first
# letter on the glossary's own page), so that a page does not grow with the glossary.
ONE_PAGE = 250


def all_terms():
    """Every term in the reader's language, in A–Z order (by pinyin in Chinese)."""

    def build():
        terms = localized(GlossaryTerm.objects.prefetch_related("sources__collection"))
        for term in terms:
            term.shown_sources = sorted(term.sources.all(), key=lambda record: record.key)
        return sorted(terms, key=lambda term: term.sort_key)

    return versions.cached("glossary", build, in_process=True)


def letters():
    """{letter: [term]} in A–Z order, in the reader's language."""

    def build():
        grouped = {}
        for term in all_terms():
            grouped.setdefault(term.letter, []).append(term)
        return dict(sorted(grouped.items()))

    return versions.cached("glossary-letters", build, in_process=True)


def by_letter():
    """Whether the A–Z is split into a page per letter."""
    return len(all_terms()) > ONE_PAGE


def letter_path(letter):
    """A letter's page, from the glossary page's URL ("" for the first letter)."""
    if letter == next(iter(letters()), None):
        return ""
    return f"letter/{quote(letter.lower(), safe='')}/"


def letter_url(base, letter):
    """Where a letter's terms are: its page, or its section of the one page."""
    if by_letter():
        return f"{base}{letter_path(letter)}"
    return f"{base}#letter-{letter}"


def entry_url(base, slug):
    """Where the entry of the term `slug` is in the A–Z of the glossary page at `base` ("" on
    that page itself while it holds every term)."""
    if by_letter():
        letter = _letter_of().get(slug)
        if letter is not None:
            return f"{base}{letter_path(letter)}#term-{slug}"
    return f"{base}#term-{slug}"


def _letter_of():
    def build():
        return {term.slug: letter for letter, terms in letters().items() for term in terms}

    return versions.cached("glossary-letter-of", build, in_process=True)
