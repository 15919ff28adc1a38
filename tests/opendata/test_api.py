"""The open data: the JSON API, its downloads and its page, in both languages; what it never
shows; its queries; and that the page cache drops it when the content changes."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.edition.models import EditionPage
from history.essays.pages import EssayPage
from history.opendata import views
from tests.lessons.factories import published_lesson

pytestmark = pytest.mark.django_db
API = "/en/api/v1/"
LISTS = ["editions", "places", "figures", "events", "terms", "people"]
LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Link"] == f'<{LICENCE}>; rel="license"'
    data = json.loads(response.content)
    assert data["licence"]["url"] == LICENCE
    return data


def everything(client, prefix="/en"):
    """Every answer of the API and its downloads, details included, as one string."""
    base = f"{prefix}/api/v1/"
    texts = [client.get(base).content.decode()]
    for name in LISTS:
        listing = get_json(client, f"{base}{name}/")
        texts.append(json.dumps(listing, ensure_ascii=False))
        for item in listing["results"]:
            texts.append(client.get(item["url"]).content.decode())
    for download in ["figures.csv", "places.csv", "events.csv", "figures.geojson"]:
        texts.append(client.get(f"{base}{download}").content.decode("utf-8-sig"))
    return "\n".join(texts)


def test_index_names_every_list_and_the_licence(client, edition):
    data = get_json(client, API)
    assert set(data["endpoints"]) == set(LISTS)
    assert data["endpoints"]["places"] == "http://testserver/en/api/v1/places/"
    assert data["documentation"] == "http://testserver/en/api/"
    assert "not covered" in data["licence"]["scope"]


@pytest.mark.parametrize("name", LISTS)
def test_each_object_has_its_own_stable_address(client, edition, name):
    listing = get_json(client, f"{API}{name}/")
    assert listing["count"] == len(listing["results"]) > 0
    first = listing["results"][0]
    assert first["url"] == f"http://testserver{API}{name}/{first['id']}/"
    assert get_json(client, first["url"])["id"] == first["id"]
    assert client.get(f"{API}{name}/no-such-thing/").status_code == 404


@pytest.mark.parametrize("name", LISTS)
def test_lists_read_a_bounded_number_of_queries(
    client, edition, name, django_assert_max_num_queries
):
    client.get(f"{API}{name}/")  # the site frame and settings are read once
    with django_assert_max_num_queries(8):
        client.get(f"{API}{name}/")


def test_an_editions_record_reads_a_bounded_number_of_queries(
    client, edition, django_assert_max_num_queries
):
    """Its segments, versions and notes are read a query each, however many there are."""
    client.get(f"{API}editions/")
    with django_assert_max_num_queries(14):
        client.get(f"{API}editions/fifth-bulletin/")


def test_lists_are_paginated(client, edition, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 5)
    first = get_json(client, f"{API}places/")
    assert len(first["results"]) == 5 and first["previous"] is None
    assert first["next"] == f"http://testserver{API}places/?page=2"
    second = get_json(client, first["next"])
    assert second["previous"] == f"http://testserver{API}places/?page=1"
    assert {p["id"] for p in first["results"]}.isdisjoint(p["id"] for p in second["results"])
    for bad in ("999", "x", "0"):
        assert client.get(f"{API}places/?page={bad}").status_code == 404


def test_an_edition_gives_every_version_of_every_segment_and_its_notes(client, edition):
    data = get_json(client, f"{API}editions/fifth-bulletin/")
    assert data["tei_url"] == "http://testserver/en/fifth-bulletin/tei.xml"
    assert {v["code"] for v in data["versions"]} == {"en", "zh"}
    segments = {s["anchor"]: s for s in data["segments"]}
    assert len(segments) == len(edition.all_segments)
    p8 = segments["p8"]
    assert p8["number"] == 8 and p8["kind"] == "paragraph"
    assert p8["url"] == "http://testserver/en/fifth-bulletin/#p8"
    assert p8["texts"]["en"]["text"].startswith("As of September 12")
    assert p8["texts"]["zh"]["text"] == edition.segment_at("p8").text_in("zh")
    assert segments["p23"]["texts"]["en"]["text"] is None  # omitted in the translation
    assert segments["p5"]["texts"]["zh"]["run_in"] is True
    assert len(data["translation_notes"]) == len(edition.all_translation_notes)
    assert len(data["annotations"]) == len(edition.all_annotations)
    # Version 1, dated as versions.yaml says.
    assert data["changes"] == [
        {"date": "2026-11-27", "version": "1", "description": "First published."}
    ]
    assert data["version"] == {"number": "1", "date": "2026-11-27"}


def test_chinese_readers_get_the_editors_texts_in_chinese(client, edition):
    english = {p["id"]: p for p in get_json(client, f"{API}places/")["results"]}
    chinese = {p["id"]: p for p in get_json(client, "/zh-hans/api/v1/places/")["results"]}
    assert english.keys() == chinese.keys()
    assert chinese["northeast"]["url"] == "http://testserver/zh-hans/api/v1/places/northeast/"
    assert chinese["northeast"]["name"] != english["northeast"]["name"]


def test_figures_link_their_paragraph_and_place(client, edition):
    figures = get_json(client, f"{API}figures/")["results"]
    linked = [f for f in figures if f["paragraph_url"]]
    assert linked
    assert all(f["paragraph_url"].startswith("http://testserver/en/") for f in linked)
    located = next(f for f in figures if f["place"])
    assert get_json(client, located["place"])["id"] == located["place_id"]


def test_csv_downloads_open_in_spreadsheets(client, edition):
    for name in ("figures", "places", "events"):
        response = client.get(f"{API}{name}.csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Link"] == f'<{LICENCE}>; rel="license"'
        assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel reads UTF-8 by
        rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows and rows[0]["id"] and rows[0]["url"].startswith("http://testserver/en/api/")
    places = client.get(f"{API}places.csv").content.decode("utf-8-sig")
    assert "东北" in places


def test_geojson_of_the_maps_figures(client, edition):
    response = client.get(f"{API}figures.geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection" and data["licence"]["url"] == LICENCE
    feature = data["features"][0]
    assert feature["geometry"]["type"] == "Point"
    assert {"figure", "value", "unit", "document", "paragraph_url"} <= set(feature["properties"])


def test_api_responses_are_cached_and_dropped_on_change(client, edition, settings):
    settings.PAGE_CACHE = True
    url = f"{API}places/northeast/"
    assert any(client.get(url).get("X-Page-Cache") == "hit" for _ in range(3))
    place = Place.objects.get(slug="northeast", locale=Locale.get_default())
    place.name = "The Renamed Northeast"
    place.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "The Renamed Northeast" in response.content.decode()


def test_never_unpublished_private_draft_lesson_or_personal(client, edition):
    owner = get_user_model().objects.create_user(
        "owner", email="owner.secret@example.org", password="pw", first_name="Secretowner"
    )
    # A draft revision with new text, by a named owner: only the published text shows.
    edition.owner = owner
    edition.save(update_fields=["owner"])
    edition.title = "SECRET DRAFT TITLE"
    edition.save_revision(user=owner)
    # An unpublished edition, and an edition closed to the public (in every language).
    for unpublished in EditionPage.objects.filter(slug="second-bulletin"):
        unpublished.unpublish()
    for private in EditionPage.objects.filter(slug="final-report"):
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    # An unpublished essay, and a lesson with a teacher-only answer.
    essay = EssayPage.objects.live().filter(locale=Locale.get_default()).first()
    essay.title = "SECRET ESSAY DRAFT"
    essay.save_revision()
    teacher = get_user_model().objects.create_user("ana", password="pw", first_name="Ana")
    teacher.groups.add(Group.objects.get(name="Teachers"))
    answer = {"skill": "sourcing", "prompt": "<p>Who?</p>", "sentence_starters": [],
              "model_answer": "<p>SECRET ANSWER</p>"}  # fmt: skip
    published_lesson(teacher, "secret", title="Secret lesson", objectives="Read.",
                     body=[{"type": "question", "value": answer}])  # fmt: skip

    for prefix in ("/en", "/zh-hans"):
        found = everything(client, prefix)
        for secret in ["SECRET DRAFT TITLE", "SECRET ESSAY DRAFT", "SECRET ANSWER", "Secret lesson",
                       "owner.secret@example.org", "Secretowner", "/second-bulletin/",
                       "/final-report/"]:  # fmt: skip
            assert secret not in found, (prefix, secret)
        assert "/fifth-bulletin/" in found
    assert client.get(f"{API}editions/second-bulletin/").status_code == 404
    assert client.get(f"{API}editions/final-report/").status_code == 404


def test_the_api_page_in_both_languages(client, edition):
    english = client.get("/en/api/")
    assert english.status_code == 200
    html = english.content.decode()
    assert "<h1>Open data and API</h1>" in html
    assert 'href="http://testserver/en/api/v1/editions/cc-directive-1952/"' in html
    assert 'rel="license"' in html and "&quot;anchor&quot;" in html
    # The language switcher and the alternates lead to the same page in the other language.
    assert 'hreflang="zh-hans" href="http://testserver/zh-hans/api/"' in html
    assert 'href="/zh-hans/api/"' in html
    chinese = client.get("/zh-hans/api/").content.decode()
    assert "<h1>开放数据与接口</h1>" in chinese
    assert "http://testserver/zh-hans/api/v1/" in chinese


@pytest.mark.parametrize(
    ("url", "links"),
    [
        ("/en/numbers/", ["figures.csv", "figures.geojson", "/en/api/"]),
        ("/en/map/", ["figures.csv", "figures.geojson", "places.csv", "/en/api/"]),
        ("/en/timeline/", ["events.csv", "/en/api/"]),
        ("/en/fifth-bulletin/", ["/en/api/v1/editions/fifth-bulletin/", "tei.xml"]),
    ],
)
def test_pages_link_their_data(client, edition, url, links):
    html = client.get(url).content.decode()
    for link in links:
        assert link in html, link


def test_places_terms_and_people_name_their_authority_records(client, edition):
    beijing = get_json(client, f"{API}places/beijing/")
    assert (beijing["wikidata"], beijing["geonames"]) == ("Q956", "1816670")
    assert beijing["same_as"] == [
        "http://www.wikidata.org/entity/Q956",
        "https://sws.geonames.org/1816670/",
    ]
    subei = get_json(client, f"{API}places/subei/")  # none checked: empty, not guessed
    assert (subei["wikidata"], subei["geonames"], subei["same_as"]) == (None, None, [])
    mao = get_json(client, f"{API}people/mao-zedong/")
    assert (mao["name_zh"], mao["born"], mao["wikidata"]) == ("毛泽东", "1893-12-26", "Q5816")
    assert {k: mao["named_in"][0][k] for k in ("edition", "paragraph")} == {
        "edition": "Fifth bulletin",
        "paragraph": 26,
    }
    assert mao["named_in"][0]["paragraph_url"] == "http://testserver/en/fifth-bulletin/#p26"
    luo = get_json(client, "/zh-hans/api/v1/people/luo-ruiqing/")
    assert luo["name"] == "罗瑞卿" and luo["wikidata"] is None
    text = client.get(f"{API}places.csv").content.decode("utf-8-sig")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text))}
    assert (rows["beijing"]["wikidata"], rows["beijing"]["geonames"]) == ("Q956", "1816670")


def test_the_api_page_is_in_the_sitemap_in_both_languages(client, edition):
    sitemap = client.get("/sitemap.xml").content.decode()
    for language in ("en", "zh-hans"):
        assert f"<loc>http://localhost/{language}/api/</loc>" in sitemap
    assert 'hreflang="zh-hans" href="http://localhost/zh-hans/api/"' in sitemap


def test_an_editorial_note_names_its_sources(client, edition):
    data = get_json(client, f"{API}editions/fifth-bulletin/")
    cited = [note for note in data["annotations"] if note["sources"]]
    assert cited, "the fifth bulletin's notes cite sources"
    records = {record.key: record for record in SourceRecord.objects.all()}
    for source in cited[0]["sources"]:
        assert records[source["key"]].title[:20] in source["citation"]


def test_a_place_of_its_own_adds_its_outline(client, edition):
    listing = get_json(client, f"{API}places/")["results"]
    assert all("outline" not in place for place in listing)
    assert "outline" in get_json(client, f"{API}places/rehe/")


def test_an_editions_record_is_dropped_when_a_source_its_notes_cite_changes(
    client, edition, settings
):
    settings.PAGE_CACHE = True
    url = f"{API}editions/fifth-bulletin/"
    data = client.get(url).json()
    key = next(note for note in data["annotations"] if note["sources"])["sources"][0]["key"]
    assert any(client.get(url).get("X-Page-Cache") == "hit" for _ in range(3))
    record = SourceRecord.objects.get(key=key)
    record.title = "A Corrected Title of the Record"
    record.save()
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "A Corrected Title of the Record" in response.content.decode()
