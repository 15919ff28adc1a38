"""`load_site`'s part for publishing: the Authors group, the editors' review workflow (after
lessons, whose loader makes the Editors group and the lessons index), and no other group that
may publish (Wagtail's default Moderators)."""

from django.contrib.auth.models import Group

from history.lessons.permissions import EDITORS

from .review import ensure_review_workflow
from .roles import ensure_authors, remove_wagtail_moderators


def load(loader):
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    ensure_authors()
    ensure_review_workflow(editors)
    loader.say("  review by the editors: the edition and the essays")
    members = remove_wagtail_moderators()
    if members is not None:
        held = f" (its members were: {', '.join(members)})" if members else ""
        loader.say(f"  removed Wagtail's default Moderators group{held}")
