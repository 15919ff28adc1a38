"""`load_site`'s part for publishing: the Authors group and the editors' review workflow
(after lessons, whose loader makes the Editors group and the lessons index)."""

from django.contrib.auth.models import Group

from history.lessons.permissions import EDITORS

from .review import ensure_review_workflow
from .roles import ensure_authors


def load(loader):
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    ensure_authors()
    ensure_review_workflow(editors)
    loader.say("  review by the editors: the edition and the essays")
