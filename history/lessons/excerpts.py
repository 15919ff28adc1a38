"""Excerpts of an edition in a lesson: a range of paragraphs, checked when the teacher saves
the lesson, and resolved to the edition's current text when it is shown."""

from django.utils.translation import gettext as _

from history.edition.models import EditionPage
from history.edition.passages import other_version, parse_paragraph, passage_range, version_for


def range_problem(start, end):
    """Why the paragraphs `start`..`end` (stored choices) are not a valid excerpt, or ""."""
    start_edition, start_anchor = parse_paragraph(start)
    end_edition, end_anchor = parse_paragraph(end)
    if start_edition != end_edition:
        return _("The excerpt must begin and end in the same edition.")
    edition = EditionPage.objects.filter(pk=start_edition).first()
    anchors = list(edition.segments.values_list("anchor", flat=True)) if edition else []
    if start_anchor not in anchors or end_anchor not in anchors:
        return _("The edition has no such paragraph.")
    if anchors.index(end_anchor) < anchors.index(start_anchor):
        return _("The excerpt ends before it begins: choose a later last paragraph.")
    return ""


def excerpt_refs(values):
    """The edition ids an excerpt or organiser block needs, from stored values."""
    return [parse_paragraph(value.get("start"))[0] for value in values]


def resolve(value, editions, request):
    """What an excerpt shows: {"passages", "beside" (the other version's, or None), "url",
    "first" and "last" paragraph numbers}, or
    None when its edition may not be read or its paragraphs are gone."""
    edition_id, start = parse_paragraph(value.get("start"))
    _same, end = parse_paragraph(value.get("end"))
    edition = editions.get(edition_id)
    if edition is None:
        return None
    version = version_for(edition, value.get("version") or "")
    chosen = passage_range(edition, start, end, version.code, request)
    if not chosen:
        return None
    beside = None
    if value.get("parallel"):
        other = other_version(edition, version)
        if other is not None:
            beside = passage_range(edition, start, end, other.code, request)
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
