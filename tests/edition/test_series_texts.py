"""The campaign's other documents, as loaded, hold their Chinese originals verbatim and
complete, and each carries the editors' English translation, labelled as theirs."""

import json
import re

import pytest

from history.atlas.figures import ReportedFigure
from history.edition.choices import VersionStatus
from history.edition.models import EditionPage
from history.edition.reading import version_paragraphs
from tests.conftest import SOURCES

pytestmark = pytest.mark.django_db

SERIES = {
    "cc-directive-1952": "series/1952-04-15-cc-directive.zh.json",
    "second-bulletin": "series/1952-08-24-second-bulletin.zh.json",
    "final-report": "series/1952-12-18-final-report.zh.json",
}


def source_blocks(name):
    """The record's blocks up to the database's note on its source, stripped as printed."""
    record = json.loads((SOURCES / name).read_text(encoding="utf-8"))
    blocks = []
    for block in record["contents"]:
        if block["type"] == "source":
            break
        blocks.append(block["text"].strip())
    return blocks


def sentences(blocks):
    return [s for block in blocks for s in re.split(r"(?<=[。！？])", block) if s.strip()]


def edition(slug):
    return EditionPage.objects.get(slug=slug, locale__language_code="en")


@pytest.mark.parametrize("slug", SERIES)
def test_the_chinese_paragraphs_are_the_records_blocks_exactly(site_content, slug):
    page = edition(slug)
    paragraphs = version_paragraphs(page.all_segments, page.get_version("zh"))
    assert paragraphs == source_blocks(SERIES[slug])


@pytest.mark.parametrize("slug", SERIES)
def test_no_sentence_of_the_record_is_left_out(site_content, slug):
    page = edition(slug)
    chinese = "\n".join(version_paragraphs(page.all_segments, page.get_version("zh")))
    found = sentences(source_blocks(SERIES[slug]))
    assert len(found) > 8  # the splitter found the text
    assert [s for s in found if s.strip() not in chinese] == []


@pytest.mark.parametrize("slug", SERIES)
def test_every_segment_of_the_text_is_translated_by_the_editors(site_content, slug):
    page = edition(slug)
    english = page.get_version("en")
    assert english.status == VersionStatus.EDITORS_TRANSLATION
    assert "editors" in english.label and "editors" in english.translator
    untranslated = [s.anchor for s in page.all_segments if s.text_in("zh") and not s.text_in("en")]
    assert all(page.segment_at(a).kind == "page_number" for a in untranslated)


@pytest.mark.parametrize("slug", SERIES)
def test_the_translation_notes_quote_both_versions_verbatim(site_content, slug):
    page = edition(slug)
    segments = {s.anchor: s for s in page.all_segments}
    for note in page.all_translation_notes:
        segment = segments[note.anchor]
        assert note.original_phrase in segment.text_in("zh"), note.anchor
        if note.translation_phrase:
            assert note.translation_phrase in segment.text_in(note.version), note.anchor


@pytest.mark.parametrize("slug", SERIES)
def test_the_editors_translation_is_labelled_where_it_is_read(client, site_content, slug):
    label = "English translation by the editors"
    assert label in client.get(f"/en/{slug}/").content.decode()
    assert label in client.get(f"/en/{slug}/parallel/").content.decode()
    assert label in client.get(f"/en/{slug}/text/", {"version": "en"}).content.decode()
    cited = client.get(f"/en/{slug}/", {"cite": "p2", "version": "en"}).content.decode()
    citation = cited[cited.index('id="cite"') :]
    assert label in citation


def test_the_figures_of_the_series_link_to_their_paragraphs(client, site_content):
    html = client.get("/en/numbers/").content.decode()
    for slug in ("second-bulletin", "final-report"):
        assert re.search(rf'href="/en/{slug}/#p\d+"', html), slug


def test_every_figure_of_the_series_is_stated_in_its_paragraph(site_content):
    figures = ReportedFigure.objects.filter(
        document__key__in=SERIES, locale__language_code="en"
    ).select_related("edition")
    assert figures.count() > 30
    for figure in figures:
        assert figure.edition and figure.edition.slug == figure.document.key, figure.key
        segment = figure.edition.segment_at(figure.anchor)
        assert figure.phrase_original in segment.text_in("zh"), figure.key
        assert figure.phrase_translation in segment.text_in("en"), figure.key
