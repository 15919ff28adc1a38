"""The site's content as plain data, for the API and the downloads.

Only what the public pages show, read from live, public pages and from snippets (which have no
drafts): never a revision, an owner, a lesson or a private page. Every object is read in the
reader's language (`localized`), the source language standing in for what is not translated.
Each function reads a bounded number of queries, whatever the number of objects.
"""

import html

from django.urls import reverse
from django.utils.html import strip_tags

from history.atlas.data import figure_value
from history.atlas.figures import ReportedFigure
from history.atlas.pages import MapPage
from history.atlas.places import Place
from history.core.authority import authority_uris
from history.core.bibliography import SourceRecord
from history.core.localized import localized, localized_page
from history.edition.changes import changes
from history.edition.models import EditionPage
from history.glossary.pages import GlossaryPage
from history.glossary.terms import GlossaryTerm
from history.people.index import all_people
from history.people.pages import PeoplePage
from history.timeline.events import Event


def plain(rich_text):
    """Rich text as plain text."""
    return " ".join(html.unescape(strip_tags(str(rich_text or ""))).split())


def api_url(request, name, slug):
    return request.build_absolute_uri(reverse(f"open_data:{name}", kwargs={"slug": slug}))


def editions(queryset=None):
    """The editions a visitor can read, in the reader's language, ordered by title."""
    pages = EditionPage.objects.all() if queryset is None else queryset
    pages = pages.live().public().filter(alias_of__isnull=True)
    return sorted(localized(pages), key=lambda page: page.title)


def _edition_urls(request, keys):
    """{translation key: the reader's URL of that edition}, for live, public editions only."""
    if not keys:
        return {}
    found = editions(EditionPage.objects.filter(translation_key__in=keys))
    return {page.translation_key: page.get_url(request) for page in found}


def _paragraph_url(request, urls, edition, anchor):
    base = urls.get(edition.translation_key) if edition else None
    if not base:
        return None
    return request.build_absolute_uri(f"{base}#{anchor}" if anchor else base)


# --- editions ---


def edition_summary(request, page):
    url = request.build_absolute_uri(page.get_url(request))
    return {
        "id": page.slug,
        "url": api_url(request, "edition", page.slug),
        "html_url": url,
        "tei_url": f"{url}tei.xml",
        "title": page.title,
        "original_title": page.original_title,
        "short_title": page.short_title,
        "date": page.primary_date.date.isoformat() if page.primary_date else None,
        "version": _version(page),
    }


def _version(page):
    """The state of the text: its newest change's number (once the editors number them) and
    date. A citation that names it can be checked against `changes`."""
    current = changes(page)[0]
    return {"number": current.version or None, "date": current.when.isoformat()}


def edition_detail(request, page):
    """Everything the reader shows of the edition: its metadata, every version's text segment
    by segment, its notes, and the changes made to it."""
    html_url = request.build_absolute_uri(page.get_url(request))
    versions = page.all_versions
    translation_notes = [n for notes in page.notes_by_anchor().values() for n in notes]
    annotations = [n for notes in page.annotations_by_anchor().values() for n in notes]
    records = _annotation_sources(annotations)
    return {
        **edition_summary(request, page),
        "original_title_language": page.original_title_language,
        "summary": plain(page.summary),
        "series_role": page.series_role,
        "content_note": page.content_note,
        "issuing_body": page.issuing_body,
        "author": {
            "name": page.author_name,
            "name_original": page.author_name_original,
            "role": page.author_role,
        },
        "addressees": page.addressees,
        "distribution": page.distribution,
        "original_language": page.original_language,
        "source": plain(page.source),
        "rights": plain(page.rights),
        "dates": [
            {"role": d.role, "date": d.date.isoformat(), "label": d.label} for d in page.all_dates
        ],
        "versions": [
            {
                "code": v.code,
                "language": v.language,
                "label": v.label,
                "status": v.status,
                "status_label": str(v.get_status_display()),
                "translator": v.translator,
                "provenance": plain(v.provenance),
                "text_url": f"{html_url}text/?version={v.code}",
            }
            for v in versions
        ],
        "segments": [segment_data(request, page, s) for s in page.all_segments],
        "translation_notes": [
            {
                "number": n.number,
                "anchor": n.anchor,
                "version": n.version,
                "kind": n.kind,
                "original_phrase": n.original_phrase,
                "translation_phrase": n.translation_phrase,
                "note": n.note,
            }
            for n in translation_notes
        ],
        "annotations": [
            {
                "number": n.number,
                "anchor": n.anchor,
                "kind": n.kind,
                "phrase": n.phrase,
                "text": n.text,
                "sources": [
                    records[block["value"]]
                    for block in n.sources.raw_data
                    if block["value"] in records
                ],
            }  # fmt: skip
            for n in annotations
        ],
        "term_notes": [
            {"version": n.version, "term": n.term, "rendering": n.rendering, "note": n.note}
            for n in page.all_term_notes
        ],
        "changes": [
            {"date": c.when.isoformat(), "version": c.version or None, "description": c.description}
            for c in changes(page)
        ],
    }


