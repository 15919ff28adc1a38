"""export_site writes essays and lessons (their index pages, every page, their translations)
in the files load_site reads: an unchanged site gives back its files' data, and a site edited
in the admin comes back the same in a new database, in both languages."""

import difflib
import re
import uuid
from io import BytesIO

import polib
import pytest
import yaml
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from history.edition.models import EditionPage
from history.edition.passages import ParagraphBlock
from history.edition.references import ParagraphRef
from history.essays.footnotes import EssayFootnote
from history.essays.pages import EssayIndexPage, EssayPage
from history.lessons.pages import LessonIndexPage, LessonPage
from tests.conftest import ROOT, export_site
from tests.essays.factories import make_essay, paragraph
from tests.round_trips import INTO_A_COPY, Part, register

pytestmark = pytest.mark.django_db

SITE = ROOT / "site"
FOLDERS = ["essays", "lessons"]
PAGE_MODELS = [EssayIndexPage, EssayPage, LessonIndexPage, LessonPage]
# What a new database gives differently whatever the content: ids, tree positions, times,
# revisions, who made the page.
NOT_DATA = {
    "id", "page_ptr", "path", "depth", "numchild", "content_type", "owner", "locked",
    "locked_at", "locked_by", "latest_revision", "live_revision", "first_published_at",
    "last_published_at", "latest_revision_created_at", "draft_title",
}  # fmt: skip
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"|csrftoken=[^;"\s]*')


def test_an_unchanged_site_exports_the_essays_and_lessons_it_was_loaded_from(content_copy):
    export_site(content_copy)
    for folder in FOLDERS:
        originals = sorted(path.name for path in (SITE / folder).glob("*.yaml"))
        assert sorted(path.name for path in (content_copy / folder).glob("*.yaml")) == originals
        for name in originals:
            exported = yaml.safe_load((content_copy / folder / name).read_text())
            assert exported == yaml.safe_load((SITE / folder / name).read_text()), name
        translations = SITE / "translations" / "zh-hans" / folder
        for path in translations.glob("*.po"):
            exported = _entries(content_copy / "translations" / "zh-hans" / folder / path.name)
            # The strings the loader could place come back translated, and no others are. (An
            # entry whose msgctxt names no block of the loaded page was never imported.)
            contexts = {context for context, _msgid, _msgstr in exported}
            loaded = {entry for entry in _entries(path) if entry[0] in contexts}
            assert {entry for entry in exported if entry[2]} == loaded, path.name
    # The body keeps the blank lines between its blocks, and lists of keys stay on a line.
    text = (content_copy / "essays" / "china-in-1952.yaml").read_text()
    assert "\n\n  - type: heading\n" in text and "\nbibliography: [fifth-bulletin," in text
    assert "\n  - type: paragraph\n    id:" not in text


def test_a_second_export_changes_no_file(content_copy):
    export_site(content_copy)
    assert "(0 files changed)" in export_site(content_copy)


def edit_essays_and_lessons(trip):
    _edit_an_essay_as_an_editor()
    _translate_a_string_again()
    _build_a_lesson_as_a_teacher()


def exported_essays_and_lessons(trip):
    folder = trip.folder
    return {
        "essay": yaml.safe_load((folder / "essays" / "an-editors-essay.yaml").read_text()),
        "lessons": yaml.safe_load((folder / "lessons" / "lessons.yaml").read_text())["lessons"],
        "po": (folder / "translations/zh-hans/essays/the-1952-campaign.po").read_text(),
    }


register(
    INTO_A_COPY,
    Part(
        "essays and lessons",
        edit_essays_and_lessons,
        observe=lambda trip: _site(trip.client),
        exported=exported_essays_and_lessons,
    ),
)


