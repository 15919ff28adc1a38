"""`load_site`'s part for publishing: the editors' review workflow. (The Editors and Authors
groups are the site's roles: `history/core/roles.py`.)"""

from history.core.roles import EDITORS, role_group

from .review import ensure_review_workflow


def load(loader):
    ensure_review_workflow(role_group(EDITORS))
    loader.say("  review by the editors: the edition and the essays")
