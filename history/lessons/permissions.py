"""Who may do what with lessons.

Teachers hold Wagtail's "add" and "publish" permissions on the lessons index: "add" lets them
create lessons and edit the ones they own. Wagtail's "publish" would reach every page under the
index, so on a lesson it is narrowed to its owner: a teacher publishes, unpublishes and deletes
their own lessons only. Both hold them in every language: editors on the root of the page
tree (above every language's home page, so a new language's tree is theirs at once),
teachers on every lessons index (a new one is granted as it is made: see `signals.py`).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
)

EDITORS = "Editors"
TEACHERS = "Teachers"

EDITOR_PAGE_PERMISSIONS = [
    "add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page",
]  # fmt: skip
TEACHER_PAGE_PERMISSIONS = ["add_page", "publish_page"]
TEACHER_PERMISSIONS = [("wagtailadmin", "access_admin")]
# Every model permission of these apps goes to editors (snippets, images, documents...).
EDITOR_APPS = [
    "core", "edition", "atlas", "timeline", "glossary", "essays", "lessons",
    "wagtailimages", "wagtaildocs", "wagtail_localize", "wagtailadmin",
]  # fmt: skip


class LessonPermissionTester(PagePermissionTester):
    """A lesson is published, unpublished, deleted, moved and locked by its owner (or an
    editor), whatever "publish" reaches."""

    def _owns_or_manages(self):
        return (
            self.user.is_superuser
            or "change" in self.permissions
            or (self.page.owner_id == self.user.pk)
        )

    def can_publish(self):
        return super().can_publish() and self._owns_or_manages()

    def can_unpublish(self):
        return super().can_unpublish() and self._owns_or_manages()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self._owns_or_manages()

    def can_lock(self):
        return super().can_lock() and self._owns_or_manages()

    def can_move(self):
        return super().can_move() and self._owns_or_manages()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self._owns_or_manages()


class LessonIndexPermissionTester(PagePermissionTester):
    """Teachers publish lessons under the index; the index itself (its publication, its
    privacy, the order of its lessons) is the editors'."""

    def _manages(self):
        return self.user.is_superuser or "change" in self.permissions

    def can_publish(self):
        return super().can_publish() and self._manages()

    def can_unpublish(self):
        return super().can_unpublish() and self._manages()

    def can_set_view_restrictions(self):
        return super().can_set_view_restrictions() and self._manages()

    def can_reorder_children(self):
        return super().can_reorder_children() and self._manages()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and self._manages()

    def can_move(self):
        return super().can_move() and self._manages()

    def can_lock(self):
        return super().can_lock() and self._manages()


def ensure_groups():
    """The Editors and Teachers groups with their permissions, on the pages that exist now
    (idempotent)."""
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    teachers, _created = Group.objects.get_or_create(name=TEACHERS)
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=Page.get_first_root_node(),
            permission=_permission("wagtailcore", codename),
        )
    # The pages module imports this one: its model is found through the app registry.
    for index in apps.get_model("lessons", "LessonIndexPage").objects.all():
        grant_teachers(teachers, index)
    editors.permissions.add(*Permission.objects.filter(content_type__app_label__in=EDITOR_APPS))
    teachers.permissions.add(*[_permission(app, codename) for app, codename in TEACHER_PERMISSIONS])
    root_collection = Collection.get_first_root_node()
    for group, codenames in (
        (editors, ["add_image", "change_image", "choose_image", "delete_image"]),
        (teachers, ["add_image", "choose_image"]),
    ):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission("wagtailimages", codename),
            )
    return editors, teachers


def grant_teachers(teachers, lessons_index):
    """The teachers' permissions on `lessons_index` (in any language)."""
    for codename in TEACHER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=teachers, page=lessons_index, permission=_permission("wagtailcore", codename)
        )


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def is_teaching_staff(user):
    """Teachers and editors see what is for teachers only (model answers, notes)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, TEACHERS]).exists()
