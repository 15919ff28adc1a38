"""Editors link a paragraph of one edition to a paragraph of another on the same subject: in
notes.yaml (loaded, checked and exported back) or in the admin; readers see each link from
both paragraphs, in both languages, at a constant cost in queries."""

import re

import polib
import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from history.core.loading import ContentError, stable_key
from history.edition.models import EditionPage, PassageLink
from tests.conftest import export_site, load_site
from tests.edition.form_data import as_post_data, posted_fields

pytestmark = pytest.mark.django_db

FIFTH = "editions/fifth-bulletin"
FIFTH_PO = "translations/zh-hans/editions/fifth-bulletin.po"
# A made-up second document for the tests, in a folder after the fifth bulletin's: the fifth
# bulletin's link to it is loaded before it is.
MEMO_META = """\
slug: memo
title: A memo on the campaign
short_title: The memo
original_title: 关于运动的备忘录
dates:
  - role: issued
    date: 1952-08-24
    label: Issued
versions:
  - code: en
    language: en
    label: Editors' translation
    status: editors_translation
    translator: The editors
    provenance: <p>Translated by the editors.</p>
  - code: zh
    language: zh-Hans
    label: Chinese original
    status: archival_original
    translator: ""
    provenance: <p>From the archive.</p>
"""
MEMO_TEXT = """\
- anchor: p1
  kind: paragraph
  texts:
    en: Arrests began on the tenth of August in the key localities.
    zh: 八月十日起在重点地区开始逮捕。
- anchor: p2
  kind: paragraph
  texts:
    en: >-
      By the twenty-second, more than ten thousand offenders had been arrested across the whole
      country, in every region.
    zh: 至二十二日，全国各区已逮捕毒犯一万余名，各地运动正在深入开展之中，逮捕工作仍在继续进行。
"""
MEMO_PO = """\
msgid ""
msgstr ""
"Language: zh-hans\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgctxt "title"
msgid "A memo on the campaign"
msgstr "关于运动的备忘录"

msgctxt "slug"
msgid "memo"
msgstr "memo"

msgctxt "short_title"
msgid "The memo"
msgstr "备忘录"
"""
LINK_KEY = stable_key("fifth-bulletin", "passage_links", "p8", 0)
FIFTH_LINK_PO = f"""
msgctxt "passage_links.{LINK_KEY}.subject"
msgid "Arrests to date"
msgstr "截至目前的逮捕人数"
"""


def write_memo(folder):
    memo = folder / "editions" / "memo"
    memo.mkdir()
    (memo / "edition.yaml").write_text(MEMO_META, encoding="utf-8")
    (memo / "text.yaml").write_text(MEMO_TEXT, encoding="utf-8")
    (folder / "translations" / "zh-hans" / "editions" / "memo.po").write_text(
        MEMO_PO, encoding="utf-8"
    )


def write_link(folder, to="memo:p2", anchor="p8"):
    notes = folder / FIFTH / "notes.yaml"
    link = f'\npassage_links:\n  - anchor: {anchor}\n    to: "{to}"\n    subject: Arrests to date\n'
    # In place of the bulletin's own links (the last part of its file).
    kept = notes.read_text(encoding="utf-8").split("\npassage_links:")[0]
    notes.write_text(kept + link, encoding="utf-8")
    po = folder / FIFTH_PO
    po.write_text(po.read_text(encoding="utf-8") + FIFTH_LINK_PO, encoding="utf-8")


@pytest.fixture
def linked(content_copy):
    """The site with the memo and the fifth bulletin's link from its ¶ p8 to the memo's p2."""
    write_memo(content_copy)
    write_link(content_copy)
    load_site(content_copy)
    return content_copy


def edition(slug, language="en"):
    return EditionPage.objects.get(slug=slug, locale__language_code=language)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def linked_group(html, anchor):
    """The group of linked passages that follows the paragraph `anchor` (after the block of
    text it is part of)."""
    start = html.index('class="passage-links"', html.index(f'id="{anchor}"'))
    return html[start : html.index("</div>", start)]


