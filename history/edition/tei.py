"""An edition as a TEI P5 document: its header, every version as a division, the alignment
as links, and the notes pointing at the segments they are about.

Segment ids are the site's anchors prefixed by the version's code (`zh-p8`, `en-p8`), so that
each is unique in the file and the same paragraph is `#p8` on the site. The document is built
with ElementTree, which escapes every text and attribute it is given.
"""

import html
import re
import xml.etree.ElementTree as ET

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from history.about import licence

from .changes import changes
from .choices import SegmentKind, VersionStatus
from .reading import reading_blocks

NS = "http://www.tei-c.org/ns/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CONTENT_TYPE = "application/tei+xml; charset=utf-8"
# The element that marks words the reader links, by the link's class (see `related.py`).
MARK_ELEMENTS = {"place-link": "placeName", "term-link": "term", "person-link": "persName"}
MIXED_CONTENT = {f"{{{NS}}}{tag}" for tag in ("p", "item", "bibl")}
# The CCRD's record number, as the edition's source names it: "record 3/0/6/408".
RECORD = re.compile(r"record (\d+(?:/\d+)+)")

ET.register_namespace("", NS)


def _el(parent, tag, text=None, **attributes):
    """A child of `parent`, with its text and its attributes (those that are not None)."""
    attributes = {k: str(v) for k, v in attributes.items() if v is not None}
    element = ET.SubElement(parent, f"{{{NS}}}{tag}", attributes)
    if text:
        element.text = str(text)
    return element


def _plain(rich_text):
    """Rich text as plain text: tags dropped, entities read, spaces joined."""
    return " ".join(html.unescape(strip_tags(str(rich_text or ""))).split())


def segment_id(version, anchor):
    return f"{version.code}-{anchor}"


def tei_document(page, request, marks):
    """The TEI of `page` as UTF-8 bytes. `marks` is {(anchor, version code): [Link]}, the words
    the reader links (`related.text_links`)."""
    root = ET.Element(f"{{{NS}}}TEI", {XML_LANG: get_language() or settings.LANGUAGE_CODE})
    _header(root, page, request)
    body = _el(_el(root, "text"), "body")
    for version in page.all_versions:
        _version_division(body, page, version, marks, request)
    _alignment(body, page)
    _notes(body, page)
    _indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _indent(element, level=0):
    """Line up the elements that hold other elements; text with its marks (a paragraph, a
    bibl) is left exactly as it is: whitespace there would be part of the text."""
    if element.tag in MIXED_CONTENT or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _header(root, page, request):
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", page.title, type="main")
    if page.original_title and page.original_title != page.title:
        _el(title_stmt, "title", page.original_title, type="original", **{
            XML_LANG: page.original_title_language
        })  # fmt: skip
    if page.author_name:
        _el(title_stmt, "author", page.author_name)
    _el(title_stmt, "editor", _("the editors of this edition"), role="editor")
    for version in page.all_versions:
        if version.is_original:
            continue
        resp = _el(title_stmt, "respStmt")
        _el(resp, "resp", _("translation: %(label)s") % {"label": version.label})
        _el(resp, "name", _translator(version))

    # The state of the text this file holds: its newest change (numbered once versions are).
    current = changes(page)[0]
    edition = _el(_el(file_desc, "editionStmt"), "edition", n=current.version or None)
    _el(edition, "date", when=current.when.isoformat())

    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", settings.WAGTAIL_SITE_NAME)
    _el(publication, "idno", request.build_absolute_uri(page.url + "tei.xml"), type="URI")
    availability = _el(publication, "availability")
    _el(availability, "licence", licence.SCOPE, target=licence.url(request))
    if page.rights:
        _el(availability, "p", _plain(page.rights))
    _el(publication, "date", when=current.when.isoformat())

    source = _plain(page.source)
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl", source or page.title)
    record = RECORD.search(source)
    if record:
        bibl.text += " "
        _el(bibl, "idno", record.group(1), type="CCRD")

    encoding = _el(header, "encodingDesc")
    _el(
        encoding,
        "p",
        _(
            "Each version of the text is a division. A segment's xml:id is the anchor of its "
            "paragraph on the site prefixed by the version's code: zh-p8 and en-p8 are "
            "paragraph p8 in the versions zh and en. The alignment of the versions is the "
            "linkGrp of type alignment; a gap stands where a version has no text."
        ),
    )
    _el(
        encoding,
        "p",
        _(
            "Place names, people and glossary terms marked by the editors are placeName, "
            "persName and term elements. Their @ref gives the entry in the site's map, index "
            "of people or glossary, then the Wikidata or GeoNames records that the editors "
            "have checked to be the same place, person or concept."
        ),
    )
    languages = _el(_el(header, "profileDesc"), "langUsage")
    for version in page.all_versions:
        _el(languages, "language", version.label, ident=version.language)
    revisions = _el(header, "revisionDesc")
    for change in changes(page):
        _el(revisions, "change", change.description, when=change.when.isoformat(),
            n=change.version or None)  # fmt: skip


