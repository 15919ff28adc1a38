"""Who may publish, unpublish, delete and edit which page, in every language of the site."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from history.core.roles import AUTHORS, EDITORS, TEACHERS
from history.edition.models import EditionPage
from history.essays.pages import EssayPage
from history.lessons.pages import LessonIndexPage, LessonPage
from tests.lessons.factories import published_lesson

from .helpers import account

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]
ACTIONS = ("publish", "unpublish", "delete", "edit")
ALL, NONE = (True,) * 4, (False,) * 4
EDIT_ONLY = (False, False, False, True)


def _lesson(owner):
    return published_lesson(owner, "owned", title="Owned")  # its Chinese stand-in follows


def _can(page, user):
    tester = page.permissions_for_user(user)
    return (tester.can_publish(), tester.can_unpublish(), tester.can_delete(), tester.can_edit())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_permission_matrix_in_each_language(site_content, language):
    editor, author = account("eve", EDITORS), account("aki", AUTHORS)
    owner, other = account("ana", TEACHERS), account("ben", TEACHERS)
    source = _lesson(owner)

    def page(model, **filters):
        return model.objects.get(locale__language_code=language, **filters)

    pages = {
        "edition": page(EditionPage, slug="fifth-bulletin"),
        "essay": page(EssayPage, slug="the-1952-campaign"),
        "lessons index": page(LessonIndexPage),
        "lesson": page(LessonPage, translation_key=source.translation_key),
    }
    expected = {
        # page: {user: (publish, unpublish, delete, edit)}
        "edition": {editor: ALL, author: EDIT_ONLY, owner: NONE, other: NONE},
        "essay": {editor: ALL, author: EDIT_ONLY, owner: NONE, other: NONE},
        "lessons index": {editor: ALL, author: NONE, owner: NONE, other: NONE},
        "lesson": {editor: ALL, author: NONE, owner: ALL, other: NONE},
    }
    for name, row in expected.items():
        for user, cells in row.items():
            found = _can(pages[name], user)
            assert dict(zip(ACTIONS, found, strict=True)) == dict(
                zip(ACTIONS, cells, strict=True)
            ), (
                name,
                user.username,
            )


def test_an_editor_publishes_unpublishes_and_deletes_chinese_pages_in_the_admin(
    client, site_content
):
    client.force_login(account("eve", EDITORS))
    essay = EssayPage.objects.get(slug="the-1952-campaign", locale__language_code="zh-hans")
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[essay.pk]))
    assert response.status_code == 302
    essay.refresh_from_db()
    assert not essay.live
    publish = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{publish}?id={essay.pk}")
    assert response.status_code == 302
    essay.refresh_from_db()
    assert essay.live

    lesson = LessonIndexPage.objects.get(locale__language_code="zh-hans").get_children().first()
    response = client.post(reverse("wagtailadmin_pages:delete", args=[lesson.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=lesson.pk).exists()


def test_a_new_languages_tree_is_open_to_editors_and_teachers_at_once(site_content, settings):
    from wagtail.models import Locale

    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("fr", "French")]
    french = Locale.objects.create(language_code="fr")
    index = LessonIndexPage.objects.get(locale__language_code="en")
    translated = index.copy_for_translation(french, copy_parents=True)
    editor, teacher = account("eve", EDITORS), account("ana", TEACHERS)
    for page in (translated.get_parent(), translated):
        assert page.permissions_for_user(editor).can_publish()
    assert translated.permissions_for_user(teacher).can_publish_subpage()
