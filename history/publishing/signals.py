"""A new edition or essays index (a translation made in the admin, say) comes under the
editors' review at once, as `load_site` would leave it."""

from django.db.models.signals import post_save

from .review import assign, review_workflow, reviewed_page_types


def _review_new_page(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = review_workflow()
    if workflow is not None:
        assign(instance, workflow)


for _model in reviewed_page_types():
    post_save.connect(_review_new_page, sender=_model, dispatch_uid=f"review-{_model.__name__}")
