"""A new edition or essays index (a translation made in the admin, say) comes under the
editors' review, and open to authors, at once, as `load_site` would leave it."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from .review import REVIEWED_PAGE_TYPES, assign, review_workflow
from .roles import AUTHOR_PAGE_PERMISSIONS, AUTHORS, grant_authors


def _review_new_page(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    workflow = review_workflow()
    if workflow is not None:
        assign(instance, workflow)
    authors = Group.objects.filter(name=AUTHORS).first()
    if authors is not None and type(instance) in AUTHOR_PAGE_PERMISSIONS:
        grant_authors(authors, instance)


for _model in REVIEWED_PAGE_TYPES:
    post_save.connect(_review_new_page, sender=_model, dispatch_uid=f"review-{_model.__name__}")
