"""The timeline: dates to their precision in both languages, validation, filters, the
JSON file, and the links between events, places and paragraphs."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from history.timeline.dates import PartialDate, format_date, format_range
from history.timeline.events import Event
from history.timeline.listing import ERAS

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize(
    ("start", "end", "circa", "en", "zh"),
    [
        ((1729,), None, False, "1729", "1729年"),
        ((1729,), None, True, "c. 1729", "约1729年"),
        ((1907, 12), None, False, "December 1907", "1907年12月"),
        ((1839, 6, 3), None, False, "3 June 1839", "1839年6月3日"),
        ((1839,), (1842,), False, "1839–1842", "1839—1842年"),
        ((1909, 2, 5), (1909, 2, 26), False, "5–26 February 1909", "1909年2月5日至26日"),
        ((1839, 6, 3), (1839, 6, 25), False, "3–25 June 1839", "1839年6月3日至25日"),
        (
            (1951, 12, 1),
            (1952, 10, 25),
            False,
            "1 December 1951 – 25 October 1952",
            "1951年12月1日至1952年10月25日",
        ),
    ],
)
def test_dates_read_to_their_precision_in_both_languages(start, end, circa, en, zh):
    start = PartialDate(*start)
    end = PartialDate(*end) if end else None
    assert format_range(start, end, circa, "en") == en
    assert format_range(start, end, circa, "zh-hans") == zh
    if end is None:
        assert format_date(start, circa, "en") == en


def test_seed_events_are_sourced_and_span_the_history(site_content):
    events = Event.objects.filter(locale__language_code="en").prefetch_related("sources")
    assert events.count() >= 30
    for event in events:
        assert event.sources.exists(), event.slug
    years = sorted(event.year for event in events)
    assert years[0] == 1729 and years[-1] > 1953
    slugs = {event.slug for event in events}
    for required in ["1952-cc-directive", "1952-first-phase-arrests", "1952-second-bulletin",
                     "1952-fifth-bulletin-figures", "1952-fifth-bulletin-signed",
                     "1952-fifth-bulletin-forwarded", "1952-final-report",
                     "1950-gac-opium-order", "1912-hague-opium-convention"]:  # fmt: skip
        assert required in slugs
    assert Event.objects.filter(locale__language_code="zh-hans").count() == events.count()


def event(**fields):
    defaults = {"slug": "x", "title": "X", "year": 1952, "theme": "campaign_1952",
                "summary": "S.", "precision": "day", "month": 9, "day": 12}  # fmt: skip
    return Event(**{**defaults, **fields})


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"day": None}, "day"),
        ({"precision": "year"}, "precision"),
        ({"month": 2, "day": 30}, "day"),
        ({"end_year": 1951}, "end_year"),
        ({"end_year": 1952, "end_month": 9, "end_day": 11}, "end_year"),
        ({"end_day": 3}, "end_year"),
        ({"anchors": "p8"}, "edition"),
    ],
)
def test_invalid_dates_are_refused(fields, field):
    with pytest.raises(ValidationError) as error:
        event(**fields).clean()
    assert field in error.value.message_dict


def test_valid_periods_pass():
    event(end_year=1952, end_month=9).clean()  # ends in the month it starts
    event(precision="year", month=None, day=None, end_year=1955).clean()


def test_admin_form_shows_validation_errors(admin_client, site_content):
    before = Event.objects.count()
    response = admin_client.post(
        "/admin/snippets/timeline/event/add/",
        {
            "title": "A test event", "slug": "test-event", "year": "1952", "month": "9",
            "day": "", "precision": "day", "theme": "campaign_1952", "summary": "Something.",
            "text": '{"blocks": [], "entityMap": {}}', "end_year": "1950", "sources": [],
        },
    )  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "A date known to the day needs its day." in html
    assert Event.objects.count() == before


def results(html):
    return len(re.findall(r'<li class="event event--', html))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", None),
        ("period=campaign", "campaign"),
        ("theme=this_document", 6),
        ("theme=this_document&theme=campaign_1952", "doc+campaign"),
        ("theme=international&period=qing", "intl-qing"),
    ],
)
def test_filters_keep_the_right_events(client, site_content, query, expected):
    events = list(Event.objects.filter(locale__language_code="en"))
    era = {e.slug: next(x for x in ERAS if x.holds(e)).slug for e in events}
    counts = {
        None: len(events),
        "campaign": sum(era[e.slug] == "campaign" for e in events),
        6: 6,
        "doc+campaign": sum(e.theme in ("this_document", "campaign_1952") for e in events),
        "intl-qing": sum(e.theme == "international" and era[e.slug] == "qing" for e in events),
    }
    html = client.get(f"/en/timeline/?{query}").content.decode()
    assert results(html) == counts[expected]
    assert re.search(rf"\b{counts[expected]} events?\b", html)


def test_unknown_filter_values_are_ignored_by_the_page_and_refused_by_the_json(
    client, site_content
):
    response = client.get("/en/timeline/?theme=%3Cscript%3E&period=1066")
    assert response.status_code == 200
    assert (
        results(response.content.decode())
        == Event.objects.filter(locale__language_code="en").count()
    )
    for query in ("theme=bogus", "period=1066"):
        assert client.get(f"/en/timeline/events.json?{query}").status_code == 400


def test_htmx_gets_the_results_alone(client, site_content):
    response = client.get("/en/timeline/?period=campaign", **HX)
    html = response.content.decode()
    assert "<!DOCTYPE" not in html and 'id="timeline-results"' in html
    assert "HX-Request" in response["Vary"]
    fragment = client.get("/en/timeline/event/1839-humen/", **HX).content.decode()
    assert "<!DOCTYPE" not in fragment and "Sources" in fragment
    page = client.get("/en/timeline/event/1839-humen/").content.decode()
    assert "<!DOCTYPE" in page and "Back to the timeline" in page
    assert client.get("/en/timeline/event/nothing/").status_code == 404


def test_events_json(client, site_content, django_assert_max_num_queries):
    response = client.get("/en/timeline/events.json?theme=this_document")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.head("/en/timeline/events.json").status_code == 200
    with django_assert_max_num_queries(12):
        data = client.get("/en/timeline/events.json?theme=this_document").json()
    assert "&#x27;" not in json.dumps(data) and "\n\n" in data["events"][0]["text"]
    # The dates of the campaign's four documents, each event linked into its edition.
    assert data["count"] == 6
    first = data["events"][0]
    assert first["date"]["start"] == "1952-04-15" and first["date"]["precision"] == "day"
    assert first["paragraphs"] and first["paragraphs"][0].startswith(
        "http://testserver/en/cc-directive-1952/#p"
    )
    fifth = next(e for e in data["events"] if e["date"]["start"] == "1952-09-12")
    assert fifth["paragraphs"][0].startswith("http://testserver/en/fifth-bulletin/#p")
    assert fifth["sources"] and "Luo Ruiqing" in fifth["sources"][0]
    final = data["events"][-1]
    assert final["date"]["start"] == "1952-12-18"
    assert final["paragraphs"][0].startswith("http://testserver/en/final-report/#p")
    zh = client.get("/zh-hans/timeline/events.json?theme=this_document").json()
    assert zh["events"][0]["date"]["label"] == "1952年4月15日"


def test_events_link_to_places_and_paragraphs_and_back(client, site_content):
    html = client.get("/en/timeline/event/1952-second-bulletin/").content.decode()
    assert 'href="/en/map/?place=' in html
    edition = client.get("/en/fifth-bulletin/").content.decode()
    assert "On the timeline" in edition
    assert 'href="/en/timeline/#event-1952-fifth-bulletin-figures"' in edition


def test_overview_marks_the_dates_of_the_campaigns_documents(client, site_content):
    html = client.get("/en/timeline/?period=campaign").content.decode()
    assert html.count("overview__mark--key") == 6
    # A line across the lanes at each of the six dates.
    assert html.count('class="overview__key"') == 6


def test_timeline_queries_do_not_grow_with_events(
    client, site_content, django_assert_max_num_queries
):
    client.get("/en/timeline/")
    with django_assert_max_num_queries(12):
        client.get("/en/timeline/")
    template = Event.objects.filter(locale__language_code="en").first()
    sources = list(template.sources.all())
    for index in range(1000 - Event.objects.filter(locale__language_code="en").count()):
        extra = Event(
            slug=f"extra-{index}", title=f"Extra {index}", year=1900 + index % 80,
            precision="year", theme="society", summary="S.", locale=template.locale,
        )  # fmt: skip
        extra.save()
        extra.sources.set(sources)
    client.get("/en/timeline/")
    with django_assert_max_num_queries(12):
        response = client.get("/en/timeline/")
    assert "1000 events" in response.content.decode()


def test_uncached_timeline_queries_do_not_grow_with_events(client, site_content):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def uncached_queries():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get("/en/timeline/")
        return len(queries)

    before = uncached_queries()
    template = Event.objects.filter(locale__language_code="en").first()
    for index in range(50):
        extra = Event(
            slug=f"more-{index}", title=f"More {index}", year=1900 + index, precision="year",
            theme="society", summary="S.", locale=template.locale,
        )  # fmt: skip
        extra.save()
        extra.sources.set(template.sources.all())
    assert uncached_queries() == before


def test_an_event_image_is_shown_with_its_credit(client, site_content, tmp_path, settings):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = str(tmp_path)
    path = tmp_path / "edict.png"
    PILImage.new("RGB", (900, 600), "white").save(path)
    with path.open("rb") as handle:
        image = Image.objects.create(
            title="Edict",
            description="A page of the edict",
            file=ImageFile(handle, name="edict.png"),
        )
    event = Event.objects.get(slug="1906-qing-opium-edict", locale__language_code="en")
    event.image, event.image_credit = image, "Public domain."
    event.save()
    html = client.get("/en/timeline/event/1906-qing-opium-edict/").content.decode()
    assert "<picture>" in html and 'alt="A page of the edict"' in html
    assert "Public domain." in html


def test_each_mark_on_the_overview_has_its_themes_shape(client, site_content):
    html = client.get("/en/timeline/").content.decode()
    shapes = {
        "this_document": r'<path transform="translate\([\d.]+ [\d.]+\)" d="M0 -6 l5 6',
        "campaign_1952": r'<path transform="translate\([\d.]+ [\d.]+\)" d="M0 -5 l5 9',
        "law_policy": r'<rect transform="translate\([\d.]+ [\d.]+\)" x="-4" y="-4"',
        "society": r'<circle class="ring" cx="[\d.]+" cy="[\d.]+" r="3.5">',
        "international": r'<circle cx="[\d.]+" cy="[\d.]+" r="4.5">',
    }
    for theme, shape in shapes.items():
        marks = re.findall(
            rf'<a href="#event-[^"]+" class="overview__mark overview__mark--{theme}[^"]*">'
            r"\s*<title>.*?</title>\s*(?:<line[^>]*></line>)?\s*(<[^>]+>)",
            html,
        )
        assert marks, theme
        assert all(re.match(shape, mark) for mark in marks), theme
