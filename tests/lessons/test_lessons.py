"""Lessons: excerpts that follow the edition, teacher-only content, sharing, the index, and
who may do what in the admin."""

import io
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from history.core.roles import EDITORS, TEACHERS
from history.essays.pages import EssayPage
from history.lessons.pages import LessonIndexPage, LessonPage
from history.timeline.events import Event
from tests.lessons.factories import published_lesson

pytestmark = pytest.mark.django_db

SOURCING = "/en/lessons/sourcing-a-government-report/"
MAPPING = "/en/lessons/mapping-the-campaign/"
CORROBORATING = "/en/lessons/corroborating-the-campaigns-reports/"


def user(username, group):
    account = get_user_model().objects.create_user(username, password="pw", first_name=username)
    account.groups.add(Group.objects.get(name=group))
    return account


def index():
    return LessonIndexPage.objects.get(locale=Locale.get_default())


def lesson_of(owner, slug):
    """A published lesson owned by `owner`, with a teacher-only answer."""
    answer = {
        "skill": "sourcing",
        "prompt": "<p>Who wrote it?</p>",
        "sentence_starters": [],
        "model_answer": f"<p>SECRET ANSWER {slug}</p>",
    }
    return published_lesson(owner, slug, body=[{"type": "question", "value": answer}])


# --- what the public sees, and what teachers see ---


def test_seeded_lessons_render_all_their_pieces(client, site_content):
    html = client.get(SOURCING).content.decode()
    assert "Central historical question" in html
    assert "¶1" in html and "¶7" in html and "anatomy=on" in html  # the document's parts
    assert "Sentence starters" in html
    assert "Adapted version" in html
    assert "Observe" in html and "Reflect" in html
    assert "/en/essays/reading-a-party-bulletin/" in html
    mapping = client.get(MAPPING).content.decode()
    assert "/en/map/?document=fifth-bulletin&amp;kind=arrests" in mapping
    assert "/en/timeline/?period=campaign" in mapping
    assert "Liaodong" in client.get("/en/map/place/tonghua/").content.decode()
    assert "place=tonghua" in mapping
    assert "东北通化市" in mapping  # the Chinese beside the English in the parallel excerpt


def test_the_corroboration_lesson_quotes_all_four_documents(client, site_content):
    html = client.get(CORROBORATING).content.decode()
    for source in ("Central Committee directive, ¶14–16", "Second bulletin, ¶39–41"):
        assert source in html
    assert "Fifth bulletin, ¶18–20" in html and "Final report, ¶14–17" in html
    assert "so as to magnify the momentum" in html  # the directive, in the editors' English
    assert "共杀了四十五名成分坏" in html  # the fifth bulletin's Chinese beside its English
    assert "Model answer" not in html and "50,638" not in html
    chinese = client.get("/zh-hans" + CORROBORATING[3:]).content.decode()
    assert "本教案尚未译成中文" not in chinese
    assert "以壮大 声势" in chinese and "五万一千六百二十七名" in chinese  # the originals


