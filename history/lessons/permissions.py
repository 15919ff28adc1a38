"""Who may do what with lessons.

Teachers hold Wagtail's "add" and "publish" permissions on the lessons index (in every
language: `LessonIndexPage.role_page_permissions`, and the roles in `history/core/roles.py`):
"add" lets them create lessons and edit the ones they own. Wagtail's "publish" would reach
every page under the index, so on a lesson it is narrowed to its owner: a teacher publishes,
unpublishes and deletes their own lessons only.
"""

from wagtail.models import PagePermissionTester

from history.core.roles import EDITORS, TEACHERS, has_role


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


def is_teaching_staff(user):
    """Teachers and editors see what is for teachers only (model answers, notes)."""
    return has_role(user, EDITORS, TEACHERS)
