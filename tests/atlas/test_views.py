"""The map page, its table twin, its GeoJSON, the place panels and the numbers page."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from history.atlas.figures import Action, ReportedFigure
from history.atlas.places import CHINA_BOUNDS, Place

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def rows(html):
    return re.findall(r"<tr>\s*<td>", html)


def island(html):
    match = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_map_page_shows_the_fifth_bulletin_by_default(client, site_content):
    response = client.get("/en/map/")
    html = response.content.decode()
    assert response.status_code == 200
    fifth = ReportedFigure.objects.filter(
        locale__language_code="en", document__key="fifth-bulletin"
    )
    assert len(rows(html)) == fifth.count()
    assert 'value="fifth-bulletin" checked' in html
    assert "basemap.geojson" in html
    # The table twin and the map hold the same figures.
    data = island(html)
    assert (
        sum(len(f["properties"]["figures"]) for f in data["features"])
        == fifth.exclude(place=None).count()
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("document=second-bulletin", 22),
        ("document=second-bulletin&kind=arrests", 21),
        ("document=fifth-bulletin&kind=trials", 17),
        ("document=fifth-bulletin&kind=denunciations", 8),
        ("place=rehe", 1),
        ("place=northeast&document=all", 4),
        ("document=final-report&kind=seizures", 2),
    ],
)
def test_filters_choose_the_rows(client, site_content, query, expected):
    html = client.get(f"/en/map/?{query}").content.decode()
    assert len(rows(html)) == expected
    assert re.search(rf"{expected} figures? shown", html)


def test_unknown_filter_values_are_dropped_on_the_page(client, site_content):
    response = client.get("/en/map/?document=nope&kind=%3Cscript%3E&place=atlantis&sort=--x")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</head>")[1].split("map-data")[0]


def test_htmx_gets_the_results_fragment_and_the_panel(client, site_content):
    response = client.get("/en/map/?place=tonghua", **HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert not html.lstrip().startswith("<!DOCTYPE")
    assert 'id="map-results"' in html
    assert 'hx-swap-oob="innerHTML:#place-panel"' in html and "Liaodong" in html
    assert "HX-Request" in response["Vary"]


def test_an_outline_of_1952_is_drawn_with_its_place(client, site_content):
    rehe = Place.objects.get(slug="rehe", locale__language_code="en")
    rehe.outline = {
        "type": "Polygon",
        "coordinates": [
            [[116.5, 40.2], [120.5, 40.2], [120.5, 43.5], [116.5, 43.5], [116.5, 40.2]]
        ],
    }
    rehe.full_clean()
    rehe.save()
    data = client.get("/en/map/data.geojson?place=rehe").json()
    outlines = [f for f in data["features"] if f["properties"].get("outline")]
    assert [f["geometry"]["type"] for f in outlines] == ["Polygon"]
    rehe.outline = {"type": "Point", "coordinates": [117, 41]}
    with pytest.raises(ValidationError):
        rehe.full_clean()


def test_sorting_by_value(client, site_content):
    html = client.get("/en/map/?document=second-bulletin&kind=arrests&sort=-value").content.decode()
    first = re.search(r'<td class="num">([^<]+)</td>', html).group(1)
    assert first == "165,072 people"  # offenders known before the arrests
    assert 'aria-sort="descending"' in html


def test_geojson_is_valid_and_filtered(client, site_content):
    response = client.get("/en/map/data.geojson?document=fifth-bulletin&kind=trials")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    data = response.json()
    assert data["type"] == "FeatureCollection"
    assert data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert CHINA_BOUNDS["west"] <= lon <= CHINA_BOUNDS["east"]
        assert CHINA_BOUNDS["south"] <= lat <= CHINA_BOUNDS["north"]
        assert feature["properties"]["action"] == "trials"
        for figure in feature["properties"]["figures"]:
            assert figure["paragraph"].startswith("http://testserver/en/fifth-bulletin/#p")


@pytest.mark.parametrize(
    "query", ["kind=bogus", "document=x", "place=%27%3B%20DROP%20TABLE", "sort=nothing"]
)
def test_geojson_refuses_unknown_filters(client, site_content, query):
    response = client.get(f"/en/map/data.geojson?{query}")
    assert response.status_code == 400


def test_place_panel_as_page_and_fragment(client, site_content):
    page = client.get("/en/map/place/songjiang/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<!DOCTYPE" in html and "Back to the map" in html and "83%" in html
    fragment = client.get("/en/map/place/songjiang/", **HX).content.decode()
    assert "<!DOCTYPE" not in fragment and "松江省" in fragment
    assert client.get("/en/map/place/atlantis/").status_code == 404


def test_chinese_map_speaks_chinese(client, site_content):
    html = client.get("/zh-hans/map/?place=rehe").content.decode()
    assert "热河省" in html
    assert "/zh-hans/fifth-bulletin/#p" in html
    # The Chinese reader gets the original's words, not the English translation's.
    figure = ReportedFigure.objects.get(
        slug="fifth-public-trials-planned-rehe", locale__language_code="en"
    )
    assert figure.phrase_original in html
    assert f'<q lang="en">{figure.phrase_translation}' not in html


def test_the_edition_links_place_names_to_the_map_and_back(client, site_content):
    html = client.get("/en/fifth-bulletin/").content.decode()
    assert 'class="place-link" href="/en/map/?place=tonghua"' in html
    zh = client.get("/zh-hans/fifth-bulletin/?version=zh").content.decode()
    assert 'href="/zh-hans/map/?place=tonghua"' in zh
    # From the map's table back to the paragraph.
    table = client.get("/en/map/?place=tonghua").content.decode()
    assert 'href="/en/fifth-bulletin/#p37"' in table


def test_numbers_page_draws_accessible_charts(client, site_content):
    html = client.get("/en/numbers/").content.decode()
    charts = re.findall(r'<svg class="bar-chart bar-chart--wide"[^>]*role="img"', html)
    assert len(re.findall(r'<svg class="bar-chart bar-chart--narrow"', html)) == len(charts)
    assert len(charts) >= 6
    assert html.count("Reported by the campaign.") == len(charts)
    assert html.count('<table class="chart-table">') == len(charts)
    assert "10,821 people" in html and "82,056 people" in html
    assert client.get("/zh-hans/numbers/").status_code == 200


def test_map_queries_do_not_grow_with_places_and_figures(
    client, site_content, django_assert_max_num_queries
):
    client.get("/en/map/")  # warm the site frame
    with django_assert_max_num_queries(12):
        client.get("/en/map/")
    base = Place.objects.get(slug="rehe", locale__language_code="en")
    template = ReportedFigure.objects.get(
        slug="fifth-public-trials-planned-rehe", locale__language_code="en"
    )
    for index in range(60):
        place = Place.objects.create(
            slug=f"p{index}", name=f"Place {index}", name_zh="地", kind="city",
            latitude=base.latitude, longitude=base.longitude, status_1952="A place.",
            locale=base.locale, parent=base,
        )  # fmt: skip
        ReportedFigure.objects.create(
            slug=f"f{index}", document=template.document, place=place, kind="arrests",
            value=index, unit="person", as_of=template.as_of, label="Arrests",
            phrase_original="x", phrase_translation="x", locale=base.locale,
        )  # fmt: skip
    client.get("/en/map/")
    with django_assert_max_num_queries(12):
        response = client.get("/en/map/?document=fifth-bulletin")
    assert "Place 59" in response.content.decode()
    with django_assert_max_num_queries(12):
        client.get("/en/numbers/")


def test_uncached_map_queries_do_not_grow_with_figures(client, site_content):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def uncached_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/map/")
        return len(queries)

    before = uncached_queries()
    template = ReportedFigure.objects.get(slug="fifth-executions", locale__language_code="en")
    place = Place.objects.get(slug="rehe", locale__language_code="en")
    for index in range(40):
        ReportedFigure.objects.create(
            slug=f"g{index}", document=template.document, place=place, kind="arrests",
            value=index, unit="person", as_of=template.as_of, label="Arrests",
            phrase_original="x", phrase_translation="x", locale=place.locale,
        )  # fmt: skip
    assert uncached_queries() == before


def test_geojson_is_open_data_with_its_words(client, site_content):
    response = client.get("/en/map/data.geojson?place=tonghua")
    assert response["Access-Control-Allow-Origin"] == "*"
    figure = response.json()["features"][0]["properties"]["figures"][0]
    assert figure["phrase_original"] == "东北通化市两天收到的检举信等于过去十天的两倍"
    assert client.head("/en/map/data.geojson").status_code == 200


def test_the_legend_shows_each_kind_of_action_with_its_own_symbol(client, site_content):
    html = client.get("/en/map/").content.decode()
    legend = html[
        html.index('class="map-legend"') : html.index("</section>", html.index("map-legend"))
    ]
    symbols = re.findall(
        r'<svg class="symbol" data-symbol="(\w+)".*?<g [^>]*fill="(#\w+)">\s*<(\w+)',
        legend,
        flags=re.S,
    )
    assert [action for action, _fill, _shape in symbols] == list(Action.values)
    assert len({(fill, shape) for _action, fill, shape in symbols}) == len(Action.values)
    assert ("arrests", "#0072B2", "circle") in symbols


def test_a_figure_shows_the_same_measure_in_the_other_documents(client, site_content):
    html = client.get("/en/map/", {"document": "fifth-bulletin", "kind": "arrests"}).content
    html = html.decode()
    row = html[html.index("30,998") :]
    row = row[: row.index("</tr>")]
    assert "The same measure in the other documents:" in row
    # Earlier and later counts of arrests, each linked to its paragraph.
    assert re.search(r"Second bulletin: 10,821 .*?/en/second-bulletin/#p\d+", row, re.S)
    assert re.search(r"Final report: 82,056 .*?/en/final-report/#p15", row, re.S)
    assert "Fifth bulletin:" not in row
    chinese = client.get("/zh-hans/map/", {"document": "fifth-bulletin", "kind": "arrests"})
    assert "其他文件中的同一项数字" in chinese.content.decode()


def test_the_document_control_links_to_each_edition(client, site_content):
    html = client.get("/en/map/").content.decode()
    control = html[html.index('class="map-filters__editions"') :]
    control = control[: control.index("</p>")]
    for slug in ("second-bulletin", "fifth-bulletin", "final-report"):
        assert f'href="/en/{slug}/"' in control


def test_the_controls_are_rendered_once_per_choice(client, site_content, monkeypatch):
    """The document and place choices grow with the documents and places: a page view reads
    them finished, rendered once per chosen document and place."""
    from django.template.loader import render_to_string

    from history.atlas import views

    rendered = []

    def counted(name, *args, **kwargs):
        rendered.append(name)
        return render_to_string(name, *args, **kwargs)

    monkeypatch.setattr(views, "render_to_string", counted)
    controls = ["atlas/includes/document_choices.html", "atlas/includes/place_options.html"]
    client.get("/en/map/")
    client.get("/en/map/?kind=arrests")
    assert sorted(name for name in rendered if name in controls) == controls
    html = client.get("/en/map/?document=final-report").content.decode()
    assert rendered.count(controls[0]) == 2
    assert 'value="final-report" checked' in html and 'value="fifth-bulletin">' in html
