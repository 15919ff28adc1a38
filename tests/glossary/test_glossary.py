"""The glossary: terms in both languages, A–Z, marked in the edition by editors, opened in
place from a fragment URL."""

import re

import pytest

from history.edition.reading import Link, linked_text
from history.glossary.terms import GlossaryTerm, TermMention

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
REQUIRED = ["liang", "yangge", "rehe", "songjiang", "luda", "public-trial"]


def test_at_least_twenty_terms_in_both_languages(site_content):
    english = GlossaryTerm.objects.filter(locale__language_code="en")
    assert english.count() >= 20
    chinese = GlossaryTerm.objects.filter(locale__language_code="zh-hans")
    assert chinese.count() == english.count()
    for term in english:
        assert term.short and term.chinese, term.slug
    slugs = set(english.values_list("slug", flat=True))
    assert set(REQUIRED) <= slugs


def test_glossary_page_is_a_to_z_with_anchors(client, site_content):
    html = client.get("/en/glossary/").content.decode()
    letters = re.findall(r'<h2 id="letter-([A-Z])">', html)
    assert letters == sorted(letters) and len(letters) >= 8
    for slug in GlossaryTerm.objects.filter(locale__language_code="en").values_list(
        "slug", flat=True
    ):
        assert f'id="term-{slug}"' in html
    zh = client.get("/zh-hans/glossary/").content.decode()
    assert "两" in zh and 'id="term-' in zh


def test_terms_are_marked_by_editors_not_by_matching_every_occurrence(client, site_content):
    marks = TermMention.objects.filter(edition=site_content)
    assert marks.count() >= 20
    html = client.get("/en/fifth-bulletin/").content.decode()
    links = re.findall(r'<a class="term-link" href="([^"]+)"[^>]*data-popover="([^"]+)"', html)
    assert len(links) == marks.filter(version="en").count()
    for href, popover in links:
        assert re.fullmatch(r"/en/glossary/#term-[\w-]+", href)
        assert re.fullmatch(r"/en/glossary/term/[\w-]+/", popover)


def test_the_short_entry_is_a_fragment_for_htmx_and_a_page_otherwise(client, site_content):
    slug = GlossaryTerm.objects.filter(locale__language_code="en").first().slug
    fragment = client.get(f"/en/glossary/term/{slug}/", **HX)
    assert fragment.status_code == 200
    assert "<!DOCTYPE" not in fragment.content.decode()
    assert 'id="term-popover-title"' in fragment.content.decode()
    page = client.get(f"/zh-hans/glossary/term/{slug}/").content.decode()
    assert "<!DOCTYPE" in page and 'lang="zh-hans"' in page
    assert client.get("/en/glossary/term/no-such-term/").status_code == 404


def test_linked_text_links_first_occurrences_outside_other_links():
    links = [
        Link("Rehe Province", "/map/?place=rehe", "Rehe", "place-link"),
        Link("Rehe", "/glossary/#term-rehe", "Rehe", "term-link", "/glossary/term/rehe/"),
    ]
    html = str(linked_text("Except for Rehe Province, and Rehe again.", links))
    assert html.count('class="place-link"') == 1 and html.count('class="term-link"') == 1
    # The shorter phrase is not linked inside the longer one's link.
    assert '<a class="place-link" href="/map/?place=rehe" title="Rehe">Rehe Province</a>' in html
    assert 'and <a class="term-link"' in html
    escaped = str(linked_text("A <b> & Rehe", links))
    assert "&lt;b&gt; &amp;" in escaped


def test_glossary_queries_stay_flat(client, site_content, django_assert_max_num_queries):
    client.get("/en/glossary/")
    with django_assert_max_num_queries(12):
        client.get("/en/glossary/")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_cross_references_between_entries_are_links(client, site_content, language):
    html = client.get(f"/{language}/glossary/").content.decode()
    assert "[[" not in html
    words = "yangge" if language == "en" else "秧歌"
    assert f'<a href="#term-yangge">{words}</a>' in html
    entry = client.get(f"/{language}/glossary/term/waist-drums/").content.decode()
    assert f'<a href="/{language}/glossary/#term-yangge">{words}</a>' in entry


def test_cross_references_are_found_and_linked():
    from history.glossary.cross_references import link_references, referenced_slugs

    assert referenced_slugs("See [[liang]] and [[high-tide|high tide]].") == ["liang", "high-tide"]
    assert str(link_references("See [[high-tide|high tide]].", "/en/glossary/")) == (
        'See <a href="/en/glossary/#term-high-tide">high tide</a>.'
    )


def test_a_cross_reference_keeps_the_text_as_written_and_leaves_tags_alone():
    from history.glossary.cross_references import link_references

    html = '<p title="[[liang]]">Under [[law-and-order|law &amp; order]].</p>'
    assert str(link_references(html)) == (
        '<p title="[[liang]]">Under <a href="#term-law-and-order">law &amp; order</a>.</p>'
    )


def test_the_loader_refuses_a_cross_reference_to_no_entry(site_content, tmp_path):
    from io import StringIO

    from history.core.loading import ContentError, Loader
    from history.glossary.content import load_terms

    items = [{"key": "x", "term": "X", "chinese": "X", "short": "S.", "note": "See [[nowhere]]."}]
    loader = Loader(tmp_path, StringIO(), force=True)
    with pytest.raises(ContentError, match=r"terms.yaml: x: note: no term \['nowhere'\]"):
        load_terms(loader, tmp_path / "terms.yaml", items)


