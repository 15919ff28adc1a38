"""The documents of the campaign in order: the editions the site publishes, each in the
reader's language, ordered by the date it was issued (or its first date)."""

import datetime
from dataclasses import dataclass

from history.core import versions
from history.core.localized import localized, localized_page

from .models import DocumentsPage, EditionPage


@dataclass(frozen=True)
class SeriesEntry:
    translation_key: str
    title: str
    short_title: str
    original_title: str
    original_title_language: str
    url: str
    date: datetime.date | None
    date_label: str
    author: str
    issuing_body: str
    role: str
    summary: str  # rich text, as stored


def _entry(edition, request):
    date = edition.primary_date
    return SeriesEntry(
        translation_key=str(edition.translation_key),
        title=edition.title,
        short_title=edition.short_title or edition.title,
        original_title=edition.original_title,
        original_title_language=edition.original_title_language,
        url=edition.get_url(request),
        date=date.date if date else None,
        date_label=date.label if date else "",
        author=edition.author_name,
        issuing_body=edition.issuing_body,
        role=edition.series_role,
        summary=edition.summary,
    )


def series(request):
    """The SeriesEntry of every published edition a visitor may read, in date order."""

    def build():
        editions = localized(EditionPage.objects.live().public().prefetch_related("dates"))
        entries = [_entry(edition, request) for edition in editions]
        return sorted(entries, key=lambda e: (e.date or datetime.date.max, e.title))

    return versions.cached("edition-series", build, request=request, tags=("edition",))


def documents_url(request):
    """The address of the documents page in the reader's language, or ""."""

    def build():
        page = localized_page(DocumentsPage)
        return page.get_url(request) if page else ""

    return versions.cached("edition-documents-url", build, request=request, tags=("edition",))


@dataclass(frozen=True)
class Place:
    """Where an edition stands in the series: its position (from 1), the count, and its
    neighbours (SeriesEntry or None)."""

    position: int
    count: int
    previous: SeriesEntry | None
    next: SeriesEntry | None


def place_of(page, request):
    """Where `page` stands in the series, or None if it is not in it (a draft, a private
    edition) or is the only document."""
    entries = series(request)
    keys = [entry.translation_key for entry in entries]
    key = str(page.translation_key)
    if key not in keys or len(entries) < 2:
        return None
    index = keys.index(key)
    return Place(
        position=index + 1,
        count=len(entries),
        previous=entries[index - 1] if index else None,
        next=entries[index + 1] if index + 1 < len(entries) else None,
    )
