"""The numbers page's charts carry the editors' words (site/atlas/charts.yaml and its
translation), and a chart an editor gives no words to is not drawn."""

import pytest

from history.atlas.charts import ChartCaption

pytestmark = pytest.mark.django_db


def test_chart_titles_and_descriptions_come_from_the_content_files(client, site_content):
    english = client.get("/en/numbers/").content.decode()
    assert '<h2 id="confession-rates-title">Those who came to confess and register' in english
    assert "Cumulative arrests at each report." in english
    chinese = client.get("/zh-hans/numbers/").content.decode()
    assert '<h2 id="confession-rates-title">坦白登记者占社会上毒犯的比例</h2>' in chinese
    assert "1952年一两约合31克；文件没有说明使用的是哪种两。" in chinese
    assert "Cumulative arrests" not in chinese


def test_an_editors_change_to_a_caption_shows_and_a_chart_without_one_is_not_drawn(
    client, site_content
):
    caption = ChartCaption.objects.get(slug="totals-arrests", locale__language_code="en")
    caption.title = "Arrests, report by report"
    caption.save()
    ChartCaption.objects.filter(slug="confessions").delete()
    html = client.get("/en/numbers/").content.decode()
    assert '<h2 id="totals-arrests-title">Arrests, report by report</h2>' in html
    assert 'id="confessions"' not in html
    assert 'id="confession-rates"' in html
