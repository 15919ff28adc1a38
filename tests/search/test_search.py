"""The search page: the right objects in the reader's language, filters by type, marked
matches, and a page (never a 500) for any query."""

import re

import pytest
from django.core.cache import cache
from django.utils import translation

from history.search import finding, views
from history.search.finding import pattern_for, snippet, words_of

pytestmark = pytest.mark.django_db


def search(client, query, language="en", **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def hits(html):
    """[(kind class, link, title)] of the results on the page."""
    return re.findall(
        r'<li class="hit hit--(\w+)">.*?<a href="([^"]+)">([^<]+)</a>', html, flags=re.S
    )


def links(html, kind=None):
    return [link for found_kind, link, _title in hits(html) if kind in (None, found_kind)]


def test_tonghua_finds_the_paragraph_the_place_and_the_essays(client, site_content):
    html = search(client, "Tonghua")
    assert "/en/fifth-bulletin/#p37" in links(html, "paragraph")
    assert "/en/map/place/tonghua/" in links(html, "place")
    assert "/en/essays/reading-a-translation/" in links(html, "essay")
    assert "<mark>Tonghua</mark>" in html
    # Each paragraph once.
    assert len(links(html, "paragraph")) == len(set(links(html, "paragraph")))


def test_chinese_words_are_found_inside_chinese_sentences(client, site_content):
    html = search(client, "坦白")
    # The Chinese original, shown on the English site in its own version and language.
    paragraphs = links(html, "paragraph")
    assert paragraphs and all("?version=zh#p" in link for link in paragraphs)
    assert "/en/fifth-bulletin/?version=zh#p16" in paragraphs
    assert "<mark>坦白</mark>" in html
    assert 'lang="zh-Hans"' in html or 'lang="zh"' in html


def test_the_chinese_site_finds_chinese_objects(client, site_content):
    html = search(client, "通化", "zh-hans")
    assert "/zh-hans/fifth-bulletin/#p37" in links(html, "paragraph")
    assert "/zh-hans/map/place/tonghua/" in links(html, "place")
    titles = [title for kind, _link, title in hits(html) if kind == "place"]
    assert "通化市" in titles
    assert not [link for link in links(html) if link.startswith("/en/")]


def test_luo_ruiqing_finds_the_signature_and_the_essay_about_him(client, site_content):
    html = search(client, "Luo Ruiqing")
    assert "/en/essays/luo-ruiqing/" in links(html, "essay")
    assert links(html, "paragraph")
    # Every word must appear: a word that is nowhere finds nothing.
    assert hits(search(client, "Luo Ruiqing zeppelin")) == []


def test_a_year_finds_the_events_of_that_year(client, site_content):
    html = search(client, "1950")
    events = links(html, "event")
    assert "/en/timeline/event/1950-gac-opium-order/" in events
    assert "/en/timeline/event/1950-korean-war/" in events


def test_types_filter_the_results_and_keep_the_query(client, site_content):
    html = search(client, "Tonghua", type="place")
    assert {kind for kind, _link, _title in hits(html)} == {"place"}
    assert 'href="?q=Tonghua&amp;type=place"' in html
    assert re.search(r'type=place"[^>]*aria-current="true"', html)
    # The other types stay offered, with their counts.
    assert re.search(r'type=essay"[^>]*>\s*Essays <span class="search-types__count">\d+', html)
    # An unknown type shows everything rather than failing.
    assert len(hits(search(client, "Tonghua", type="nonsense"))) > 1


def test_htmx_gets_the_results_alone(client, site_content):
    response = client.get("/en/search/", {"q": "Tonghua"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="search-results"')
    assert "<html" not in html
    assert "HX-Request" in response.headers["Vary"]


def test_teacher_only_text_is_never_found(client, site_content):
    from wagtail.rich_text import RichText

    from history.lessons.pages import LessonPage

    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    for block in lesson.body:
        if block.block_type == "question":
            block.value["model_answer"] = RichText("<p>Quillwort is the answer key.</p>")
            break
    lesson.save_revision().publish()
    assert hits(search(client, "Quillwort")) == []


@pytest.mark.parametrize(
    "query",
    ["", " ", "%", "_", "...", "*", '"', "NEAR(", "AND", "' OR 1=1 --", "a" * 5000,
     "<script>alert(1)</script>", "\\", "坦" * 3000, "));DROP TABLE wagtailcore_page;--"],
)  # fmt: skip
def test_odd_queries_get_a_page(client, site_content, query):
    html = search(client, query)
    assert "<script>alert(1)</script>" not in html
    assert "Search" in html


def test_a_long_query_is_cut_and_says_so(client, site_content):
    assert "Only the first 200 characters" in search(client, "opium " * 100)


def test_result_pages_are_not_indexed_by_search_engines(client, site_content):
    assert 'name="robots" content="noindex"' in search(client, "opium")
    assert 'name="robots"' not in client.get("/en/search/").content.decode()


def test_queries_are_bounded(client, site_content, django_assert_max_num_queries):
    search(client, "opium")  # the corpus and the site frame are built once
    with django_assert_max_num_queries(12):
        search(client, "Tonghua")
    cache.clear()
    # A cold start builds the whole corpus once: a few queries per kind of content, however
    # many objects each holds.
    with django_assert_max_num_queries(51):
        search(client, "Tonghua")


def test_matching_and_marking():
    assert words_of('  "Luo"   Ruiqing! ') == ["Luo", "Ruiqing"]
    assert words_of("... !!") == []
    pattern = pattern_for(["execut", "坦白"])
    assert pattern.search("the executions") and not pattern.search("prosecute")
    assert pattern.search("拒不坦白的大毒犯")
    html = snippet("Tom & <b>Jerry</b> were executed.", pattern)
    assert html == "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt; were <mark>execut</mark>ed."


def test_snippets_never_show_footnote_markers_or_glossary_references(client, site_content, rf):
    from history.essays.footnotes import MARKER
    from history.glossary.cross_references import REFERENCE
    from history.search.corpus import corpus

    for language in ("en", "zh-hans"):
        with translation.override(language):
            documents = corpus(rf.get(f"/{language}/search/"))
        assert not [d.title for d in documents if MARKER.search(f"{d.title} {d.text}")]
        assert not [d.title for d in documents if REFERENCE.search(d.text)]
    # A term whose note refers to another shows the words, not the reference.
    html = search(client, "peak phase", type="term")
    assert "high tide" in html and "[[" not in html
    html = search(client, "separate measures")
    assert "/en/essays/century-of-opium/" in links(html, "essay")
    assert "[^" not in html


def test_a_term_shows_its_chinese_and_pinyin_marked_with_their_languages(client, site_content):
    html = search(client, "addicts", type="term")
    detail = re.search(r'<p class="hit__kind">(.*?)</p>', html, flags=re.S).group(1)
    assert '<span lang="zh-Hans">瘾民</span> <span lang="zh-Latn-pinyin">yǐnmín</span>' in detail


def test_snippets_are_made_only_for_the_results_a_page_shows(client, site_content, monkeypatch):
    """A common word matches more documents than a page lists: the work of marking where each
    matches is spent on the ones shown, so it does not grow with the whole corpus."""
    made = []

    def counted(text, pattern):
        made.append(text)
        return snippet(text, pattern)

    monkeypatch.setattr(finding, "snippet", counted)
    monkeypatch.setattr(views, "SHOWN", 5)
    response = client.get("/en/search/?q=the")
    assert response.context["total"] > 5
    assert len(response.context["hits"]) == 5
    assert response.content.decode().count('class="hit__text"') == 5
    assert len(made) == 5


def test_results_come_in_pages_with_links_between_them(client, site_content, monkeypatch):
    monkeypatch.setattr(views, "SHOWN", 4)
    first = client.get("/en/search/?q=the")
    total = first.context["total"]
    assert total > 8 and first.context["pages"] == -(-total // 4)
    assert len(first.context["hits"]) == 4
    html = first.content.decode()
    assert 'href="?q=the&amp;page=2"' in html and 'rel="prev"' not in html
    assert f"Page 1 of {first.context['pages']}" in html

    second = client.get("/en/search/?q=the&page=2")
    assert [h.document.key for h in second.context["hits"]] == [
        h.document.key for h in finding.find("the", second.wsgi_request).hits("", 4, 8)
    ]
    assert 'href="?q=the"' in second.content.decode()  # back to the first page
    assert '<ol class="hits" start="5">' in second.content.decode()

    # A type keeps its pages; a page past the end, or not a number, gives the nearest page.
    last = client.get("/en/search/?q=the&page=999")
    assert last.context["page_number"] == last.context["pages"]
    assert client.get("/en/search/?q=the&page=x").context["page_number"] == 1
    essays = client.get("/en/search/?q=the&type=essay&page=2")
    assert essays.status_code == 200
    assert all(hit.document.kind == "essay" for hit in essays.context["hits"])

    chinese = client.get("/zh-hans/search/?q=the").content.decode()
    assert "第1页，共" in chinese and "下一页" in chinese


@pytest.mark.parametrize(
    ("language", "query", "paragraph"),
    [
        ("en", "hands freed", "/en/cc-directive-1952/#p14"),
        ("zh-hans", "腾出手来", "/zh-hans/cc-directive-1952/#p14"),
        ("en", "beset on all sides", "/en/second-bulletin/#p23"),
        ("zh-hans", "四面楚歌", "/zh-hans/second-bulletin/#p23"),
        ("en", "1,312,535 denunciation letters", "/en/final-report/#p35"),
        ("zh-hans", "儿子检举父亲", "/zh-hans/final-report/#p36"),
    ],
)
def test_the_paragraphs_of_every_document_are_found(
    client, site_content, language, query, paragraph
):
    html = search(client, query, language)
    assert paragraph in links(html, "paragraph")


def _events(count, word):
    from history.search.corpus import Corpus, Document

    return Corpus(
        Document(
            kind="event",
            key=("timeline.event", n),
            title=f"{word} meeting {n}" if n % 50 == 7 else f"Meeting {n}",
            url=f"/en/timeline/event/e{n}/",
            text=f"In {word}, the county held meeting {n}.",
            language="en",
        )
        for n in range(count)
    )


def test_many_results_are_counted_and_paged_from_the_index(client, site_content, monkeypatch):
    """As content grows a word matches more documents: they are counted and ranked from the
    corpus's index, and only a page's worth are made into results."""
    documents = _events(450, "Tonghua")
    monkeypatch.setattr(finding, "corpus", lambda request: documents)
    monkeypatch.setattr(finding, "_backend_keys", lambda query, words: set())
    first = client.get("/en/search/?q=tonghua")
    assert first.context["total"] == 450 and first.context["pages"] == 23
    html = first.content.decode()
    assert "450 results for “tonghua”" in html and "Page 1 of 23" in html
    # Those with the word in their title first, then in order.
    titles = [hit.document.title for hit in first.context["hits"]]
    assert titles[:9] == [f"Tonghua meeting {n}" for n in range(7, 450, 50)]
    assert titles[9:11] == ["Meeting 0", "Meeting 1"]
    last = client.get("/en/search/?q=tonghua&type=event&page=23")
    assert [hit.document.title for hit in last.context["hits"]] == [
        f"Meeting {n}" for n in range(440, 450) if n % 50 != 7
    ]
    assert '<ol class="hits" start="441">' in last.content.decode()
    # A word starting others, and a word with punctuation, read from the same index.
    assert client.get("/en/search/?q=tong").context["total"] == 450
    assert client.get("/en/search/?q=tonghua,+the+county").context["total"] == 450
    assert client.get("/en/search/?q=meeting+449.").context["total"] == 1


def test_plain_words_are_matched_without_reading_the_texts(client, site_content, monkeypatch):
    from history.search.corpus import Document

    search(client, "Tonghua")  # the corpus and its index are made once
    read = []
    lowered = Document.lowered
    monkeypatch.setattr(Document, "lowered", property(lambda d: read.append(d) or lowered.fget(d)))
    html = search(client, "Tonghua")
    assert "/en/map/place/tonghua/" in links(html, "place")
    assert read == []
    # Chinese words are found anywhere in a text: only the texts with all their characters
    # are read.
    assert "/en/fifth-bulletin/?version=zh#p16" in links(search(client, "坦白"), "paragraph")
    assert 0 < len(read) < 50
