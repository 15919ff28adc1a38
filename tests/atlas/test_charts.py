"""The numbers page's charts carry the editors' words (site/atlas/charts.yaml and its
translation), and a chart an editor gives no words to is not drawn."""

import re
import shutil

import pytest
from django.core.management.base import CommandError

from history.atlas.charts import ChartCaption
from tests.conftest import ROOT, load_site

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


@pytest.fixture
def content_copy(tmp_path, site_content):
    target = tmp_path / "site"
    shutil.copytree(ROOT / "site", target)
    return target


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_caption_file_is_loaded_with_its_translation(client, content_copy):
    edit(
        content_copy / "atlas/charts.yaml", "Cumulative arrests at each report.", "Running totals."
    )
    edit(
        content_copy / "translations/zh-hans/atlas/charts.po",
        'msgid "Cumulative arrests at each report."\nmsgstr "每份报告时的累计逮捕数。"',
        'msgid "Running totals."\nmsgstr "累计数。"',
    )
    load_site(content_copy)
    assert "Running totals." in client.get("/en/numbers/").content.decode()
    assert "累计数。" in client.get("/zh-hans/numbers/").content.decode()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "key: confessions\n",
            "key: confessions-by-city\n",
            "key “confessions-by-city” is not one",
        ),
        ("  title: Confessions and registrations\n", "", "confessions: missing field “title”"),
    ],
)
def test_a_malformed_caption_is_refused(content_copy, old, new, message):
    edit(content_copy / "atlas/charts.yaml", old, new)
    before = list(ChartCaption.objects.values_list("slug", "title"))
    with pytest.raises(CommandError, match=re.escape(message)):
        load_site(content_copy)
    assert list(ChartCaption.objects.values_list("slug", "title")) == before