def _annotation_sources(annotations):
    """{source record id: its key and citation} for the records the notes cite, in one query
    however many notes cite them."""
    ids = {block["value"] for note in annotations for block in note.sources.raw_data}
    found = SourceRecord.objects.filter(pk__in=ids).select_related("collection")
    return {
        record.pk: {"key": record.key, "citation": plain(record.chicago_html())} for record in found
    }


def segment_data(request, page, segment):
    """One segment: its anchor, its ¶ number, its kind, and its text in every version (None
    where a version has none)."""
    return {
        "anchor": segment.anchor,
        "number": segment.number,
        "kind": segment.kind,
        "url": request.build_absolute_uri(f"{page.get_url(request)}#{segment.anchor}"),
        "texts": {
            v.code: {"text": segment.text_in(v.code) or None, "run_in": segment.runs_on(v.code)}
            for v in page.all_versions
        },
    }


# --- places ---


def places(request, slug=None):
    """Every place (or only the place `slug`, with its outline in 1952)."""
    found = _chosen(Place.objects.select_related("parent"), slug)
    map_page = localized_page(MapPage)
    map_url = map_page.get_url(request) if map_page else None
    records = [_place(request, place, map_url) for place in found]
    if slug:
        for record, place in zip(records, found, strict=True):
            record["outline"] = place.outline
    return records


def _chosen(queryset, slug):
    """The objects of `queryset` in the reader's language, all or only the one `slug` names
    (a slug is the same in every language)."""
    return localized(queryset if slug is None else queryset.filter(slug=slug))


def _place(request, place, map_url):
    return {
        "id": place.slug,
        "url": api_url(request, "place", place.slug),
        "map_url": request.build_absolute_uri(f"{map_url}place/{place.slug}/") if map_url else None,
        "name": place.name,
        "name_zh": place.name_zh,
        "pinyin": place.pinyin,
        "kind": place.kind,
        "parent": api_url(request, "place", place.parent.slug) if place.parent else None,
        "latitude": float(place.latitude),
        "longitude": float(place.longitude),
        "approximate": place.approximate,
        "point_note": place.point_note,
        "in_1952": place.status_1952,
        "today": place.status_today,
        **authorities(place, "wikidata", "geonames"),
    }


# --- figures ---


def figures(request, slug=None):
    found = _chosen(ReportedFigure.objects.select_related("document", "place", "edition"), slug)
    urls = _edition_urls(request, {f.edition.translation_key for f in found if f.edition})
    return [_figure(request, figure, urls) for figure in found]


def _edition_of(request, edition_urls, obj):
    """The API address of `obj`'s edition, or None where no visitor may read it."""
    if not obj.edition or obj.edition.translation_key not in edition_urls:
        return None
    slug = edition_urls[obj.edition.translation_key].rstrip("/").rsplit("/", 1)[-1]
    return api_url(request, "edition", slug)


