"""The site's roles: one definition, which names no app (`history/core/roles.py`)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from history.core.roles import EDITORS, ensure_roles

pytestmark = pytest.mark.django_db


def test_editors_hold_every_permission_of_every_app_of_the_site(site_content):
    held = set(
        Group.objects.get(name=EDITORS).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    for config in apps.get_app_configs():
        if config.name.startswith("history."):
            for model in config.get_models():
                for action in ("add", "change", "delete", "view"):
                    assert (config.label, f"{action}_{model._meta.model_name}") in held


def test_setting_up_the_roles_again_changes_nothing(site_content):
    def state():
        return (
            sorted(Group.objects.values_list("name", "permissions")),
            sorted(GroupPagePermission.objects.values_list("group", "page", "permission")),
            sorted(GroupCollectionPermission.objects.values_list("group", "permission")),
        )

    before = state()
    ensure_roles()
    assert state() == before
