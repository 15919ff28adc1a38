"""Drop cached things when what they are built from changes: the site frame when the page
tree changes, the content generation when content is saved, and the stored pages that show
what changed (`page_cache`)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import frame, generation, page_cache
from .translating import stand_in_where_untranslated

CONTENT_APPS = {
    "core", "edition", "atlas", "timeline", "glossary", "essays", "lessons", "wagtailcore",
    "wagtailimages",
}  # fmt: skip


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_tree_changed(**kwargs):
    frame.invalidate()


@receiver(post_delete)
def _page_deleted(sender, **kwargs):
    if issubclass(sender, Page | PageViewRestriction | Site):
        frame.invalidate()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(instance, **kwargs):
    page_cache.changed(*page_cache.kinds_of_page(instance))


@receiver(post_save)
@receiver(post_delete)
def _stored_pages_changed(sender, instance, **kwargs):
    """Saving or deleting content drops the stored pages that show it.

    A draft of a page changes nothing visible (Wagtail saves only its bookkeeping fields; the
    publication is handled above); renditions are made while pages render and change nothing
    either.
    """
    deleted = "created" not in kwargs
    if issubclass(sender, Page):
        if deleted or (instance.live and kwargs.get("update_fields") is None):
            page_cache.changed(*page_cache.kinds_of_page(instance))
    elif issubclass(sender, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        page_cache.changed(*(page_cache.kinds_of_page(page) if page else page_cache.KINDS))
    elif issubclass(sender, Site | Locale):
        page_cache.changed(*page_cache.KINDS)
    elif sender is get_image_model():
        page_cache.changed("images")
    elif sender._meta.app_label in page_cache.KINDS:
        page_cache.changed(sender._meta.app_label)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_save, sender=Site)
def _frame_inputs_changed(**kwargs):
    frame.invalidate()


# The site's own content: pages (on publishing) and every model of its apps.
@receiver(page_published)
@receiver(page_unpublished)
def _content_published(**kwargs):
    generation.bump()


@receiver(post_save)
@receiver(post_delete)
def _content_saved(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        generation.bump()


@receiver(page_published)
def _stand_in_for_translations(sender, instance, **kwargs):
    """A newly published page of a kind that readers of every language should find (an essay,
    a lesson) appears in the other languages at once, untranslated, until it is translated."""
    from wagtail.models import Locale

    if (
        getattr(sender, "stand_in_translations", False)
        and instance.alias_of_id is None
        and instance.locale_id == Locale.get_default().pk
    ):
        stand_in_where_untranslated(None, "", instance)
