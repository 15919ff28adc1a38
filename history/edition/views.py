"""The reader's views of an edition: reading, citing, downloading.

Each takes the edition page (routed by `EditionPage`) and the request. Query parameters that
name something (a version, an anchor) must name something that exists, or the answer is 404.
"""

import hashlib

from django.conf import settings
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from history.about.credits import ABOUT, credits
from history.core import versions
from history.core.bibliography import SourceRecord
from history.core.fragments import fragment_or_page
from history.core.structured_data import json_ld

from . import related
from .citation import edition_citation
from .reading import Item, parallel_rows, reading_blocks, version_parts
from .tei import CONTENT_TYPE as TEI_CONTENT_TYPE
from .tei import tei_document
from .versions import cached_history

TOGGLE_VALUES = {"on": True, "off": False}


def _version(request, page):
    code = request.GET.get("version")
    if code is None:
        return page.default_version(get_language())
    return page.get_version(code)


def _cited_item(request, page):
    anchor = request.GET.get("cite")
    if not anchor:
        return None
    segment = page.segment_at(anchor)
    if segment is None:
        raise Http404("No such paragraph")
    return Item(segment.number, segment, "")


def _flag(request, name, default="off"):
    value = request.GET.get(name, default)
    if value not in TOGGLE_VALUES:
        raise Http404(f"Unknown value for {name}")
    return TOGGLE_VALUES[value]


def _anchor_numbers(request, page):
    """{anchor: ¶ number} of the live revision: a small dict, cached, so that a page view does
    not load every segment's text to list or number its paragraphs."""
    return _cached(request, page, "anchor-numbers", lambda: page.paragraph_numbers)


def _cite_context(request, page, version):
    item = _cited_item(request, page)
    selected = item.anchor if item else ""
    # The paragraphs to choose from, rendered once per revision and chosen paragraph.
    options = _cached(
        request,
        page,
        "cite-options",
        lambda: render_to_string(
            "edition/includes/cite_options.html",
            {"numbers": _anchor_numbers(request, page), "selected": selected},
        ),
        selected,
    )
    return {
        "citation": edition_citation(request, page, version, item),
        "cited_item": item,
        "cite_options": options,
        "version": version,
    }


def _cached(request, page, name, render, *vary, tags=()):
    """Parts of an edition that change only when a new revision goes live (and the content of
    `tags` changes) are cached by Wagtail's key of the page; previews of drafts are rendered
    afresh."""
    if getattr(request, "is_preview", False):
        return render()
    return versions.cached(
        f"edition-{name}", render, vary=[page.cache_key, *vary], request=request, tags=tags
    )


def _reading_parts(request, page, version):
    """The rendered text of one version (with the passages of other documents linked to its
    paragraphs), the translation notes, and the notes on key terms."""
    links = related.text_links(page, request)
    linked = related.passage_links(page, request, version.code)
    found = repr([sorted(links.items()), sorted(linked.items())])
    digest = hashlib.sha256(found.encode()).hexdigest()[:16]

    def render():
        notes = page.notes_by_anchor()
        context = {
            "page": page,
            "version": version,
            "blocks": reading_blocks(
                page.all_segments, version, notes, links, page.annotations_by_anchor(), linked
            ),
            "notes": [note for anchor_notes in notes.values() for note in anchor_notes],
            "term_notes": [n for n in page.all_term_notes if n.version == version.code],
        }
        return {
            part: render_to_string(f"edition/includes/{part}.html", context, request)
            for part in ("text", "notes", "terms")
        }

    return _cached(request, page, "read", render, version.code, digest)


def _numbered(request, page, events):
    """Events' paragraphs as (number, anchor), for links that read like the text's ¶ marks."""
    numbers = _anchor_numbers(request, page)
    return [
        {**event, "paragraphs": [(numbers[a], a) for a in event["paragraphs"] if a in numbers]}
        for event in events
    ]


def _reading_query(version, anatomy, hide_notes):
    """The query string of a reading view: version, anatomy on, notes off."""
    query = f"version={version.code}"
    if anatomy:
        query += "&anatomy=on"
    if hide_notes:
        query += "&notes=off"
    return query


def read(request, page):
    version = _version(request, page)
    context = page.get_context(request)
    context.update(_cite_context(request, page, version))
    context.update(
        version=version,
        parts=_reading_parts(request, page, version),
        has_annotations=_cached(
            request, page, "has-annotations", lambda: bool(page.all_annotations)
        ),
        anatomy=(anatomy := _flag(request, "anatomy")),
        hide_notes=(hide_notes := not _flag(request, "notes", default="on")),
        anatomy_toggle_query=_reading_query(version, not anatomy, hide_notes),
        notes_toggle_query=_reading_query(version, anatomy, not hide_notes),
        version_queries={v.code: _reading_query(v, anatomy, hide_notes) for v in page.all_versions},
        document_citation=edition_citation(request, page, version),
        events_aside=_cached(
            request,
            page,
            "events",
            lambda: render_to_string(
                "edition/includes/events.html",
                {"events": _numbered(request, page, related.events(page, request))},
                request,
            ),
            tags=related.tags_of(related.EVENTS),
        ),
        head_meta=_cached(
            request,
            page,
            "head-meta",
            lambda: render_to_string(
                "edition/includes/head_meta.html",
                {"page": page, "credits": credits(request), "record": _source_record(page)},
            ),
            tags=[ABOUT, "core"],
        ),
        json_ld=_cached(
            request, page, "json-ld", lambda: _json_ld(request, page), tags=[ABOUT, "core"]
        ),
    )
    return TemplateResponse(request, page.get_template(request), context)


