"""Editors' notes on paragraphs: numbered markers in the text, the notes beside it, a toggle,
translations, and a loader that refuses notes on paragraphs or words that do not exist."""

import re

import pytest
from django.core.management.base import CommandError

from tests.conftest import load_site

pytestmark = pytest.mark.django_db


def test_each_annotated_paragraph_has_a_marker_and_its_notes(client, edition):
    notes = edition.all_annotations
    assert len(notes) >= 7
    assert {note.kind for note in notes} == {"context", "source_criticism", "cross_reference"} | (
        {"translation"} & {note.kind for note in notes}
    )
    html = client.get("/en/fifth-bulletin/").content.decode()
    asides = re.findall(
        r'<span class="annotation annotation--(\w+)" id="an(\d+)" role="note"', html
    )
    markers = re.findall(r'<a class="an-ref" href="#an(\d+)"', html)
    assert [int(n) for _kind, n in asides] == list(range(1, len(notes) + 1))
    assert sorted(int(n) for n in markers) == list(range(1, len(notes) + 1))
    # The notes cite their sources briefly, with the full reference on hover.
    assert '<cite title="Luo Ruiqing. 中共中央转发罗瑞卿关于全国禁毒运动第二号简报' in html
    assert ">Second bulletin (1952)</cite>" in html
    assert "&amp;#x27;" not in html  # the full reference is escaped once, not twice


def test_the_content_note_guides_teachers(client, edition):
    assert "For teachers:" in client.get("/en/fifth-bulletin/").content.decode()
    assert "给教师的提示" in client.get("/zh-hans/fifth-bulletin/").content.decode()


def test_notes_are_translated_and_quote_only_words_the_version_has(client, edition):
    zh = client.get("/zh-hans/fifth-bulletin/?version=zh").content.decode()
    assert "这些是公安部自己的累计数字" in zh
    assert "<q>237,463</q>" not in zh  # the English words are not quoted beside the Chinese
    en = client.get("/en/fifth-bulletin/").content.decode()
    assert "<q>237,463</q>" in en


def test_a_toggle_hides_the_notes(client, edition):
    html = client.get("/en/fifth-bulletin/?notes=off&anatomy=on").content.decode()
    assert 'class="document show-anatomy hide-annotations"' in html
    # Without JavaScript each toggle and each version keeps the other choices.
    assert 'href="?version=en#text">Show editorial notes' not in html
    assert 'href="?version=en&amp;anatomy=on#text"' in html  # show the notes again
    assert 'href="?version=en&amp;notes=off#text"' in html  # hide the anatomy
    assert 'href="?version=zh&amp;anatomy=on&amp;notes=off#text"' in html
    assert client.get("/en/fifth-bulletin/?notes=maybe").status_code == 404


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  - anchor: p44\n    kind: context",
            "  - anchor: p999\n    kind: context",
            "anchor “p999”",
        ),
        ("phrase: totaling 45 executed", "phrase: totaling 46 executed", "is not in paragraph p18"),
        ("kind: cross_reference", "kind: gossip", "kind “gossip”"),
    ],
)
def test_malformed_notes_are_refused(content_copy, old, new, message):
    path = content_copy / "editions" / "fifth-bulletin" / "notes.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)):
        load_site(content_copy)
