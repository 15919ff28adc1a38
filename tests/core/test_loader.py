"""`load_site`: idempotent, keeps editors' work, refuses malformed files without changes."""

import re

import pytest
from django.core.management.base import CommandError
from wagtail.models import Page, Site

from history.core.models import HomePage, LoadedContent
from history.edition.models import EditionPage, Segment
from tests.conftest import load_site

pytestmark = pytest.mark.django_db


def counts():
    from wagtail.models import Revision

    return (Page.objects.count(), Revision.objects.count(), Segment.objects.count())


def snapshot():
    """What a failed load must leave as it was."""
    return counts(), sorted(LoadedContent.objects.values_list("key", "digest", "revision_id"))


def test_first_load_builds_the_site(site_content):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site_content.get_parent().specific == site.root_page.specific
    assert site_content.live
    assert len(site_content.all_segments) == 93
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_second_load_changes_nothing(site_content):
    before = counts()
    output = load_site()
    assert counts() == before
    assert "created" not in output and "updated" not in output


def test_changed_file_updates_an_unedited_page(content_copy):
    load_site(content_copy)
    path = content_copy / "editions" / "fifth-bulletin" / "edition.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Minister of Public Security", "Minister"),
        encoding="utf-8",
    )
    output = load_site(content_copy)
    assert "updated editions/fifth-bulletin" in output
    assert (
        EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en").author_role
        == "Minister"
    )


def test_admin_edit_survives_a_reload_even_when_the_file_changed(content_copy):
    load_site(content_copy)
    page = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")
    page.author_role = "Edited in the admin"
    page.save_revision().publish()

    load_site(content_copy)
    assert EditionPage.objects.get(pk=page.pk).author_role == "Edited in the admin"

    path = content_copy / "editions" / "fifth-bulletin" / "edition.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    output = load_site(content_copy)
    assert "kept editions/fifth-bulletin" in output
    assert EditionPage.objects.get(pk=page.pk).author_role == "Edited in the admin"

    load_site(content_copy, force=True)
    assert EditionPage.objects.get(pk=page.pk).author_role == "Minister of Public Security"


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("  kind: title\n", "  kind: heading\n", "text.yaml (segment 1): kind “heading”"),
        ("- anchor: p2\n", "- anchor: p1\n", "text.yaml: anchors repeated: p1"),
        ("    zh: 中共中央", "    xx: 中共中央", "unknown version(s) ['xx']"),
        ("- anchor: p1\n", "- kind_of: p1\n", "text.yaml (segment 1): missing field “anchor”"),
    ],
)
def test_malformed_text_is_refused_naming_file_and_field(content_copy, old, new, message):
    path = content_copy / "editions" / "fifth-bulletin" / "text.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape(message)):
        load_site(content_copy, force=True)
    # One transaction: nothing at all changed.
    assert snapshot() == before


def test_invalid_yaml_is_refused(content_copy):
    (content_copy / "home.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match="home.yaml: not valid YAML"):
        load_site(content_copy)


def zh_home():
    return HomePage.objects.get(locale__language_code="zh-hans")


def test_translations_load_with_their_pages(site_content):
    assert zh_home().lede.startswith("细读1952年")
    chinese = EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="zh-hans")
    assert chinese.live and chinese.get_parent().specific == zh_home()


def test_changed_translation_file_updates_the_translated_page(content_copy):
    load_site(content_copy)
    path = content_copy / "translations" / "zh-hans" / "home.po"
    path.write_text(
        path.read_text(encoding="utf-8").replace("细读1952年", "仔细阅读1952年"), encoding="utf-8"
    )
    output = load_site(content_copy)
    assert "updated home@zh-hans" in output
    assert zh_home().lede.startswith("仔细阅读1952年")


def test_a_translation_edited_in_the_admin_is_kept(content_copy):
    load_site(content_copy)
    page = zh_home()
    page.lede = "编辑在后台改过的导语。"
    page.save_revision().publish()
    path = content_copy / "translations" / "zh-hans" / "home.po"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    output = load_site(content_copy)
    assert "kept home@zh-hans" in output
    assert zh_home().lede == "编辑在后台改过的导语。"


def test_a_translation_note_on_an_unknown_segment_is_refused(content_copy):
    path = content_copy / "editions" / "fifth-bulletin" / "notes.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - anchor: p18\n", "  - anchor: p999\n", 1), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match=re.escape("(translation note 1): anchor “p999”")):
        load_site(content_copy, force=True)
    assert snapshot() == before


@pytest.mark.parametrize(
    "relative, old, new, message",
    [
        ("timeline/events.yaml", "  theme: law_policy\n", "  theme: gossip\n", "theme"),
        ("lessons/lessons.yaml", "slug: lessons\n", "slug:\n", "missing field “slug”"),
    ],
)
def test_a_malformed_later_file_undoes_the_changes_of_earlier_ones(
    content_copy, relative, old, new, message
):
    """Files are loaded in order (home first); a bad file late in the order still leaves the
    database as it was, earlier changed files included."""
    home_file = content_copy / "home.yaml"
    home_file.write_text(home_file.read_text().replace("title: The Fifth Bulletin", "title: X"))
    path = content_copy / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError) as refused:
        load_site(content_copy)
    assert relative in str(refused.value) and message in str(refused.value)
    assert snapshot() == before
    assert HomePage.objects.get(locale__language_code="en").title == "The Fifth Bulletin"


def cut_inside_a_character(path):
    """The file as a copy cut short would leave it: ending inside a multi-byte character."""
    data = path.read_bytes()
    first_wide = next(i for i, byte in enumerate(data) if byte >= 0x80)
    path.write_bytes(data[: first_wide + 1])


def empty(path):
    path.write_bytes(b"")


def blank(path):
    path.write_bytes(b"\n  \n")


@pytest.mark.parametrize(
    "relative, damage, message",
    [
        ("glossary/terms.yaml", empty, "the file is empty"),
        ("glossary/terms.yaml", cut_inside_a_character, "not valid UTF-8 text"),
        ("home.yaml", blank, "the file is empty"),
        ("home.yaml", cut_inside_a_character, "not valid UTF-8 text"),
        ("translations/zh-hans/glossary/terms.po", empty, "the file is empty"),
        ("translations/zh-hans/glossary/terms.po", cut_inside_a_character, "not valid UTF-8"),
    ],
)
def test_an_empty_or_truncated_file_is_refused_and_nothing_changes(
    content_copy, relative, damage, message
):
    from history.glossary.terms import TermMention

    load_site(content_copy)
    marks = TermMention.objects.count()
    assert marks > 50
    path = content_copy / relative
    assert path.exists()
    damage(path)
    before = snapshot()
    with pytest.raises(CommandError) as refused:
        load_site(content_copy, force=True)
    assert f"{relative}: {message}" in str(refused.value)
    assert snapshot() == before
    assert TermMention.objects.count() == marks


def test_a_content_file_of_comments_only_is_refused(content_copy):
    path = content_copy / "glossary" / "terms.yaml"
    path.write_text("# the terms\n", encoding="utf-8")
    with pytest.raises(CommandError, match="terms.yaml: the file holds no data"):
        load_site(content_copy)
