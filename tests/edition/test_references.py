"""References to paragraphs, and the one way a segment's number and text are read."""

import pytest

from history.core.models import HomePage
from history.edition.models import EditionPage, Segment, numbered
from history.edition.passages import ParagraphBlock, readable_editions
from history.edition.references import ParagraphRef
from history.essays.pages import EssayPage
from tests.edition.factories import make_edition
from tests.essays.factories import make_essay, quote


def test_a_reference_reads_and_writes_its_stored_form():
    ref = ParagraphRef.parse("12:p8")
    assert ref == ParagraphRef(12, "p8")
    assert (ref.page_id, ref.anchor) == (12, "p8")
    assert str(ref) == "12:p8"
    assert ParagraphRef.parse(ref) is ref
    assert {ref: "quoted"}[ParagraphRef(12, "p8")] == "quoted"  # a key of passages()


@pytest.mark.parametrize("stored", ["", None, "nonsense", "p8", ":p8", "12:", "x:p8"])
def test_a_malformed_reference_names_nothing(stored):
    assert ParagraphRef.parse(stored) is None


def test_the_block_gives_a_reference_and_stores_the_string():
    block = ParagraphBlock(label="paragraph")
    assert block.to_python("5:p2") == ParagraphRef(5, "p2")
    assert block.get_prep_value(ParagraphRef(5, "p2")) == "5:p2"
    assert block.get_prep_value("5:p2") == "5:p2"  # as content loaders build values
    assert block.value_for_form(ParagraphRef(5, "p2")) == "5:p2"
    assert block.get_api_representation(ParagraphRef(5, "p2")) == "5:p2"
    assert block.to_python(None) is None


def test_a_saved_quotation_keeps_its_stored_string(site_content):
    essay = make_essay([quote(site_content, "p8")])
    body = EssayPage.objects.get(pk=essay.pk).body
    assert body[0].value["paragraph"] == ParagraphRef(site_content.pk, "p8")
    assert body.raw_data[0]["value"]["paragraph"] == f"{site_content.pk}:p8"
    essay.body = body  # saved again from the typed value: the same string in the database
    essay.save()
    raw = EssayPage.objects.get(pk=essay.pk).body.raw_data[0]["value"]["paragraph"]
    assert raw == f"{site_content.pk}:p8"


def test_segments_are_numbered_in_text_order_over_every_kind(site_content):
    segments = site_content.all_segments
    assert [segment.number for segment in segments] == list(range(1, len(segments) + 1))
    p8 = site_content.segment_at("p8")
    assert segments[p8.number - 1] is p8
    assert site_content.paragraph_numbers["p8"] == p8.number
    assert site_content.segment_at("p9999") is None


def test_numbers_follow_the_order_not_the_anchor(db):
    first, second = Segment(anchor="p7"), Segment(anchor="p2")
    assert [s.number for s in numbered([first, second])] == [1, 2]


def test_editions_loaded_together_number_their_segments(site_content):
    (edition,) = readable_editions([site_content.pk]).values()
    assert (
        edition.paragraph_numbers == EditionPage.objects.get(pk=site_content.pk).paragraph_numbers
    )


def test_a_segments_text_is_read_by_version(site_content):
    home = HomePage.objects.get(locale__language_code="en")
    edition = make_edition(home, n_segments=2, slug="two")
    first, second = edition.all_segments
    assert first.text_in("en") == "Sentence 1." and first.text_in("zh") == "第1句。"
    assert first.text_in("fr") == ""
    assert second.runs_on("zh") and not second.runs_on("en") and not first.runs_on("zh")
    assert second.contains("第2") and second.contains("Sentence 2", "en")
    assert not second.contains("Sentence 2", "zh") and not second.contains("Sentence 1")
