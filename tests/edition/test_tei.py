"""Each edition as TEI P5: valid against tei_all, with its anchors, alignment, gaps and notes.

The schema is TEI P5's tei_all in RELAX NG, kept in tests/schemas/ with its licence. libxml2
(lxml) does not finish compiling a grammar of that size, so it is checked with jing, the
RELAX NG validator Debian packages (`apt-get install jing`).
"""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from history.edition import tei as tei_module
from history.edition.changes import Change
from history.edition.models import EditionPage

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "tei_all.rng"
T = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
URL = "/en/fifth-bulletin/tei.xml"
JING = shutil.which("jing")
# Skipped where jing cannot be installed, never in CI.
needs_jing = pytest.mark.skipif(
    JING is None and os.environ.get("CI") != "true", reason="jing is not installed"
)


def validate(paths):
    """jing's complaints about the files at `paths` ("" when all are valid)."""
    result = subprocess.run(
        [JING, str(SCHEMA), *map(str, paths)], capture_output=True, text=True, check=False
    )
    return result.stdout + result.stderr if result.returncode else ""


def tei(client, url=URL):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_the_schema_is_the_real_tei_all():
    text = SCHEMA.read_text()
    assert "git-lfs" not in text[:200]
    assert '<grammar xmlns="http://relaxng.org/ns/structure/1.0"' in text
    assert 'ns="http://www.tei-c.org/ns/1.0"' in text
    assert (SCHEMA.parent / "LICENCE-TEI.md").exists()


@needs_jing
def test_every_editions_tei_is_valid_tei_all_in_both_languages(client, edition, tmp_path):
    paths = []
    for page in EditionPage.objects.live().select_related("locale"):
        prefix = "/zh-hans" if page.locale.language_code == "zh-hans" else "/en"
        path = tmp_path / f"{page.locale.language_code}-{page.slug}.xml"
        path.write_bytes(tei(client, f"{prefix}/{page.slug}/tei.xml").content)
        paths.append(path)
    assert len(paths) >= 8
    assert validate(paths) == ""


@needs_jing
def test_an_invalid_tei_fails_the_validation(client, edition, tmp_path):
    broken = (
        tei(client)
        .content.replace(b"<linkGrp", b"<linkGroup")
        .replace(b"</linkGrp>", b"</linkGroup>")
    )
    path = tmp_path / "broken.xml"
    path.write_bytes(broken)
    assert 'element "linkGroup" not allowed' in validate([path])


def test_served_as_tei_and_cached_like_the_other_downloads(client, edition, settings):
    settings.PAGE_CACHE = True
    response = tei(client)
    assert response["Content-Type"] == "application/tei+xml; charset=utf-8"
    assert "public" in response["Cache-Control"]
    assert any(tei(client).get("X-Page-Cache") == "hit" for _ in range(3))
    # A correction published drops the stored file.
    edition.title = "A corrected title"
    edition.save_revision().publish()
    response = tei(client)
    assert response["X-Page-Cache"] == "miss"
    assert b"A corrected title" in response.content


def test_unknown_or_unpublished_edition_is_404(client, edition):
    assert client.get("/en/no-such-edition/tei.xml").status_code == 404
    edition.unpublish()
    assert client.get(URL).status_code == 404


def test_segments_carry_the_sites_anchors_per_version(client, edition):
    root = ET.fromstring(tei(client).content)
    divisions = {d.get("type"): d for d in root.iter(f"{T}div")}
    assert divisions["edition"].get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    ids = {seg.get(XML_ID) for seg in root.iter(f"{T}seg")}
    for segment in edition.all_segments:
        assert {f"zh-{segment.anchor}", f"en-{segment.anchor}"} <= ids
    links = [link.get("target") for link in root.iter(f"{T}link")]
    assert "#en-p8 #zh-p8" in links
    assert len(links) == len(edition.all_segments)


def test_omissions_are_explicit_gaps(client, edition):
    root = ET.fromstring(tei(client).content)
    segments = {seg.get(XML_ID): seg for seg in root.iter(f"{T}seg")}
    # ¶23–24 are not in the received English translation; ¶2 is not in the Chinese record.
    assert segments["en-p23"].find(f"{T}gap").get("reason") == "omitted-in-translation"
    assert segments["zh-p2"].find(f"{T}gap").get("reason") == "not-in-original"
    assert segments["zh-p23"].find(f"{T}gap") is None


