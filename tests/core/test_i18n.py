"""The bilingual site: locales, switcher, hreflang, the Chinese interface, translated pages."""

import re

import polib
import pytest
from wagtail_localize.models import String, StringSegment, Translation, TranslationSource

from history.edition.models import EditionPage
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_every_page_exists_in_both_languages(client, site_content):
    for url in ["/", "/fifth-bulletin/", "/fifth-bulletin/parallel/"]:
        assert '<html lang="en"' in html_of(client, "/en" + url)
        assert '<html lang="zh-hans"' in html_of(client, "/zh-hans" + url)


def test_language_switcher_lands_on_the_counterpart_page(client, site_content):
    english = html_of(client, "/en/fifth-bulletin/")
    chinese = html_of(client, "/zh-hans/fifth-bulletin/")
    assert re.search(
        r'<a href="/zh-hans/fifth-bulletin/" hreflang="zh-hans"[^>]*data-keep-hash', english
    )
    assert re.search(r'<a href="/en/fifth-bulletin/" hreflang="en"[^>]*aria-current', english)
    assert re.search(r'<a href="/en/fifth-bulletin/" hreflang="en"', chinese)


def test_hreflang_alternates(client, site_content):
    for url in ["/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/"]:
        html = html_of(client, url)
        assert (
            '<link rel="alternate" hreflang="en" href="http://testserver/en/fifth-bulletin/">'
            in html
        )
        assert (
            '<link rel="alternate" hreflang="zh-hans" href="http://testserver/zh-hans/fifth-bulletin/">'
            in html
        )
        assert 'hreflang="x-default" href="http://testserver/en/fifth-bulletin/"' in html


def test_language_links_keep_the_filters_a_page_knows_and_nothing_else(client, site_content):
    junk = "x" * 100_000
    cases = {
        "/en/timeline/": ("period=campaign", "period=campaign"),
        "/zh-hans/map/": ("kind=arrests", "kind=arrests"),
        "/en/search/": ("q=opium&type=essay", "q=opium&amp;type=essay"),
        "/en/lessons/": ("level=university", "level=university"),
        "/en/fifth-bulletin/": ("version=en", "version=en"),
    }
    for url, (known, kept) in cases.items():
        response = client.get(f"{url}?{known}&utm_source=TRACKER&junk={junk}&q{junk}=1")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "TRACKER" not in html and junk not in html, url
        assert len(html) < 200_000, url
        other = "/zh-hans/" if url.startswith("/en/") else "/en/"
        counterpart = other + url.split("/", 2)[2]
        assert f'<a href="{counterpart}?{kept}" hreflang=' in html, url
        assert f'hreflang="en" href="http://testserver/en/{url.split("/", 2)[2]}?{kept}"' in html
    # A known filter with an absurd value is dropped too.
    html = client.get(f"/en/search/?q={junk}").content.decode()
    assert junk not in html and '<a href="/zh-hans/search/" hreflang=' in html


def test_chinese_interface_and_editorial_text(client, site_content):
    html = html_of(client, "/zh-hans/fifth-bulletin/")
    for text in [
        "跳到正文",
        "发文机关",
        "文件结构",
        "引用本文件",
        "关于此版本",
        "档案原件",
        "译文注释",
    ]:
        assert text in html, text
    # Editorial apparatus in Chinese: summary, anatomy notes, translation notes, key terms.
    assert "自1952年8月起，公安部长罗瑞卿" in html
    assert "罗瑞卿的报告从这里开始" in html
    assert "英文删去了“成分坏”" in html
    assert "罗瑞卿, 公安部长" in html and "罗 瑞卿" not in html
    english_version = html_of(client, "/zh-hans/fifth-bulletin/?version=en")
    assert "运动期间定期呈送领导的简短内部报告" in english_version  # notes on key terms
    # Chinese readers start with the Chinese original.
    assert '<section id="text" class="document" lang="zh-Hans"' in html


def test_document_versions_are_synchronised_not_translated(site_content):
    english = site_content
    chinese = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="zh-hans")
    assert [s.anchor for s in chinese.segments.all()] == [s.anchor for s in english.segments.all()]
    assert [s.version_texts for s in chinese.segments.all()] == [
        s.version_texts for s in english.segments.all()
    ]
    # Translators never get the document's text as strings to translate.
    source = TranslationSource.objects.get_for_instance(english)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert not any("As of September 12" in s or "截至九月十二日" in s for s in strings)
    assert any("Luo's report begins here" in s for s in strings)


def test_interface_catalogue_is_complete_and_compiled():
    po_path = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(po_path))
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "run manage.py compile_catalogues (make run/make test do)"
    compiled = {entry.msgid: entry.msgstr for entry in polib.mofile(str(mo_path))}
    assert all(compiled.get(e.msgid) == e.msgstr for e in po.translated_entries())


def test_changed_source_marks_its_segment_out_of_date_and_the_reader_keeps_the_last_sync(
    client, site_content
):
    english = site_content
    chinese = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="zh-hans")
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=chinese.locale)
    total, done = translation.get_progress()
    assert total == done  # fully translated as loaded

    segments = list(english.segments.all())
    p6 = next(s for s in segments if s.anchor == "p6")
    p6.anatomy_note = "A new note on the addressees."
    english.set_children(segments=segments)
    english.save_revision().publish()
    source.update_from_db()

    total, done = translation.get_progress()
    assert total - done == 1
    changed = StringSegment.objects.filter(
        source=source, string__data="A new note on the addressees."
    )
    assert changed.count() == 1
    assert not changed.get().string.translations.filter(locale=chinese.locale).exists()
    # Other strings keep their translations.
    kept = String.objects.get(data="Section (1): the campaign's figures, as of 12 September.")
    assert kept.translations.filter(locale=chinese.locale).exists()
    # The Chinese reader still shows the last synced text.
    html = html_of(client, "/zh-hans/fifth-bulletin/")
    assert "罗瑞卿的报告从这里开始" in html
    assert "A new note on the addressees." not in html


def test_translators_get_wagtail_localizes_editor_without_the_document_text(client, site_content):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "pw"))
    chinese = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="zh-hans")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[chinese.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "translation-editor" in html
    assert "Luo&#x27;s report begins here" in html  # an anatomy note, to translate
    assert "As of September 12, the total number" not in html
