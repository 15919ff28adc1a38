"""Versions of an edition: each published change to its text or notes is numbered, dated and
described; the reader shows the version, earlier versions stay readable at their own address,
the change log says what changed per paragraph, and citations name the version."""

import datetime
import json
import re
from urllib.parse import urlencode

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_localize.models import StringSegment, Translation

from history.edition.models import EditionPage, EditionVersion
from tests.conftest import export_site, load_site
from tests.core.test_page_cache import warm
from tests.edition.form_data import as_post_data
from tests.edition.test_admin import edit_url, field_named, form_of, replace

pytestmark = pytest.mark.django_db
URL = "/en/fifth-bulletin/"
ZH_URL = "/zh-hans/fifth-bulletin/"
FOLDER = "editions/fifth-bulletin"
ADDED = " Then a corrected sentence."


@pytest.fixture
def editor_client(client, site_content):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def edited_form(client, edition, anchor="p8"):
    """The edition's whole edit form with a sentence added to ¶`anchor` in English."""
    fields = form_of(client, edition)
    index = [segment.anchor for segment in edition.segments.all()].index(anchor)
    name = f"segments-{index}-texts-en"
    return replace(fields, name, field_named(fields, name) + ADDED)


def publish_revised(edition, anchor="p8", description="Corrected paragraph 8.", remove=None):
    """Publish the edition from code with ¶`anchor` changed (and `remove` taken out)."""
    segments = [s for s in edition.segments.all() if s.anchor != remove]
    for segment in segments:
        if segment.anchor == anchor:
            texts = list(segment.texts.raw_data)
            for item in texts:
                if item["value"]["version"] == "en":
                    item["value"]["text"] += ADDED
            segment.texts = texts
    edition.set_children(segments=segments)
    edition.pending_change_description = description
    edition.save_revision().publish()
    return EditionPage.objects.get(pk=edition.pk)


def test_the_loaded_editions_are_at_version_1_as_their_files_say(edition):
    (version,) = edition.edition_versions.all()
    assert (version.number, version.published) == (1, datetime.date(2026, 11, 27))
    assert version.public_description == "First published."
    assert version.snapshot["segments"][7]["anchor"] == "p8"
    assert set(version.snapshot["notes"]) == {"en", "zh-hans"}


