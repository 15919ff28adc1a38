"""Rich text in content files has one format, whatever the field: the shorthand (paragraphs,
*italics*) or `{html: ...}`; an export writes back what a load reads."""

import pytest

from history.core.loading import ContentError
from history.core.prose import read_rich, read_rich_field, write_rich


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<p>One paragraph with <i>italics</i> &amp; an ampersand.</p>",
        "<p>Two</p><p>paragraphs.</p>",
        '<p>A <a href="https://example.org/">link</a>.</p>',
        "<p>A <b>bold</b> word.</p><ul><li>A list.</li></ul>",
        "<p>Stars * that * are not italics.</p>",
    ],
)
def test_what_is_written_reads_back_the_same(html):
    assert read_rich(write_rich(html), "file") == html


def test_the_shorthand_is_written_where_it_says_the_same():
    assert write_rich("<p>The <i>Fifth Bulletin</i>.</p>") == "The *Fifth Bulletin*."
    assert write_rich("<p>One.</p><p>Two.</p>") == "One.\n\nTwo.\n"
    assert write_rich("<p>A <b>bold</b> word.</p>") == {"html": "<p>A <b>bold</b> word.</p>"}


def test_a_field_reads_the_shorthand_html_and_files_exported_with_a_sibling_field():
    assert read_rich_field({"note": "A *term*.\n\nMore."}, "note", "f") == (
        "<p>A <i>term</i>.</p><p>More.</p>"
    )
    assert read_rich_field({"note": {"html": "<p>x</p>"}}, "note", "f") == "<p>x</p>"
    assert read_rich_field({"note_html": "<p>y</p>"}, "note", "f") == "<p>y</p>"
    assert read_rich_field({}, "note", "f") == ""
    with pytest.raises(ContentError, match="give note or note_html, not both"):
        read_rich_field({"note": "x", "note_html": "<p>y</p>"}, "note", "f")
    with pytest.raises(ContentError, match=r"f: note: rich text should be text or \{html"):
        read_rich_field({"note": {"html": "<p>x</p>", "extra": 1}}, "note", "f")
