"""The reader's views of an edition: reading, citing, downloading.

Each takes the edition page (routed by `EditionPage`) and the request. Query parameters that
name something (a version, an anchor) must name something that exists, or the answer is 404.
"""

import json

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.html import format_html_join
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .citation import edition_citation
from .reading import Item, reading_blocks

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
    for number, segment in enumerate(page.all_segments, start=1):
        if segment.anchor == anchor:
            return Item(number, segment, "")
    raise Http404("No such paragraph")


def _flag(request, name):
    value = request.GET.get(name, "off")
    if value not in TOGGLE_VALUES:
        raise Http404(f"Unknown value for {name}")
    return TOGGLE_VALUES[value]


def _cite_context(request, page, version):
    item = _cited_item(request, page)
    label = _("Paragraph %(number)s")
    selected = item.anchor if item else None
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (
                segment.anchor,
                " selected" if segment.anchor == selected else "",
                label % {"number": n},
            )
            for n, segment in enumerate(page.all_segments, start=1)
        ),
    )
    return {
        "citation": edition_citation(request, page, version, item),
        "cited_item": item,
        "cite_options": options,
        "version": version,
    }


def _text_html(request, page, version):
    """The rendered text of one version. It changes only when a new revision goes live, so
    it is cached by live revision (previews of drafts are rendered afresh)."""

    def render():
        context = {
            "page": page,
            "version": version,
            "blocks": reading_blocks(page.all_segments, version),
        }
        return render_to_string("edition/includes/text.html", context, request)

    if getattr(request, "is_preview", False):
        return render()
    key = f"edition-text:{page.pk}:{page.live_revision_id}:{version.code}:{get_language()}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, 60 * 60 * 24)
    return html


def read(request, page):
    version = _version(request, page)
    context = page.get_context(request)
    context.update(_cite_context(request, page, version))
    context.update(
        version=version,
        text_html=_text_html(request, page, version),
        anatomy=_flag(request, "anatomy"),
        document_citation=edition_citation(request, page, version),
        json_ld=_json_ld(request, page),
    )
    return TemplateResponse(request, page.get_template(request), context)


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
        key = f"{slugify(page.author_family_name or page.slug)}{citation.date.year}"
        key += item.anchor if item else ""
        body, content_type, extension = citation.bibtex(key), "application/x-bibtex", "bib"
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def plain_text(request, page):
    """The edition in one version as UTF-8 text, with its metadata and paragraph numbers."""
    version = _version(request, page)
    lines = [page.title]
    if page.original_title:
        lines.append(page.original_title)
    lines.append("")
    for date in page.all_dates:
        lines.append(f"{date.label}: {date.date.isoformat()}")
    lines.append(f"{_('Version')}: {version.label} ({version.get_status_display()})")
    lines.append(f"{_('Source')}: {request.build_absolute_uri(page.url)}")
    lines.append("")
    for block in reading_blocks(page.all_segments, version):
        for part in block.children if block.element == "list" else [block]:
            text = version.joiner.join(item.text for item in part.items if item.text)
            if text:
                prefix = "- " if part.element == "item" else ""
                lines.append(f"[{part.number}] {prefix}{text}")
                lines.append("")
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{page.slug}-{version.code}.txt"'
    return response


def _json_ld(request, page):
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": page.title,
        "alternateName": page.original_title or None,
        "genre": _("Government report"),
        "url": request.build_absolute_uri(page.url),
        "inLanguage": [version.language for version in page.all_versions],
        "dateCreated": page.primary_date.date.isoformat() if page.primary_date else None,
        "author": {"@type": "Person", "name": page.author_name} if page.author_name else None,
        "publisher": {"@type": "Organization", "name": page.issuing_body}
        if page.issuing_body
        else None,
    }
    data = {key: value for key, value in data.items() if value}
    # Escape what could close the script element.
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