def test_publishing_a_changed_text_without_a_description_is_a_form_error_and_keeps_the_work(
    editor_client, edition
):
    fields = edited_form(editor_client, edition)
    response = editor_client.post(
        edit_url(edition), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Describe this change in one line for the change log" in html
    assert ADDED.strip() in html  # the editor's text is still in the form
    assert edition.edition_versions.count() == 1
    assert ADDED.strip() not in html_of(editor_client, URL)


def test_a_draft_needs_no_description_and_makes_no_version(editor_client, edition):
    response = editor_client.post(
        edit_url(edition), as_post_data(edited_form(editor_client, edition))
    )
    assert response.status_code == 302
    assert edition.edition_versions.count() == 1


def test_publishing_unchanged_text_needs_no_description(editor_client, edition):
    fields = form_of(editor_client, edition)
    response = editor_client.post(
        edit_url(edition), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 302
    assert edition.edition_versions.count() == 1


def test_the_description_field_opens_blank_and_says_where_it_appears(editor_client, edition):
    publish_revised(edition, description="Corrected paragraph 8.")
    html = editor_client.get(edit_url(edition)).content.decode()
    assert "Public description of this change" in html
    assert "change log" in html
    assert field_named(form_of(editor_client, edition), "change_description") == ""


def test_an_editor_publishes_a_correction_and_readers_see_version_2(editor_client, edition):
    fields = edited_form(editor_client, edition)
    fields = replace(fields, "change_description", "Corrected a sentence of paragraph 8.")
    response = editor_client.post(
        edit_url(edition), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    version = EditionVersion.objects.get(page=edition, number=2)
    assert version.description == "Corrected a sentence of paragraph 8."
    assert version.published == timezone.localdate()
    assert EditionPage.objects.get(pk=edition.pk).pending_change_description == ""

    editor_client.logout()
    html = html_of(editor_client, URL)
    today = timezone.localdate()
    assert f"Version 2, {today.day} {today:%B} {today.year}" in html
    assert 'href="/en/fifth-bulletin/changes/"' in html
    assert ADDED.strip() in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["version"] == "2"

    log = html_of(editor_client, URL + "changes/")
    assert "Corrected a sentence of paragraph 8." in log
    assert log.index('id="v2"') < log.index('id="v1"')  # newest first
    entry = log[log.index('id="v2"') : log.index('id="v1"')]
    assert re.search(r'href="/en/fifth-bulletin/v/2/#p8">¶8</a>\s*text changed in: English', entry)

    old = html_of(editor_client, URL + "v/1/")
    assert "You are reading version 1 of 2" in old
    assert 'href="/en/fifth-bulletin/">Read the current version (version 2)' in old
    assert '<link rel="canonical" href="http://testserver/en/fifth-bulletin/">' in old
    assert '<meta name="robots" content="noindex">' in old
    assert 'id="p8"' in old and ADDED.strip() not in old
    assert "First published." in old
    chicago = re.search(r'id="cite-chicago">(.*?)</p>', old, re.S).group(1)
    assert "Version 1." in chicago and "http://testserver/en/fifth-bulletin/v/1/" in chicago

    current = editor_client.get(URL + "v/2/?version=zh")
    assert (current.status_code, current["Location"]) == (302, URL + "?version=zh")
    assert editor_client.get(URL + "v/3/").status_code == 404
    assert editor_client.get(URL + "v/0/").status_code == 404


def test_citations_name_the_version_and_the_access_date(client, edition):
    publish_revised(edition)
    today = timezone.localdate()
    html = html_of(client, URL + "?cite=p18")
    chicago = re.search(r'id="cite-chicago">(.*?)</p>', html, re.S).group(1)
    assert "Version 2." in chicago
    assert f"Accessed {today:%B} {today.day}, {today.year}." in chicago
    assert "http://testserver/en/fifth-bulletin/v/2/#p18" in chicago
    mla = re.search(r'id="cite-mla">(.*?)</p>', html, re.S).group(1)
    assert "version 2," in mla and f"Accessed {today.day} " in mla
    apa = re.search(r'id="cite-apa">(.*?)</p>', html, re.S).group(1)
    assert "(Version 2)" in apa and f"Retrieved {today:%B} {today.day}, {today.year}, from" in apa
    ris = client.get(URL + "cite/ris/?cite=p18").content.decode()
    assert "ET  - 2\r\n" in ris and f"Y2  - {today:%Y/%m/%d}\r\n" in ris
    bib = client.get(URL + "cite/bibtex/").content.decode()
    assert "version = {2}" in bib and f"urldate = {{{today.isoformat()}}}" in bib


def test_the_tei_lists_the_versions_newest_first(client, edition):
    publish_revised(edition)
    tei = client.get(URL + "tei.xml").content.decode()
    changes = re.findall(r'<change when="([\d-]+)" n="(\d+)">([^<]*)</change>', tei)
    assert changes == [
        (timezone.localdate().isoformat(), "2", "Corrected paragraph 8."),
        ("2026-11-27", "1", "First published."),
    ]


def test_the_chinese_edition_shows_the_same_versions_in_chinese(client, edition):
    publish_revised(edition)
    today = timezone.localdate()
    html = html_of(client, ZH_URL + "?cite=p18")
    assert f"第 2 版，{today.year}年{today.month}月{today.day}日" in html
    chicago = re.search(r'id="cite-chicago">(.*?)</p>', html, re.S).group(1)
    assert (
        "第 2 版" in chicago and f"访问日期：{today.year}年{today.month}月{today.day}日" in chicago
    )
    old = html_of(client, ZH_URL + "v/1/")
    assert "您正在阅读第 1 版（共 2 版）" in old
    log = html_of(client, ZH_URL + "changes/")
    assert "更新日志" in log and "首次发布。" in log
    # The editor's line is shown as written, marked as English for readers and their tools.
    assert '<p class="change-log__description" lang="en">Corrected paragraph 8.</p>' in log
    assert '<p class="change-log__description">首次发布。</p>' in log


def test_publishing_the_chinese_edition_makes_no_version_and_keeps_its_notes(
    editor_client, edition, django_capture_on_commit_callbacks
):
    zh = EditionPage.objects.get(
        translation_key=edition.translation_key, locale__language_code="zh-hans"
    )
    translation = Translation.objects.get(
        source__object_id=zh.translation_key, target_locale=zh.locale
    )
    note = edition.annotations.first()
    segment = StringSegment.objects.get(source=translation.source, string__data=note.text)
    response = editor_client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": "译者修改的编者注。"}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    # The translation editor publishes once the transaction is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(edit_url(zh), {"action": "publish"})
    assert response.status_code == 302
    (version,) = edition.edition_versions.all()
    texts = [n["text"] for n in version.snapshot["notes"]["zh-hans"]["annotations"]]
    assert "译者修改的编者注。" in texts
    html = editor_client.get(edit_url(zh)).content.decode()
    assert "Public description of this change" not in html


def test_an_earlier_version_keeps_its_paragraph_numbers_and_anchors(client, edition):
    """A paragraph removed in version 2 is read in version 1 under its number there; its link
    on the current page lands on a note that leads to it."""
    publish_revised(edition, anchor="p8", remove="p5")
    old = html_of(client, URL + "v/1/")
    assert '<a class="pn" href="#p5" aria-label="Paragraph 5 (link)">5</a>' in old
    current = html_of(client, URL)
    assert '<a class="pn" href="#p6" aria-label="Paragraph 5 (link)">5</a>' in current
    removed = re.search(r'<li id="p5".*?</li>', current, re.S).group(0)
    assert 'href="/en/fifth-bulletin/v/1/#p5"' in removed
    assert 'href="/en/fifth-bulletin/changes/#v2"' in removed
    log = html_of(client, URL + "changes/")
    assert re.search(r'href="/en/fifth-bulletin/v/1/#p5">¶5</a>\s*removed', log)
    # The notes of an earlier version link to the comparison, which is the current one.
    compare = client.get(URL + "v/1/parallel/")
    assert (compare.status_code, compare["Location"]) == (302, URL + "parallel/")


def test_a_new_publication_drops_the_stored_version_pages(client, edition, settings):
    settings.PAGE_CACHE = True
    for path in ("", "changes/"):
        warm(client, URL + path)
    publish_revised(edition)
    assert "Version 2," in html_of(client, URL)
    assert 'id="v2"' in html_of(client, URL + "changes/")
    assert "You are reading version 1 of 2" in html_of(client, URL + "v/1/")
    assert warm(client, URL + "v/1/").status_code == 200  # an earlier version is stored too


def _count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", ["v/1/", "changes/"])
@pytest.mark.parametrize("root", [URL, ZH_URL])
def test_the_version_pages_stay_within_the_query_budget(client, edition, root, path):
    publish_revised(edition)
    publish_revised(EditionPage.objects.get(pk=edition.pk), anchor="p9", description="Again.")
    assert _count_queries(client, root + path) <= 12


# --- as files ---


def test_versions_go_through_files_and_back(content_copy, edition):
    publish_revised(edition)
    export_site(content_copy)
    listed = yaml.safe_load((content_copy / FOLDER / "versions.yaml").read_text())
    assert listed == [
        {"number": 1, "date": datetime.date(2026, 11, 27)},
        {"number": 2, "date": timezone.localdate(), "description": "Corrected paragraph 8."},
    ]
    kept = yaml.safe_load((content_copy / FOLDER / "versions/1.yaml").read_text())
    before = {v.number: v.snapshot for v in edition.edition_versions.all()}
    assert kept == before[1]
    # A fresh load of the exported files has the same versions.
    EditionVersion.objects.all().delete()
    load_site(content_copy, force=True)
    page = EditionPage.objects.get(pk=edition.pk)
    loaded = list(page.edition_versions.all())
    assert [(v.number, v.published, v.description) for v in loaded] == [
        (1, datetime.date(2026, 11, 27), ""),
        (2, timezone.localdate(), "Corrected paragraph 8."),
    ]
    assert [v.snapshot for v in loaded] == [before[1], before[2]]
    assert loaded[0].digest != loaded[1].digest
    text = (content_copy / FOLDER / "versions.yaml").read_text()
    export_site(content_copy)
    assert (content_copy / FOLDER / "versions.yaml").read_text() == text


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "- number: 1\n  date: 2026-11-2",
            "versions.yaml (version 1): field “date” should be a date",
        ),
        ("- number: 1\n  date: 2026-11-27\n- number: 3\n  date: 2026-12-01\n", "found 3"),
        (
            "- number: 1\n  date: 2026-11-27\n- number: 2\n  date: 2026-12-01\n",
            "1.yaml: file not found",
        ),
        ("- number: 1\n  date: [2026", "versions.yaml: not valid YAML"),
    ],
)
def test_a_bad_versions_file_is_refused_with_its_name(content_copy, site_content, text, message):
    (content_copy / FOLDER / "versions.yaml").write_text(text)
    with pytest.raises(Exception, match=re.escape(message)):
        load_site(content_copy, force=True)


