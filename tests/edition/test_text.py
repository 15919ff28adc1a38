"""The loaded edition holds the source texts verbatim."""

import json
import re

import pytest

from history.edition.reading import version_paragraphs
from tests.conftest import SOURCES

pytestmark = pytest.mark.django_db


def english_source_lines():
    """The English source, one entry per line, without list markers."""
    text = (SOURCES / "fifth-bulletin-1952.en.txt").read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^\s*- ", "", line).strip()
        if line:
            lines.append(line)
    return lines


def english_sentences():
    sentences = []
    for line in english_source_lines():
        sentences += [s for s in re.split(r"(?<=[.!?:”])\s+(?=[A-Z“\"(])", line) if s]
    return sentences


def chinese_source_blocks():
    record = json.loads((SOURCES / "fifth-bulletin-1952.zh.json").read_text(encoding="utf-8"))
    blocks = []
    for block in record["contents"]:
        if block["type"] == "source":
            break  # what follows is the database's note on its source
        blocks.append(block["text"].strip())
    return blocks


def chinese_sentences():
    sentences = []
    for block in chinese_source_blocks():
        sentences += [s for s in re.split(r"(?<=[。！？])", block) if s.strip()]
    return sentences


def test_sentence_splitting_finds_the_whole_text():
    # Guards the tests below against a splitter that finds nothing.
    assert len(english_sentences()) > 90
    assert len(chinese_sentences()) > 40


def test_every_english_sentence_is_in_the_edition_verbatim(edition):
    english = "\n".join(version_paragraphs(edition.all_segments, edition.get_version("en")))
    missing = [s for s in english_sentences() if s not in english]
    assert missing == []


def test_english_paragraphs_and_lines_are_reproduced_exactly(edition):
    paragraphs = version_paragraphs(edition.all_segments, edition.get_version("en"))
    assert paragraphs == english_source_lines()


def test_every_chinese_sentence_is_in_the_edition_verbatim(edition):
    chinese = "\n".join(version_paragraphs(edition.all_segments, edition.get_version("zh")))
    missing = [s for s in chinese_sentences() if s.strip() not in chinese]
    assert missing == []


def test_chinese_paragraphs_are_reproduced_exactly(edition):
    paragraphs = version_paragraphs(edition.all_segments, edition.get_version("zh"))
    # The Chinese lists and quotations run on inside their paragraphs, as in print.
    assert paragraphs == chinese_source_blocks()


def test_typographic_quotes_are_kept(edition):
    english = "\n".join(version_paragraphs(edition.all_segments, edition.get_version("en")))
    assert "“The common people are thrilled; the drug offenders are terrified.”" in english
    assert "they held “farewell meetings”, where" in english


def test_passages_the_translation_leaves_out_are_chinese_only_segments(edition):
    by_anchor = {segment.anchor: segment for segment in edition.all_segments}
    omitted = [s for s in edition.all_segments if "en" not in s.version_texts]
    texts = [s.version_texts["zh"][0] for s in omitted if "zh" in s.version_texts]
    assert "在公审毒犯大会上，群众激昂，囚车所至，人群蜂拥，" in texts
    assert "公安分局和派出所均感应接不暇，" in texts
    assert all(segment.alignment_note for segment in omitted)
    assert by_anchor["p2"].version_texts.keys() == {"en"}