def _parallel_versions(request, page):
    """The pair of versions to show side by side: ?left=&right=, by default the original on
    the left and the first other version on the right."""
    versions = page.all_versions
    if len(versions) < 2:
        raise Http404("This edition has only one version")
    original = next((v for v in versions if v.is_original), versions[0])
    left = page.get_version(request.GET["left"]) if "left" in request.GET else None
    right = page.get_version(request.GET["right"]) if "right" in request.GET else None
    if left is None:
        left = original if right is None or right.code != original.code else None
        left = left or next(v for v in versions if v.code != right.code)
    if right is None:
        right = next(v for v in versions if v.code != left.code)
    if left.code == right.code:
        raise Http404("Choose two different versions")
    return left, right


def parallel(request, page):
    """Two versions aligned segment by segment. An htmx request gets the table alone."""
    left, right = _parallel_versions(request, page)

    def render():
        context = {
            "page": page,
            "left": left,
            "right": right,
            "rows": parallel_rows(page.all_segments, left, right, page.notes_by_anchor()),
        }
        return render_to_string("edition/includes/parallel_table.html", context, request)

    table = _cached(request, page, "parallel", render, left.code, right.code)
    context = page.get_context(request)
    context.update(left=left, right=right, table=table)
    return fragment_or_page(request, "edition/parallel_page.html", context, fragment_html=table)


def cite_fragment(request, page):
    """The cite box alone, for htmx to swap in when the reader picks a paragraph."""
    version = _version(request, page)
    context = {"page": page, **_cite_context(request, page, version)}
    return TemplateResponse(request, "edition/includes/cite_box.html", context)


def cite_download(request, page, style):
    version = _version(request, page)
    item = _cited_item(request, page)
    citation = edition_citation(request, page, version, item)
    name = slugify(page.slug) + (f"-{item.anchor}" if item else "")
    if style == "ris":
        body, content_type, extension = citation.ris(), "application/x-research-info-systems", "ris"
    else:
        key = f"{slugify(page.author_family_name) or slugify(page.slug)}{citation.date.year}"
        key += item.anchor if item else ""
        body, content_type, extension = citation.bibtex(key), "application/x-bibtex", "bib"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def plain_text(request, page):
    """The edition in one version as UTF-8 text, with its metadata and paragraph numbers."""
    version = _version(request, page)
    lines = [page.title]
    if page.original_title and page.original_title != page.title:
        lines.append(page.original_title)
    lines.append("")
    for date in page.all_dates:
        lines.append(f"{date.label}: {date.date.isoformat()}")
    lines.append(f"{_('Version')}: {version.label} ({version.get_status_display()})")
    lines.append(f"{_('Source')}: {request.build_absolute_uri(page.url)}")
    lines.append("")
    for part, text in version_parts(page.all_segments, version):
        prefix = "- " if part.element == "item" else ""
        lines += [f"[{part.number}] {prefix}{text}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-{version.code}.txt"'
    return response


def tei(request, page):
    """The edition, every version and its notes, as a TEI P5 document."""
    marks = related.text_links(page, request)
    digest = hashlib.sha256(repr(sorted(marks.items())).encode()).hexdigest()[:16]
    body = _cached(
        request, page, "tei", lambda: tei_document(page, request, marks), digest, tags=[ABOUT]
    )
    response = HttpResponse(body, content_type=TEI_CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{page.slug}.tei.xml"'
    return response


def _json_ld(request, page):
    """The edition as schema.org names it: a work of its editors, published by the site under
    its licence, based on the archival record it transcribes."""
    about = credits(request)
    record = _source_record(page)
    history = cached_history(page, request)
    based_on = None
    if record is not None:
        based_on = {
            "@type": "ArchiveComponent",
            "name": record.title,
            "alternateName": record.title_translation or None,
            "dateCreated": record.date.isoformat() if record.date else None,
            "author": {"@type": "Person", "name": page.author_name} if page.author_name else None,
            "sourceOrganization": {"@type": "Organization", "name": page.issuing_body}
            if page.issuing_body
            else None,
            "identifier": record.record or None,
            "isPartOf": {"@type": "Dataset", "name": record.collection.title}
            if record.collection
            else None,
        }
        based_on = {key: value for key, value in based_on.items() if value}
    return json_ld(
        {
            "@type": "CreativeWork",
            "name": page.title,
            "alternateName": page.original_title or None,
            "genre": _("Government report"),
            "url": request.build_absolute_uri(page.url),
            "inLanguage": [version.language for version in page.all_versions],
            "dateCreated": page.primary_date.date.isoformat() if page.primary_date else None,
            "datePublished": page.first_published_at.date().isoformat()
            if page.first_published_at
            else None,
            "dateModified": page.last_published_at.date().isoformat()
            if page.last_published_at
            else None,
            "author": {"@type": "Person", "name": page.author_name} if page.author_name else None,
            "editor": {"@type": "Organization", "name": about["editors"]}
            if about["editors"]
            else None,
            "publisher": {"@type": "Organization", "name": str(settings.WAGTAIL_SITE_NAME)},
            "license": about["licence_url"] or None,
            "isBasedOn": based_on,
            "version": str(history[-1].number) if history else None,
        }
    )


def _source_record(page):
    """The source record the edition transcribes: the record named like the edition."""
    return SourceRecord.objects.select_related("collection").filter(key=page.slug).first()