def test_header_names_editors_translator_licence_source_and_revision(client, edition):
    root = ET.fromstring(tei(client).content)
    header = root.find(f"{T}teiHeader")
    assert header.find(f".//{T}editor").text == "the editors of this edition"
    responsibility = header.find(f".//{T}respStmt")
    assert responsibility.find(f"{T}name").text == "unknown"
    licence = header.find(f".//{T}licence")
    assert licence.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert "are not covered" in licence.text
    assert header.find(f".//{T}sourceDesc/{T}bibl/{T}idno").text == "3/0/6/408"
    assert "根据档案材料翻印" in "".join(header.find(f".//{T}sourceDesc").itertext())
    # Version 1, dated as versions.yaml says.
    change = header.find(f"{T}revisionDesc/{T}change")
    assert (change.get("n"), change.get("when"), change.text) == (
        "1",
        "2026-11-27",
        "First published.",
    )
    assert header.find(f".//{T}editionStmt/{T}edition").get("n") == "1"
    assert header.find(f".//{T}editionStmt/{T}edition/{T}date").get("when") == "2026-11-27"
    assert "zh-p8" in header.find(f"{T}encodingDesc/{T}p").text


@needs_jing
def test_numbered_versions_of_the_text_are_listed(client, edition, monkeypatch, tmp_path):
    """The list of changes is read in one place; numbered versions appear as they come."""
    listed = [
        Change(date(2027, 3, 1), "Corrected the figure in ¶10.", "2"),
        Change(date(2026, 12, 6), "First published.", "1"),
    ]
    monkeypatch.setattr(tei_module, "changes", lambda page: listed)
    response = tei(client)
    root = ET.fromstring(response.content)
    changes = root.findall(f"{T}teiHeader/{T}revisionDesc/{T}change")
    assert [(c.get("n"), c.get("when"), c.text) for c in changes] == [
        ("2", "2027-03-01", "Corrected the figure in ¶10."),
        ("1", "2026-12-06", "First published."),
    ]
    assert root.find(f".//{T}editionStmt/{T}edition").get("n") == "2"
    path = tmp_path / "versions.xml"
    path.write_bytes(response.content)
    assert validate([path]) == ""


def test_editors_translation_names_the_editors(client, edition):
    root = ET.fromstring(tei(client, "/en/second-bulletin/tei.xml").content)
    name = root.find(f".//{T}respStmt/{T}name").text
    assert name == "The editors of this edition"


def test_notes_point_at_their_segments(client, edition):
    root = ET.fromstring(tei(client).content)
    ids = {seg.get(XML_ID) for seg in root.iter(f"{T}seg")}
    notes = list(root.iter(f"{T}note"))
    kinds = {note.get("type").split("-")[0] for note in notes}
    assert {"translation", "annotation"} <= kinds
    for note in notes:
        for target in note.get("target").split():
            assert target[1:] in ids or target[1:] in {"zh", "en"}, target
    first = edition.notes_by_anchor()
    anchor, [note, *_rest] = next(iter(first.items()))
    assert any(n.text == note.note and n.get("target") == f"#en-{anchor}" for n in notes)


def test_places_people_and_terms_are_marked_as_the_reader_marks_them(client, edition):
    root = ET.fromstring(tei(client).content)
    places = list(root.iter(f"{T}placeName"))
    terms = list(root.iter(f"{T}term"))
    assert places and terms
    # A place's @ref is its own page, then the authority records checked for it.
    assert all(p.get("ref").startswith("http://testserver/en/map/place/") for p in places)
    refs = {p.text: p.get("ref").split() for p in places}
    assert refs["Beijing"] == [
        "http://testserver/en/map/place/beijing/",
        "http://www.wikidata.org/entity/Q956",
        "https://sws.geonames.org/1816670/",
    ]
    assert all("/en/glossary/#term-" in t.get("ref") for t in terms)
    people = {p.text: p.get("ref").split() for p in root.iter(f"{T}persName")}
    assert people["Luo Ruiqing"] == ["http://testserver/en/people/#person-luo-ruiqing"]
    assert people["毛泽东"][1] == "http://www.wikidata.org/entity/Q5816"
    # The marked words stay in the text, in place.
    segment = next(s for s in root.iter(f"{T}seg") if s.find(f"{T}placeName") is not None)
    anchor = segment.get(XML_ID).split("-", 1)[1]
    code = segment.get(XML_ID).split("-", 1)[0]
    assert "".join(segment.itertext()) == edition.segment_at(anchor).text_in(code)


def test_tei_is_linked_from_the_reader_and_listed_in_the_sitemap(client, edition):
    html = client.get("/en/fifth-bulletin/").content.decode()
    assert 'href="/en/fifth-bulletin/tei.xml"' in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/fifth-bulletin/tei.xml</loc>" in sitemap
    assert "/zh-hans/fifth-bulletin/tei.xml</loc>" in sitemap
