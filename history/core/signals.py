"""Drop the cached site frame when the page tree changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frame


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_tree_changed(**kwargs):
    frame.invalidate()


@receiver(post_delete)
def _page_deleted(sender, **kwargs):
    if issubclass(sender, Page | PageViewRestriction | Site):
        frame.invalidate()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
def _frame_inputs_changed(**kwargs):
    frame.invalidate()
