"""Essays: footnotes, quotations from the edition, bibliography, index, and their costs."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from history.core.bibliography import SourceRecord
from history.core.language_parts import mark_chinese
from history.edition.references import ParagraphRef
from history.essays.footnotes import Numbering, marker_problems, markers_in
from history.essays.pages import EssayPage, reading_minutes
from tests.essays.factories import make_essay, paragraph, quote

pytestmark = pytest.mark.django_db


def html_of(client, page, language="en"):
    response = client.get(page.get_url(), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


# --- footnotes ---


def test_markers_are_found_in_order_of_first_appearance():
    data = [{"value": "<p>a[^two] b[^one] c[^two]</p>"}, {"value": {"text": "d[^three]"}}]
    assert markers_in(data) == ["two", "one", "three"]
    problems = marker_problems(["two", "one"], ["one", "four", "four"])
    assert problems == {"unknown": ["two"], "unused": ["four"], "repeated": ["four"]}


def test_footnotes_are_numbered_by_first_use_and_link_both_ways(client, site_content):
    essay = make_essay(
        [
            paragraph("First claim.[^later] Second claim.[^sooner]"),
            paragraph("The first claim again.[^later]"),
        ],
        # Defined in the other order: numbers follow the text, not the list of notes.
        {"sooner": ("A note on the second claim.", []), "later": ("A note on both.", [])},
    )
    html = html_of(client, essay)
    markers = re.findall(
        r'<sup class="fnref"><a href="#(fn-[\w-]+)" id="([\w-]+)"[^>]*>(\d+)</a>', html
    )
    assert markers == [
        ("fn-later", "fnref-later", "1"),
        ("fn-sooner", "fnref-sooner", "2"),
        ("fn-later", "fnref-later-2", "1"),
    ]
    notes = html[html.index('class="footnotes"') :]
    assert notes.index('id="fn-later"') < notes.index('id="fn-sooner"')
    # Each note links back to every place that cites it.
    later = notes[notes.index('id="fn-later"') : notes.index('id="fn-sooner"')]
    assert 'href="#fnref-later"' in later and 'href="#fnref-later-2"' in later
    assert 'href="#fnref-sooner"' in notes[notes.index('id="fn-sooner"') :]
    assert "[^" not in html


def test_a_marker_without_its_footnote_is_not_shown():
    numbering = Numbering([], {})
    assert str(numbering.mark("<p>Text.[^ghost]</p>")) == "<p>Text.</p>"
    assert numbering.notes == []


# --- bibliography ---


def test_bibliography_lists_cited_and_further_works_in_chicago_order(client, site_content):
    essay = make_essay(
        [paragraph("A claim.[^n1] Another.[^n2]")],
        {"n1": ("See Zhou.", ["zhou-1999"]), "n2": ("The report.", ["final-report", "zhou-2000"])},
        further=["baumler-2007", "zhou-1999"],
    )
    html = html_of(client, essay)
    section = html[html.index('id="bibliography-title"') :]
    primary = section[section.index("Primary sources") : section.index("Scholarship")]
    scholarship = section[section.index("Scholarship") : section.index('id="cite-title"')]
    records = {r.key: r for r in SourceRecord.objects.all()}
    assert str(mark_chinese(records["final-report"].chicago_html())) in primary
    # Books and chapters, by author then title; each once, even when cited twice.
    ids = re.findall(r'<li id="bib-([\w-]+)">', scholarship)
    assert ids == ["baumler-2007", "zhou-1999", "zhou-2000"]
    assert "<i>Anti-Drug Crusades in Twentieth-Century China" in scholarship
    # The note's sources link to their bibliography entries.
    assert 'href="#bib-final-report"' in html and 'href="#bib-zhou-2000"' in html


# --- quotations from the edition ---


def test_a_quotation_follows_an_edit_of_its_paragraph(client, site_content):
    edition = site_content
    essay = make_essay([quote(edition, "p8", "en", "<p>Why it matters.</p>")])
    html = html_of(client, essay)
    assert "As of September 12, the total number of identified narcotics offenders" in html
    assert f'href="{edition.url}#p8"' in html
    assert "¶8" in html

    segment = edition.segments.get(anchor="p8")
    old = "As of September 12, the total number"
    edited = "By 12 September the total number"
    segment.texts = [
        ("text", {**block.value, "text": block.value["text"].replace(old, edited)})
        for block in segment.texts
    ]
    segment.save()
    edition.save_revision().publish()
    html = html_of(client, EssayPage.objects.get(pk=essay.pk))
    assert "By 12 September the total number of identified" in html
    assert "As of September 12, the total number" not in html


def test_a_quotation_without_a_version_is_in_the_readers_language(client, site_content):
    essay = make_essay([quote(site_content, "p8")])
    assert "As of September 12" in html_of(client, essay)
    chinese = Locale.objects.get(language_code="zh-hans")
    # Published, the essay stands in for its translation on the Chinese site.
    translated = EssayPage.objects.get(translation_key=essay.translation_key, locale=chinese)
    assert translated.alias_of_id == essay.pk
    html = html_of(client, translated, "zh-hans")
    assert "截至九月十二日止，全国毒犯总数已达二十三万七千四百六十三名" in html
    assert '<blockquote lang="zh-Hans"' in html
    # It links to the paragraph in the Chinese edition.
    assert f'href="{site_content.get_translation(chinese).url}#p8"' in html


# --- reading time ---


def test_reading_time_counts_words_and_chinese_characters():
    essay = EssayPage(body=[paragraph(" ".join(["word"] * 660))])
    assert reading_minutes(essay.body) == 3
    essay = EssayPage(body=[paragraph("字" * 1200)])
    assert reading_minutes(essay.body) == 3


# --- the admin ---


@pytest.fixture
def editor_client(client, site_content):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def essay_form(essay, text, footnotes):
    """The edit form as the admin posts it: existing footnotes first (bound by position)."""
    existing = {footnote.key: footnote.pk for footnote in essay.footnotes.all()}
    keys = sorted(footnotes, key=lambda key: key not in existing)
    return nested_form_data(
        {
            "title": essay.title,
            "slug": essay.slug,
            "standfirst": essay.standfirst,
            "author": essay.author,
            "date": "2026-11-01",
            "content_note": "",
            "hero_caption": "",
            "hero_credit": "",
            "hero_licence": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
            "footnotes": inline_formset(
                [
                    {
                        "id": existing.get(key, ""),
                        "key": key,
                        "text": rich_text(f"<p>{footnotes[key]}</p>"),
                        "sources": streamfield([]),
                    }
                    for key in keys
                ],
                initial=sum(1 for key in keys if key in existing),
            ),
            "bibliography": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def test_admin_rejects_a_marker_without_a_footnote_and_keeps_the_work(editor_client):
    essay = make_essay([paragraph("Start.[^a]")], {"a": ("A.", [])})
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(essay, "Edited text.[^a] More.[^missing]", {"a": "A."})
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "No footnote has the key of these markers: [^missing]" in response.content.decode()
    # The editor's text is still in the form.
    assert "Edited text." in response.content.decode()


def test_admin_rejects_an_unused_footnote(editor_client):
    essay = make_essay([paragraph("Start.[^a]")], {"a": ("A.", [])})
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    response = editor_client.post(url, essay_form(essay, "Text.[^a]", {"a": "A.", "b": "B."}))
    assert response.status_code == 200
    assert "The text has no marker [^b] for this footnote." in response.content.decode()


def test_admin_saves_a_valid_essay(editor_client):
    essay = make_essay([paragraph("Start.[^a]")], {"a": ("A.", [])})
    url = reverse("wagtailadmin_pages:edit", args=[essay.pk])
    data = essay_form(essay, "New text.[^b] Old.[^a]", {"a": "A.", "b": "B."})
    response = editor_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302
    essay = EssayPage.objects.get(pk=essay.pk)
    assert sorted(essay.footnotes.values_list("key", flat=True)) == ["a", "b"]


def test_a_quotation_must_name_a_paragraph_of_its_edition_with_text_in_its_version(
    site_content,
):
    from wagtail.blocks.struct_block import StructBlockValidationError

    from history.essays.blocks import EditionQuoteBlock
    from tests.edition.factories import make_edition

    block = EditionQuoteBlock()
    other = make_edition(site_content.get_parent().specific, n_segments=5)

    def errors(paragraph, version):
        value = {"paragraph": paragraph, "version": version, "comment": ""}
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(block.to_python(value))
        return {name: error.messages for name, error in caught.value.block_errors.items()}

    # The choice names the edition as well as the paragraph: ¶50 of the bulletin is offered,
    # the other edition has no ¶50.
    (message,) = errors(f"{other.pk}:p50", "")["paragraph"]
    assert "not one of the available choices" in message
    # A paragraph deleted since the form was built is refused too.
    from history.edition.passages import paragraph_problem

    assert paragraph_problem(f"{other.pk}:p50") == (
        "paragraph",
        "The edition has no such paragraph.",
    )
    assert paragraph_problem("nonsense") == ("paragraph", "The edition has no such paragraph.")
    assert paragraph_problem(f"{other.pk}:p5") is None
    # The bulletin's date line (p2) exists only in the English translation.
    assert errors(f"{site_content.pk}:p2", "zh") == {
        "version": ["This paragraph has no text in that version."]
    }
    value = {"paragraph": f"{site_content.pk}:p2", "version": "en", "comment": ""}
    cleaned = block.clean(block.to_python(value))
    assert cleaned["paragraph"] == ParagraphRef(site_content.pk, "p2")
    assert block.get_prep_value(cleaned)["paragraph"] == f"{site_content.pk}:p2"


def test_an_unpublished_edition_is_not_quoted(client, site_content):
    essay = make_essay([paragraph("Before."), quote(site_content, "p8", "en")])
    site_content.unpublish()
    html = html_of(client, EssayPage.objects.get(pk=essay.pk))
    assert "Before." in html
    assert "As of September 12" not in html


def test_markers_are_numbered_in_text_only_and_headings_get_unique_ids(client, site_content):
    essay = make_essay(
        [
            {"type": "heading", "value": "Context"},
            paragraph('A <a href="https://example.org/[^n1]">link</a> and a claim.[^n1]'),
            {"type": "heading", "value": "Context"},
            paragraph("Again."),
        ],
        {"n1": ("Note.", [])},
    )
    html = html_of(client, essay)
    assert 'href="https://example.org/[^n1]"' in html  # an attribute is left as it is
    assert html.count('class="fnref"') == 1
    assert 'id="s-context"' in html and 'id="s-context-2"' in html
    assert 'href="#s-context-2"' in html


# --- constant cost ---


def _queries(client, url, django_assert_max_num_queries, limit=12):
    """(queries on a cold cache, queries warm): both must not grow with the content."""
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(40) as cold:
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(limit) as warm:
        assert client.get(url).status_code == 200
    return len(cold), len(warm)


def test_an_essay_costs_the_same_with_3_or_40_notes_and_quotations(
    client, site_content, django_assert_max_num_queries
):
    def essay(n, slug):
        body = []
        notes = {}
        for i in range(n):
            body.append(paragraph(f"Claim {i}.[^n{i}]"))
            body.append(quote(site_content, f"p{8 + i % 40}", "en" if i % 2 else ""))
            notes[f"n{i}"] = (f"Note {i}.", ["zhou-1999", "final-report"][: 1 + i % 2])
        return make_essay(body, notes, slug=slug)

    small = _queries(client, essay(3, "small").url, django_assert_max_num_queries)
    large = _queries(client, essay(40, "large").url, django_assert_max_num_queries)
    assert small == large


def test_the_index_costs_the_same_with_more_essays(
    client, site_content, django_assert_max_num_queries
):
    first = make_essay([paragraph("One.")], slug="one")
    index_url = first.get_parent().url
    before = _queries(client, index_url, django_assert_max_num_queries)
    for i in range(12):
        make_essay([paragraph("More.")], slug=f"more-{i}", title=f"More {i}")
    after = _queries(client, index_url, django_assert_max_num_queries)
    assert before == after
    html = client.get(index_url).content.decode()
    assert html.count('class="essay-card"') >= 13


def test_the_chinese_site_cites_and_lists_sources_by_gb_t_7714(client, site_content):
    html = client.get("/zh-hans/essays/luo-ruiqing/").content.decode()
    today = timezone.localdate().isoformat()
    citation = re.search(r'id="cite-gbt">([^<]*)<', html).group(1)
    assert citation.startswith("编者. 罗瑞卿与公安部[EB/OL]. 第五号简报, ")
    assert citation.endswith(f"[{today}]. http://testserver/zh-hans/essays/luo-ruiqing/.")
    assert "著录格式依照GB/T 7714—2015" in html
    assert (
        'LUO Ruiqing. <span lang="zh-Hans">中共中央转发罗瑞卿关于全国禁毒运动第五号简报</span>[A]'
        "//SONG Yongyi. Database of Chinese Political Campaigns in the 1950s: 3/0/6/408. "
        "1952-09-14."
    ) in html
    english = client.get("/en/essays/luo-ruiqing/").content.decode()
    assert 'id="cite-gbt"' not in english and "GB/T" not in english
