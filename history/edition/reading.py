"""Arranging an edition's segments for reading one version.

Segments are the units of alignment; a version's paragraphs are runs of segments, since a
segment may run on from the previous one (sentence by sentence inside a paragraph). These
functions turn the flat segment list into the blocks a reader sees, or into plain text.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .choices import SegmentKind

# The element a segment opens when it starts a block (i.e. does not run on); other kinds open
# a paragraph. In the Chinese original, quotations run on inside paragraphs; in the English
# translation, they stand apart.
BLOCK_ELEMENTS = {
    SegmentKind.TITLE: "title",
    SegmentKind.QUOTATION: "quotation",
    SegmentKind.LIST_ITEM: "item",
}


@dataclass
class Item:
    number: int
    segment: object
    text: str  # empty when this version has no text for the segment
    notes: list = field(default_factory=list)
    annotations: list = field(default_factory=list)
    linked: list = field(default_factory=list)  # passages of other documents on its subject

    @property
    def anchor(self):
        return self.segment.anchor

    @property
    def missing(self):
        return not self.text

    @property
    def annotation_notes(self):
        """(note, quoted) for each editors' note on the segment: the words a note is about
        are quoted only where this version has them."""
        shown = str(self.text)
        return [
            (note, bool(note.phrase) and escape(note.phrase) in shown) for note in self.annotations
        ]


@dataclass
class Block:
    element: str  # "title", "paragraph", "quotation", "item", "list" or "gap"
    kind: str
    items: list = field(default_factory=list)
    children: list = field(default_factory=list)  # the items of a "list" block

    @property
    def number(self):
        return self.items[0].number if self.items else self.children[0].number

    @property
    def last_number(self):
        return self.items[-1].number if self.items else self.children[-1].last_number

    @property
    def numbers_label(self):
        """The paragraph numbers the block spans: "4", or "4–6"."""
        first, last = self.number, self.last_number
        return str(first) if first == last else f"{first}–{last}"

    @property
    def notes(self):
        """The translation notes on this block's segments, in order."""
        return [note for item in self.items for note in item.notes]

    @property
    def alignment_notes(self):
        """Why the segments of a gap have no text in this version, as the editors put it."""
        return " ".join(i.segment.alignment_note for i in self.items if i.segment.alignment_note)

    @property
    def linked(self):
        """The passages of other documents linked to this block's segments, in order."""
        return [passage for item in self.items for passage in item.linked]

    @property
    def annotations(self):
        """The editors' notes on this block's segments, in order."""
        items = self.items or [item for child in self.children for item in child.items]
        return [note for item in items for note in item.annotations]


class Link(NamedTuple):
    """Words in a paragraph that lead somewhere: a place on the map, a glossary entry, a
    person's entry in the index of people."""

    phrase: str
    url: str
    title: str
    css_class: str
    popover: str = ""  # a fragment URL that explains the words in place
    entry: str = ""  # the thing's own page, when the link leads elsewhere (a place's page)
    authorities: tuple = ()  # URIs of its authority records (Wikidata, GeoNames)


def linked_text(text, links):
    """`text` as HTML with the first occurrence of each link's phrase linked. Phrases are
    linked longest first, and never inside a link made already."""
    html = escape(text)
    template = get_template("edition/includes/text_link.html")
    for link in sorted(links, key=lambda link: -len(link.phrase)):
        phrase = escape(link.phrase)
        start = _outside_links(html, phrase)
        if start < 0:
            continue
        linked = template.render({"link": link})
        html = f"{html[:start]}{linked}{html[start + len(phrase) :]}"
    return mark_safe(html)


def _outside_links(html, phrase):
    """Where `phrase` first occurs in `html` outside any <a>...</a> (-1 if nowhere)."""
    start = html.find(phrase)
    while start >= 0:
        before = html[:start]
        if before.count("<a ") == before.count("</a>") and not _inside_tag(before):
            return start
        start = html.find(phrase, start + 1)
    return -1


def _inside_tag(before):
    return before.rfind("<") > before.rfind(">")


def reading_blocks(segments, version, notes=None, links=None, annotations=None, linked=None):
    """The blocks of `version`, in order, with consecutive list items gathered into lists.

    Segments that have no text in this version make a "gap" block of their own: the omission
    stays visible, and their anchors still resolve. `links` ({(anchor, version code): [(phrase,
    URL, title)]}) turns marked words into links; `annotations` ({anchor: [notes]}) are the
    editors' notes on each segment, `linked` ({anchor: [LinkedPassage]}) the passages of other
    documents linked to it.
    """
    blocks = []
    links = links or {}
    for segment in segments:
        text, run_in = segment.text_in(version.code), segment.runs_on(version.code)
        marked = links.get((segment.anchor, version.code))
        if text and marked:
            text = linked_text(text, marked)
        item = Item(
            segment.number,
            segment,
            text,
            (notes or {}).get(segment.anchor, []),
            (annotations or {}).get(segment.anchor, []),
            (linked or {}).get(segment.anchor, []),
        )
        if not text:
            if blocks and blocks[-1].element == "gap":
                blocks[-1].items.append(item)
            else:
                blocks.append(Block("gap", segment.kind, [item]))
            continue
        if run_in and blocks and blocks[-1].element == "gap":
            run_in = False  # nothing to run on from
        element = BLOCK_ELEMENTS.get(segment.kind, "paragraph") if not run_in else None
        if element is None and blocks:
            target = blocks[-1].children[-1] if blocks[-1].element == "list" else blocks[-1]
            target.items.append(item)
            continue
        block = Block(element or "paragraph", segment.kind, [item])
        if block.element == "item":
            if not (blocks and blocks[-1].element == "list"):
                blocks.append(Block("list", segment.kind))
            blocks[-1].children.append(block)
        else:
            blocks.append(block)
    return blocks


def block_text(block, version):
    """The block's text in this version, as one string (gaps left out)."""
    return version.joiner.join(item.text for item in block.items if item.text)


def version_parts(segments, version):
    """(block, text) for each paragraph of `version`, list items one by one, gaps left out."""
    for block in reading_blocks(segments, version):
        for part in block.children if block.element == "list" else [block]:
            text = block_text(part, version)
            if text:
                yield part, text


def version_paragraphs(segments, version):
    """The text of `version` as a list of paragraphs (list items one per entry)."""
    return [text for _part, text in version_parts(segments, version)]


# A text ending in one of these closes its sentence; any other ending continues in the next
# segment (one sentence of the original split across rows of the alignment).
SENTENCE_ENDS = tuple('。！？：；.!?:;”’"」』）)')


@dataclass
class Cell:
    version: object
    text: str
    continues: bool = False  # the sentence goes on in the next row

    @property
    def missing(self):
        return not self.text


@dataclass
class Row:
    number: int
    segment: object
    left: Cell
    right: Cell
    notes: list

    @property
    def anchor(self):
        return self.segment.anchor


def parallel_rows(segments, left, right, notes=None):
    """One row per segment, pairing the two versions by anchor: a version without text for a
    segment gets an empty cell in that row (a gap), never a shifted row."""
    notes = notes or {}

    def cell(version, index):
        text = segments[index].text_in(version.code)
        following = segments[index + 1] if index + 1 < len(segments) else None
        runs_on = following is not None and following.runs_on(version.code)
        ends = text.rstrip().endswith(SENTENCE_ENDS)
        return Cell(version, text, bool(text) and runs_on and not ends)

    return [
        Row(
            segment.number,
            segment,
            cell(left, index),
            cell(right, index),
            notes.get(segment.anchor, []),
        )
        for index, segment in enumerate(segments)
    ]
