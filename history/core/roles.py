"""The site's roles, each a group of the same name, and what each may do.

- Editors publish everything, in every language: their page permissions are on the root of the
  page tree (above every language's home page, so a new language's tree is theirs at once),
  and they hold every permission of the site's apps and of Wagtail's images, documents,
  translations and admin.
- Authors write and revise essays and propose changes to the edition, but do not publish:
  what they write goes to the editors for review (`history/publishing/review.py`).
- Teachers build and publish their own lessons, with no review.

What a role may do on pages of one type is said by that page model, so that this module names
no app: `role_page_permissions = {TEACHERS: ["add_page", "publish_page"]}` grants those
permissions on every page of the type, in every language, and on each new one as it is made.

`load_site` sets the roles up (`ensure_roles`); `site/groups.yaml`, when present, then gives
groups exactly the permissions an editor gave them in the admin (see `groups.py`).
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    get_page_models,
)

EDITORS = "Editors"
AUTHORS = "Authors"
TEACHERS = "Teachers"
# Wagtail's migrations make this group with add, change and publish rights on the whole tree;
# the site's roles are the three above, so it is removed.
WAGTAIL_MODERATORS = "Moderators"
SITE_PACKAGE = "history."


@dataclass(frozen=True)
class Role:
    name: str
    permissions: tuple = ()  # "app_label.codename"
    apps: tuple = ()  # every permission of these apps' models
    site_apps: bool = False  # and of every app of the site's
    image_permissions: tuple = ()  # on the root collection: every image
    root_page_permissions: tuple = ()  # on the root of the page tree: every page

    def model_permissions(self):
        labels = list(self.apps) + (site_app_labels() if self.site_apps else [])
        found = list(Permission.objects.filter(content_type__app_label__in=labels))
        return found + [permission(name) for name in self.permissions]


def site_app_labels():
    return [c.label for c in apps.get_app_configs() if c.name.startswith(SITE_PACKAGE)]


IMAGES_TO_USE = ("wagtailimages.add_image", "wagtailimages.choose_image")
ROLES = (
    Role(
        EDITORS,
        apps=("wagtailimages", "wagtaildocs", "wagtail_localize", "wagtailadmin"),
        site_apps=True,
        image_permissions=(
            *IMAGES_TO_USE,
            "wagtailimages.change_image",
            "wagtailimages.delete_image",
        ),
        root_page_permissions=(
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ),  # fmt: skip
    ),
    Role(AUTHORS, permissions=("wagtailadmin.access_admin",), image_permissions=IMAGES_TO_USE),
    Role(TEACHERS, permissions=("wagtailadmin.access_admin",), image_permissions=IMAGES_TO_USE),
)


def permission(name):
    """The permission `name`, "app_label.codename" (Permission.DoesNotExist if none)."""
    app_label, _dot, codename = name.partition(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def role_group(name):
    return Group.objects.get_or_create(name=name)[0]


def ensure_roles():
    """Each role's group with its permissions, on the pages that exist now (idempotent: it
    adds what is missing and takes nothing away)."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group = role_group(role.name)
        group.permissions.add(*role.model_permissions())
        for name in role.root_page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(f"wagtailcore.{name}")
            )
        for name in role.image_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(name)
            )
    for model in get_page_models():
        if getattr(model, "role_page_permissions", None):
            for page in model.objects.all():
                grant_page_permissions(page)


def grant_page_permissions(page):
    """The roles' permissions on `page`, as its type states them (for roles whose group
    exists)."""
    grants = getattr(type(page), "role_page_permissions", None) or {}
    for group in Group.objects.filter(name__in=grants):
        for name in grants[group.name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission(f"wagtailcore.{name}")
            )


def remove_wagtail_moderators():
    """Delete Wagtail's default Moderators group, its rights and memberships. Returns the
    usernames it held, or None when there is no such group (idempotent)."""
    group = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
    if group is None:
        return None
    members = sorted(group.user_set.values_list("username", flat=True))
    group.delete()
    return members


def has_role(user, *names):
    """Whether `user` is active and holds one of the roles `names` (superusers hold all)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=names).exists()
