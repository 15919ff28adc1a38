"""Who may publish: the site's own groups only."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from history.core.roles import EDITORS, TEACHERS
from history.lessons.pages import LessonIndexPage
from tests.conftest import load_site

pytestmark = pytest.mark.django_db


def publishers():
    """{group name: the types of the pages it may publish below}."""
    grants = GroupPagePermission.objects.filter(permission__codename="publish_page")
    found = {}
    for grant in grants.select_related("group", "page"):
        found.setdefault(grant.group.name, set()).add(type(grant.page.specific))
    return found


def test_only_editors_and_teachers_may_publish(site_content):
    assert not Group.objects.filter(name="Moderators").exists()
    found = publishers()
    assert set(found) == {EDITORS, TEACHERS}
    assert found[TEACHERS] == {LessonIndexPage}


def test_load_site_removes_wagtails_moderators_group(site_content):
    """As Wagtail's migrations leave it on a database the site was loaded into before."""
    moderators = Group.objects.create(name="Moderators")
    root = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=moderators,
            page=root,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="wagtailcore"
            ),
        )
    member = get_user_model().objects.create_user("mo", password="pw")
    member.groups.add(moderators)

    output = load_site()

    assert "removed Wagtail's default Moderators group (its members were: mo)" in output
    assert not Group.objects.filter(name="Moderators").exists()
    assert "Moderators" not in publishers()
    assert not member.groups.exists()
