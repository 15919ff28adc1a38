"""export_site writes the frame's content (home page, its translation, bibliography, images)
back to files that load_site reads, and reproduces the same site from them."""

import shutil

import pytest
import yaml
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.models import HomePage
from tests.conftest import ROOT, export_site, fresh_database, load_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(ROOT / "site", target)
    return target


def home(language="en"):
    return HomePage.objects.get(locale=Locale.objects.get(language_code=language))


def test_an_unchanged_site_exports_the_data_it_was_loaded_from(content_copy):
    export_site(content_copy)
    for name in ("home.yaml", "bibliography.yaml"):
        exported = yaml.safe_load((content_copy / name).read_text())
        original = yaml.safe_load((ROOT / "site" / name).read_text())
        assert exported == original
    # The comments that open a hand-written file are kept.
    assert (content_copy / "home.yaml").read_text().startswith("# The home page.")


def test_edits_in_the_admin_reach_the_files_and_a_new_database(content_copy, tmp_path):
    page = home()
    page.lede = "A new lede, written in the admin."
    page.search_description = "Described for search engines."
    page.save_revision().publish()
    record = SourceRecord.objects.get(key="zhou-1999")
    record.pages = "12–14"
    record.save()

    export_site(content_copy)
    fresh_database()
    load_site(content_copy)

    assert home().lede == "A new lede, written in the admin."
    assert home().search_description == "Described for search engines."
    assert SourceRecord.objects.get(key="zhou-1999").pages == "12–14"
    assert home("zh-hans").title == "第五号简报"  # the translation came back from its PO file


def test_images_travel_with_their_files_and_alt_text(content_copy, tmp_path):
    picture = tmp_path / "plate.png"
    PILImage.new("RGB", (800, 500), (120, 60, 30)).save(picture)
    (content_copy / "images").mkdir()
    shutil.copy(picture, content_copy / "images" / "plate.png")
    (content_copy / "images" / "images.yaml").write_text(
        "- file: plate.png\n  title: A plate\n  description: A brown rectangle\n"
    )
    load_site(content_copy)
    image = get_image_model().objects.get(title="A plate")
    assert image.renditions.count() == 6  # made by the loader, not by the first visitor
    image.description = "Edited alt text"
    image.save()

    (content_copy / "images" / "plate.png").unlink()
    export_site(content_copy)
    assert (content_copy / "images" / "plate.png").read_bytes() == picture.read_bytes()
    fresh_database()
    load_site(content_copy)
    assert get_image_model().objects.get(title="A plate").description == "Edited alt text"


def test_a_second_export_changes_no_file(content_copy):
    export_site(content_copy)
    assert "(0 files changed)" in export_site(content_copy)


def test_groups_and_their_permissions_come_back(content_copy):
    from django.contrib.auth.models import Group, Permission

    from history.core.groups import export_groups_data

    teachers = Group.objects.get(name="Teachers")
    teachers.permissions.add(Permission.objects.get(codename="choose_document"))
    Group.objects.create(name="Reviewers").permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    before = export_groups_data()

    export_site(content_copy)
    fresh_database()
    load_site(content_copy)

    assert export_groups_data() == before
    reviewers = Group.objects.get(name="Reviewers")
    assert list(reviewers.permissions.values_list("codename", flat=True)) == ["access_admin"]
    # Page permissions name pages by content key: the teachers' are on the lessons index, in
    # each language.
    grants = Group.objects.get(name="Teachers").page_permissions.values_list(
        "page__slug", "page__locale__language_code", "permission__codename"
    )
    assert sorted(grants) == [
        ("lessons", language, codename)
        for language in ("en", "zh-hans")
        for codename in ("add_page", "publish_page")
    ]


def test_groups_edited_in_the_admin_are_kept_by_the_next_load(content_copy):
    from django.contrib.auth.models import Group, Permission

    export_site(content_copy)
    load_site(content_copy)  # the groups file is now what was loaded
    teachers = Group.objects.get(name="Teachers")
    teachers.permissions.add(Permission.objects.get(codename="choose_document"))
    text = (content_copy / "groups.yaml").read_text()
    (content_copy / "groups.yaml").write_text(
        text.replace("- name: Teachers", "- name: Teachers\n  # changed")
    )
    (content_copy / "groups.yaml").write_text(
        text.replace(
            "wagtailadmin.access_admin\n  pages:\n    - {page: lessons",
            "wagtailadmin.access_admin\n    - wagtaildocs.view_document\n"
            "  pages:\n    - {page: lessons",
        )
    )
    output = load_site(content_copy)
    assert "kept groups" in output
    assert teachers.permissions.filter(codename="choose_document").exists()