def _figure(request, figure, edition_urls):
    return {
        "id": figure.slug,
        "url": api_url(request, "figure", figure.slug),
        "label": figure.label,
        "kind": figure.kind,
        "value": float(figure.value) if figure.value is not None else None,
        "value_text": str(figure_value(figure)),
        "unit": figure.unit or None,
        "approximation": figure.approximation,
        "period": figure.period or None,
        "as_of": figure.as_of.isoformat(),
        "as_of_month_end": figure.as_of_month_end,
        "document": figure.document.key,
        "document_title": figure.document.title,
        "place": api_url(request, "place", figure.place.slug) if figure.place else None,
        "place_id": figure.place.slug if figure.place else None,
        "place_name": figure.place.name if figure.place else None,
        "latitude": float(figure.place.latitude) if figure.place else None,
        "longitude": float(figure.place.longitude) if figure.place else None,
        "edition": _edition_of(request, edition_urls, figure),
        "anchor": figure.anchor or None,
        "paragraph_url": _paragraph_url(request, edition_urls, figure.edition, figure.anchor),
        "phrase_original": figure.phrase_original,
        "phrase_translation": figure.phrase_translation,
        "translation_by": figure.translation_by,
        "note": figure.note,
    }


# --- events ---


def events(request, slug=None):
    events = Event.objects.select_related("edition").prefetch_related("places", "sources")
    found = _chosen(events, slug)
    urls = _edition_urls(request, {e.edition.translation_key for e in found if e.edition})
    return [_event(request, event, urls) for event in found]


def _event(request, event, edition_urls):
    return {
        "id": event.slug,
        "url": api_url(request, "event", event.slug),
        "title": event.title,
        "date_label": str(event.date_label),
        "start": event.start.iso,
        "end": event.end.iso if event.end else None,
        "circa": event.circa,
        "theme": event.theme,
        "summary": event.summary,
        "text": plain(event.text),
        "places": [api_url(request, "place", place.slug) for place in event.places.all()],
        "edition": _edition_of(request, edition_urls, event),
        "paragraphs": [
            url
            for url in (
                _paragraph_url(request, edition_urls, event.edition, anchor)
                for anchor in event.anchor_list
            )
            if url
        ],
        "sources": [source.title for source in event.sources.all()],
    }


# --- glossary terms ---


def terms(request, slug=None):
    glossary = localized_page(GlossaryPage)
    base = glossary.get_url(request) if glossary else None
    return [_term(request, term, base) for term in _chosen(GlossaryTerm.objects.all(), slug)]


def _term(request, term, glossary_url):
    return {
        "id": term.slug,
        "url": api_url(request, "term", term.slug),
        "html_url": request.build_absolute_uri(f"{glossary_url}#term-{term.slug}")
        if glossary_url
        else None,
        "term": term.term,
        "chinese": term.chinese,
        "pinyin": term.pinyin,
        "short": term.short,
        "note": plain(term.note),
        **authorities(term, "wikidata"),
    }


def authorities(obj, *fields):
    """The object's authority identifiers (empty where not checked) and their URIs."""
    return {
        **{field: getattr(obj, field) or None for field in fields},
        "same_as": authority_uris(obj),
    }


# --- people ---


def people(request, slug=None):
    index = localized_page(PeoplePage)
    base = index.get_url(request) if index else None
    found = [person for person in all_people(request) if slug in (None, person.slug)]
    return [_person(request, person, base) for person in found]


def _person(request, person, index_url):
    return {
        "id": person.slug,
        "url": api_url(request, "person", person.slug),
        "html_url": request.build_absolute_uri(f"{index_url}person/{person.slug}/")
        if index_url
        else None,
        "name": person.name,
        "name_zh": person.name_zh,
        "pinyin": person.pinyin,
        "born": person.born or None,
        "died": person.died or None,
        "short": person.short,
        "note": plain(person.note),
        "named_in": [
            {
                "edition": title,
                "paragraph": passage.number,
                "paragraph_url": request.build_absolute_uri(passage.url),
            }
            for title, passages in person.named_in
            for passage in passages
        ],
        "sources": [record.title for record in person.shown_sources],
        **authorities(person, "wikidata"),
    }