def _translator(version):
    if version.status == VersionStatus.UNKNOWN_ORIGIN or not version.translator:
        return _("unknown")
    return version.translator


def _gap_reason(version, segment):
    """Why `version` has no text for `segment`, as a gap's reason (see `gap_label_for`)."""
    if segment.kind == SegmentKind.PAGE_NUMBER:
        return "page-number"
    if version.is_original:
        return "not-in-original"
    if version.status in (VersionStatus.EDITORS_TRANSLATION, VersionStatus.MACHINE_UNREVIEWED):
        return "not-yet-translated"
    return "omitted-in-translation"


def _version_division(body, page, version, marks, request):
    kind = "edition" if version.is_original else "translation"
    division = _el(body, "div", type=kind, **{XML_ID: version.code, XML_LANG: version.language})
    _el(division, "head", version.label)
    for block in reading_blocks(page.all_segments, version):
        if block.element == "list":
            parent = _el(division, "list")
            for child in block.children:
                _segments(_el(parent, "item"), child, version, marks, request)
        else:
            _segments(_el(division, "p"), block, version, marks, request)


def _segments(parent, block, version, marks, request):
    for item in block.items:
        segment = _el(
            parent,
            "seg",
            type=item.segment.kind,
            n=item.number,
            **{XML_ID: segment_id(version, item.anchor)},
        )
        if item.missing:
            _el(segment, "gap", reason=_gap_reason(version, item.segment))
        else:
            _marked(segment, item.text, marks.get((item.anchor, version.code), []), request)
        if segment.tail is None and item is not block.items[-1]:
            segment.tail = version.joiner or None


def _marked(segment, text, links, request):
    """Fill `segment` with `text`, the first occurrence of each link's words marked (longest
    first, never overlapping), as the reader links them."""
    spans = []
    for link in sorted(links, key=lambda link: -len(link.phrase)):
        start = text.find(link.phrase)
        while start >= 0 and any(
            s < start + len(link.phrase) and start < e for s, e, _link in spans
        ):
            start = text.find(link.phrase, start + 1)
        if start >= 0 and link.phrase:
            spans.append((start, start + len(link.phrase), link))
    spans.sort(key=lambda span: span[0])
    position, last = 0, None
    for start, end, link in spans:
        before = text[position:start]
        if last is None:
            segment.text = before
        else:
            last.tail = before
        tag = MARK_ELEMENTS.get(link.css_class, "rs")
        refs = [request.build_absolute_uri(link.entry or link.url), *link.authorities]
        last = _el(segment, tag, text[start:end], ref=" ".join(refs))
        position = end
    rest = text[position:]
    if last is None:
        segment.text = rest
    else:
        last.tail = rest


def _overlaps(spans, start, end):
    return any(s < end and start < e for s, e, _link in spans)


def _alignment(body, page):
    versions = page.all_versions
    if len(versions) < 2:
        return
    group = _el(body, "linkGrp", type="alignment")
    for segment in page.all_segments:
        targets = " ".join(f"#{segment_id(v, segment.anchor)}" for v in versions)
        _el(group, "link", target=targets)


def _notes(body, page):
    versions = {version.code: version for version in page.all_versions}
    anchors = page.segments_by_anchor
    for anchor, notes in page.notes_by_anchor().items():
        for note in notes:
            if note.version not in versions:
                continue
            _el(
                body,
                "note",
                note.note,
                type=f"translation-{note.kind}",
                n=note.number,
                target=f"#{segment_id(versions[note.version], anchor)}",
            )
    for anchor, notes in page.annotations_by_anchor().items():
        segment = anchors[anchor]
        targets = [segment_id(v, anchor) for v in versions.values() if segment.text_in(v.code)]
        for note in notes if targets else []:
            _el(
                body,
                "note",
                note.text,
                type=f"annotation-{note.kind}",
                n=note.number,
                target=" ".join(f"#{target}" for target in targets),
            )
    for note in page.all_term_notes:
        if note.version in versions:
            _el(body, "note", f"{note.term}: {note.rendering}. {note.note}", type="term-rendering",
                target=f"#{versions[note.version].code}")  # fmt: skip
