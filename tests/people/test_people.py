"""The index of people: everyone the documents and essays name, in both languages, with their
Chinese names, dates, the paragraphs that name them, their authority records, and their names
marked in the editions' text."""

import re
from io import StringIO

import pytest
import yaml

from history.core.loading import ContentError, Loader
from history.people.persons import Person, PersonMention
from tests.conftest import ROOT, load_site

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}
NAMED = ["luo-ruiqing", "mao-zedong", "dong-biwu", "harry-anslinger"]


def entry(html, slug):
    """The HTML of a person's entry on the index page."""
    start = html.index(f'id="person-{slug}"')
    end = html.find('<li class="person-entry"', start)
    return html[start : end if end > 0 else None]


def test_the_people_the_issue_names_have_entries_in_both_languages(site_content):
    english = Person.objects.filter(locale__language_code="en")
    assert set(NAMED) <= set(english.values_list("slug", flat=True))
    chinese = Person.objects.filter(locale__language_code="zh-hans")
    assert chinese.count() == english.count()
    luo = chinese.get(slug="luo-ruiqing")
    assert (luo.name, luo.name_zh, luo.born, luo.died) == (
        "罗瑞卿",
        "罗瑞卿",
        "1906-05-31",
        "1978-08-03",
    )
    for person in english:
        assert person.short and person.sources.exists(), person.slug


def test_the_index_gives_names_dates_and_who_they_were_in_each_language(client, site_content):
    html = client.get("/en/people/").content.decode()
    luo = entry(html, "luo-ruiqing")
    assert "Luo Ruiqing" in luo and '<span lang="zh-Hans">罗瑞卿</span>' in luo
    assert "Luó Ruìqīng" in luo and "31 May 1906 – 3 August 1978" in luo
    assert "Minister of Public Security" in luo
    assert "20 May 1892 – 14 November 1975" in entry(html, "harry-anslinger")
    # A date known to the month only is written so.
    assert "16 September 1782 – February 1850" in entry(html, "daoguang-emperor")
    # By surname: Anslinger under A, before Chiang, Lin, Luo and Mao.
    order = [
        html.index(f'id="person-{slug}"')
        for slug in ["harry-anslinger", "chiang-kai-shek", "lin-zexu", "luo-ruiqing", "mao-zedong"]
    ]
    assert order == sorted(order)

    zh = client.get("/zh-hans/people/").content.decode()
    assert "<h1>人物</h1>" in zh
    assert "1906年5月31日—1978年8月3日" in entry(zh, "luo-ruiqing")
    assert "1782年9月16日—1850年2月" in entry(zh, "daoguang-emperor")
    assert "中华人民共和国首任公安部长" in entry(zh, "luo-ruiqing")
    # By pinyin in Chinese: Dǒng Bìwǔ before Lín Zéxú before Luó Ruìqīng before Máo Zédōng.
    order = [
        zh.index(f'id="person-{slug}"')
        for slug in ["dong-biwu", "lin-zexu", "luo-ruiqing", "mao-zedong"]
    ]
    assert order == sorted(order)


def test_dates_are_written_as_each_language_writes_them():
    from django.utils import translation

    from history.people.life_dates import life_span

    with translation.override("en"):
        assert life_span("1892", "1975") == "1892 – 1975"
        assert life_span("", "1850-11") == "? – November 1850"
    with translation.override("zh-hans"):
        # The Chinese style sheet writes a range of years with one 年.
        assert life_span("1892", "1975") == "1892—1975年"
        assert life_span("1906-05-31", "1978") == "1906年5月31日—1978年"
    assert life_span("", "") == ""


