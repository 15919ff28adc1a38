"""The site survives a trip through files: load it, edit it in the admin, `export_site` into
an empty folder, load that folder into an empty database, and every public page and every
model's data come back the same, and private pages come back private, with their owners."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalManyToManyField
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

from history.atlas.pages import MapPage
from history.atlas.places import Place
from history.core.models import HomePage
from history.core.roles import TEACHERS
from history.edition.models import EditionPage
from history.glossary.pages import GlossaryPage
from history.glossary.terms import GlossaryTerm
from history.lessons.pages import LessonPage
from history.timeline.events import Event
from history.timeline.pages import TimelinePage
from tests.lessons.factories import published_lesson
from tests.round_trips import INTO_AN_EMPTY_FOLDER, Part, register

pytestmark = pytest.mark.django_db

CONTENT_APPS = {"core", "edition", "atlas", "timeline", "glossary", "essays", "lessons"}
OTHER_MODELS = {"wagtailcore.page", "wagtailimages.image", "auth.group", "auth.group_permissions"}
# Bookkeeping that differs from one database to another by nature (an image uploaded in the
# admin has a key, the name of its file in images/, only once it was exported and loaded).
IGNORED_MODELS = {"core.loadedcontent", "core.imagekey"}
IGNORED_FIELDS = {
    "id", "page_ptr", "path", "depth", "numchild", "content_type", "translation_key",
    "latest_revision", "live_revision", "latest_revision_created_at", "first_published_at",
    "last_published_at", "owner", "locked", "locked_by", "locked_at", "uploaded_by_user",
    "created_at", "file", "file_hash", "sort_order", "image", "group", "permission",
}  # fmt: skip
PAGE_ID = re.compile(r'(linktype="page" id=")(\d+)(")')
PARAGRAPH = re.compile(r"^(\d+):([\w-]+)$")


# --- what is compared ---


def natural(obj):
    """An object as it is named in any database: not by its primary key."""
    if obj is None:
        return None
    if isinstance(obj, Page):
        return ("page", obj.url_path, obj.locale.language_code)
    if isinstance(obj, Locale):
        return obj.language_code
    label = obj._meta.label_lower
    locale = getattr(getattr(obj, "locale", None), "language_code", None)
    for field in ("key", "slug", "name", "anchor", "title"):
        if hasattr(obj, field):
            return (label, getattr(obj, field), locale, natural(getattr(obj, "page", None)))
    return (label, str(obj), locale)


def page_named(match):
    page = Page.objects.filter(pk=match.group(2)).first()
    return f"{match.group(1)}{natural(page)}{match.group(3)}"


def plain(value):
    """A stored value with the primary keys it contains replaced by natural names."""
    if isinstance(value, str):
        paragraph = PARAGRAPH.match(value)
        if paragraph:
            return (natural(Page.objects.filter(pk=paragraph.group(1)).first()), paragraph[2])
        return PAGE_ID.sub(page_named, value)
    if isinstance(value, models.Model):
        return natural(value)
    return value if isinstance(value, int | float | bool | type(None)) else str(value)


def stream_data(block, value):
    if isinstance(block, blocks.StreamBlock):
        return [(child.block_type, stream_data(child.block, child.value)) for child in value]
    if isinstance(block, blocks.ListBlock):
        return [stream_data(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {name: stream_data(child, value[name]) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.RichTextBlock):
        return plain(value.source)
    if isinstance(block, blocks.ChooserBlock):
        return natural(value)
    return plain(block.get_prep_value(value))


def row(obj, fields):
    data = {}
    for field in fields:
        if isinstance(field, StreamField):
            data[field.name] = stream_data(field.stream_block, getattr(obj, field.name))
        elif isinstance(field, models.ManyToManyField | ParentalManyToManyField | TaggableManager):
            data[field.name] = sorted(map(repr, map(natural, getattr(obj, field.name).all())))
        elif field.is_relation:
            data[field.name] = natural(getattr(obj, field.name))
        elif isinstance(field, RichTextField):
            data[field.name] = plain(getattr(obj, field.name))
        else:
            data[field.name] = plain(field.value_from_object(obj))
    return repr(data)


def model_data():
    """{model: sorted rows} for every content model, with no primary keys in them."""
    data = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in IGNORED_MODELS:
            continue
        if model._meta.app_label not in CONTENT_APPS and label not in OTHER_MODELS:
            continue
        fields = [
            field
            for field in model._meta.get_fields()
            if field.concrete
            and field.name not in IGNORED_FIELDS
            and not field.auto_created
            and not (field.is_relation and field.related_model is models.Model)
        ]
        fields += [f for f in model._meta.many_to_many if f.name not in IGNORED_FIELDS]
        data[label] = sorted(row(obj, fields) for obj in model._default_manager.all())
    group_permissions = [
        (group.name, sorted(group.permissions.values_list("codename", flat=True)))
        for group in apps.get_model("auth.group").objects.order_by("name")
    ]
    data["auth.group_permissions"] = group_permissions
    return data


TOKENS = [
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*'),
    re.compile(r'(nonce=")[^"]*'),
    re.compile(r'(name="csrf-token" content=")[^"]*'),
]


def public_urls():
    urls = []
    for page in Page.objects.live().public().specific().order_by("path"):
        if page.depth < 2:
            continue
        url = page.url
        urls.append(url)
        if isinstance(page, EditionPage):
            urls += [url + "parallel/", url + "cite/", url + "?view=anatomy"]
        if isinstance(page, LessonPage):
            urls.append(url + "handout/")
        locale = page.locale
        if isinstance(page, TimelinePage):
            urls += [url + f"event/{e.slug}/" for e in Event.objects.filter(locale=locale)]
        if isinstance(page, MapPage):
            urls += [url + f"place/{p.slug}/" for p in Place.objects.filter(locale=locale)]
        if isinstance(page, GlossaryPage):
            urls += [url + f"term/{t.slug}/" for t in GlossaryTerm.objects.filter(locale=locale)]
    return urls


def public_pages(client):
    """{url: HTML without per-request tokens} for every public page, both languages."""
    client.logout()
    cache.clear()
    pages = {}
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for token in TOKENS:
            html = token.sub(r"\1", html)
        pages[url] = html
    return pages


# --- edits made in the admin ---


def edit_home_page(client):
    home = HomePage.objects.get(locale__language_code="en")
    data = nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "lede": "A lede rewritten in the admin.",
            "content_note": home.content_note,
            "introduction": rich_text(home.introduction),
            "why_it_matters": rich_text(home.why_it_matters),
            "reading_critically": rich_text(
                home.reading_critically.replace("</p>", " Edited in the admin.</p>", 1)
            ),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0},
            "action-publish": "publish",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[home.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def translate_home_lede(text):
    """What a translator does after the English changed: sync the Chinese page with its
    source, translate the changed string, publish."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    home = HomePage.objects.get(locale__language_code="en")
    chinese = Locale.objects.get(language_code="zh-hans")
    source = TranslationSource.objects.get_for_instance(home)
    source.update_from_db()
    segment = StringSegment.objects.get(source=source, context__path="lede")
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=chinese,
        context=segment.context,
        defaults={"data": text},
    )
    translation = Translation.objects.get(source=source, target_locale=chinese)
    translation.save_target(publish=False)
    home.get_translation(chinese).get_latest_revision().publish()


