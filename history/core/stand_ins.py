"""A stand-in (an alias of a page shown, untranslated, in another language: see
`translating.stand_in_where_untranslated`) is the same page for its readers: it is as private
as its source, has the same owner, and goes when its source is deleted. Wagtail keeps an
alias's content in step with its source, but not these.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction


def stand_ins(source):
    """The stand-ins of the page `source`: its aliases in other languages."""
    return Page.objects.filter(alias_of_id=source.pk, translation_key=source.translation_key)


def follow(source_id):
    """Give the stand-ins of the page `source_id` its view restrictions and its owner."""
    source = Page.objects.filter(pk=source_id).first()
    if source is None:
        return
    restrictions = list(source.view_restrictions.prefetch_related("groups"))
    for stand_in in stand_ins(source):
        stand_in.view_restrictions.all().delete()
        for restriction in restrictions:
            copy = PageViewRestriction.objects.create(
                page=stand_in,
                restriction_type=restriction.restriction_type,
                password=restriction.password,
            )
            copy.groups.set(restriction.groups.all())
        if stand_in.owner_id != source.owner_id:
            Page.objects.filter(pk=stand_in.pk).update(owner_id=source.owner_id)


def _restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).values("alias_of_id").first()
    if page is not None and page["alias_of_id"] is None:  # a stand-in's own copy does not count
        follow(instance.page_id)


def _groups_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _restriction_changed(sender, instance)


def _source_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id is None:
        for stand_in in stand_ins(instance):
            stand_in.delete()


post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="stand-ins")
post_delete.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="stand-ins")
m2m_changed.connect(
    _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="stand-ins"
)
pre_delete.connect(_source_deleted, dispatch_uid="stand-ins")