def test_essays_and_lessons_edited_in_the_admin_come_back_the_same(round_trip):
    trip = round_trip(INTO_A_COPY)
    before, after = trip.before["essays and lessons"], trip.after["essays and lessons"]
    files = trip.files["essays and lessons"]
    numbers = files["essay"]
    edited = numbers["body"][0]
    assert edited["type"] == "paragraph" and "id" in edited  # its id names its translations
    assert "https://example.org/report" in edited["text"]["html"]
    assert numbers["hero_image"] == numbers["body"][1]["image"]
    assert files["lessons"][-1] == "a-teachers-lesson"
    assert "为何在一九五二年？" in files["po"] and "1952年的禁毒运动" in files["po"]

    assert after["data"] == before["data"]
    for url, html in before["html"].items():
        assert after["html"].get(url) == html, _diff(url, html, after["html"].get(url))
    assert set(after["html"]) == set(before["html"])
    assert "为何在一九五二年？" in after["html"]["/zh-hans/essays/the-1952-campaign/"]
    lesson = after["html"]["/en/lessons/a-teachers-lesson/"]
    assert "Who <b>counted</b>" in lesson and "The police who ran" not in lesson
    assert "https://example.org/report" in after["html"]["/zh-hans/essays/an-editors-essay/"]
    assert "(0 files changed)" in trip.export_after_load


# --- edits as editors, translators and teachers make them ---


def _edit_an_essay_as_an_editor():
    """A link and bold type in a paragraph, a new footnote, an image with a caption, credit
    and licence, and the same image at the top, in an essay not translated yet (a translated
    essay's files load only once its translation is brought up to date)."""
    make_essay(
        [paragraph("Figures need care."), paragraph("So do words.")],
        slug="an-editors-essay",
        title="An editor's essay",
    )
    essay = EssayPage.objects.get(slug="an-editors-essay", locale=Locale.get_default())
    image = _image()
    body = list(essay.body.raw_data)
    first = body[0]["value"].removesuffix("</p>")
    body[0] = {
        **body[0],
        "value": f'{first} See <a href="https://example.org/report">the <b>report</b></a>.'
        "[^added]</p>",
    }
    caption = '<p data-block-key="k1">A <i>plate</i>, <a href="https://example.org/">found</a></p>'
    picture = {"image": image.pk, "caption": caption, "credit": "The editors", "licence": "CC0"}
    body.insert(
        1, {"type": "image", "value": picture, "id": "0c6c4e1e-55bc-4a1d-9d7e-5a1f1f00aa01"}
    )
    essay.body = body
    essay.hero_image = image
    essay.hero_caption = "A plate"
    essay.footnotes.add(
        EssayFootnote(
            key="added",
            text='<p>See <a href="https://example.org/report">the report</a>.</p>',
            sources=[("source", _record("zhou-2000"))],
            locale=Locale.get_default(),
            sort_order=essay.footnotes.count(),
        )
    )
    essay.save_revision().publish()


def _translate_a_string_again():
    """A translator changes the Chinese title of a translated essay, translates one of its
    headings, and publishes."""
    essay = EssayPage.objects.get(slug="the-1952-campaign", locale=Locale.get_default())
    chinese = Locale.objects.get(language_code="zh-hans")
    source = TranslationSource.objects.get_for_instance(essay)
    strings = StringTranslation.objects.filter(locale=chinese, context__object=source.object)
    assert strings.filter(context__path="title").update(data="1952年的禁毒运动") == 1
    heading = StringSegment.objects.get(source=source, string__data="Why 1952?")
    StringTranslation.objects.update_or_create(
        translation_of=heading.string,
        locale=chinese,
        context=heading.context,
        defaults={"data": "为何在一九五二年？"},
    )
    translation = Translation.objects.get(source=source, target_locale=chinese)
    translation.save_target(publish=False)
    essay.get_translation(chinese).get_latest_revision().publish()


def _build_a_lesson_as_a_teacher():
    """A lesson as the admin saves it: block values, ids made on saving."""
    edition = EditionPage.objects.get(slug="fifth-bulletin", locale=Locale.get_default())
    index = LessonIndexPage.objects.get(locale=Locale.get_default())
    lesson = LessonPage(
        title="A teacher's lesson",
        slug="a-teachers-lesson",
        author_name="Ms Li",
        level="secondary",
        duration=45,
        question="Who counted?",
        objectives="Read a figure.\nSay who gave it.",
        summary="Students read the arrests.",
        search_description="Arrests, read closely.",
        body=[
            (
                "excerpt",
                {
                    "start": f"{edition.pk}:p8",
                    "end": f"{edition.pk}:p9",
                    "version": "zh",
                    "parallel": True,
                    "anatomy": False,
                    "adapted": "",
                },
            ),
            (
                "question",
                {
                    "skill": "close_reading",
                    "prompt": RichText("<p>Who <b>counted</b> the arrests?</p>"),
                    "sentence_starters": ["The police", "I think"],
                    "model_answer": RichText("<p>The police who ran the campaign.</p>"),
                },
            ),
            (
                "map_view",
                {"document": "fifth-bulletin", "kind": "arrests", "place": "", "caption": "North"},
            ),
        ],
    )
    index.add_child(instance=lesson)
    lesson.save_revision().publish()