def test_a_scheduled_correction_keeps_its_description_until_it_goes_live(editor_client, edition):
    from django.core.management import call_command
    from wagtail.models import Revision

    fields = edited_form(editor_client, edition)
    fields = replace(fields, "change_description", "Corrected paragraph 8 on schedule.")
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    fields = replace(fields, "go_live_at", tomorrow.strftime("%Y-%m-%d %H:%M"))
    response = editor_client.post(
        edit_url(edition), as_post_data(fields + [("action-publish", "publish")])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Scheduled, not published: no new version yet, and readers see the text as it was.
    assert not EditionVersion.objects.filter(page=edition, number=2).exists()
    assert ADDED.strip() not in html_of(editor_client, URL)

    # The time comes (the schedule moved into the past, as the clock would move past it).
    revision = Revision.page_revisions.exclude(approved_go_live_at=None).get(
        object_id=str(edition.pk)
    )
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)
    version = EditionVersion.objects.get(page=edition, number=2)
    assert version.description == "Corrected paragraph 8 on schedule."
    editor_client.logout()
    assert "Corrected paragraph 8 on schedule." in html_of(editor_client, URL + "changes/")


def test_an_editors_line_is_marked_by_its_main_script():
    line = EditionVersion(number=2, description="Corrected 关内 in ¶3.")
    assert line.description_language == "en"
    assert (
        EditionVersion(number=2, description="更正第3段的“关内”。").description_language
        == "zh-Hans"
    )
    assert EditionVersion(number=1, description="").description_language == ""


def test_an_earlier_version_marks_places_terms_and_people_as_the_current_one(client, edition):
    publish_revised(edition)
    old = html_of(client, URL + "v/1/")
    for kind in ("place-link", "term-link", "person-link"):
        assert f'<a class="{kind}"' in old, kind
    assert 'href="/en/people/#person-luo-ruiqing"' in old
    # The stored page is dropped when the marks change.
    from history.people.persons import PersonMention

    PersonMention.objects.filter(edition=edition).delete()
    assert 'class="person-link"' not in html_of(client, URL + "v/1/")
