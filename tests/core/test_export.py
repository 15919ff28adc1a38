"""export_site writes the frame's content (home page, its translation, bibliography, images)
back to files that load_site reads, and reproduces the same site from them."""

import shutil

import pytest
import yaml
from django.contrib.auth.models import Group, Permission
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale

from history.core.bibliography import SourceRecord
from history.core.groups import export_groups_data
from history.core.models import HomePage
from tests.conftest import ROOT, export_site, load_site
from tests.round_trips import HOME_INTO_A_COPY, INTO_A_COPY, Part, register

pytestmark = pytest.mark.django_db


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


def edit_home_and_a_record(trip):
    page = home()
    page.lede = "A new lede, written in the admin."
    page.search_description = "Described for search engines."
    page.save_revision().publish()
    record = SourceRecord.objects.get(key="zhou-1999")
    record.pages = "12–14"
    record.save()


def home_and_record(trip):
    return {
        "lede": home().lede,
        "search_description": home().search_description,
        "pages": SourceRecord.objects.get(key="zhou-1999").pages,
        "chinese title": home("zh-hans").title,
    }


register(
    HOME_INTO_A_COPY,
    Part("core: home and bibliography", edit_home_and_a_record, loaded=home_and_record),
)


def test_edits_in_the_admin_reach_the_files_and_a_new_database(round_trip):
    loaded = round_trip(HOME_INTO_A_COPY).checked["core: home and bibliography"]
    assert loaded["lede"] == "A new lede, written in the admin."
    assert loaded["search_description"] == "Described for search engines."
    assert loaded["pages"] == "12–14"
    assert loaded["chinese title"] == "第五号简报"  # the translation came back from its PO file


def add_an_image(trip):
    picture = trip.tmp / "plate.png"
    PILImage.new("RGB", (800, 500), (120, 60, 30)).save(picture)
    (trip.folder / "images").mkdir()
    shutil.copy(picture, trip.folder / "images" / "plate.png")
    (trip.folder / "images" / "images.yaml").write_text(
        "- file: plate.png\n  title: A brown plate\n  description: A brown rectangle\n"
    )
    load_site(trip.folder)
    image = get_image_model().objects.get(title="A brown plate")
    renditions = image.renditions.count()  # made by the loader, not by the first visitor
    image.description = "Edited alt text"
    image.save()
    (trip.folder / "images" / "plate.png").unlink()
    return {"renditions": renditions, "picture": picture.read_bytes()}


register(
    INTO_A_COPY,
    Part(
        "core: images",
        add_an_image,
        exported=lambda trip: (trip.folder / "images" / "plate.png").read_bytes(),
        loaded=lambda trip: get_image_model().objects.get(title="A brown plate").description,
    ),
)


def test_images_travel_with_their_files_and_alt_text(round_trip):
    trip = round_trip(INTO_A_COPY)
    edited = trip.edited["core: images"]
    assert edited["renditions"] == 6
    assert trip.files["core: images"] == edited["picture"]
    assert trip.checked["core: images"] == "Edited alt text"


def test_a_second_export_changes_no_file(content_copy):
    export_site(content_copy)
    assert "(0 files changed)" in export_site(content_copy)


def edit_groups(trip):
    teachers = Group.objects.get(name="Teachers")
    teachers.permissions.add(Permission.objects.get(codename="choose_document"))
    Group.objects.create(name="Reviewers").permissions.add(
        Permission.objects.get(codename="access_admin")
    )


def groups_loaded(trip):
    reviewers = Group.objects.get(name="Reviewers")
    grants = Group.objects.get(name="Teachers").page_permissions.values_list(
        "page__slug", "page__locale__language_code", "permission__codename"
    )
    return {
        "reviewers": list(reviewers.permissions.values_list("codename", flat=True)),
        "teachers' page permissions": sorted(grants),
    }


register(
    INTO_A_COPY,
    Part(
        "core: groups",
        edit_groups,
        observe=lambda trip: export_groups_data(),
        loaded=groups_loaded,
    ),
)


def test_groups_and_their_permissions_come_back(round_trip):
    trip = round_trip(INTO_A_COPY)
    assert trip.after["core: groups"] == trip.before["core: groups"]
    loaded = trip.checked["core: groups"]
    assert loaded["reviewers"] == ["access_admin"]
    # Page permissions name pages by content key: the teachers' are on the lessons index, in
    # each language.
    assert loaded["teachers' page permissions"] == [
        ("lessons", language, codename)
        for language in ("en", "zh-hans")
        for codename in ("add_page", "publish_page")
    ]


def test_groups_edited_in_the_admin_are_kept_by_the_next_load(content_copy):
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