def test_teacher_only_text_is_never_sent_to_anonymous_visitors(client, site_content):
    teacher = user("ana", TEACHERS)
    lesson = lesson_of(teacher, "secret")
    for path in ("", "handout/"):
        html = client.get(lesson.url + path).content.decode()
        assert "SECRET ANSWER" not in html
    seeded = client.get(SOURCING).content.decode()
    assert "Model answer" not in seeded
    assert "Timing: 10 minutes" not in seeded  # the seeded lesson's teacher note
    # Nor can the search index give them away.
    assert not LessonPage.objects.search("SECRET ANSWER")
    # The teacher copy needs a teacher's sign-in.
    response = client.get(lesson.url + "teacher/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert client.get(response["Location"]).status_code == 200
    other = get_user_model().objects.create_user("sam", password="pw")
    client.force_login(other)
    assert client.get(lesson.url + "teacher/").status_code == 403
    assert "SECRET ANSWER" not in client.get(lesson.url).content.decode()
    client.logout()

    client.force_login(teacher)
    assert "SECRET ANSWER secret" in client.get(lesson.url).content.decode()
    copy = client.get(lesson.url + "teacher/")
    assert "SECRET ANSWER secret" in copy.content.decode()
    assert "no-store" in copy["Cache-Control"]
    # The student handout never has the answers, even for a teacher.
    assert "SECRET ANSWER" not in client.get(lesson.url + "handout/").content.decode()
    # Anonymous visitors after a teacher's visit still get the public version.
    client.logout()
    assert "SECRET ANSWER" not in client.get(lesson.url).content.decode()


# --- excerpts ---


def test_an_excerpt_follows_an_edit_of_the_edition(client, site_content):
    edition = site_content
    old, new = "As of September 12, the total number", "By 12 September the total number"
    assert old in client.get(SOURCING).content.decode()
    segment = edition.segments.get(anchor="p8")
    segment.texts = [
        ("text", {**block.value, "text": block.value["text"].replace(old, new)})
        for block in segment.texts
    ]
    segment.save()
    edition.save_revision().publish()
    html = client.get(SOURCING).content.decode()
    assert new in html and old not in html


@pytest.fixture
def editor(client, site_content):
    account = user("eve", EDITORS)
    client.force_login(account)
    return account


def lesson_form(start, end, title="A new lesson"):
    return nested_form_data(
        {
            "title": title,
            "slug": re.sub(r"\W+", "-", title.lower()),
            "author_name": "Eve",
            "level": "secondary",
            "duration": "45",
            "question": "What?",
            "objectives": "One.",
            "summary": "A summary.",
            "body": streamfield(
                [
                    (
                        "excerpt",
                        {
                            "start": start,
                            "end": end,
                            "version": "",
                            "parallel": False,
                            "anatomy": False,
                            "adapted": "",
                        },
                    )
                ]
            ),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0},
        }
    )


def test_an_invalid_range_is_refused_by_the_admin_form(client, editor, site_content):
    from tests.edition.factories import make_edition

    other = make_edition(site_content.get_parent().specific, n_segments=5)
    url = reverse("wagtailadmin_pages:add", args=["lessons", "lessonpage", index().pk])
    ed = site_content.pk
    cases = [
        (f"{ed}:p20", f"{ed}:p10", "The excerpt ends before it begins"),
        (f"{ed}:p2", f"{other.pk}:p3", "The excerpt must begin and end in the same edition."),
    ]
    for start, end, message in cases:
        response = client.post(url, lesson_form(start, end))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not LessonPage.objects.filter(slug="a-new-lesson").exists()
    response = client.post(url, {**lesson_form(f"{ed}:p8", f"{ed}:p9"), "action-publish": "1"})
    assert response.status_code == 302
    assert LessonPage.objects.get(slug="a-new-lesson", locale__language_code="en").live


# --- sharing ---


def test_a_short_link_and_a_qr_code_open_the_lesson(client, site_content):
    lesson = LessonPage.objects.get(slug="mapping-the-campaign", locale__language_code="en")
    assert re.fullmatch(r"[a-z2-9]{6}", lesson.short_code)
    response = client.get(f"/l/{lesson.short_code}/")
    assert response.status_code == 302 and response["Location"] == MAPPING
    chinese = client.get(f"/l/{lesson.short_code}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert chinese["Location"] == MAPPING.replace("/en/", "/zh-hans/")
    qr = client.get(f"/l/{lesson.short_code}/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<svg") and b"<path" in qr.content
    assert client.get("/l/zzzzzz/qr.svg").status_code == 404
    assert f"/l/{lesson.short_code}/" in client.get(MAPPING).content.decode()


# --- the index ---


def test_the_index_filters_by_level_and_skill(client, site_content):
    def titles(query, **headers):
        html = client.get(f"/en/lessons/?{query}", **headers).content.decode()
        found = re.findall(r'essay-card__title"><a [^>]*>([^<]+)<', html)
        return [unescape(title) for title in found]

    corroborating = "Corroborating the campaign's own reports"
    assert titles("") == [corroborating, "Mapping the campaign", "Sourcing a government report"]
    assert titles("level=university") == ["Mapping the campaign"]
    assert titles("skill=contextualisation") == ["Mapping the campaign"]
    assert titles("skill=sourcing") == [corroborating, "Sourcing a government report"]
    assert titles("level=nonsense&skill=%3Cscript%3E") == titles("")
    fragment = client.get("/en/lessons/?level=secondary", HTTP_HX_REQUEST="true")
    assert fragment.content.decode().lstrip().startswith('<section id="lesson-list"')


def test_lesson_pages_stay_within_the_query_budget(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    chinese = ("/zh-hans/lessons/mapping-the-campaign/", "/zh-hans" + CORROBORATING[3:])
    for url in (SOURCING, MAPPING, CORROBORATING, "/en/lessons/", *chinese):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) <= 12, url


# --- accounts and permissions ---


GOOD_PASSWORD = "opium-ledger-1952-rehe"


def create_teacher(monkeypatch, typed, *args):
    """Run create_teacher with `typed` as the answers to its password prompts."""
    answers = iter(typed)
    monkeypatch.setattr(
        "history.lessons.management.commands.create_teacher.getpass", lambda prompt: next(answers)
    )
    err = io.StringIO()
    # A command speaks the operator's English, whatever language a request left active.
    with translation.override("zh-hans"):
        call_command("create_teacher", *args, stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def test_create_teacher_makes_an_account_in_the_teachers_group(site_content, monkeypatch):
    create_teacher(monkeypatch, [GOOD_PASSWORD] * 2, "tom", "--first-name", "Tom")
    account = get_user_model().objects.get(username="tom")
    assert account.check_password(GOOD_PASSWORD)
    assert account.groups.filter(name=TEACHERS).exists()
    assert account.has_perm("wagtailadmin.access_admin")
    assert not account.is_staff and not account.is_superuser


def test_create_teacher_takes_no_password_on_the_command_line(site_content):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="unrecognized arguments"):
        call_command("create_teacher", "tom", "--password", GOOD_PASSWORD, stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="tom").exists()


@pytest.mark.parametrize("weak", ["1", "password", "tomasz-li", "tomasz.li@example.org"])
def test_create_teacher_refuses_a_weak_password(site_content, monkeypatch, weak):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="was not created"):
        create_teacher(monkeypatch, [weak] * 6, "tomasz-li", "--email", "tomasz.li@example.org")
    assert not get_user_model().objects.filter(username="tomasz-li").exists()