def test_an_entry_lists_the_paragraphs_that_name_the_person(client, site_content):
    luo = entry(client.get("/en/people/").content.decode(), "luo-ruiqing")
    links = re.findall(r'<a href="([^"]+)">¶(\d+)</a>', luo)
    assert ("/en/fifth-bulletin/#p92", "92") in links
    assert any(url.startswith("/en/second-bulletin/") for url, _n in links)
    assert any(url.startswith("/en/final-report/") for url, _n in links)
    # A paragraph marked in both versions is listed once.
    assert len(links) == len(set(links))
    assert "Dong Biwu" in client.get("/en/people/").content.decode()
    assert "Named in" not in entry(client.get("/en/people/").content.decode(), "dong-biwu")


def test_names_are_marked_in_the_text_and_open_their_entry_in_place(client, site_content):
    marks = PersonMention.objects.filter(edition=site_content)
    assert marks.filter(person__slug="luo-ruiqing").count() >= 4
    html = client.get("/en/fifth-bulletin/").content.decode()
    links = re.findall(r'<a class="person-link" href="([^"]+)"[^>]*data-popover="([^"]+)"', html)
    assert ("/en/people/#person-luo-ruiqing", "/en/people/person/luo-ruiqing/") in links
    zh = client.get("/zh-hans/fifth-bulletin/").content.decode()
    assert re.search(
        r'<a class="person-link" href="/zh-hans/people/#person-mao-zedong"[^>]*>毛泽东</a>', zh
    )
    fragment = client.get("/en/people/person/luo-ruiqing/", **HX).content.decode()
    assert "<!DOCTYPE" not in fragment and 'id="term-popover-title"' in fragment
    assert "31 May 1906" in fragment
    page = client.get("/zh-hans/people/person/luo-ruiqing/").content.decode()
    assert "<!DOCTYPE" in page and "罗瑞卿" in page
    assert client.get("/en/people/person/no-one/").status_code == 404


def test_the_index_and_each_entry_are_in_the_sitemap(client, site_content):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/people/</loc>" in sitemap and "/zh-hans/people/</loc>" in sitemap
    assert "/en/people/person/luo-ruiqing/</loc>" in sitemap


