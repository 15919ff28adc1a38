"""A student answers a lesson's questions in the page: the answers stay in the browser, come
back after a reload, print (or save as a PDF) as a sheet to hand in, and clear with one button;
without JavaScript the page is a worksheet to print."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot

pytestmark = [pytest.mark.browser]

LESSON = "/{language}/lessons/sourcing-a-government-report/"
ENGLISH = LESSON.format(language="en")
CHINESE = LESSON.format(language="zh-hans")
NAME = "Li Hua"
FIRST = "Luo Ruiqing wrote it for the Party's leaders."
# Longer than its field shows: the printed sheet must have all of it.
SECOND = "\n".join(f"Line {n} of my answer about the figures." for n in range(1, 16))


def pdf_text(page):
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    page.emulate_media(media="screen")
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def questions(page):
    return page.locator(".question .answer__field")


@pytest.mark.django_db
def test_a_student_answers_reloads_prints_and_clears_their_answers(open_page):
    page = open_page(ENGLISH, PHONE)
    page.wait_for_load_state("networkidle")
    prompt = page.locator(".question__prompt").first.inner_text().strip()
    # The field is named by its label and its question.
    first = page.get_by_role("textbox", name=f"Your answer {prompt}")
    expect(first).to_have_count(1)
    sent = []
    page.on("request", lambda request: sent.append(request.url))

    page.get_by_label("Your name").press_sequentially(NAME)
    first.press_sequentially(FIRST)
    questions(page).nth(1).fill(SECOND)
    page.wait_for_timeout(500)
    assert sent == []  # typing sends nothing anywhere
    assert page.context.cookies() == []
    stored = page.evaluate("Object.keys(localStorage)")
    assert len(stored) == 1 and stored[0].startswith("lesson-answers:")

    page.reload()
    expect(page.get_by_label("Your name")).to_have_value(NAME)
    expect(questions(page).nth(0)).to_have_value(FIRST)
    expect(questions(page).nth(1)).to_have_value(SECOND)
    status = page.locator(".answers [role=status]")
    expect(status).to_have_text("Your answers saved on this device are back.")
    screenshot(page, "lesson-answers-en-375")

    date = page.locator("[data-answers-date]").inner_text()
    assert re.search(r"20\d\d", date)
    text = pdf_text(page)
    for expected in ("Sourcing a government report", NAME, prompt, FIRST, date):
        assert " ".join(expected.split()) in text, expected
    assert "Line 1 of my answer" in text and "Line 15 of my answer" in text
    # Only the questions and answers: not the document, the page's tools or its frame.
    for absent in ("Learning objectives", "Clear my answers", "Skip to main content", "¶12"):
        assert absent not in text, absent

    clear = page.get_by_role("button", name="Clear my answers")
    page.once("dialog", lambda dialog: dialog.dismiss())
    clear.click()
    expect(questions(page).nth(0)).to_have_value(FIRST)
    page.once("dialog", lambda dialog: dialog.accept())
    clear.click()
    expect(status).to_have_text("Your answers have been cleared from this device.")
    expect(page.get_by_label("Your name")).to_have_value("")
    expect(questions(page).nth(0)).to_have_value("")
    assert page.locator("[data-answer-print]").all_inner_texts() == [""] * 9
    page.reload()
    expect(page.get_by_label("Your name")).to_have_value("")
    for index in range(questions(page).count()):
        expect(questions(page).nth(index)).to_have_value("")
    assert page.evaluate("localStorage.length") == 0


@pytest.mark.django_db
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_lesson_with_answers_is_accessible(open_page, language, viewport):
    page = open_page(LESSON.format(language=language), viewport)
    page.locator("#answers-name").fill("李华" if language == "zh-hans" else NAME)
    questions(page).first.fill(FIRST)
    page.locator(".organiser .answer__field").first.fill("A number: 30,998.")
    page.reload()
    expect(page.locator("[data-answers-status]")).not_to_be_empty()
    expect(page.locator("[data-answers-clear]")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert axe_violations(page) == []
    screenshot(page, f"lesson-answers-{language}-{viewport['width']}")


@pytest.mark.django_db
def test_without_javascript_the_lesson_is_a_worksheet_to_print(open_page):
    page = open_page(ENGLISH, PHONE, java_script_enabled=False)
    fields = page.locator(".answer__field")
    assert fields.count() == 8  # five questions, and the organiser's three parts
    for index in range(fields.count()):
        expect(fields.nth(index)).to_be_visible()
    expect(page.get_by_label("Your name")).to_be_visible()
    # No button that needs a script, and nothing that says answers are kept.
    expect(page.locator("main button:visible")).to_have_count(0)
    expect(page.locator("[data-answers-kept]")).to_be_hidden()
    screenshot(page, "lesson-answers-no-js-375")

    page.emulate_media(media="print")
    # The whole lesson, with lined boxes to write in by hand, and lines for the name and date.
    expect(page.locator(".answers__sheet")).to_be_visible()
    expect(page.locator(".lesson__intro")).to_be_visible()
    expect(fields.first).to_be_visible()
    expect(page.locator(".answer__print:visible")).to_have_count(0)
    expect(page.locator(".excerpt").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    screenshot(page, "lesson-answers-no-js-print")


def test_the_printed_sheet_shows_no_teacher_only_text(browser, live_site, teacher):
    # Not in a test transaction: the live server must see the teacher's account and session.
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(live_site.url + "/admin/login/")
    page.fill("#id_username", teacher.username)
    page.fill("#id_password", "a-long-password")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(live_site.url + ENGLISH)
    # The teacher's page says where students' answers go, and shows the model answers.
    expect(page.locator(".notice")).to_contain_text("the site does not collect or keep them")
    expect(page.locator(".teacher-only").first).to_be_visible()
    questions(page).first.fill(FIRST)
    text = pdf_text(page)
    assert FIRST in text
    for absent in ("Model answer", "Luo Ruiqing, the Minister of Public Security", "Timing:"):
        assert absent not in text, absent
    assert "does not collect" not in text
    context.close()


@pytest.fixture
def teacher(live_site, django_db_blocker):
    """A teacher's account, committed so that the live server sees it, removed afterwards
    (browser tests share the committed site)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from history.core.roles import TEACHERS

    with django_db_blocker.unblock():
        account = get_user_model().objects.create_user("tara", password="a-long-password")
        account.groups.add(Group.objects.get(name=TEACHERS))
        yield account
        account.delete()
