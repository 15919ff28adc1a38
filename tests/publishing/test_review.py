"""The editors' review: where the workflow applies, who publishes, how a submission becomes
live or goes back to its author, and scheduled publishing."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowPage, WorkflowState

from history.core.roles import AUTHORS, EDITORS, TEACHERS
from history.edition.models import EditionPage
from history.essays.pages import EssayIndexPage, EssayPage
from history.lessons.pages import LessonIndexPage, LessonPage
from history.publishing.review import WORKFLOW_NAME
from tests.conftest import load_site
from tests.essays.factories import make_essay, paragraph

from .helpers import account, essay_form

pytestmark = pytest.mark.django_db


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_the_edition_and_essays_are_reviewed_in_both_languages_and_lessons_are_not(site_content):
    reviewed = [
        *EditionPage.objects.all(),
        *EssayIndexPage.objects.all(),
        *EssayPage.objects.filter(alias_of__isnull=True),
    ]
    assert {page.locale.language_code for page in reviewed} == {"en", "zh-hans"}
    for page in reviewed:
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == WORKFLOW_NAME, page
    lessons = [*LessonIndexPage.objects.all(), *LessonPage.objects.all()]
    assert lessons
    for page in lessons:
        assert page.get_workflow() is None, page
    # Wagtail's own default, on the root page, is gone (it would reach the lessons).
    assert not WorkflowPage.objects.filter(page=Page.get_first_root_node()).exists()
    # Loading again changes nothing.
    before = sorted(WorkflowPage.objects.values_list("page_id", "workflow_id"))
    load_site()
    assert sorted(WorkflowPage.objects.values_list("page_id", "workflow_id")) == before


def test_a_translation_made_in_the_admin_is_reviewed_too(site_content):
    essay = make_essay([paragraph("Text.")], slug="fresh-essay")
    # Publishing put a stand-in in Chinese; a real translation replaces it.
    chinese_index = EssayIndexPage.objects.get(locale__language_code="zh-hans")
    index_copy = chinese_index.copy(
        to=chinese_index.get_parent(), update_attrs={"slug": "essays-copy"}, keep_live=False
    )
    assert index_copy.get_workflow().name == WORKFLOW_NAME
    assert essay.get_workflow().name == WORKFLOW_NAME


def test_authors_submit_and_editors_approve(client, site_content):
    author, editor = account("amy", AUTHORS), account("eve", EDITORS)
    essay = EssayPage.objects.get(slug="the-numbers", locale__language_code="en")
    assert not essay.permissions_for_user(author).can_publish()
    assert essay.permissions_for_user(author).can_submit_for_moderation()
    assert essay.permissions_for_user(editor).can_publish()

    client.force_login(author)
    # An author's "Publish" is not honoured: the page is saved as a draft, not published.
    data = essay_form(essay, "Revised by the author.")
    client.post(edit_url(essay), {**data, "action-publish": "1"})
    essay.refresh_from_db()
    assert essay.live_revision_id != essay.latest_revision_id
    response = client.post(edit_url(essay), {**data, "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(essay.pk), status="in_progress")
    assert state.workflow.name == WORKFLOW_NAME
    # Submitted, not live: visitors still read the published text.
    assert "Revised by the author." not in client.get(essay.url).content.decode()
    # Editors are told; the page is locked for the author while it is reviewed.
    assert any(editor.email in message.to for message in mail.outbox)
    essay.refresh_from_db()
    assert essay.permissions_for_user(author).page_locked()

    client.force_login(editor)
    assert "Awaiting your review" in client.get(reverse("wagtailadmin_home")).content.decode()
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[essay.pk, "approve", task_state.pk]
    )
    assert client.post(approve).status_code == 302
    client.logout()
    assert "Revised by the author." in client.get(essay.url).content.decode()


def test_a_request_for_changes_reaches_the_author_with_its_comment(client, site_content):
    author, editor = account("amy", AUTHORS), account("eve", EDITORS)
    essay = EssayPage.objects.get(slug="the-numbers", locale__language_code="en")
    client.force_login(author)
    client.post(edit_url(essay), {**essay_form(essay, "A hasty draft."), "action-submit": "1"})
    state = WorkflowState.objects.get(object_id=str(essay.pk), status="in_progress")
    mail.outbox.clear()

    client.force_login(editor)
    comment = "Footnote the figure for Rehe before this goes out."
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[essay.pk, "reject", state.current_task_state.pk],
    )
    assert client.post(reject, {"comment": comment}).status_code == 302
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    essay.refresh_from_db()
    assert not essay.live_revision.content["body"].count("A hasty draft.")

    # By e-mail...
    to_author = [message for message in mail.outbox if author.email in message.to]
    assert to_author and comment in to_author[0].body
    # ...and in the admin, on the page's workflow history, for the author to read.
    client.force_login(author)
    history = reverse("wagtailadmin_pages:workflow_history_detail", args=[essay.pk, state.pk])
    response = client.get(history)
    assert response.status_code == 200
    assert comment in response.content.decode()


def test_teachers_publish_lessons_directly(client, site_content):
    teacher = account("ana", TEACHERS)
    index = LessonIndexPage.objects.get(locale__language_code="en")
    lesson = LessonPage.objects.filter(locale__language_code="en").first()
    lesson.owner = teacher
    lesson.save()
    client.force_login(teacher)
    page = client.get(edit_url(lesson)).content.decode()
    assert "Submit to" not in page
    from tests.lessons.test_lessons import _publish_data

    response = client.post(edit_url(lesson), _publish_data(lesson))
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live_revision_id == lesson.latest_revision_id
    assert not WorkflowState.objects.filter(object_id=str(lesson.pk)).exists()
    assert index.get_workflow() is None


def test_a_scheduled_essay_goes_live_when_publish_scheduled_runs_at_its_time(client, site_content):
    editor = account("eve", EDITORS)
    essay = EssayPage.objects.get(slug="the-numbers", locale__language_code="en")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    client.force_login(editor)
    data = essay_form(essay, "Scheduled text.", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    response = client.post(edit_url(essay), {**data, "action-publish": "1"})
    assert response.status_code == 302
    essay.refresh_from_db()
    revision = essay.latest_revision
    assert revision.approved_go_live_at is not None
    client.logout()

    call_command("publish_scheduled")
    assert "Scheduled text." not in client.get(essay.url).content.decode()

    later = go_live + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    essay.refresh_from_db()
    assert essay.live_revision_id == revision.pk
    assert "Scheduled text." in client.get(essay.url).content.decode()
