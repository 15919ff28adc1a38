"""A new document joins the series with files alone: an edition folder (text, translation,
notes) and its marks, loaded by `load_site`, is served, listed, searchable, citable and
written back by `export_site`, with no change of code."""

import re
import textwrap

import pytest
import yaml

from tests.conftest import export_site, load_site

pytestmark = pytest.mark.django_db

EDITION = """\
slug: made-up-memo
title: A made-up memorandum on the campaign
short_title: Made-up memo
series_role: A document made up for a test
original_title: 虚构的禁毒备忘录
original_language: Chinese
issuing_body: A made-up office
show_in_menus: false
summary: <p>A short memorandum, made up to show that a document is added with files alone.</p>
dates:
  - role: issued
    date: 1952-10-01
    label: Issued
versions:
  - code: zh
    language: zh-Hans
    label: Chinese original
    status: archival_original
    provenance: <p>Made up for a test.</p>
  - code: en
    language: en
    label: English translation by the editors
    status: editors_translation
    translator: The editors of this edition
    provenance: <p>Translated by the editors, sentence by sentence.</p>
"""

TEXT = """\
- anchor: p1
  kind: title
  texts:
    zh: 虚构的禁毒备忘录
    en: A made-up memorandum on the campaign
- anchor: p2
  kind: paragraph
  texts:
    zh: 北京各区均已召开宣传会，群众检举踊跃。
    en: Every district of Beijing has held propaganda meetings, and the masses denounce eagerly.
- anchor: p3
  kind: paragraph
  texts:
    zh: 缴获之毒品均已造册登记。
    en: The quibblewort seized has all been entered in registers.
  run_in: [zh, en]
"""

NOTES = """\
translation_notes:
  - anchor: p3
    version: en
    kind: nuance
    original_phrase: 毒品
    translation_phrase: quibblewort
    note: A word chosen for the test, found by search only here.
"""


@pytest.fixture
def series_with_memo(content_copy):
    folder = content_copy / "editions" / "made-up-memo"
    folder.mkdir()
    (folder / "edition.yaml").write_text(EDITION, encoding="utf-8")
    (folder / "text.yaml").write_text(TEXT, encoding="utf-8")
    (folder / "notes.yaml").write_text(NOTES, encoding="utf-8")
    mentions = content_copy / "atlas" / "mentions.yaml"
    extra = """
      - edition: made-up-memo
        anchor: p2
        version: en
        place: beijing
        phrase: Beijing
    """
    mentions.write_text(
        mentions.read_text(encoding="utf-8") + textwrap.indent(textwrap.dedent(extra), "  "),
        encoding="utf-8",
    )
    load_site(content_copy)
    return content_copy


def test_the_new_document_is_read_in_each_version_and_side_by_side(client, series_with_memo):
    html = client.get("/en/made-up-memo/").content.decode()
    assert "Every district of" in html
    assert "English translation by the editors" in html
    # Its place name is marked and links to the map.
    assert re.search(r'href="/en/map/\?place=beijing"[^>]*>Beijing</a>', html)
    chinese = client.get("/en/made-up-memo/?version=zh").content.decode()
    assert "北京各区均已召开宣传会" in chinese
    parallel = client.get("/en/made-up-memo/parallel/").content.decode()
    assert "缴获之毒品均已造册登记。" in parallel and "quibblewort" in parallel
    assert client.get("/zh-hans/made-up-memo/").status_code == 200


def test_the_new_document_takes_its_place_in_the_series(client, series_with_memo):
    documents = client.get("/en/documents/").content.decode()
    order = [documents.index(f'href="/en/{slug}/"') for slug in ("fifth-bulletin", "made-up-memo")]
    assert order == sorted(order)
    assert "A document made up for a test" in documents
    bulletin = client.get("/en/fifth-bulletin/").content.decode()
    nav = bulletin[bulletin.index('class="series-nav"') :]
    assert re.search(r'href="/en/made-up-memo/" rel="next">.*Made-up memo', nav)
    memo = client.get("/en/made-up-memo/").content.decode()
    assert 'href="/en/fifth-bulletin/" rel="prev"' in memo


def test_the_new_document_is_found_cited_and_in_the_sitemap(client, series_with_memo):
    found = client.get("/en/search/", {"q": "quibblewort"}).content.decode()
    assert "/en/made-up-memo/#p3" in found
    ris = client.get("/en/made-up-memo/cite/ris/").content.decode()
    assert "A made-up memorandum on the campaign" in ris
    cited = client.get("/en/made-up-memo/", {"cite": "p2", "version": "en"}).content.decode()
    assert "/en/made-up-memo/v/1/#p2" in cited
    plain = client.get("/en/made-up-memo/text/", {"version": "en"}).content.decode()
    assert "English translation by the editors" in plain and "quibblewort" in plain
    assert "/en/made-up-memo/" in client.get("/sitemap.xml").content.decode()


def test_the_new_document_is_written_back_by_export(series_with_memo, tmp_path):
    export_site(tmp_path)
    folder = tmp_path / "editions" / "made-up-memo"
    written = yaml.safe_load((folder / "text.yaml").read_text(encoding="utf-8"))
    assert written == yaml.safe_load(TEXT)
    notes = yaml.safe_load((folder / "notes.yaml").read_text(encoding="utf-8"))
    assert notes["translation_notes"][0]["translation_phrase"] == "quibblewort"
    meta = yaml.safe_load((folder / "edition.yaml").read_text(encoding="utf-8"))
    assert meta["series_role"] == "A document made up for a test"
    mentions = yaml.safe_load((tmp_path / "atlas" / "mentions.yaml").read_text(encoding="utf-8"))
    assert {"edition": "made-up-memo", "anchor": "p2", "version": "en", "place": "beijing",
            "phrase": "Beijing"} in mentions["mentions"]  # fmt: skip