def _image():
    data = BytesIO()
    PILImage.new("RGB", (320, 200), (90, 60, 30)).save(data, "PNG")
    name = f"plate-{uuid.uuid4().hex[:8]}.png"
    image = get_image_model()(title="A plate", file=ContentFile(data.getvalue(), name=name))
    image.save()
    return image


def _record(key):
    from history.core.bibliography import SourceRecord

    return SourceRecord.objects.get(key=key)


# --- what is compared ---


def _site(client):
    """The pages' model data without what a new database gives differently, and the public
    HTML of each (an anonymous visitor's)."""
    pages = [page for model in PAGE_MODELS for page in model.objects.all()]
    pages.sort(key=lambda page: (page.locale.language_code, page.url_path))
    data, html = [], {}
    for page in pages:
        data.append(_page_data(page))
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html[page.url] = CSRF.sub(r"\1", response.content.decode())
    return {"data": data, "html": html}


def _page_data(page):
    data = {}
    for field in page._meta.concrete_fields:
        if field.name in NOT_DATA:
            continue
        value = getattr(page, field.attname)
        if field.name == "locale":
            value = page.locale.language_code
        elif field.name == "alias_of" and value:
            value = _natural(Page.objects.get(pk=value))
        elif field.name == "hero_image" and value:
            value = page.hero_image.title
        elif hasattr(field, "stream_block"):
            value = _stream(field.stream_block, getattr(page, field.name).raw_data, field.name)
        data[field.name] = value
    if isinstance(page, EssayPage):
        data["footnotes"] = [
            {
                "key": note.key,
                "text": note.text,
                "sources": _stream(note.sources.stream_block, note.sources.raw_data, "sources"),
                "translation_key": note.translation_key,
                "locale": note.locale.language_code,
                "sort_order": note.sort_order,
            }
            for note in page.footnotes.all()
        ]
    return data


def _stream(block, raw, name):
    # Only a body's block ids name translated strings; other streams' ids are made on saving.
    keep_ids = name == "body"
    return [
        (
            item["type"],
            item.get("id") if keep_ids else None,
            _value(block.child_blocks[item["type"]], item["value"]),
        )
        for item in raw
    ]


def _value(block, raw):
    if isinstance(block, blocks.StructBlock) and raw is not None and not isinstance(raw, dict):
        # A value stored before the block became a struct (an image block's bare image id).
        raw = block.get_prep_value(block.to_python(raw))
    if isinstance(block, blocks.StructBlock):
        return {
            name: _value(child, (raw or {}).get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            (item["id"], _value(block.child_block, item["value"]))
            if isinstance(item, dict) and item.get("type") == "item"
            else _value(block.child_block, item)
            for item in raw or []
        ]
    if isinstance(block, blocks.ChooserBlock) and raw:
        return _natural(block.target_model.objects.get(pk=raw))
    if isinstance(block, ParagraphBlock) and raw:
        ref = ParagraphRef.parse(raw)
        return (_natural(EditionPage.objects.get(pk=ref.page_id)), ref.anchor)
    return raw


def _natural(obj):
    """An object named by what content files name it by, not its id."""
    if isinstance(obj, Page):
        return (obj.url_path, obj.locale.language_code)
    name = getattr(obj, "key", None) or getattr(obj, "slug", None) or obj.title
    locale = getattr(obj, "locale", None)
    return (type(obj).__name__, name, locale.language_code if locale else None)


def _entries(path):
    return {(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path))}


def _diff(url, before, after):
    lines = difflib.unified_diff(
        before.splitlines(), (after or "").splitlines(), "before", "after", lineterm="", n=1
    )
    return f"{url}:\n" + "\n".join(list(lines)[:40])
