"""The reader's views of an edition's versions: an earlier version (`v/<n>/`) and the change
log (`changes/`). Both are routes of the edition page, so the page cache keeps and drops them
with it."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from history.core import versions as cache_versions

from . import related
from .changes import paragraph_changes, term_notes_changed
from .citation import edition_citation
from .reading import reading_blocks
from .versions import EditionVersion, cached_history, restore


def _current_url(request, page):
    query = request.META.get("QUERY_STRING", "")
    return page.url + (f"?{query}" if query else "")


def old_version(request, page, number):
    """Version `number` of the edition as its readers read it, with a notice that leads to the
    current one; the current number leads to the edition itself."""
    history = cached_history(page, request)
    if not history or number not in {v.number for v in history}:
        raise Http404("No such version of this edition")
    if number == history[-1].number:
        return redirect(_current_url(request, page))
    version = next(v for v in history if v.number == number)
    code = request.GET.get("version")
    document_version = (
        page.default_version(get_language()) if code is None else page.get_version(code)
    )

    # Places, terms and people marked today are marked in the earlier text too, where its
    # words are the same.
    links = related.text_links(page, request)
    link_tags = related.tags_of(related.TEXT_LINKS)

    def render():
        old = restore(page, EditionVersion.objects.get(pk=version.pk), get_language())
        notes = old.notes_by_anchor()
        context = {
            "page": old,
            "version": document_version,
            "blocks": reading_blocks(
                old.all_segments, document_version, notes, links, old.annotations_by_anchor(), {}
            ),
            "notes": [note for anchor_notes in notes.values() for note in anchor_notes],
            "term_notes": [n for n in old.all_term_notes if n.version == document_version.code],
        }
        return {
            part: render_to_string(f"edition/includes/{part}.html", context, request)
            for part in ("text", "notes", "terms")
        }

    # An earlier version's text stays as it is; its notes in a language may be brought up to
    # date (a translation published), which moves the edition's tag.
    parts = cache_versions.cached(
        "edition-old-version",
        render,
        vary=[page.pk, version.pk, document_version.code],
        request=request,
        tags=None if link_tags is None else ("edition", "core", *link_tags),
    )
    context = page.get_context(request)
    context.update(
        edition_version=version,
        versions_count=len(history),
        current_version=history[-1],
        version=document_version,
        parts=parts,
        canonical_url=request.build_absolute_uri(page.url),
        citation=edition_citation(request, page, document_version, edition_version=version),
    )
    return TemplateResponse(request, "edition/old_version_page.html", context)


def change_log(request, page):
    """The edition's versions, newest first, each with what changed paragraph by paragraph."""
    history = cached_history(page, request)
    language = get_language()

    def render():
        snapshots = dict(
            EditionVersion.objects.filter(pk__in=[v.pk for v in history]).values_list(
                "number", "snapshot"
            )
        )
        labels = {v.code: v.label for v in page.all_versions}
        entries = []
        for previous, version in zip([None, *history], history, strict=False):
            entry = {"version": version, "paragraphs": [], "terms": False}
            if previous is not None:
                before, after = snapshots[previous.number], snapshots[version.number]
                source = page.locale.language_code if page.locale else language
                notes_language = language if language in after.get("notes", {}) else source
                changes = paragraph_changes(before, after, notes_language)
                for change in changes:
                    change.labels = [labels.get(code, code) for code in change.texts]
                    # A removed paragraph is read in the version before; the others in this one.
                    change.number_in = previous.number if change.removed else version.number
                entry.update(
                    paragraphs=changes,
                    terms=term_notes_changed(before, after, notes_language),
                )
            entries.append(entry)
        return render_to_string(
            "edition/includes/change_log.html",
            {"page": page, "entries": entries[::-1], "current": history[-1] if history else None},
            request,
        )

    log = cache_versions.cached(
        "edition-change-log",
        render,
        vary=[page.pk, *(v.pk for v in history)],
        request=request,
        tags=("edition",),
    )
    context = page.get_context(request)
    context.update(change_log=log, versions=history)
    return TemplateResponse(request, "edition/change_log_page.html", context)


def removed_paragraphs(page, request):
    """[(anchor, the last version that has it, the version that removed it)]: paragraphs of
    earlier versions that the current text no longer has, so that their links land on a note
    here rather than nowhere."""
    history = cached_history(page, request)

    def find():
        current = set(page.paragraph_numbers)
        last_seen = {}
        removed_in = {}
        rows = EditionVersion.objects.filter(pk__in=[v.pk for v in history]).values_list(
            "number", "snapshot"
        )
        for number, data in sorted(rows):
            anchors = {item["anchor"] for item in data.get("segments", [])}
            for anchor in anchors:
                last_seen[anchor] = number
            for anchor in list(last_seen):
                if anchor not in anchors and anchor not in removed_in:
                    removed_in[anchor] = number
        return [
            (anchor, last_seen[anchor], removed_in[anchor])
            for anchor in sorted(removed_in, key=lambda a: (len(a), a))
            if anchor not in current
        ]

    if len(history) < 2:
        return []
    return cache_versions.cached(
        "edition-removed-paragraphs",
        find,
        vary=[page.pk, *(v.pk for v in history)],
        request=request,
        tags=("edition",),
    )
