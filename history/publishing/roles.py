"""The Authors group: people who write and revise essays, and propose changes to the edition,
but do not publish. What they write goes to the editors for review (see `review.py`).

Editors publish everything, in every language (their permissions are set with the Teachers'
in `history/lessons/permissions.py`); teachers publish their own lessons, with no review.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from history.edition.models import EditionPage
from history.essays.pages import EssayIndexPage
from history.lessons.permissions import EDITORS

AUTHORS = "Authors"
# Wagtail's migrations make this group with add, change and publish rights on the whole tree;
# the site's roles are Editors, Authors and Teachers, so it is removed.
WAGTAIL_MODERATORS = "Moderators"

# Page permissions, on every essays index (in each language) and every edition.
AUTHOR_PAGE_PERMISSIONS = {
    EssayIndexPage: ["add_page", "change_page"],
    EditionPage: ["change_page"],
}
AUTHOR_IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def ensure_authors():
    """The Authors group with its permissions, on the pages that exist now (idempotent)."""
    authors, _created = Group.objects.get_or_create(name=AUTHORS)
    authors.permissions.add(_permission("wagtailadmin", "access_admin"))
    for model in AUTHOR_PAGE_PERMISSIONS:
        for page in model.objects.all():
            grant_authors(authors, page)
    root_collection = Collection.get_first_root_node()
    for codename in AUTHOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=authors,
            collection=root_collection,
            permission=_permission("wagtailimages", codename),
        )
    return authors


def grant_authors(authors, page):
    """The authors' permissions on `page`, an essays index or an edition."""
    for codename in AUTHOR_PAGE_PERMISSIONS[type(page)]:
        GroupPagePermission.objects.get_or_create(
            group=authors, page=page, permission=_permission("wagtailcore", codename)
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


def is_editorial_staff(user):
    """Editors and authors: the people the editors' guide is for."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, AUTHORS]).exists()


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)
