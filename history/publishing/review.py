"""The editors' review: a Wagtail workflow with one task, approval by the Editors group, on
the edition (in every language, so its translations too) and on the essays.

Anyone who edits those pages may "Submit for review"; an editor approves (which publishes,
or schedules when a go-live date is set) or requests changes with a comment, which Wagtail
shows on the page and e-mails to the person who submitted it. Editors hold the publish
permission, and Wagtail offers "Publish" to whoever holds it even where a workflow applies:
editors may publish directly, authors may only submit.

A page model says whether the editors review it: with `reviewed_by_editors = True` the
workflow is assigned to each of its pages and covers the pages below them; with `False` no
workflow stays on its pages or any page above them (lessons: teachers publish them
themselves).
"""

from django.db.models import Q
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowTask, get_page_models
from wagtail.models.workflows import GroupApprovalTask

WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Review by the editors"


def reviewed_page_types(reviewed=True):
    """The page models whose `reviewed_by_editors` is `reviewed`."""
    return [m for m in get_page_models() if getattr(m, "reviewed_by_editors", None) is reviewed]


def review_workflow():
    return Workflow.objects.filter(name=WORKFLOW_NAME).first()


def ensure_review_workflow(editors):
    """The workflow, its task for `editors`, and its pages; no workflow above the lessons
    (Wagtail's migrations put their "Moderators approval" on the root page). Idempotent."""
    task, _created = GroupApprovalTask.objects.get_or_create(name=TASK_NAME)
    task.groups.add(editors)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for model in reviewed_page_types():
        for page in model.objects.all():
            assign(page, workflow)
    _clear_above_unreviewed()
    return workflow


def assign(page, workflow):
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _clear_above_unreviewed():
    """Remove every workflow assignment on a page that is not reviewed (a lessons index) or
    any page above one."""
    ancestors = Q()
    for model in reviewed_page_types(reviewed=False):
        for page in model.objects.all():
            ancestors |= Q(page__in=Page.objects.ancestor_of(page, inclusive=True))
    if ancestors:
        WorkflowPage.objects.filter(ancestors).delete()
