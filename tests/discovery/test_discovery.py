"""What search engines and citation tools read: schema.org data on timeline events, the
canonical address of every page, and the sitemap with each page's languages."""

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from history.core.roles import TEACHERS
from history.timeline.events import Event
from tests.essays.factories import make_essay, paragraph

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def json_ld(html):
    return [
        json.loads(text)
        for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def canonicals(html):
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


# --- timeline events ---


def test_an_event_page_describes_the_event_as_schema_org_data(client, site_content):
    html = client.get("/en/timeline/event/1839-humen/").content.decode()
    [data] = json_ld(html)
    event = Event.objects.get(slug="1839-humen", locale__language_code="en")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert (data["startDate"], data["endDate"]) == ("1839-06-03", "1839-06-25")
    assert data["description"] == event.summary
    assert data["url"] == f"{SITE}/en/timeline/event/1839-humen/"
    [place] = data["location"]
    assert place["@type"] == "Place" and place["geo"]["@type"] == "GeoCoordinates"
    assert place["geo"]["latitude"] == pytest.approx(22.8, abs=0.5)


def test_event_dates_are_as_precise_as_they_are_known(client, site_content):
    [year_only] = json_ld(client.get("/en/timeline/event/1729-yongzheng-edict/").content.decode())
    assert year_only["startDate"] == "1729"
    assert "endDate" not in year_only and "location" not in year_only
    [month] = json_ld(client.get("/en/timeline/event/1839-first-opium-war/").content.decode())
    assert (month["startDate"], month["endDate"]) == ("1839-09", "1842-08-29")
    # In Chinese, the Chinese text at the Chinese address.
    [chinese] = json_ld(client.get("/zh-hans/timeline/event/1839-humen/").content.decode())
    translated = Event.objects.get(slug="1839-humen", locale__language_code="zh-hans")
    assert chinese["name"] == translated.title
    assert chinese["url"] == f"{SITE}/zh-hans/timeline/event/1839-humen/"


def test_the_timeline_lists_every_event_whatever_the_filter(client, site_content):
    [data] = json_ld(client.get("/en/timeline/?theme=international").content.decode())
    assert data["@type"] == "ItemList"
    count = Event.objects.filter(locale__language_code="en").count()
    assert data["numberOfItems"] == count == len(data["itemListElement"])
    first = data["itemListElement"][0]
    assert first["position"] == 1
    assert first["url"] == f"{SITE}/en/timeline/event/1729-yongzheng-edict/"


# --- canonical addresses ---


def test_every_page_names_its_canonical_address(client, site_content):
    make_essay([paragraph("Not translated yet.")], slug="new-essay", title="New essay")
    lesson = "/en/lessons/sourcing-a-government-report/"
    cases = {
        "/en/": "/en/",
        "/zh-hans/": "/zh-hans/",
        "/en/fifth-bulletin/": "/en/fifth-bulletin/",
        "/en/fifth-bulletin/?version=en": "/en/fifth-bulletin/",
        "/en/fifth-bulletin/parallel/": "/en/fifth-bulletin/parallel/",
        "/zh-hans/fifth-bulletin/parallel/?a=zh": "/zh-hans/fifth-bulletin/parallel/",
        "/en/essays/": "/en/essays/",
        "/en/essays/the-numbers/": "/en/essays/the-numbers/",
        "/zh-hans/essays/the-numbers/": "/zh-hans/essays/the-numbers/",
        # An essay not translated yet is shown in Chinese at its English address.
        "/zh-hans/essays/new-essay/": "/en/essays/new-essay/",
        "/en/timeline/": "/en/timeline/",
        "/en/timeline/?theme=international&period=qing": "/en/timeline/",
        "/en/timeline/event/1839-humen/": "/en/timeline/event/1839-humen/",
        "/en/map/?document=fifth-bulletin&kind=arrests": "/en/map/",
        "/en/map/place/rehe/?kind=arrests": "/en/map/place/rehe/",
        "/en/numbers/": "/en/numbers/",
        "/en/glossary/": "/en/glossary/",
        "/en/glossary/term/liang/": "/en/glossary/term/liang/",
        "/en/lessons/?level=secondary": "/en/lessons/",
        lesson: lesson,
        lesson + "handout/": lesson,
        "/zh-hans/lessons/sourcing-a-government-report/": "/zh-hans" + lesson[3:],
    }
    for path, expected in cases.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert canonicals(response.content.decode()) == [SITE + expected], path
    # The teacher copy too, for a teacher.
    teacher = get_user_model().objects.create_user("ana", password="pw")
    teacher.groups.add(Group.objects.get(name=TEACHERS))
    client.force_login(teacher)
    copy = client.get(lesson + "teacher/").content.decode()
    assert canonicals(copy) == [SITE + lesson]
    client.logout()
    # A missing page names none.
    assert canonicals(client.get("/en/no-such-page/").content.decode()) == []


# --- the sitemap ---

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """{path: {hreflang: path}} (the sitemap gives the Wagtail site's own host name)."""
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for url in root.findall("s:url", NS):
        loc = urlsplit(url.find("s:loc", NS).text).path
        entries[loc] = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("x:link", NS)
        }
    return entries


def test_the_sitemap_lists_every_page_in_both_languages_with_its_alternates(client, site_content):
    make_essay([paragraph("Not translated yet.")], slug="new-essay", title="New essay")
    entries = sitemap(client)
    pair = {
        "en": "/en/timeline/event/1839-humen/",
        "zh-hans": "/zh-hans/timeline/event/1839-humen/",
        "x-default": "/en/timeline/event/1839-humen/",
    }
    for path in (pair["en"], pair["zh-hans"]):
        assert entries[path] == pair
    for path in (
        "/en/",
        "/zh-hans/",
        "/en/fifth-bulletin/",
        "/zh-hans/fifth-bulletin/parallel/",
        "/en/essays/the-numbers/",
        "/en/map/place/rehe/",
        "/zh-hans/glossary/term/liang/",
        "/en/lessons/sourcing-a-government-report/",
    ):
        assert path in entries, path
    # Each address with a Chinese (or English) counterpart names it, and the reverse.
    for path, alternates in entries.items():
        for other in alternates.values():
            assert other in entries, (path, other)
            assert entries[other] == alternates, (path, other)
        if path.startswith("/zh-hans/"):
            assert alternates, path  # every Chinese page translates an English one
    # Stand-ins are not listed: their canonical address is their source's.
    assert "/zh-hans/essays/new-essay/" not in entries
    assert entries["/en/essays/new-essay/"] == {}
    assert entries["/en/essays/the-numbers/"]["zh-hans"] == "/zh-hans/essays/the-numbers/"
    # Every address answers.
    for path in entries:
        assert client.get(path).status_code == 200, path
