"""Editors find, filter and export the snippets (places, figures, place names, chart captions,
events, glossary terms and their marks, source records) from their listings in the admin."""

import csv
import io

import pytest

from history.atlas.places import Place
from history.core.bibliography import SourceRecord

pytestmark = pytest.mark.django_db

# listing: (file name of its export, a value one of its rows holds)
LISTINGS = {
    "atlas/place": ("places", "rehe"),
    "atlas/reportedfigure": ("reported-figures", "fifth-executions"),
    "atlas/placemention": ("place-names", "the Northeast"),
    "atlas/chartcaption": ("chart-captions", "confession-rates"),
    "timeline/event": ("timeline-events", "1952-second-bulletin"),
    "glossary/glossaryterm": ("glossary-terms", "addicts"),
    "glossary/termmention": ("glossary-marks", "瘾民"),
    "core/sourcerecord": ("sources", "zhou-2000"),
}


def exported(admin_client, listing, **filters):
    """The rows of the CSV export of `listing` in English, filtered by `filters` (heading row
    first)."""
    query = {"locale": "en", **filters, "export": "csv"}
    response = admin_client.get(f"/admin/snippets/{listing}/", query)
    assert response.status_code == 200, listing
    assert response["Content-Type"].startswith("text/csv")
    filename = LISTINGS[listing][0]
    assert f'filename="{filename}.csv"' in response["Content-Disposition"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_every_snippet_listing_exports_csv(admin_client, site_content):
    for listing, (_filename, value) in LISTINGS.items():
        heading, *rows = exported(admin_client, listing)
        assert len(heading) > 1, listing
        assert any(value in row for row in rows), (listing, value)


def test_an_export_keeps_the_listings_filters(admin_client, site_content):
    heading, *rows = exported(admin_client, "atlas/place", kind="city")
    kinds = {row[heading.index("Kind")] for row in rows}
    assert kinds == {"city"}
    assert len(rows) == Place.objects.filter(kind="city", locale__language_code="en").count()

    heading, *rows = exported(admin_client, "timeline/event", theme="society")
    assert rows and {row[heading.index("Theme")] for row in rows} == {"society"}

    heading, *rows = exported(admin_client, "atlas/reportedfigure", unit="percent")
    assert rows and {row[heading.index("Unit")] for row in rows} == {"percent"}


def test_listings_filter_by_their_fields(admin_client, site_content):
    def listed(listing, **filters):
        response = admin_client.get(f"/admin/snippets/{listing}/", filters)
        assert response.status_code == 200, (listing, filters)
        return response.content.decode()

    cities = listed("atlas/place", kind="city")
    assert "Tianjin" in cities and "Rehe Province" not in cities

    zhou = SourceRecord.objects.get(key="zhou-2000")
    heading, *rows = exported(admin_client, "glossary/glossaryterm", sources=zhou.pk)
    assert [row[heading.index("Slug")] for row in rows] == ["bulletin"]

    heading, *rows = exported(admin_client, "core/sourcerecord", kind="book")
    assert rows and {row[heading.index("Kind")] for row in rows} == {"book"}


def test_listings_search(admin_client, site_content):
    for listing, query, found in [
        ("atlas/place", "Tianjin", "tianjin"),
        ("timeline/event", "Humen", "1839-humen"),
        ("glossary/glossaryterm", "addicts", "addicts"),
        ("glossary/termmention", "瘾民", "瘾民"),
        ("atlas/placemention", "Northeast", "the Northeast"),
    ]:
        _heading, *everything = exported(admin_client, listing)
        _heading, *rows = exported(admin_client, listing, q=query)
        assert any(found in row for row in rows), listing
        assert len(rows) < len(everything), listing
