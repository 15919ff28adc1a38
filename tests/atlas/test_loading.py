"""Loading places, figures and place names: idempotent, keeps editors' work, refuses
malformed items naming the file and the item."""

import re

import pytest
from django.core.management.base import CommandError

from history.atlas.figures import ReportedFigure
from history.atlas.mentions import PlaceMention
from history.atlas.places import Place
from tests.conftest import load_site

pytestmark = pytest.mark.django_db


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("figures.yaml", "kind: executions", "kind: beheadings", "fifth-executions: kind"),
        ("figures.yaml", "place: rehe", "place: atlantis", "unknown place “atlantis”"),
        ("figures.yaml", "anchor: p18", "anchor: p17", ": phrase_original"),
        ("places.yaml", "point: [40.95, 117.96]", "point: [40.95, 17.96]", "rehe: longitude"),
        (
            "mentions.yaml",
            "phrase: Tonghua, Jilin",
            "phrase: Tonghua City",
            "words are not in that",
        ),
    ],
)
def test_malformed_items_are_refused(content_copy, file, old, new, message):
    edit(content_copy / "atlas" / file, old, new)
    before = ReportedFigure.objects.count(), Place.objects.count(), PlaceMention.objects.count()
    with pytest.raises(CommandError, match=re.escape(message)):
        load_site(content_copy)
    assert (
        ReportedFigure.objects.count(),
        Place.objects.count(),
        PlaceMention.objects.count(),
    ) == before


def test_a_changed_figure_is_updated_and_an_edited_one_kept(content_copy):
    figures = content_copy / "atlas" / "figures.yaml"
    edit(
        figures,
        "label: Major drug offenders executed after public trials",
        "label: Offenders executed",
    )
    output = load_site(content_copy)
    assert "updated atlas/figures/fifth-executions" in output
    figure = ReportedFigure.objects.get(slug="fifth-executions", locale__language_code="en")
    assert figure.label == "Offenders executed"

    figure.note = "An editor's note."
    figure.save()
    figure.save_revision()
    edit(figures, "label: Offenders executed", "label: Executed")
    output = load_site(content_copy)
    assert "kept atlas/figures/fifth-executions" in output
    figure.refresh_from_db()
    assert figure.note == "An editor's note." and figure.label == "Offenders executed"


def test_translations_of_places_come_from_their_po_file(content_copy):
    po = content_copy / "translations" / "zh-hans" / "atlas" / "places.po"
    edit(po, 'msgstr "热河省"', 'msgstr "热河省（已撤销）"')
    output = load_site(content_copy)
    assert "updated atlas/places/rehe@zh-hans" in output
    assert (
        Place.objects.get(slug="rehe", locale__language_code="zh-hans").name == "热河省（已撤销）"
    )


def test_a_po_entry_for_no_item_is_refused(content_copy):
    po = content_copy / "translations" / "zh-hans" / "atlas" / "places.po"
    edit(po, 'msgctxt "rehe:name"', 'msgctxt "atlantis:name"')
    with pytest.raises(CommandError, match="names no item"):
        load_site(content_copy)


def test_an_admin_edit_to_place_names_is_kept(content_copy):
    mention = PlaceMention.objects.filter(place__slug="tonghua", version="en").first()
    mention.phrase = "Tonghua"
    mention.save()
    edit(content_copy / "atlas" / "mentions.yaml", "phrase: 东北通化市", "phrase: 通化市")
    output = load_site(content_copy)
    assert "kept atlas/mentions/fifth-bulletin" in output
    assert PlaceMention.objects.filter(phrase="Tonghua").exists()
