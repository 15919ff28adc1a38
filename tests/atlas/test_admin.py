"""Editors work on places, figures, place names, events and source records in the admin."""

import pytest

from history.atlas.figures import ReportedFigure
from history.atlas.places import Place
from history.core.bibliography import SourceRecord
from history.timeline.events import Event

pytestmark = pytest.mark.django_db


def test_snippet_listings_and_edit_forms_open(admin_client, site_content):
    for url in [
        "/admin/snippets/atlas/place/",
        "/admin/snippets/atlas/reportedfigure/",
        "/admin/snippets/atlas/placemention/",
        "/admin/snippets/timeline/event/",
        "/admin/snippets/core/sourcerecord/",
        "/admin/snippets/atlas/place/?locale=zh-hans",
    ]:
        assert admin_client.get(url).status_code == 200, url
    objects = [
        Place.objects.get(slug="rehe", locale__language_code="en"),
        ReportedFigure.objects.get(slug="fifth-executions", locale__language_code="en"),
        Event.objects.get(slug="1952-second-bulletin", locale__language_code="en"),
        SourceRecord.objects.get(key="zhou-2000"),
    ]
    for obj in objects:
        meta = obj._meta
        url = f"/admin/snippets/{meta.app_label}/{meta.model_name}/edit/{obj.pk}/"
        assert admin_client.get(url).status_code == 200, url


def test_a_figure_whose_words_are_not_in_its_paragraph_is_refused_in_the_admin(
    admin_client, site_content
):
    figure = ReportedFigure.objects.get(slug="fifth-executions", locale__language_code="en")
    url = f"/admin/snippets/atlas/reportedfigure/edit/{figure.pk}/"
    response = admin_client.post(
        url,
        {
            "label": figure.label, "slug": figure.slug, "kind": figure.kind,
            "place": "", "approximation": "exact", "value": "45", "unit": "person",
            "period": "", "as_of": "1952-09-12", "document": figure.document_id,
            "edition": figure.edition_id, "anchor": "p17",
            "phrase_original": figure.phrase_original,
            "phrase_translation": figure.phrase_translation,
            "translation_by": "received", "note": "",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "does not contain these exact words" in response.content.decode()
    figure.refresh_from_db()
    assert figure.anchor == "p18"