def test_chinese_headwords_sort_syllable_by_syllable():
    from history.glossary.pinyin import sort_key

    # Letter by letter "dangwei" would come before "daxingzhengqu"; a dictionary puts the
    # shorter syllable "da" first, and then orders by tone.
    words = [("dǎngwěi", "党委"), ("dà xíngzhèngqū", "大行政区"), ("dàfàn", "大犯"), ("dá", "答")]
    ordered = sorted(words, key=lambda word: sort_key(*word))
    assert [chinese for _p, chinese in ordered] == ["答", "大犯", "大行政区", "党委"]
    assert sort_key("Gōng'ānbù", "公安部") == (("gong", 1), ("an", 1), ("bu", 4))
    assert sort_key("yāngge", "秧歌") == (("yang", 1), ("ge", 5))
    assert sort_key("Lǚ-Dà", "旅大") == (("lü", 3), ("da", 4))


def test_the_chinese_glossary_is_in_dictionary_order(client, site_content):
    html = client.get("/zh-hans/glossary/").content.decode()
    # 大犯 dàfàn, 大行政区 dà xíngzhèngqū, 大张旗鼓 dà zhāng qí gǔ, then 党委 dǎngwěi.
    slugs = ["offender-categories", "greater-administrative-region", "great-fanfare"]
    positions = [html.index(f'id="term-{slug}"') for slug in [*slugs, "party-committee"]]
    assert positions == sorted(positions)


def test_an_export_keeps_a_terms_marks_in_the_order_of_the_file(content_copy):
    import yaml

    from tests.conftest import export_site

    # The database holds each edition's marks in turn; the file's order is the editor's.
    path = content_copy / "glossary" / "terms.yaml"
    en = '    - {anchor: p3, version: en, phrase: "Central Bureaus and Sub-Bureaus"}\n'
    zh = '    - {anchor: p3, version: zh, phrase: "中央局、分局"}\n'
    text = path.read_text()
    assert en + zh in text
    path.write_text(text.replace(en + zh, zh + en))

    def marks():
        items = yaml.safe_load(path.read_text())
        return next(item for item in items if item["key"] == "central-bureaus")["mentions"]

    written = marks()
    assert written[0]["version"] == "zh" and {m.get("edition") for m in written} > {None}
    export_site(content_copy)
    assert marks() == written


@pytest.fixture
def long_glossary(site_content):
    """More terms than one page holds: a whole letter of them, made here."""
    from wagtail.models import Locale

    from history.core import versions
    from history.glossary import az

    english = Locale.objects.get(language_code="en")
    GlossaryTerm.objects.bulk_create(
        GlossaryTerm(
            slug=f"quota-{n}",
            term=f"Quota {n:03}",
            chinese="定额",
            short="A number.",
            locale=english,
        )
        for n in range(az.ONE_PAGE)
    )
    versions.changed("glossary")


def test_a_long_glossary_has_a_page_per_letter(client, long_glossary):
    from history.glossary import az

    first = client.get("/en/glossary/").content.decode()
    letters = re.findall(r'<a href="/en/glossary/(?:letter/([a-z])/)?"', first)
    assert letters[0] == "" and "q" in letters and "l" in letters  # the first letter is here
    assert 'aria-current="page">A</a>' in first
    assert "term-quota-7" not in first and "term-liang" not in first
    # Every term is on its letter's page, and every address of its entry leads there.
    page = client.get("/en/glossary/letter/q/").content.decode()
    assert 'id="term-quota-7"' in page and 'aria-current="page">Q</a>' in page
    assert "term-liang" not in page
    assert az.entry_url("/en/glossary/", "quota-7") == "/en/glossary/letter/q/#term-quota-7"
    entry = client.get("/en/glossary/term/liang/").content.decode()
    assert 'href="/en/glossary/letter/l/#term-liang"' in entry
    popover = client.get("/en/glossary/term/liang/", HTTP_HX_REQUEST="true").content.decode()
    assert 'href="/en/glossary/letter/l/#term-liang"' in popover
    edition = client.get("/en/fifth-bulletin/").content.decode()
    assert 'href="/en/glossary/letter/l/#term-liang"' in edition
    assert 'id="term-liang"' in client.get("/en/glossary/letter/l/").content.decode()
    # A cross-reference to an entry under another letter leads to that letter's page.
    drums = client.get("/en/glossary/letter/w/").content.decode()
    assert '<a href="/en/glossary/letter/y/#term-yangge">yangge</a>' in drums
    # The first letter's page is the glossary's own; a letter with no terms is no page.
    assert client.get("/en/glossary/letter/a/")["Location"] == "/en/glossary/"
    assert client.get("/en/glossary/letter/x/").status_code == 404
    # Search engines and the warming after a deploy find every letter's page.
    from history.glossary.pages import GlossaryPage

    subpaths = GlossaryPage.objects.get(locale__language_code="en").sitemap_subpaths()
    assert "letter/q/" in subpaths and "letter/a/" not in subpaths


def test_a_long_chinese_glossary_keeps_its_dictionary_order_by_letter(client, long_glossary):
    page = client.get("/zh-hans/glossary/letter/l/").content.decode()
    assert 'id="term-liang"' in page
    assert '<a href="/zh-hans/glossary/letter/y/"' in page


def test_a_short_glossary_is_one_page(client, site_content):
    assert client.get("/en/glossary/letter/l/")["Location"] == "/en/glossary/#letter-L"
    assert (
        'href="/en/glossary/#term-liang"' in client.get("/en/glossary/term/liang/").content.decode()
    )
