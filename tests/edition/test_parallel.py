"""The parallel view and the translation notes."""

import re

import pytest

from history.edition.reading import parallel_rows

pytestmark = pytest.mark.django_db
URL = "/en/fifth-bulletin/parallel/"


def row_html(html, anchor):
    return re.search(rf'<tr id="{anchor}".*?</tr>', html, re.S).group(0)


def test_rows_pair_versions_by_anchor(edition):
    zh, en = edition.get_version("zh"), edition.get_version("en")
    rows = parallel_rows(edition.all_segments, zh, en)
    assert len(rows) == len(edition.all_segments)
    by_anchor = {row.anchor: row for row in rows}
    assert by_anchor["p8"].left.text.startswith("截至九月十二日止")
    assert by_anchor["p8"].right.text.startswith("As of September 12")
    # Text in one version only: a gap in that row, and the next row is not shifted.
    assert by_anchor["p24"].right.missing and not by_anchor["p24"].left.missing
    assert by_anchor["p25"].right.text == "“This is something rarely seen in history.”"
    assert by_anchor["p25"].left.text == "认为这是“古来稀事”，"


def test_a_sentence_split_across_rows_says_so(edition):
    zh, en = edition.get_version("zh"), edition.get_version("en")
    by_anchor = {r.anchor: r for r in parallel_rows(edition.all_segments, zh, en)}
    # 缴获毒品…两，| 制毒机…件，| 长短枪…两部。 is one Chinese sentence over three rows.
    assert by_anchor["p10"].left.continues and by_anchor["p11"].left.continues
    assert not by_anchor["p12"].left.continues
    assert not by_anchor["p10"].right.continues


def test_parallel_page_shows_both_versions_with_gaps_and_notes(client, edition):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<th scope="col" lang="zh-Hans">Chinese original</th>' in html
    assert '<th scope="col" lang="en">English translation</th>' in html
    gap_row = row_html(html, "p24")
    assert "Not in this translation." in gap_row
    assert "在公审毒犯大会上" in gap_row
    noted = html[html.index('<tr id="p18"') : html.index('<tr id="p19"')]
    assert "bad class background" in noted and "omission" in noted
    assert "prow--noted" in row_html(html, "p18")
    assert "prow--noted" not in row_html(html, "p15")


def test_any_pair_of_versions_and_bad_pairs(client, edition):
    html = client.get(URL + "?left=en&right=zh").content.decode()
    assert html.index("English translation</th>") < html.index("Chinese original</th>")
    assert client.get(URL + "?left=en&right=en").status_code == 404
    assert client.get(URL + "?left=xx").status_code == 404


def test_htmx_gets_the_table_and_plain_requests_the_page(client, edition):
    fragment = client.get(URL + "?left=en&right=zh", HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert body.lstrip().startswith('<table class="parallel" id="parallel-table">')
    assert "<html" not in body
    page = client.get(URL + "?left=en&right=zh")
    assert "<html" in page.content.decode()
    assert "HX-Request" in fragment["Vary"] and "HX-Request" in page["Vary"]


def test_reader_marks_notes_and_lists_them(client, edition):
    html = client.get("/en/fifth-bulletin/").content.decode()
    segment = re.search(r'<span class="seg kind-paragraph" id="p18">.*?</span></span>', html, re.S)
    # Notes are numbered in the order of the text: ¶16's comes first.
    assert 'href="#tn2"' in segment.group(0)
    notes = html[html.index('id="tn-title"') :]
    assert re.search(r'id="tn1".*?突击审讯', notes, re.S)
    assert re.search(r'id="tn2".*?bad class background', notes, re.S)
    assert "Tonghua City in the Northeast" in notes
    assert 'href="parallel/#p18"' in notes
    # Notes on segments the translation omits hang on the gap.
    gap = re.search(r'<p class="gap" id="p23">.*?</p>', html, re.S).group(0)
    assert 'href="#tn6"' in gap and 'href="#tn7"' in gap


def test_every_departure_listed_in_the_history_notes_is_a_translation_note(edition):
    notes = {note.anchor: note for note in edition.all_translation_notes}
    expected = {
        "p19": "关内",
        "p37": "通化",
        "p18": "成分坏",
        "p26": "毛泽东时代",
        "p24": "囚车",
        "p33": "挂红戴绿",
        "p54": "应接不暇",
        "p56": "社会上",
        "p63": "北市分局",
        "p38": "当天",
        "p39": "当天下午",
        "p81": "好坏",
        "p74": "三个条件",
    }
    for anchor, phrase in expected.items():
        assert phrase in notes[anchor].original_phrase, anchor
    by_anchor = {s.anchor: s for s in edition.all_segments}
    for note in edition.all_translation_notes:
        original = by_anchor[note.anchor].version_texts["zh"][0]
        assert note.original_phrase.rstrip("。") in original, note.anchor
        if note.translation_phrase:
            assert note.translation_phrase in by_anchor[note.anchor].version_texts["en"][0]


def test_provenance_box_has_status_and_key_terms(client, edition):
    html = client.get("/en/fifth-bulletin/").content.decode()
    box = html[html.index('id="provenance-title"') :]
    assert "translation of unknown origin" in box
    assert "compared by the editors with the Chinese text" in box.replace("\n", " ")
    for term in ["毒犯", "坦白登记", "简报", "公审大会"]:
        assert term in box
    zh_box = client.get("/en/fifth-bulletin/?version=zh").content.decode()
    zh_box = zh_box[zh_box.index('id="provenance-title"') :]
    assert "archival original" in zh_box and "根据档案材料翻印" in zh_box


def test_only_the_right_version_named(client, edition):
    html = client.get(URL + "?right=zh").content.decode()
    assert html.index("English translation</th>") < html.index("Chinese original</th>")


def test_htmx_history_restore_gets_the_whole_page(client, edition):
    response = client.get(URL, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.content.decode()


def test_language_switch_keeps_the_view_and_its_query(client, edition):
    html = client.get(URL + "?left=en&right=zh").content.decode()
    assert (
        'href="/zh-hans/fifth-bulletin/parallel/?left=en&amp;right=zh" hreflang="zh-hans"' in html
    )
    assert (
        '<link rel="alternate" hreflang="zh-hans" '
        'href="http://testserver/zh-hans/fifth-bulletin/parallel/?left=en&amp;right=zh">' in html
    )