def test_the_index_costs_the_same_queries_however_many_people(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from history.core import versions

    def queries():
        versions.changed("people")  # the index is read anew, the frame is kept
        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/people/").status_code == 200
        return len(context.captured_queries)

    client.get("/en/people/")
    before = queries()
    luo = Person.objects.get(slug="luo-ruiqing", locale__language_code="en")
    for number in range(10):
        person = Person.objects.create(
            slug=f"someone-{number}", name=f"Someone {number}", short="A person.", locale=luo.locale
        )
        person.sources.set(luo.sources.all())
        PersonMention.objects.create(
            edition=site_content,
            anchor="p92",
            version="en",
            phrase="Luo Ruiqing"[: number + 1],
            person=person,
        )
    assert queries() == before


def test_the_index_page_stays_within_the_query_budget(
    client, site_content, django_assert_max_num_queries
):
    client.get("/en/people/")
    with django_assert_max_num_queries(12):
        assert client.get("/en/people/").status_code == 200


def test_authority_records_are_plain_links_and_absent_when_unchecked(client, site_content):
    Person.objects.filter(slug="mao-zedong").update(wikidata="Q5816")
    from history.core import versions

    versions.changed("people")
    html = client.get("/en/people/").content.decode()
    mao = entry(html, "mao-zedong")
    assert (
        '<a href="https://www.wikidata.org/wiki/Q5816" lang="en" translate="no">Wikidata Q5816</a>'
        in mao
    )
    person = Person.objects.get(slug="charles-brent", locale__language_code="en")
    if not person.wikidata:
        assert "authority-links" not in entry(html, "charles-brent")
    # Nothing on the page is fetched from those hosts.
    assert not re.search(
        r'(src|href)="https://www\.wikidata\.org[^"]*"[^>]*rel="(preload|prefetch)', html
    )
    assert "<script" not in mao and "<img" not in mao


def test_places_and_terms_show_their_authority_records(client, site_content):
    from history.atlas.places import Place
    from history.core import versions
    from history.glossary.terms import GlossaryTerm

    Place.objects.filter(slug="beijing").update(wikidata="Q956", geonames="1816670")
    GlossaryTerm.objects.filter(slug="yangge").update(wikidata="Q1234567")
    versions.changed("atlas")
    versions.changed("glossary")
    place = client.get("/en/map/place/beijing/").content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q956"' in place
    assert 'href="https://www.geonames.org/1816670/"' in place
    zh = client.get("/zh-hans/map/place/beijing/").content.decode()
    assert "规范记录" in zh and "GeoNames 1816670" in zh
    term = client.get("/en/glossary/term/yangge/").content.decode()
    assert 'href="https://www.wikidata.org/wiki/Q1234567"' in term


def test_an_editor_cannot_save_a_malformed_identifier_or_date(site_content):
    from django.core.exceptions import ValidationError

    person = Person.objects.get(slug="lin-zexu", locale__language_code="en")
    for field, value in [("wikidata", "5816"), ("wikidata", "Q05816"), ("born", "30/08/1785")]:
        setattr(person, field, value)
        with pytest.raises(ValidationError) as error:
            person.full_clean()
        assert field in error.value.message_dict
        person.refresh_from_db()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"wikidata": "Mao"}, r"people.yaml: mao-zedong: wikidata: A Wikidata item is Q"),
        ({"born": "26 December 1893"}, r"people.yaml: mao-zedong: born: A year, a month or a day"),
        ({"sources": ["nowhere"]}, r"people.yaml: mao-zedong: unknown source\(s\) \['nowhere'\]"),
        (
            {"mentions": [{"anchor": "p26", "version": "zh", "phrase": "周恩来"}]},
            r"people.yaml: mao-zedong \(mention 1\): These words are not in that paragraph",
        ),
        (
            {"mentions": [{"anchor": "p27", "version": "zh", "phrase": "毛主席"}]},
            r"people.yaml: mao-zedong \(mention 1\): These words overlap “毛主席”",
        ),
    ],
)
def test_the_loader_refuses_bad_people(site_content, tmp_path, change, message):
    from history.people.content import load_mentions, load_people

    items = yaml.safe_load((ROOT / "site/people/people.yaml").read_text(encoding="utf-8"))
    mao = next(item for item in items if item["key"] == "mao-zedong")
    mao.update(change)
    loader = Loader(tmp_path, StringIO(), force=True)
    path = tmp_path / "people.yaml"
    with pytest.raises(ContentError, match=message):
        people = load_people(loader, path, items)
        load_mentions(loader, path, items, people)


def test_a_place_file_with_a_malformed_geonames_id_is_refused(content_copy):
    path = content_copy / "atlas" / "places.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("geonames: '1816670'", "geonames: Beijing"), encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"places.yaml: beijing: geonames: A GeoNames id is a number"
    ):
        load_site(content_copy)


def test_people_and_identifiers_survive_an_export(content_copy):
    from tests.conftest import export_site

    path = content_copy / "people" / "people.yaml"
    before = yaml.safe_load(path.read_text(encoding="utf-8"))
    places = content_copy / "atlas" / "places.yaml"
    places.write_text(
        places.read_text(encoding="utf-8").replace(
            "- key: beijing\n", "- key: beijing\n  wikidata: Q956\n  geonames: '1816670'\n"
        ),
        encoding="utf-8",
    )
    load_site(content_copy)
    export_site(content_copy)
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == before
    beijing = next(
        i for i in yaml.safe_load(places.read_text(encoding="utf-8")) if i["key"] == "beijing"
    )
    assert (beijing["wikidata"], str(beijing["geonames"])) == ("Q956", "1816670")


