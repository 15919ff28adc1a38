"""Reading offline: after one visit online, the edition (both versions and the parallel view)
and a lesson are read without a network; a page never opened shows the offline page, which
lists those kept; back online, a change on the server is seen at the next visit.

Service workers need a secure context: the live server at http://localhost is one.
"""

import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser]

EDITION = "/en/fifth-bulletin/"
LESSON = "/en/lessons/sourcing-a-government-report/"
GLOSSARY = "/en/glossary/"
ESSAY = "/en/essays/luo-ruiqing/"
ENGLISH = "As of September 12, the total number of identified narcotics offenders"
CHINESE = "截至九月十二日"
NOTICE = {"en": "You are offline", "zh-hans": "目前处于离线状态"}
NOT_KEPT = {"en": "Not available offline", "zh-hans": "此页无法离线阅读"}

KEPT = """async () => {
  const cache = await caches.open("pages");
  return (await cache.keys()).map((request) => {
    const url = new URL(request.url);
    return url.pathname + url.search;
  });
}"""


def kept(page):
    return page.evaluate(KEPT)


def wait_until_kept(page, paths, seconds=20):
    deadline = time.monotonic() + seconds
    while not set(paths) <= set(kept(page)):
        assert time.monotonic() < deadline, f"not kept: {set(paths) - set(kept(page))}"
        time.sleep(0.2)


def page_heading(page, url):
    page.goto(url)
    return page.locator("h1").first.inner_text()


def controlled(page):
    """Wait for the service worker to be active and to control the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


@pytest.fixture
def lesson_title(live_site, django_db_blocker):
    """The lesson's title, changed by a test and put back afterwards (browser tests share the
    committed site)."""
    from history.lessons.pages import LessonPage

    with django_db_blocker.unblock():
        lesson = LessonPage.objects.get(slug=LESSON.split("/")[-2], locale__language_code="en")
        live_revision = lesson.live_revision

        def change(title):
            lesson.title = title
            lesson.save_revision().publish()

        yield change
        live_revision.publish()


@pytest.mark.django_db
def test_the_edition_and_a_lesson_read_offline_after_one_visit(open_page, live_site):
    page = open_page(EDITION)
    controlled(page)
    # One visit to the edition keeps it, its two versions and its parallel view.
    views = [EDITION + "?version=en", EDITION + "?version=zh", EDITION + "parallel/"]
    wait_until_kept(page, [EDITION, *views])
    for path in (LESSON, GLOSSARY, ESSAY):
        page.goto(live_site.url + path)
        wait_until_kept(page, [path])
    headings = {path: page_heading(page, live_site.url + path) for path in (GLOSSARY, ESSAY)}
    context = page.context

    context.set_offline(True)
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + EDITION)
    assert ENGLISH in page.locator("#text").inner_text()
    expect(page.locator("#offline-status")).to_contain_text(NOTICE["en"])
    page.screenshot(path=str(ARTIFACTS / "offline-notice-en-375.png"))
    page.set_viewport_size(DESKTOP)
    page.locator("[data-version-link][hreflang^=zh]").click()
    page.wait_for_url("**?version=zh*")
    assert CHINESE in page.locator("#text").inner_text()
    page.goto(live_site.url + EDITION + "?version=en")
    assert ENGLISH in page.locator("#text").inner_text()
    page.goto(live_site.url + EDITION + "parallel/")
    table = page.locator("#parallel-table").inner_text()
    assert ENGLISH in table and CHINESE in table
    page.goto(live_site.url + LESSON)
    assert page.locator("h1").inner_text() == "Sourcing a government report"
    for path, heading in headings.items():
        assert page_heading(page, live_site.url + path) == heading

    # A page never opened: the offline page, in the address's language, with the kept pages.
    for language, path in [("en", "/en/timeline/"), ("zh-hans", "/zh-hans/essays/")]:
        page.goto(live_site.url + path)
        assert page.locator("h1").inner_text() == NOT_KEPT[language]
        assert page.evaluate("document.documentElement.lang") == language
        links = page.locator("[data-offline-list] a")
        links.first.wait_for()
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert LESSON in hrefs and EDITION + "parallel/" in hrefs
        expect(page.locator("#offline-status")).to_contain_text(NOTICE[language])
        for viewport in (PHONE, DESKTOP):
            page.set_viewport_size(viewport)
            assert axe_violations(page) == []
            screenshot(page, f"offline-{language}-{viewport['width']}")


def test_back_online_a_change_on_the_server_is_seen_and_kept(open_page, live_site, lesson_title):
    """Not in a test transaction: the live server must see the change (it is put back)."""
    page = open_page(LESSON)
    controlled(page)
    wait_until_kept(page, [LESSON])
    page.context.set_offline(True)
    page.goto(live_site.url + LESSON)
    expect(page.locator("h1")).to_have_text("Sourcing a government report")

    page.context.set_offline(False)
    lesson_title("Sourcing a report: revised")
    page.goto(live_site.url + LESSON)
    expect(page.locator("h1")).to_have_text("Sourcing a report: revised")
    assert page.locator("#offline-status").inner_text() == ""
    # The fresh page replaced the kept one.
    page.context.set_offline(True)
    page.goto(live_site.url + LESSON)
    expect(page.locator("h1")).to_have_text("Sourcing a report: revised")
    expect(page.locator("#offline-status")).to_contain_text(NOTICE["en"])


@pytest.fixture
def teacher(live_site, django_db_blocker):
    """A teacher's account, committed so that the live server sees it, removed afterwards."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from history.core.roles import TEACHERS

    with django_db_blocker.unblock():
        account = get_user_model().objects.create_user("tomas", password="a-long-password")
        account.groups.add(Group.objects.get(name=TEACHERS))
        yield account
        account.delete()


TEACHER_NOTE = "Timing: 10 minutes"

KEPT_TEXT = """async () => {
  const texts = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) texts.push(await (await cache.match(request)).text());
  }
  return texts.join("\\n");
}"""


def test_a_signed_in_teachers_pages_are_never_kept(open_page, live_site, teacher):
    page = open_page("/admin/login/")
    page.fill("#id_username", "tomas")
    page.fill("#id_password", "a-long-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    # Without the CSRF cookie, only the server's headers (private, no-store) keep the
    # teacher's pages off the device.
    page.context.clear_cookies(name="csrftoken")
    page.goto(live_site.url + LESSON)
    controlled(page)
    page.reload()
    assert TEACHER_NOTE in page.locator("main").inner_text()
    page.goto(live_site.url + EDITION)
    page.wait_for_timeout(1500)  # time for the worker to keep what it would keep
    assert LESSON not in kept(page) and EDITION not in kept(page)
    assert TEACHER_NOTE not in page.evaluate(KEPT_TEXT)

    # Signed out, the same pages are kept, without the teacher's notes.
    page.context.clear_cookies()
    page.goto(live_site.url + LESSON)
    wait_until_kept(page, [LESSON])
    assert TEACHER_NOTE not in page.evaluate(KEPT_TEXT)
