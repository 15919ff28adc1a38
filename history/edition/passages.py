"""Passages of an edition quoted elsewhere on the site (in essays, in lessons).

A quotation names a paragraph (a `ParagraphRef`, chosen with a `ParagraphBlock`) and optionally
a version; it always shows the segment's current text, in the reader's language when no version
is named, and links to the paragraph in the edition. `passages()` resolves any number of
quotations in a constant number of queries.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from history.core.blocks import StoredChoiceBlock
from history.core.localized import default_language, localized

from .models import DocumentVersion, EditionPage, Segment
from .references import ParagraphRef


@dataclass(frozen=True)
class Passage:
    anchor: str
    number: int  # the paragraph number (¶) the edition shows
    text: str
    language: str  # BCP 47 tag of the text
    version_label: str
    edition_title: str
    url: str  # the paragraph in the edition, in that version
    gap_label: str = ""  # what stands where this version has no text for the paragraph


def readable_editions(ids):
    """{edition id: the edition in the reader's language} for the editions `ids` that a
    visitor may read (published, not restricted), with their segments and versions loaded:
    four queries however many editions and paragraphs. The text is the same in every
    translation of an edition; its apparatus and address are the reader's."""
    keys = dict(Page.objects.filter(pk__in=set(ids)).values_list("pk", "translation_key"))
    published = EditionPage.objects.live().public().filter(translation_key__in=keys.values())
    editions = {edition.translation_key: edition for edition in localized(published)}
    by_pk = {edition.pk: edition for edition in editions.values()}
    segments = {}
    for segment in Segment.objects.filter(page__in=by_pk).order_by("page_id", "sort_order"):
        segments.setdefault(segment.page_id, []).append(segment)
    versions = {}
    for version in DocumentVersion.objects.filter(page__in=by_pk).order_by("sort_order"):
        versions.setdefault(version.page_id, []).append(version)
    for edition in by_pk.values():
        edition.use_loaded(segments.get(edition.pk, []), versions.get(edition.pk, []))
    return {pk: editions[key] for pk, key in keys.items() if key in editions}


def passages(quotations, request):
    """{(ParagraphRef, version code or ""): Passage} for the `quotations`, pairs of the same
    form. Quotations whose edition or paragraph no longer exists, or may not be read, are left
    out."""
    quotations = {(ref, code) for ref, code in quotations if ref is not None}
    if not quotations:
        return {}
    editions = readable_editions(ref.page_id for ref, _code in quotations)
    found = {}
    for ref, code in quotations:
        edition = editions.get(ref.page_id)
        passage = _passage(edition, ref.anchor, code, request) if edition else None
        if passage is not None:
            found[(ref, code)] = passage
    return found


def passage_range(edition, start, end, code, request):
    """The paragraphs of `edition` from anchor `start` to anchor `end`, in version `code` (the
    reader's language if empty): Passages, with empty text where that version has none.
    Empty if either anchor is gone or they are in the wrong order."""
    first, last = edition.segment_at(start), edition.segment_at(end)
    if first is None or last is None or last.number < first.number:
        return []
    chosen = edition.all_segments[first.number - 1 : last.number]
    version = version_for(edition, code)
    return [
        _passage(edition, segment.anchor, version.code, request, fallback=False)
        for segment in chosen
    ]


def version_for(edition, code):
    """The version `code` of `edition`, or the one in the reader's language."""
    default = edition.default_version(get_language())
    return next((v for v in edition.all_versions if v.code == code), default)


def other_version(edition, version):
    """The version to set beside `version`: the original beside a translation, else the
    first translation."""
    others = [v for v in edition.all_versions if v.code != version.code]
    originals = [v for v in others if v.is_original]
    return (originals or others or [None])[0]


def _passage(edition, anchor, code, request, fallback=True):
    segment = edition.segment_at(anchor)
    if segment is None or not edition.all_versions:
        return None
    default = edition.default_version(get_language())
    chosen = [v for v in edition.all_versions if v.code == code] or [default]
    # A version without text here (an omission of the translation) gives way to one with
    # text, unless the gap is what the reader should see.
    candidates = (
        chosen + [v for v in edition.all_versions if v not in chosen] if fallback else chosen
    )
    version = next((v for v in candidates if segment.text_in(v.code)), None)
    if version is None and fallback:
        return None
    version = version or chosen[0]
    url = edition.get_url(request)
    if version.code != default.code:
        url = f"{url}?version={version.code}"
    text = segment.text_in(version.code)
    return Passage(
        anchor=anchor,
        number=segment.number,
        text=text,
        language=version.language,
        version_label=version.label,
        edition_title=edition.short_title or edition.title,
        url=f"{url}#{anchor}",
        gap_label="" if text else str(version.gap_label),
    )


def paragraph_problem(ref, version=""):
    """What is wrong with quoting paragraph `ref` (a ParagraphRef, or its stored form) in
    `version`, as (field, message), or None."""
    ref = ParagraphRef.parse(ref)
    edition = EditionPage.objects.filter(pk=ref.page_id).first() if ref else None
    segment = edition.segments.filter(anchor=ref.anchor).first() if edition else None
    if segment is None:
        return "paragraph", _("The edition has no such paragraph.")
    if version and not segment.text_in(version):
        return "version", _("This paragraph has no text in that version.")
    return None


def segment_choices():
    """Every segment of every edition, grouped by edition: for choosing a passage in the
    admin (see `EditionPage.paragraph_choices`)."""
    return EditionPage.paragraph_choices()


def version_choices():
    """The version codes of all editions, for choosing the version a passage is quoted in."""
    seen = {}
    for code, label in DocumentVersion.objects.filter(
        locale__language_code=default_language()
    ).values_list("code", "label"):
        seen.setdefault(code, f"{label} ({code})")
    return sorted(seen.items())


class ParagraphBlock(StoredChoiceBlock):
    """A paragraph of an edition, chosen from the list of every edition's paragraphs. Its value
    is a `ParagraphRef` (None when empty), stored as "12:p8"."""

    def __init__(self, **kwargs):
        super().__init__(choices=segment_choices, **kwargs)

    def to_python(self, value):
        return ParagraphRef.parse(value)

    def normalize(self, value):
        return ParagraphRef.parse(value)

    def get_prep_value(self, value):
        return "" if value is None else str(value)

    def value_for_form(self, value):
        return self.get_prep_value(value)

    def clean(self, value):
        return ParagraphRef.parse(super().clean(value))

    def get_api_representation(self, value, context=None):
        return self.get_prep_value(value)
