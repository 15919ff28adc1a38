"""The page cache: what is stored, for whom, and that a change drops what shows it."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from history.essays.pages import EssayPage
from history.glossary.terms import GlossaryTerm
from tests.lessons.factories import published_lesson

pytestmark = pytest.mark.django_db

GLOSSARY = "/en/glossary/"
MAP = "/en/map/"
EDITION = "/en/fifth-bulletin/"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def served(client, url, **headers):
    """(how it was served, response): "hit", "miss" (rendered and stored) or None (not stored)."""
    response = client.get(url, **headers)
    return response.get("X-Page-Cache"), response


def warm(client, url, **headers):
    """Ask until the page is stored (the first sight of its tags starts their versions)."""
    for _ in range(3):
        how, response = served(client, url, **headers)
        if how == "hit":
            return response
    raise AssertionError(f"{url} is never served from the page cache")


def test_an_anonymous_page_is_stored_and_served_whole(client, site_content):
    first = client.get(EDITION)
    cached = warm(client, EDITION)
    assert cached.status_code == 200
    assert cached.content == first.content
    assert cached["Content-Type"] == first["Content-Type"]
    assert "public" in cached["Cache-Control"]
    assert "Content-Security-Policy" in cached


def test_a_conditional_request_is_answered_304(client, site_content):
    cached = warm(client, GLOSSARY)
    again = client.get(GLOSSARY, HTTP_IF_NONE_MATCH=cached["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(GLOSSARY, HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_compressed_fragments_and_queries_are_kept_apart(client, site_content):
    page = warm(client, "/en/timeline/?period=campaign")
    fragment = warm(client, "/en/timeline/?period=campaign", HTTP_HX_REQUEST="true")
    assert b"<html" in page.content and b"<html" not in fragment.content
    gzipped = warm(client, "/en/timeline/?period=campaign", HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    other = warm(client, "/en/timeline/?period=qing")
    assert other.content != page.content
    # A query no visitor would type is neither stored nor looked up.
    assert served(client, "/en/timeline/?x=" + "a" * 600)[0] is None


def test_signed_in_users_are_never_served_or_stored(client, site_content):
    warm(client, EDITION)
    editor = get_user_model().objects.create_user("ed", password="pw", is_superuser=True)
    client.force_login(editor)
    how, response = served(client, EDITION)
    assert how is None and "private" in response["Cache-Control"]


def test_teacher_only_text_and_private_pages_are_never_stored(client, site_content):
    teacher = get_user_model().objects.create_user("ana", password="pw", first_name="Ana")
    teacher.groups.add(Group.objects.get(name="Teachers"))
    answer = {
        "skill": "sourcing",
        "prompt": "<p>Who?</p>",
        "sentence_starters": [],
        "model_answer": "<p>SECRET ANSWER</p>",
    }
    lesson = published_lesson(
        teacher, "secret", title="Secret lesson", objectives="Read.",
        body=[{"type": "question", "value": answer}],
    )  # fmt: skip
    client.force_login(teacher)
    assert b"SECRET ANSWER" in client.get(lesson.url).content
    client.logout()
    public = warm(client, lesson.url)
    assert b"SECRET ANSWER" not in public.content

    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="class7"
    )
    how, response = served(client, lesson.url)
    assert how is None and b"Who?" not in response.content  # the password form, not stored
    assert served(client, lesson.url)[0] is None


def test_a_snippet_change_drops_the_pages_that_show_it_and_no_others(client, site_content):
    warm(client, GLOSSARY)
    warm(client, EDITION)
    warm(client, MAP)
    term = GlossaryTerm.objects.get(slug="liang", locale=Locale.get_default())
    term.short = "A changed definition of the liang."
    term.save()
    assert served(client, GLOSSARY)[0] == "miss"
    assert b"A changed definition of the liang." in client.get(GLOSSARY).content
    assert served(client, EDITION)[0] == "miss"  # the edition marks and defines its terms
    assert served(client, MAP)[0] == "hit"  # the map shows no glossary terms


def test_publishing_a_page_is_never_served_stale(client, site_content):
    essay = EssayPage.objects.live().filter(locale=Locale.get_default()).first()
    url = essay.url
    warm(client, url)
    warm(client, MAP)
    essay.title = "A retitled essay"
    essay.save_revision().publish()
    how, response = served(client, url)
    assert how == "miss" and b"A retitled essay" in response.content
    assert served(client, MAP)[0] == "hit"
    essay.unpublish()
    assert client.get(url).status_code == 404


def test_a_new_release_drops_every_page(client, site_content):
    from history.core import versions

    warm(client, MAP)
    versions.new_release()
    assert served(client, MAP)[0] == "miss"


def test_an_event_retitled_drops_the_edition_that_lists_it(client, site_content):
    """The edition lists the timeline's events beside its text: what a page shows includes
    what the cached parts it reads depend on."""
    from history.timeline.events import Event

    event = Event.objects.filter(edition__isnull=False, locale=Locale.get_default()).first()
    warm(client, EDITION)
    warm(client, GLOSSARY)
    event.title = "A retitled event"
    event.save()
    how, response = served(client, EDITION)
    assert how == "miss" and b"A retitled event" in response.content
    assert served(client, GLOSSARY)[0] == "hit"


def test_a_page_moved_out_of_the_menu_drops_every_page(client, site_content):
    from history.core.models import HomePage

    home = HomePage.objects.get(locale=Locale.get_default())
    menu = home.get_children().live().in_menu()
    moved, target = menu[0], menu[1]
    link = f'href="{moved.url}"'.encode()
    assert link in warm(client, MAP).content
    moved.move(target, pos="last-child")
    how, response = served(client, MAP)
    assert how == "miss" and link not in response.content


def test_a_page_kept_yesterday_is_not_served_today(client, site_content):
    """Citations name today as the day the page was read."""
    warm(client, EDITION)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with mock.patch("history.core.page_cache.timezone.localdate", return_value=tomorrow):
        assert served(client, EDITION)[0] == "miss"


def test_a_proxy_keeps_a_page_no_later_than_midnight(client, site_content, settings):
    settings.FRONTEND_CACHE_SECONDS = 24 * 60 * 60
    evening = timezone.make_aware(datetime.datetime(2026, 12, 6, 22, 0))
    with mock.patch("history.core.page_cache.timezone.localtime", return_value=evening):
        first = warm(client, EDITION)
    assert "s-maxage=7200" in first["Cache-Control"]
    later = evening + datetime.timedelta(minutes=90)
    with mock.patch("history.core.page_cache.timezone.localtime", return_value=later):
        assert "s-maxage=1800" in served(client, EDITION)[1]["Cache-Control"]