def test_search_finds_people_by_name_in_either_script(client, site_content):
    html = client.get("/en/search/?q=Anslinger&type=person").content.decode()
    assert 'href="/en/people/person/harry-anslinger/"' in html
    zh = client.get("/zh-hans/search/?q=%E7%BD%97%E7%91%9E%E5%8D%BF&type=person").content.decode()
    assert 'href="/zh-hans/people/person/luo-ruiqing/"' in zh


@pytest.mark.parametrize("path", ["people/person/harry-anslinger/", "glossary/term/public-trial/"])
def test_chinese_readers_see_sources_cited_by_gbt_7714(client, site_content, path):
    zh = client.get(f"/zh-hans/{path}").content.decode()
    en = client.get(f"/en/{path}").content.decode()
    sources = zh.split("出处：")[1].split("</p>")[0]
    assert re.search(r"\[(A|J|M|DB)(/OL)?\]", sources), sources
    assert "Sources:" in en and not re.search(r"\[(A|J|M|DB)(/OL)?\]", en.split("Sources:")[1])


def test_a_persons_page_describes_them_as_schema_org_data(client, site_content):
    import json

    html = client.get("/en/people/person/mao-zedong/").content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["@type"] == "Person" and data["name"] == "Mao Zedong"
    assert (data["alternateName"], data["birthDate"], data["deathDate"]) == (
        "毛泽东",
        "1893-12-26",
        "1976-09-09",
    )
    assert data["sameAs"] == ["https://www.wikidata.org/wiki/Q5816"]
    assert data["url"] == "http://testserver/en/people/person/mao-zedong/"


def test_the_paragraphs_that_name_a_person_follow_the_series_in_each_language(client, site_content):
    luo = entry(client.get("/en/people/").content.decode(), "luo-ruiqing")
    named = luo.split("Named in:")[1].split("</p>")[0]
    # The documents in the order of their dates: August, September, December.
    assert named.index("Second bulletin") < named.index("Fifth bulletin") < named.index("Final")
    assert re.search(r"¶1</a>, <a [^>]+>¶3</a>", named)
    zh = entry(client.get("/zh-hans/people/").content.decode(), "luo-ruiqing")
    named = zh.split("提到此人的段落：")[1].split("</p>")[0]
    assert named.index("第二号简报") < named.index("第五号简报") < named.index("总结报告")
    assert re.search(r"¶1</a>、<a [^>]+>¶3</a>", named) and "；" in named


def test_each_language_is_marked_as_such(client, site_content):
    zh = entry(client.get("/zh-hans/people/").content.decode(), "harry-anslinger")
    # A person without a Chinese name keeps their own beside the transliteration.
    assert '哈里·J·安斯林格 <span lang="en">Harry J. Anslinger</span>' in zh
    assert (
        '<span lang="en">'
        not in entry(client.get("/zh-hans/people/").content.decode(), "mao-zedong").split("</h2>")[
            0
        ]
    )
    en = entry(client.get("/en/people/").content.decode(), "mao-zedong")
    # Chinese quoted in an English note is marked as Chinese.
    assert '<span lang="zh-Hans">主席</span>' in en
    assert '(<span lang="zh-Hans">只有毛泽东时代才能解决</span>)' in en


def test_the_sitemap_keeps_its_last_modified_date(client, site_content):
    assert client.get("/sitemap.xml").has_header("Last-Modified")


def test_two_editions_with_the_same_short_title_stay_apart(client, site_content):
    from history.edition.models import EditionPage

    EditionPage.objects.filter(slug="final-report").update(short_title="Fifth bulletin")
    from history.core import versions

    versions.changed("edition")
    luo = entry(client.get("/en/people/").content.decode(), "luo-ruiqing")
    named = luo.split("Named in:")[1].split("</p>")[0]
    # The fifth bulletin's paragraphs, then the final report's, each group on its own.
    assert named.count("Fifth bulletin") == 2
    assert re.search(r"Fifth bulletin <a [^>]+>¶1</a>, <a [^>]+>¶92</a>; Fifth bulletin", named)