# --- files ---


def test_a_link_to_an_edition_loaded_after_it_is_loaded_with_its_translation(linked):
    memo = edition("memo")
    link = edition("fifth-bulletin").passage_links.get()
    assert (link.anchor, link.target, link.subject) == ("p8", f"{memo.pk}:p2", "Arrests to date")
    assert link.translation_key == LINK_KEY
    chinese = edition("fifth-bulletin", "zh-hans").passage_links.get()
    assert (chinese.target, chinese.subject) == (link.target, "截至目前的逮捕人数")
    # Loading again changes nothing.
    assert "updated" not in load_site(linked)


@pytest.mark.parametrize(
    "to, message",
    [
        ("memo:p9", "edition “memo” has no paragraph p9"),
        ("nowhere:p2", "no edition “nowhere”"),
        ("fifth-bulletin:p9", "links go to other editions"),
        ("memo", "should name an edition and a paragraph"),
    ],
)
def test_a_link_to_no_paragraph_of_another_edition_is_refused_naming_its_file(
    content_copy, to, message
):
    write_memo(content_copy)
    write_link(content_copy, to=to)
    with pytest.raises(ContentError, match=re.escape(message)) as error:
        load_site(content_copy)
    assert "fifth-bulletin/notes.yaml (passage link 1)" in str(error.value)


def test_a_link_from_a_paragraph_the_edition_lacks_is_refused(content_copy):
    write_memo(content_copy)
    write_link(content_copy, anchor="p999")
    with pytest.raises(ContentError, match="passage link 1.*anchor “p999”"):
        load_site(content_copy)


def test_the_export_writes_the_link_back_as_the_file_gives_it(linked):
    notes = linked / FIFTH / "notes.yaml"
    original = yaml.safe_load(notes.read_text(encoding="utf-8"))
    notes.write_text("[]\n")
    export_site(linked)
    exported = yaml.safe_load(notes.read_text(encoding="utf-8"))
    assert exported == original
    assert exported["passage_links"] == [
        {"anchor": "p8", "to": "memo:p2", "subject": "Arrests to date"}
    ]
    entry = polib.pofile(str(linked / FIFTH_PO)).find(
        "Arrests to date", msgctxt=f"passage_links.{LINK_KEY}.subject"
    )
    assert entry.msgstr == "截至目前的逮捕人数"
    assert entry.comment == "link from p8 to another document: subject"


# --- reading ---


def test_each_paragraph_shows_the_other_in_english(client, linked):
    fifth, memo = edition("fifth-bulletin"), edition("memo")
    number = fifth.paragraph_numbers["p8"]
    group = linked_group(html_of(client, fifth.url), "p8")
    assert "In the other documents" in group
    assert "Arrests to date" in group
    assert f'<a href="{memo.url}#p2">The memo, ¶2</a>' in group
    assert '<q lang="en">By the twenty-second, more than ten thousand offenders had been' in group
    back = linked_group(html_of(client, memo.url), "p2")
    assert f'<a href="{fifth.url}#p8">Fifth bulletin, ¶{number}</a>' in back
    assert "Arrests to date" in back and "As of September 12" in back
    assert html_of(client, memo.url).count('class="passage-links"') == 1


def test_a_reader_of_another_version_sees_the_linked_passage_in_that_version(client, linked):
    fifth, memo = edition("fifth-bulletin"), edition("memo")
    group = linked_group(html_of(client, f"{fifth.url}?version=zh"), "p8")
    assert f'<a href="{memo.url}?version=zh#p2">The memo, ¶2</a>' in group
    assert '<q lang="zh-Hans">至二十二日' in group