def test_create_teacher_asks_again_until_the_password_is_acceptable(site_content, monkeypatch):
    good = GOOD_PASSWORD
    typed = ["password", "password", good, good + "x", good, good]
    errors = create_teacher(monkeypatch, typed, "tom")
    assert "too common" in errors
    assert "differ" in errors
    assert get_user_model().objects.get(username="tom").check_password(GOOD_PASSWORD)


def _status(client, account, method, url, data=None):
    client.logout()
    if account:
        client.force_login(account)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


def _publish_data(page):
    """The lesson's edit form as the admin posts it, asking to publish."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "author_name": page.author_name,
            "level": page.level,
            "duration": str(page.duration),
            "question": page.question,
            "objectives": page.objectives,
            "summary": page.summary,
            "body": streamfield([("instructions", rich_text("<p>Read it.</p>"))]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0},
        }
    )
    return {**data, "action-publish": "1"}


def test_the_permission_matrix(client, site_content):
    teacher_a, teacher_b = user("ana", TEACHERS), user("ben", TEACHERS)
    editor = user("eve", EDITORS)
    lesson_a, lesson_b = lesson_of(teacher_a, "lesson-a"), lesson_of(teacher_b, "lesson-b")
    for lesson in (lesson_a, lesson_b):
        lesson.save_revision(user=lesson.owner)  # a draft waiting to be published
    essay = EssayPage.objects.get(slug="the-numbers", locale__language_code="en")
    event = Event.objects.filter(locale__language_code="en").first()
    add_lesson = reverse("wagtailadmin_pages:add", args=["lessons", "lessonpage", index().pk])
    add_essay = reverse(
        "wagtailadmin_pages:add", args=["essays", "essaypage", essay.get_parent().pk]
    )

    def edit(page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    cells = {
        # (what, method, url): expected status for anonymous, A, B, editor
        ("create a lesson", "get", add_lesson): (302, 200, 200, 200),
        ("edit A's lesson", "get", edit(lesson_a)): (302, 200, 302, 200),
        ("edit B's lesson", "get", edit(lesson_b)): (302, 302, 200, 200),
        ("edit the edition", "get", edit(site_content)): (302, 302, 302, 200),
        ("create an essay", "get", add_essay): (302, 302, 302, 200),
        ("edit an essay", "get", edit(essay)): (302, 302, 302, 200),
        ("edit an event", "get", f"/admin/snippets/timeline/event/edit/{event.pk}/"): (
            302,
            302,
            302,
            200,
        ),  # fmt: skip
        ("create an event", "get", "/admin/snippets/timeline/event/add/"): (302, 302, 302, 200),
    }
    accounts = [None, teacher_a, teacher_b, editor]
    for (what, method, url), expected in cells.items():
        found = tuple(_status(client, account, method, url) for account in accounts)
        assert found == expected, what

    # Publishing: A publishes her own lesson; B cannot publish it; the editor can.
    def publish(account, page):
        client.logout()
        if account:
            client.force_login(account)
        response = client.post(edit(page), _publish_data(page))
        assert response.status_code == 302  # to the login, the dashboard or the listing
        page.refresh_from_db()
        return page.latest_revision_id == page.live_revision_id

    assert not publish(None, lesson_a)
    assert not publish(teacher_b, lesson_a)
    assert publish(teacher_a, lesson_a)
    lesson_b.save_revision(user=teacher_b)
    assert publish(editor, lesson_b)
    # Wagtail's own checks, as its bulk actions and listings use them.
    assert lesson_a.permissions_for_user(teacher_a).can_publish()
    assert not lesson_a.permissions_for_user(teacher_b).can_publish()
    assert not lesson_a.permissions_for_user(teacher_b).can_unpublish()
    assert not lesson_a.permissions_for_user(teacher_b).can_delete()
    assert lesson_a.permissions_for_user(editor).can_publish()

    # Publishing what teachers may not touch: refused, and nothing changes.
    event_url = f"/admin/snippets/timeline/event/edit/{event.pk}/"
    for what, url, obj in (
        ("publish the edition", edit(site_content), site_content),
        ("publish an essay", edit(essay), essay),
        ("save an event", event_url, event),
    ):
        before = obj.latest_revision_id
        found = tuple(
            _status(client, account, "post", url, {"action-publish": "1", "title": "Changed"})
            for account in (None, teacher_a, teacher_b)
        )
        assert found == (302, 302, 302), what
        obj.refresh_from_db()
        assert obj.latest_revision_id == before, what
    for page in (site_content, essay):
        assert page.permissions_for_user(editor).can_publish()
        assert not page.permissions_for_user(teacher_a).can_publish()


def test_the_chinese_site_has_the_index_and_the_lessons_translated(client, site_content):
    html = client.get("/zh-hans/lessons/").content.decode()
    assert "<h1>教案</h1>" in html
    assert '<li class="essay-card" lang="en">' not in html
    lesson = client.get("/zh-hans/lessons/mapping-the-campaign/").content.decode()
    assert "本教案尚未译成中文" not in lesson
    assert '<h1 id="lesson-title">在地图上考察运动</h1>' in lesson
    # Who made the translation, and from what; sentence starters are translated too.
    assert "由编者据英文译出" in lesson
    assert "1952年，通化属于" in lesson
    english = client.get(MAPPING).content.decode()
    assert "由编者据英文译出" not in english and "Translated from the English" not in english


def test_teachers_cannot_change_the_lessons_index_itself(client, site_content):
    teacher = user("ana", TEACHERS)
    tester = index().permissions_for_user(teacher)
    assert tester.can_add_subpage() and tester.can_publish_subpage()
    assert not tester.can_unpublish()
    assert not tester.can_publish()
    assert not tester.can_set_view_restrictions()
    assert not tester.can_reorder_children()
    assert not tester.can_delete()
    client.force_login(teacher)
    url = reverse("wagtailadmin_pages:unpublish", args=[index().pk])
    assert client.post(url).status_code == 302
    assert index().live
    editor = user("eve", EDITORS)
    assert index().permissions_for_user(editor).can_unpublish()


def test_a_lesson_published_in_the_admin_appears_in_chinese_untranslated(client, site_content):
    lesson = lesson_of(user("ana", TEACHERS), "fresh")
    chinese = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="zh-hans"
    )
    assert chinese.alias_of_id == lesson.pk
    html = client.get(chinese.url).content.decode()
    assert "本教案尚未译成中文，以下为英文原文。" in html
    assert '<h1 id="lesson-title" lang="en">Lesson fresh</h1>' in html
    assert "由编者据英文译出" not in html


def test_a_copied_lesson_gets_its_own_short_link(site_content):
    lesson = LessonPage.objects.get(slug="mapping-the-campaign", locale__language_code="en")
    copy = lesson.copy(
        update_attrs={"slug": "mapping-again", "title": "Mapping again"},
        keep_live=False,
        reset_translation_key=True,
    )
    copy = LessonPage.objects.get(pk=copy.pk)
    assert copy.short_code and copy.short_code != lesson.short_code


def test_a_qr_code_for_an_impossibly_long_address_is_refused(client, site_content, settings):
    settings.ALLOWED_HOSTS = ["*"]
    lesson = LessonPage.objects.get(slug="mapping-the-campaign", locale__language_code="en")
    response = client.get(f"/l/{lesson.short_code}/qr.svg", HTTP_HOST="a" * 3000 + ".org")
    assert response.status_code == 400


# --- privacy and deletion reach the lesson's stand-ins in other languages ---


def test_a_private_lesson_stays_private_through_its_chinese_stand_in(client, site_content):
    from wagtail.models import PageViewRestriction

    teacher = user("ana", TEACHERS)
    lesson = lesson_of(teacher, "zebra-lesson")
    lesson.question = "What did the zebra see?"
    lesson.summary = "A zebra summary."
    lesson.save_revision(user=teacher).publish()
    chinese = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="zh-hans"
    )
    texts = ("Lesson zebra-lesson", "What did the zebra see?", "A zebra summary.")
    assert "A zebra summary." in client.get("/zh-hans/lessons/").content.decode()

    restriction = PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="stripes"
    )
    for language in ("en", "zh-hans"):
        for url in (f"/{language}/lessons/", f"/{language}/search/?q=zebra"):
            html = client.get(url).content.decode()
            assert not any(text in html for text in texts), url
        page = client.get(f"/{language}/lessons/zebra-lesson/").content.decode()
        assert "stripes" not in page and "A zebra summary." not in page
        assert 'name="password"' in page
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "zebra-lesson" not in sitemap
    # The password opens the Chinese stand-in too; lifting the restriction lifts it there.
    assert chinese.get_view_restrictions().get().password == "stripes"
    response = client.post(
        reverse(
            "wagtailcore_authenticate_with_password",
            args=[chinese.get_view_restrictions().get().pk, chinese.pk],
        ),
        {"password": "stripes", "return_url": chinese.url},
    )
    assert response.status_code == 302
    assert "A zebra summary." in client.get(chinese.url).content.decode()
    restriction.delete()
    assert not chinese.get_view_restrictions().exists()
    assert "A zebra summary." in client.get("/zh-hans/lessons/").content.decode()
    # A restriction on the English index reaches its lessons, and so their stand-ins.
    restriction = PageViewRestriction.objects.create(
        page=index(), restriction_type=PageViewRestriction.LOGIN
    )
    assert "A zebra summary." not in client.get("/zh-hans/lessons/").content.decode()
    assert client.get("/zh-hans/lessons/zebra-lesson/").status_code == 302  # to the login
    restriction.delete()
    assert "A zebra summary." in client.get("/zh-hans/lessons/").content.decode()


def test_deleting_a_lesson_deletes_its_stand_ins(client, site_content):
    teacher = user("ana", TEACHERS)
    lesson = lesson_of(teacher, "short-lived")
    chinese = LessonPage.objects.get(
        translation_key=lesson.translation_key, locale__language_code="zh-hans"
    )
    client.force_login(teacher)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert response.status_code == 302
    assert not LessonPage.objects.filter(pk__in=[lesson.pk, chinese.pk]).exists()
    client.logout()
    assert client.get("/zh-hans/lessons/short-lived/").status_code == 404
    # The slug is free again, in both languages.
    again = lesson_of(teacher, "short-lived")
    assert again.get_translation(Locale.objects.get(language_code="zh-hans")).slug == "short-lived"


def test_every_string_of_a_lesson_translation_names_a_string_of_its_lesson(site_content):
    """A translation file whose contexts name blocks (or sentence starters) the lesson no longer
    has would leave them untranslated (the loader only warns)."""
    import polib
    from wagtail_localize.models import StringSegment, TranslationSource

    from tests.conftest import ROOT

    folder = ROOT / "site" / "translations" / "zh-hans" / "lessons"
    checked = 0
    for path in sorted(folder.glob("*.po")):
        lesson = LessonPage.objects.filter(slug=path.stem, locale__language_code="en").first()
        if lesson is None:
            continue  # the index page
        source = TranslationSource.objects.get_for_instance(lesson)
        contexts = set(
            StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
        )
        entries = polib.pofile(str(path))
        assert [e.msgctxt for e in entries if e.msgctxt not in contexts] == [], path.name
        assert any(".sentence_starters." in e.msgctxt for e in entries), path.name
        checked += 1
    assert checked == 3
