"""Move the versions of the tags content changes (`versions.py`) on: whatever is kept that
shows it (derived data, the site frame, stored pages) is not read again."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache, roles, versions
from .translating import stand_in_where_untranslated
from .versions import FRAME, IMAGES, content_tags


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(instance, parent_page_before=None, **kwargs):
    tags = page_cache.tags_of_page(instance)
    if parent_page_before is not None and parent_page_before.depth < 3:
        tags.add(FRAME)  # moved out of the menu
    versions.changed(*tags)


@receiver(post_save)
@receiver(post_delete)
def _content_changed(sender, instance, **kwargs):
    """Saving or deleting content moves its tags on.

    A draft of a page changes nothing visible (Wagtail saves only its bookkeeping fields; the
    publication is handled above); renditions are made while pages render and change nothing
    either.
    """
    deleted = "created" not in kwargs
    if issubclass(sender, Page):
        if deleted or (instance.live and kwargs.get("update_fields") is None):
            versions.changed(*page_cache.tags_of_page(instance))
    elif issubclass(sender, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        versions.changed(*(page_cache.tags_of_page(page) if page else content_tags()))
    elif issubclass(sender, Site | Locale):
        versions.changed(*content_tags())
    elif sender is get_image_model():
        versions.changed(IMAGES)
    elif sender._meta.app_label in content_tags():
        versions.changed(sender._meta.app_label)


@receiver(page_published)
def _stand_in_for_translations(sender, instance, **kwargs):
    """A newly published page of a kind that readers of every language should find (an essay,
    a lesson) appears in the other languages at once, untranslated, until it is translated."""
    if (
        getattr(sender, "stand_in_translations", False)
        and instance.alias_of_id is None
        and instance.locale_id == Locale.get_default().pk
    ):
        stand_in_where_untranslated(None, "", instance)


def _open_to_roles(sender, instance, created, raw=False, **kwargs):
    """A new page of a type the roles have permissions on (a lessons index translated into a
    new language, say) is open to them at once, as `load_site` would leave it."""
    if created and not raw:
        roles.grant_page_permissions(instance)


for _model in get_page_models():
    if getattr(_model, "role_page_permissions", None):
        post_save.connect(_open_to_roles, sender=_model, dispatch_uid=f"roles-{_model.__name__}")
