"""The edition's public views: reading, versions, anatomy, citations, downloads."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from history.core.models import HomePage
from tests.edition.factories import make_edition

pytestmark = pytest.mark.django_db
URL = "/en/fifth-bulletin/"


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_edition_shows_metadata_and_the_whole_english_text(client, edition):
    html = html_of(client, URL)
    assert '<h1 id="edition-title">The CCP Central Committee Forwards' in html
    assert "中共中央转发罗瑞卿关于全国禁毒运动第五号简报" in html
    for text in ["Issuing body", "Luo Ruiqing", "Addressees", "Distribution",
                 "12 September 1952", "13 September 1952", "14 September 1952",
                 "Original language", "record 3/0/6/408", "Rights", "Content note"]:  # fmt: skip
        assert text in html, text
    assert '<section id="text" class="document" lang="en"' in html
    assert "Bureaucratic negligence must be avoided" in html
    assert "translation of unknown origin" in html


def test_every_segment_has_a_numbered_permalink(client, edition):
    html = html_of(client, URL)
    for segment in edition.all_segments:
        assert f'id="{segment.anchor}"' in html
    assert '<a class="pn" href="#p7" aria-label="Paragraph 7 (link)">7</a>' in html


def test_reading_view_numbers_each_printed_paragraph_once(client, edition):
    """¶7 (the heading "(1)") opens a printed paragraph that runs on through ¶12: one number
    shows; the others stay links, marked to show on hover or focus."""
    html = html_of(client, URL)
    paragraph = re.search(r'<p class="doc-paragraph kind-section_heading">.*?</p>', html).group()
    numbers = re.findall(r'<a class="(pn[^"]*)" href="#(p\d+)"', paragraph)
    assert numbers[0] == ("pn", "p7")
    assert numbers[1:] == [("pn pn--inner", f"p{n}") for n in range(8, 13)]


def test_omissions_of_the_translation_show_as_gaps(client, edition):
    html = html_of(client, URL)
    gap = re.search(r'<p class="gap" id="p23">.*?</p>', html, re.S).group(0)
    assert "¶ 23–24: Not in this translation." in gap
    assert 'id="p24"' in gap
    assert 'href="?version=zh#p23"' in gap
    assert "prisoner vans" in gap


def test_chinese_version(client, edition):
    html = html_of(client, URL + "?version=zh")
    assert '<section id="text" class="document" lang="zh-Hans"' in html
    # Words may be marked (a term, a place name); the text reads the same.
    assert "共杀了四十五名成分坏" in re.sub(r"<[^>]+>", "", html)
    assert "archival original" in html
    assert "根据档案材料翻印" in html


def test_default_version_follows_the_site_language(edition):
    assert edition.default_version("en").code == "en"
    assert edition.default_version("zh-hans").code == "zh"


@pytest.mark.parametrize(
    "query",
    ["?version=xx", "?version=", "?cite=p999", "?cite=<script>", "?anatomy=maybe"],
)
def test_bad_query_strings_are_404_not_500(client, edition, query):
    assert client.get(URL + query).status_code == 404


def test_bad_paths_are_404(client, edition):
    for path in ["cite/ris/extra/", "text/x/", "p12/", "cite/nothing/"]:
        assert client.get(URL + path).status_code == 404, path


def test_anatomy_view_labels_the_parts(client, edition):
    off = html_of(client, URL)
    on = html_of(client, URL + "?anatomy=on")
    assert 'class="document show-anatomy"' in on
    assert 'class="document show-anatomy"' not in off
    assert "Hide document anatomy" in on
    assert 'aria-pressed="true"' in on and 'aria-pressed="false"' in off
    for label in ["Addressees", "Distribution line", "Signature", "Section heading", "Date line"]:
        assert f"<strong>{label}</strong>" in on, label
    assert "Luo signed on 13 September" in on


def test_document_citations_and_highwire_tags(client, edition):
    html = html_of(client, URL)
    assert '<meta name="citation_title" content="The CCP Central Committee' in html
    assert '<meta name="citation_author" content="Luo, Ruiqing">' in html
    assert '<meta name="citation_date" content="1952/09/14">' in html
    assert "Luo Ruiqing. “The CCP Central Committee Forwards" in html
    assert "Luo, R. (1952, September 14)." in html
    assert "14 Sept. 1952" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(ld)
    assert data["@type"] == "CreativeWork"
    assert data["author"]["name"] == "Luo Ruiqing"
    assert data["dateCreated"] == "1952-09-14"


def test_paragraph_citation(client, edition):
    html = html_of(client, URL + "?cite=p18")
    assert '<details class="cite" id="cite" open>' in html
    assert "Citing paragraph 18." in html
    assert "para. 18" in html
    assert "http://testserver/en/fifth-bulletin/v/1/#p18" in html
    assert '<option value="p18" selected>' in html


def test_cite_fragment_for_htmx(client, edition):
    response = client.get(URL + "cite/?cite=p12", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div class="cite-box" id="cite-box">')
    assert "<html" not in html
    assert "para. 12" in html
    assert client.get(URL + "cite/?cite=nope").status_code == 404


def test_ris_and_bibtex_downloads(client, edition):
    ris = client.get(URL + "cite/ris/?cite=p18")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert 'filename="fifth-bulletin-p18.ris"' in ris["Content-Disposition"]
    body = ris.content.decode()
    assert "TY  - GOVDOC" in body and "UR  - http://testserver/en/fifth-bulletin/v/1/#p18" in body
    bib = client.get(URL + "cite/bibtex/")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert bib.content.decode().startswith("@misc{luo1952,")


def test_plain_text_download(client, edition):
    response = client.get(URL + "text/?version=zh")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text.startswith("The CCP Central Committee Forwards")
    assert "[8] 截至九月十二日止" not in text  # runs on from the section number
    assert "[7] （一）截至九月十二日止" in text
    assert "根据档案材料翻印" not in text  # the database's note belongs to the provenance
    english = client.get(URL + "text/").content.decode()
    assert "[37] - In Tonghua, Jilin, reports received in two days" in english


def _count_queries(client, url):
    client.get(url)  # warm caches (site root paths) as in production
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_segments(client, site_content):
    home = HomePage.objects.get(locale__language_code="en")
    make_edition(home, n_segments=10, slug="small")
    make_edition(home, n_segments=200, slug="large")
    small = _count_queries(client, "/en/small/")
    large = _count_queries(client, "/en/large/")
    assert small == large
    assert large <= 12


def test_a_newly_published_revision_shows_at_once(client, edition):
    assert "Bureaucratic negligence" in html_of(client, URL)  # fills the text cache
    segments = list(edition.segments.all())
    last = segments[-3]
    last.texts = [("text", {"version": "en", "text": "Revised sentence.", "run_in": False})]
    edition.set_children(segments=segments)
    edition.save_revision().publish()
    html = html_of(client, URL)
    assert "Revised sentence." in html
    assert "Bureaucratic negligence" not in html


def test_citing_the_chinese_original_names_it_and_links_to_it(client, edition):
    html = html_of(client, URL + "?version=zh&cite=p18")
    assert "http://testserver/en/fifth-bulletin/v/1/?version=zh#p18" in html
    assert "Chinese original" in html[html.index('id="cite-chicago"') :]


def test_chinese_site_citations(client, site_content):
    html = html_of(client, "/zh-hans/fifth-bulletin/")
    apa = re.search(r'id="cite-apa">(.*?)</p>', html, re.S).group(1)
    assert apa.startswith("罗瑞卿 (1952, September 14).")
    bib = client.get("/zh-hans/fifth-bulletin/cite/bibtex/").content.decode()
    assert bib.startswith("@misc{fifth-bulletin1952,")
    text = client.get("/zh-hans/fifth-bulletin/text/").content.decode()
    assert text.count("中共中央转发罗瑞卿关于全国禁毒运动第五号简报") == 2  # title line + ¶1


@pytest.mark.parametrize("url", ["/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/"])
def test_the_edition_stays_within_the_query_budget_in_both_languages(client, site_content, url):
    # Routing a page in a second language costs Wagtail one query more than the default one.
    assert _count_queries(client, url) <= 12


@pytest.mark.parametrize(
    "url, editors",
    [(URL, "the editors of this edition"), ("/zh-hans/fifth-bulletin/", "本整理本编者")],
)
def test_metadata_names_the_edition_its_editors_licence_and_record(
    client, site_content, url, editors
):
    html = html_of(client, url)
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["editor"] == {"@type": "Organization", "name": editors}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert data["publisher"]["name"] in ("The Fifth Bulletin", "第五号简报")
    based_on = data["isBasedOn"]
    assert based_on["@type"] == "ArchiveComponent"
    assert based_on["name"] == "中共中央转发罗瑞卿关于全国禁毒运动第五号简报"
    assert based_on["identifier"] == "3/0/6/408"
    assert based_on["isPartOf"]["name"] == "Database of Chinese Political Campaigns in the 1950s"
    assert based_on["dateCreated"] == "1952-09-14"
    for tag in [
        f'<meta name="DC.contributor" content="{editors}">',
        '<meta name="DC.rights" content="https://creativecommons.org/licenses/by/4.0/">',
        '<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">',
        '<meta name="DC.date" content="1952-09-14">',
    ]:
        assert tag in html, tag
    assert re.search(r'<meta name="DC.source" content="[^"]*3/0/6/408">', html)


def test_the_chinese_site_cites_a_paragraph_by_gb_t_7714(client, site_content):
    html = html_of(client, "/zh-hans/fifth-bulletin/?version=en&cite=p18")
    citation = re.search(r'id="cite-gbt">([^<]*)<', html).group(1)
    today = timezone.localdate().isoformat()
    assert citation.startswith(
        "罗瑞卿. 中共中央转发罗瑞卿关于全国禁毒运动第五号简报: 英文译本[A/OL]. 第 1 版. "
        "第五号简报, 1952-09-14: 第 18 段("
    )
    assert citation.endswith(
        f")[{today}]. http://testserver/zh-hans/fifth-bulletin/v/1/?version=en#p18."
    )
    # The original is no translation; the English site keeps its three styles.
    original = html_of(client, "/zh-hans/fifth-bulletin/")
    assert "第五号简报[A/OL]" in re.search(r'id="cite-gbt">([^<]*)<', original).group(1)
    assert 'id="cite-gbt"' not in html_of(client, URL)
