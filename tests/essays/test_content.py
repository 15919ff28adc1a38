"""The essays in site/: what they must be, and what the loader refuses."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.utils.html import strip_tags
from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.loading import ContentError, Loader
from history.core.simple_pages import load_folder_page
from history.essays import content
from history.essays.footnotes import MARKER
from history.essays.pages import EssayIndexPage, EssayPage
from tests.essays.factories import make_essay, paragraph

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = ROOT / "site" / "essays"


def english_essays():
    return list(EssayPage.objects.filter(locale__language_code="en").order_by("path"))


def prose_words(essay):
    """Words of the body's prose (paragraphs and callouts), without the notes."""
    texts = []
    for block in essay.body:
        if block.block_type == "paragraph":
            texts.append(block.value.source)
        elif block.block_type == "callout":
            texts.append(block.value["text"].source)
    return len(MARKER.sub("", strip_tags(" ".join(texts))).split())


def test_seven_essays_for_students_each_with_notes(site_content):
    essays = english_essays()
    assert len(essays) >= 7
    for essay in essays:
        assert 700 <= prose_words(essay) <= 1500, essay.slug
        assert essay.footnotes.count() >= 5, essay.slug
        assert essay.standfirst and essay.author


def test_essays_that_discuss_executions_carry_a_content_note_for_teachers(site_content):
    discussing = [
        essay
        for essay in english_essays()
        if len(re.findall(r"execut", str(essay.body.raw_data), re.IGNORECASE)) > 1
    ]
    assert len(discussing) >= 4
    for essay in discussing:
        assert "For teachers" in essay.content_note, essay.slug


def test_every_source_an_essay_cites_is_a_source_record(site_content):
    known = set(SourceRecord.objects.values_list("pk", flat=True))
    for essay in english_essays():
        for footnote in essay.footnotes.all():
            assert set(footnote.source_ids) <= known


def test_an_untranslated_essay_shows_its_english_text_with_a_notice(client, site_content):
    english = make_essay([paragraph("Not translated yet.")], slug="new-essay", title="New essay")
    untranslated = EssayPage.objects.get(
        translation_key=english.translation_key, locale__language_code="zh-hans"
    )
    assert untranslated.alias_of_id == english.pk
    html = client.get(untranslated.url).content.decode()
    assert 'id="untranslated-notice"' in html
    assert '<div lang="en">' in html and f'<h1 id="essay-title">{untranslated.title}' in html
    index = EssayIndexPage.objects.get(locale__language_code="zh-hans")
    listing = client.get(index.url).content.decode()
    assert untranslated.url in listing


def test_a_translated_essay_is_in_chinese_without_the_notice(client, site_content):
    translated = EssayPage.objects.filter(
        locale__language_code="zh-hans", alias_of__isnull=True
    ).first()
    assert translated is not None
    html = client.get(translated.url).content.decode()
    assert 'id="untranslated-notice"' not in html
    assert re.search(r"[\u4e00-\u9fff]", translated.title)
    # Who made the translation, and from what.
    assert "由编者据英文译出" in html
    # Notes are rich text in Chinese too, not escaped markup.
    notes = client.get("/zh-hans/essays/century-of-opium/").content.decode()
    assert "他在<i>Opium Regimes</i>一书中的章节" in notes and "&lt;p&gt;" not in notes


# --- the loader refuses what it cannot show ---


@pytest.fixture
def essay_file(tmp_path):
    def write(change):
        text = (ESSAYS / "the-numbers.yaml").read_text(encoding="utf-8")
        path = tmp_path / "the-numbers.yaml"
        path.write_text(change(text), encoding="utf-8")
        return path

    return write


