"""Excerpts of an edition in a lesson: a range of paragraphs, checked when the teacher saves
the lesson, and resolved to the edition's current text when it is shown."""

from django.utils.translation import gettext as _

from history.edition.models import EditionPage
from history.edition.passages import other_version, passage_range, version_for
from history.edition.references import ParagraphRef


def range_problem(start, end):
    """Why the paragraphs `start`..`end` (ParagraphRefs, or their stored form) are not a valid
    excerpt, or ""."""
    start, end = ParagraphRef.parse(start), ParagraphRef.parse(end)
    if start is None or end is None:
        return _("The edition has no such paragraph.")
    if start.page_id != end.page_id:
        return _("The excerpt must begin and end in the same edition.")
    edition = EditionPage.objects.filter(pk=start.page_id).first()
    anchors = list(edition.segments.values_list("anchor", flat=True)) if edition else []
    if start.anchor not in anchors or end.anchor not in anchors:
        return _("The edition has no such paragraph.")
    if anchors.index(end.anchor) < anchors.index(start.anchor):
        return _("The excerpt ends before it begins: choose a later last paragraph.")
    return ""


def excerpt_editions(values):
    """The edition ids that excerpt or organiser blocks' values (stored or not) need."""
    refs = (ParagraphRef.parse(value.get("start")) for value in values)
    return [ref.page_id for ref in refs if ref is not None]


def resolve(value, editions, request):
    """What an excerpt shows: {"passages", "beside" (the other version's, or None), "url",
    "first" and "last" paragraph numbers}, or
    None when its edition may not be read or its paragraphs are gone."""
    start, end = ParagraphRef.parse(value.get("start")), ParagraphRef.parse(value.get("end"))
    edition = editions.get(start.page_id) if start and end else None
    if edition is None:
        return None
    version = version_for(edition, value.get("version") or "")
    chosen = passage_range(edition, start.anchor, end.anchor, version.code, request)
    if not chosen:
        return None
    beside = None
    if value.get("parallel"):
        other = other_version(edition, version)
        if other is not None:
            beside = passage_range(edition, start.anchor, end.anchor, other.code, request)
    url = chosen[0].url
    if value.get("anatomy"):
        base, _hash, anchor = url.partition("#")
        url = f"{base}{'&' if '?' in base else '?'}anatomy=on#{anchor}"
    return {
        "passages": chosen,
        "beside": beside,
        "url": url,
        "first": chosen[0].number,
        "last": chosen[-1].number,
    }
