"""A teacher builds a lesson in the admin, and a visitor opens it by its short link.

Not in a test transaction: the live server must see the teacher's account, so it is committed,
and removed afterwards with the lesson.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, axe_violations

pytestmark = [pytest.mark.browser]


@pytest.fixture
def teacher(live_site, django_db_blocker):
    """A teacher's account, committed so that the live server sees it, removed afterwards with
    the lessons they made (browser tests share the committed site)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from history.core.roles import TEACHERS
    from history.lessons.pages import LessonPage

    with django_db_blocker.unblock():
        account = get_user_model().objects.create_user("tina", password="a-long-password")
        account.groups.add(Group.objects.get(name=TEACHERS))
        yield account
        # The lesson, and its stand-ins in the other languages first.
        keys = LessonPage.objects.filter(owner=account).values_list("translation_key")
        made = LessonPage.objects.filter(translation_key__in=keys)
        for lesson in sorted(made, key=lambda page: page.alias_of_id is None):
            lesson.delete()
        account.delete()


def test_a_teacher_builds_a_lesson_and_a_visitor_opens_it_by_its_short_link(
    browser, live_site, teacher
):
    from history.edition.models import EditionPage
    from history.lessons.pages import LessonIndexPage, LessonPage

    edition = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en").pk
    index = LessonIndexPage.objects.get(locale__language_code="en")
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_site.url + "/admin/login/")
    page.fill("#id_username", "tina")
    page.fill("#id_password", "a-long-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_site.url}/admin/pages/add/lessons/lessonpage/{index.pk}/")
    page.fill("#id_title", "Reading the figures")
    page.fill("#id_author_name", "Tina")
    page.select_option("#id_level", "secondary")
    page.fill("#id_duration", "30")
    page.fill("#id_question", "What do the figures count?")
    page.fill("#id_objectives", "Read a table of figures.")
    page.fill("#id_summary", "A short lesson on the figures.")

    def add(label):
        page.locator("button.c-sf-add-button").last.click()
        page.locator("[role=option]", has_text=label).first.click()

    add("Source excerpt")
    page.select_option("select[name='body-0-value-start']", f"{edition}:p8")
    page.select_option("select[name='body-0-value-end']", f"{edition}:p9")
    add("Question")
    page.select_option("select[name='body-1-value-skill']", "close_reading")
    # Draftail takes keys only once it has focus: type into it, and check the words arrived
    # before publishing (keys typed while it starts up are lost).
    prompt = page.locator("[data-contentpath='prompt'] [contenteditable=true]").first
    prompt.click()
    expect(prompt).to_be_focused()
    prompt.press_sequentially("What does the arrest rate measure?")
    expect(prompt).to_have_text("What does the arrest rate measure?")
    # The editor writes its words into the form's field a moment later: publish once they are
    # there, or the form sends the empty field of a busy moment before.
    prompt.blur()
    field = page.locator("input[name='body-1-value-prompt']")
    expect(field).to_have_value(re.compile("What does the arrest rate measure"), timeout=15000)
    add("Map view")
    page.select_option("select[name='body-2-value-kind']", "arrests")
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.get_by_text("created and published").wait_for()
    context.close()

    lesson = LessonPage.objects.get(slug="reading-the-figures", locale__language_code="en")
    assert lesson.live and lesson.owner == teacher
    visitor = browser.new_context(viewport=PHONE)
    page = visitor.new_page()
    page.goto(f"{live_site.url}/l/{lesson.short_code}/")
    assert page.url.endswith("/en/lessons/reading-the-figures/")
    text = page.locator("main").inner_text()
    assert "As of September 12, the total number" in text
    assert "What does the arrest rate measure?" in text
    assert "Offenders and arrests" in text or "Drug offenders arrested" in text
    assert axe_violations(page) == []
    visitor.close()


@pytest.mark.django_db
def test_teachers_hold_add_and_publish_on_the_lessons_index_only():
    # (Also makes sure the test database is set up when this module runs on its own.)
    from wagtail.models import GroupPagePermission

    rows = GroupPagePermission.objects.filter(group__name="Teachers")
    assert {(row.page.specific_class.__name__, row.permission.codename) for row in rows} == {
        ("LessonIndexPage", "add_page"),
        ("LessonIndexPage", "publish_page"),
    }
