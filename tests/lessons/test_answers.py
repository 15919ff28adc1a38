"""Answering a lesson in its page: a field for each question and each part of an organiser,
named by its question and keyed by the block's stable id, and the student's name; the same
HTML for every visitor (the answers live in the browser), nothing to submit, and a note for
teachers on where the answers go. The printed forms keep their lines to write on."""

import re
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.html import strip_tags
from wagtail.models import Locale

from history.core.roles import TEACHERS
from history.lessons.pages import LessonPage
from tests.lessons.factories import published_lesson

pytestmark = pytest.mark.django_db

SOURCING = "/en/lessons/sourcing-a-government-report/"
CHINESE = "/zh-hans/lessons/sourcing-a-government-report/"
WORDS = {
    "en": {
        "answer": "Your answer",
        "name": "Your name",
        "parts": ["Observe", "Reflect", "Question"],
        "print": "Print or save as PDF",
        "clear": "Clear my answers",
        "teachers": "the site does not collect or keep them",
    },
    "zh-hans": {
        "answer": "你的回答",
        "name": "你的姓名",
        "parts": ["观察", "思考", "提问"],
        "print": "打印或存为PDF",
        "clear": "清除我的答案",
        "teachers": "本站不收集、不保存",
    },
}


def user(username, group):
    account = get_user_model().objects.create_user(username, password="pw", first_name=username)
    account.groups.add(Group.objects.get(name=group))
    return account


def text(element):
    return " ".join(element.get_text(" ").split())


def lesson(language):
    return LessonPage.objects.get(
        slug="sourcing-a-government-report", locale=Locale.objects.get(language_code=language)
    )


@pytest.mark.parametrize("language, path", [("en", SOURCING), ("zh-hans", CHINESE)])
def test_each_question_and_organiser_part_has_a_field_named_by_its_question(
    client, site_content, language, path
):
    words = WORDS[language]
    response = client.get(path)
    assert "Set-Cookie" not in response
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    blocks = list(lesson(language).body)
    questions = [block for block in blocks if block.block_type == "question"]
    organisers = [block for block in blocks if block.block_type == "organiser"]
    assert len(questions) == 5 and len(organisers) == 1

    for block in questions:
        field = soup.find("textarea", id=f"answer-{block.id}")
        assert field["data-answer"] == block.id
        label_id, prompt_id = field["aria-labelledby"].split()
        label = soup.find(id=label_id)
        assert label.name == "label" and label["for"] == field["id"]
        assert text(label) == words["answer"]
        prompt = " ".join(unescape(strip_tags(block.value["prompt"].source)).split())
        assert text(soup.find(id=prompt_id)) == prompt
    for block in organisers:
        for key, heading in zip(["observe", "reflect", "question"], words["parts"], strict=True):
            field = soup.find("textarea", id=f"answer-{block.id}-{key}")
            assert field["data-answer"] == f"{block.id}-{key}"
            label_id, prompt_id = field["aria-labelledby"].split()
            assert text(soup.find("label", id=label_id, attrs={"for": field["id"]})) == heading
            assert text(soup.find(id=prompt_id)).endswith(("?", "？"))

    # The name, at the top of the answers.
    name = soup.find("input", id="answers-name")
    assert text(soup.find("label", attrs={"for": "answers-name"})) == words["name"]
    assert name.find_parent("section", class_="answers") is not None
    assert name.find_next("textarea") is not None

    fields = soup.find_all(attrs={"data-answer": True})
    assert len(fields) == 5 + 3 + 1
    for field in fields:
        # Nothing to submit: no form around them and no names.
        assert field.find_parent("form") is None and not field.has_attr("name")
        # A print-only copy for each, which the script fills in.
        copies = soup.find_all(attrs={"data-answer-print": field["data-answer"]})
        assert len(copies) == 1
    assert all(copy.has_attr("hidden") for copy in soup.select(".answer__print"))
    assert soup.select(".answers__sheet [data-answers-date]")

    # Keyed by the lesson, the same in both languages; answers.js on lesson pages only.
    section = soup.find("section", class_="answers")
    assert section["data-answers"] == f"lesson-answers:{lesson(language).translation_key}"
    assert soup.find("script", src="/static/lessons/js/answers.js", defer=True)
    assert not soup.find("script", src=None)  # no inline script (the CSP forbids them)
    assert not soup.find(attrs={"onclick": True}) and not soup.find(attrs={"oninput": True})
    # The buttons need the script: hidden until it runs.
    for label in (words["print"], words["clear"]):
        for button in soup.find_all("button", string=label):
            assert button.find_parent(attrs={"hidden": True, "data-answers-enabled": True})
    assert soup.find(attrs={"data-answers-kept": True}).has_attr("hidden")
    # Nothing for teachers.
    assert words["teachers"] not in str(soup) and "teacher-only" not in str(soup)


def test_the_fields_keep_their_ids_across_languages_and_revisions(client, site_content):
    def keys(path):
        html = client.get(path).content.decode()
        return re.findall(r'data-answer="([^"]+)"', html)

    english = keys(SOURCING)
    assert len(english) == 9 and english == keys(CHINESE)
    page = lesson("en")
    page.save_revision().publish()
    assert keys(SOURCING) == english


def test_teachers_are_told_where_students_answers_go(client, site_content):
    for path in (SOURCING, CHINESE, SOURCING + "handout/"):
        assert "does not collect" not in client.get(path).content.decode()
    client.force_login(user("ana", TEACHERS))
    for path, language in ((SOURCING, "en"), (CHINESE, "zh-hans")):
        html = client.get(path).content.decode()
        assert WORDS[language]["teachers"] in html
        # Teachers see the fields as students do, and the model answers.
        assert 'id="answers-name"' in html
        assert "Model answer" in html or "参考答案" in html
    copy = client.get(SOURCING + "teacher/").content.decode()
    assert WORDS["en"]["teachers"] in copy
    assert "does not collect" not in client.get(SOURCING + "handout/").content.decode()
    client.logout()
    assert "does not collect" not in client.get(SOURCING).content.decode()


def test_the_printed_forms_have_lines_to_write_on_and_no_fields(client, site_content):
    client.get(SOURCING)  # the page's body, with fields, is kept apart from the handout's
    handout = client.get(SOURCING + "handout/").content.decode()
    assert "<textarea" not in handout and "answers.js" not in handout
    assert handout.count('class="answer-space"') == 5
    assert handout.count('class="organiser__space"') == 3
    assert "Observe" in handout and "What do you wonder about?" in handout
    client.force_login(user("ana", TEACHERS))
    assert "<textarea" not in client.get(SOURCING + "teacher/").content.decode()


def test_only_a_lesson_with_questions_has_answers(client, site_content):
    teacher = user("ana", TEACHERS)
    reading = [{"type": "instructions", "value": "<p>Read the bulletin.</p>"}]
    question = {"skill": "other", "prompt": "<p>Why?</p>", "sentence_starters": []}
    asking = reading + [{"type": "question", "value": question}]
    html = client.get(published_lesson(teacher, "asking", body=asking).url).content.decode()
    assert 'class="answers narrow"' in html and "answers.js" in html
    html = client.get(published_lesson(teacher, "reading", body=reading).url).content.decode()
    assert "Read the bulletin." in html
    assert 'class="answers' not in html and "answers.js" not in html