def _load(path):
    index = EssayIndexPage.objects.get(locale=Locale.get_default())
    fill = content.essay_fields(SourceRecord.objects.all())
    loader = Loader(path.parent, StringIO(), force=True)
    return load_folder_page(loader, content.ESSAYS, path, index, fill)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda t: t.replace("anchor: p8", "anchor: p999", 1), "no paragraph “p999”"),
        (lambda t: t.replace("[^series]", "[^nowhere]", 1), "footnotes unknown: nowhere"),
        (
            lambda t: t.replace("fifth-bulletin]", "no-such-work]", 1),
            "unknown source “no-such-work”",
        ),
        (lambda t: t.replace("type: heading", "type: poem", 1), "unknown type “poem”"),
    ],
)
def test_the_loader_refuses_a_malformed_essay_naming_file_and_field(
    site_content, essay_file, change, message
):
    path = essay_file(change)
    before = EssayPage.objects.get(slug="the-numbers", locale=Locale.get_default())
    with pytest.raises(ContentError, match=re.escape(message)) as caught:
        _load(path)
    assert str(path) in str(caught.value)
    after = EssayPage.objects.get(pk=before.pk)
    assert after.latest_revision_id == before.latest_revision_id


def test_chinese_words_in_an_english_essay_are_marked_as_chinese(client, site_content):
    essay = EssayPage.objects.get(slug="reading-a-translation", locale__language_code="en")
    html = client.get(essay.url).content.decode()
    assert '<span lang="zh-Hans">东北通化市</span>' in html
    # In the notes and in the bibliography's Chinese titles, on both sites.
    notes = html[html.index('class="footnotes"') :]
    assert '<span lang="zh-Hans">' in notes[: notes.index('id="bibliography-title"')]
    chinese = EssayPage.objects.get(slug="reading-a-translation", locale__language_code="zh-hans")
    for page_html in (html, client.get(chinese.url).content.decode()):
        bibliography = page_html[page_html.index('id="bibliography-title"') :]
        assert (
            '<span lang="zh-Hans">中共中央转发罗瑞卿关于全国禁毒运动第五号简报</span>'
            in bibliography
        )


def test_a_chinese_essay_stays_within_the_query_budget(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    essay = EssayPage.objects.get(slug="the-1952-campaign", locale__language_code="zh-hans")
    client.get(essay.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(essay.url).status_code == 200
    assert len(queries) <= 12


def test_a_marker_in_a_heading_is_refused(site_content, essay_file):
    path = essay_file(
        lambda t: t.replace("text: Three snapshots of one campaign", "text: Three[^series]", 1)
    )
    with pytest.raises(ContentError, match=r"footnote markers in headings or titles"):
        _load(path)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_maps_panel_on_1952_links_to_the_essay_on_it(client, site_content, language):
    essay = EssayPage.objects.get(slug="china-in-1952", locale__language_code=language)
    html = client.get(f"/{language}/map/").content.decode()
    assert f'href="{essay.url}"' in html


def test_an_essay_describes_itself_for_link_previews_and_search_engines(client, site_content):
    import json

    essay = EssayPage.objects.get(slug="the-numbers", locale__language_code="en")
    html = client.get(essay.url).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="http://testserver{essay.url}">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Article" and data["headline"] == essay.title
    assert data["datePublished"] == essay.date.isoformat() and data["inLanguage"] == "en"
    assert any("Database of Chinese Political Campaigns" in c for c in data["citation"])
    chinese = client.get("/zh-hans/essays/the-1952-campaign/").content.decode()
    assert '<meta property="og:locale" content="zh_CN">' in chinese
    assert '"inLanguage": "zh-hans"' in chinese


def test_every_string_of_an_essay_translation_names_a_string_of_its_essay(site_content):
    """A translation file whose contexts name blocks the essay no longer has would leave those
    blocks untranslated (the loader only warns)."""
    import polib
    from wagtail_localize.models import StringSegment, TranslationSource

    from history.essays.pages import EssayPage
    from tests.conftest import ROOT

    folder = ROOT / "site" / "translations" / "zh-hans" / "essays"
    checked = 0
    for path in sorted(folder.glob("*.po")):
        essay = EssayPage.objects.filter(slug=path.stem, locale__language_code="en").first()
        if essay is None:
            continue  # the index page
        source = TranslationSource.objects.get_for_instance(essay)
        contexts = set(
            StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
        )
        unknown = [e.msgctxt for e in polib.pofile(str(path)) if e.msgctxt not in contexts]
        assert unknown == [], path.name
        checked += 1
    assert checked >= 2