def test_each_paragraph_shows_the_other_in_chinese(client, linked):
    fifth, memo = edition("fifth-bulletin", "zh-hans"), edition("memo", "zh-hans")
    number = fifth.paragraph_numbers["p8"]
    group = linked_group(html_of(client, fifth.url), "p8")
    assert "其他文件中" in group and "截至目前的逮捕人数" in group
    assert f'<a href="{memo.url}#p2">备忘录¶2</a>' in group
    assert '<q lang="zh-Hans">至二十二日，全国各区已逮捕毒犯一万余名' in group
    back = linked_group(html_of(client, memo.url), "p2")
    assert f'<a href="{fifth.url}#p8">第五号简报¶{number}</a>' in back
    assert "截至目前的逮捕人数" in back and "截至九月十二日止" in back


def test_a_new_link_shows_at_once_at_both_ends(client, linked):
    fifth, memo = edition("fifth-bulletin"), edition("memo")
    assert html_of(client, memo.url).count('class="passage-links"') == 1  # now cached
    links = list(fifth.passage_links.all())
    links.append(PassageLink(anchor="p9", target=f"{memo.pk}:p1", subject="First arrests"))
    fifth.set_children(passage_links=links)
    fifth.save_revision().publish()
    assert "First arrests" in linked_group(html_of(client, memo.url), "p1")
    assert "First arrests" in linked_group(html_of(client, fifth.url), "p9")


def cold_queries(client, url):
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_queries_do_not_grow_with_the_links(client, linked, django_assert_max_num_queries):
    fifth, memo = edition("fifth-bulletin"), edition("memo")
    one = cold_queries(client, fifth.url), cold_queries(client, memo.url)
    links = list(fifth.passage_links.all()) + [
        PassageLink(anchor=f"p{n}", target=f"{memo.pk}:p{1 + n % 2}", subject=f"Subject {n}")
        for n in range(9, 21)
    ]
    fifth.set_children(passage_links=links)
    fifth.save_revision().publish()
    many = cold_queries(client, fifth.url), cold_queries(client, memo.url)
    assert "Subject 20" in html_of(client, memo.url)
    assert one == many
    client.get(fifth.url)
    with django_assert_max_num_queries(12):
        assert client.get(fifth.url).status_code == 200


# --- admin ---


@pytest.fixture
def editor_client(client, site_content):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def post_link(client, page, anchor, target):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    fields = [
        (name, "1" if name == "passage_links-TOTAL_FORMS" else value)
        for name, value in posted_fields(client.get(url).content.decode())
    ]
    fields += [
        ("passage_links-0-id", ""),
        ("passage_links-0-ORDER", "1"),
        ("passage_links-0-anchor", anchor),
        ("passage_links-0-target", target),
        ("passage_links-0-subject", "Arrests to date"),
        ("action-publish", "publish"),
    ]
    return client.post(url, as_post_data(fields))


def test_the_admin_saves_a_link_chosen_among_the_other_editions_paragraphs(editor_client, linked):
    memo, fifth = edition("memo"), edition("fifth-bulletin")
    form = editor_client.get(reverse("wagtailadmin_pages:edit", args=[memo.pk])).content.decode()
    assert f'<option value="{fifth.pk}:p8">Fifth bulletin ¶' in form
    assert f'<option value="{memo.pk}:p1">' not in form  # not its own paragraphs
    response = post_link(editor_client, memo, "p1", f"{fifth.pk}:p8")
    assert response.status_code == 302, response.content.decode()[:2000]
    link = edition("memo").passage_links.get()
    assert (link.anchor, link.target) == ("p1", f"{fifth.pk}:p8")
    assert "Arrests to date" in linked_group(html_of(editor_client, fifth.url), "p8")


@pytest.mark.parametrize(
    "anchor, target, error",
    [
        ("p9", "{fifth}:p8", "No segment has this anchor."),
        ("p1", "{fifth}:p999", "Select a valid choice."),
        ("p1", "{memo}:p2", "Select a valid choice."),
        ("p1", "", "This field is required."),
    ],
)
def test_the_admin_refuses_a_link_that_names_no_paragraph(
    editor_client, linked, anchor, target, error
):
    memo, fifth = edition("memo"), edition("fifth-bulletin")
    target = target.format(fifth=fifth.pk, memo=memo.pk)
    response = post_link(editor_client, memo, anchor, target)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not edition("memo").passage_links.exists()
