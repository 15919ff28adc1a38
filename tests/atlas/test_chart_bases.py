"""A chart of shares names the base its figures' sources state: the English title or
description renders each base, the Chinese one quotes it, and every figure drawn in the chart
carries one of those bases in its record (its words in the source, or its note)."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from history.atlas.data import Atlas
from history.atlas.numbers import charts

pytestmark = pytest.mark.django_db


def _charts(language):
    with translation.override(language):
        request = RequestFactory().get(f"/{language}/numbers/")
        return {chart.slug: chart for chart in charts(Atlas(request))}


def test_every_chart_of_shares_names_its_bases(site_content):
    english = _charts("en")
    shares = [
        chart
        for chart in english.values()
        if any(bar.row.figure.unit == "percent" for bar in chart.bars)
    ]
    assert {chart.slug for chart in shares} >= {"arrest-rates", "confession-rates"}
    for chart in shares:
        assert chart.bases, f"{chart.slug}: a chart of shares should declare its bases"


def test_titles_name_the_bases_in_both_languages(site_content):
    chinese = _charts("zh-hans")
    for slug, chart in _charts("en").items():
        for base in chart.bases:
            assert base.english in f"{chart.title} {chart.description}", (slug, base)
            zh = chinese[slug]
            assert base.original in f"{zh.title} {zh.description}", (slug, base)


def test_every_figure_in_a_chart_of_shares_carries_its_base(site_content):
    for slug, chart in _charts("en").items():
        for bar in chart.bars if chart.bases else []:
            figure = bar.row.figure
            record = f"{figure.phrase_original} {figure.note}"
            assert any(base.original in record for base in chart.bases), (slug, figure.slug)


def test_the_confession_chart_is_a_share_of_offenders_at_large(site_content):
    chart = _charts("en")["confession-rates"]
    assert "at large in society" in chart.title
    assert "known offenders" not in chart.title
    assert "社会上毒犯" in _charts("zh-hans")["confession-rates"].title