def sync_translations(obj):
    """What an editor does after changing a translated object: "Sync translations"."""
    from wagtail_localize.models import Translation, TranslationSource

    source = TranslationSource.objects.get_for_instance(obj)
    source.update_from_db()
    for translation in Translation.objects.filter(source=source):
        translation.save_target(publish=True)


def add_glossary_term(client):
    url = reverse("wagtailsnippets_glossary_glossaryterm:add") + "?locale=en"
    data = {
        "term": "dossier",
        "slug": "dossier",
        "chinese": "档案",
        "pinyin": "dàng'àn",
        "short": "The file the Party kept on a person, added in the admin.",
        "note": rich_text("<p>A note with <b>bold</b> text.</p>"),
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def edit_glossary_term(client):
    term = GlossaryTerm.objects.filter(locale__language_code="en").order_by("pk").first()
    url = reverse("wagtailsnippets_glossary_glossaryterm:edit", args=[term.pk])
    data = {
        "term": term.term,
        "slug": term.slug,
        "chinese": term.chinese,
        "pinyin": term.pinyin + " (edited)",
        "short": term.short,
        "note": rich_text(term.note),
        "sources": [str(source.pk) for source in term.sources.all()],
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    sync_translations(GlossaryTerm.objects.get(pk=term.pk))


def private_lesson(slug, owner, kind, **fields):
    """A teacher's published lesson with a view restriction of `kind`."""
    lesson = published_lesson(
        owner,
        slug,
        title=f"Private {slug}",
        duration=30,
        question="Who may read this?",
        objectives="Keep it private.",
        summary="Only for the class.",
        body=[{"type": "instructions", "value": "<p>Read.</p>"}],
    )
    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(Group.objects.filter(name=TEACHERS))
    return lesson


def access_of(slug):
    """{language: (restriction, password, groups, owner)} of the lesson and its stand-in."""
    found = {}
    for lesson in LessonPage.objects.filter(slug=slug).select_related("locale", "owner"):
        restriction = lesson.view_restrictions.get()
        found[lesson.locale.language_code] = (
            restriction.restriction_type,
            restriction.password,
            sorted(restriction.groups.values_list("name", flat=True)),
            lesson.owner and lesson.owner.username,
        )
    return found


def edit_in_the_admin(trip):
    """Edits made in the admin by an editor, a translator and teachers; returns the access
    of the teachers' private lessons."""
    editor = trip.client
    user = get_user_model().objects.create_superuser("rt-editor", "rt@example.org", "pw")
    editor.force_login(user)
    edit_home_page(editor)
    translate_home_lede("在后台改写的导语。")
    add_glossary_term(editor)
    edit_glossary_term(editor)
    edited = {
        "en": editor.get("/en/").content.decode(),
        "zh-hans": editor.get("/zh-hans/").content.decode(),
    }
    # Teachers' private lessons: they come back private, and their own.
    User = get_user_model()
    ana, ben = (
        User.objects.create_user("ana", first_name="Ana"),
        User.objects.create_user("ben", first_name="Ben"),
    )
    private_lesson("by-password", ana, PageViewRestriction.PASSWORD, password="stripes")
    private_lesson("by-login", ana, PageViewRestriction.LOGIN)
    private_lesson("by-group", ben, PageViewRestriction.GROUPS)
    access = {slug: access_of(slug) for slug in SLUGS}
    return {"home": edited, "access": access}


def before_load(trip):
    get_user_model().objects.create_user("ana", first_name="Ana")  # ben has no account here


def loaded(trip):
    """The private lessons' access, and whether their owner may publish them once a teacher."""
    access = {slug: access_of(slug) for slug in SLUGS}
    ana = get_user_model().objects.get(username="ana")
    ana.groups.add(Group.objects.get(name=TEACHERS))
    may_publish = [
        lesson.permissions_for_user(ana).can_publish()
        for slug in ("by-password", "by-login")
        for lesson in LessonPage.objects.filter(slug=slug)
    ]
    return {"access": access, "ana may publish": may_publish}


SLUGS = ("by-password", "by-login", "by-group")
register(
    INTO_AN_EMPTY_FOLDER,
    Part(
        "the whole site",
        edit_in_the_admin,
        observe=lambda trip: {"data": model_data(), "pages": public_pages(trip.client)},
        before_load=before_load,
        loaded=loaded,
    ),
)


def test_the_site_comes_back_the_same_from_its_exported_files(round_trip):
    trip = round_trip(INTO_AN_EMPTY_FOLDER)
    edited = trip.edited["the whole site"]
    assert "Edited in the admin" in edited["home"]["en"]
    assert "在后台改写的导语。" in edited["home"]["zh-hans"]
    access = edited["access"]
    assert access["by-password"]["zh-hans"] == (PageViewRestriction.PASSWORD, "stripes", [], "ana")

    loaded = trip.checked["the whole site"]
    assert loaded["access"]["by-password"] == access["by-password"]
    assert loaded["access"]["by-login"] == access["by-login"]
    ben_less = {code: (*values[:3], None) for code, values in access["by-group"].items()}
    assert loaded["access"]["by-group"] == ben_less
    assert "/en/lessons/by-group/: no account “ben” here" in trip.load
    assert loaded["ana may publish"] and all(loaded["ana may publish"])

    before, after = trip.before["the whole site"], trip.after["the whole site"]
    assert sorted(after["pages"]) == sorted(before["pages"])
    for url, html in before["pages"].items():
        assert after["pages"][url] == html, url
    assert sorted(after["data"]) == sorted(before["data"])
    for label, rows in before["data"].items():
        assert after["data"][label] == rows, label
