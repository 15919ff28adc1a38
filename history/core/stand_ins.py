"""A stand-in (an alias of a page shown, untranslated, in another language: see
`translating.stand_in_where_untranslated`) is the same page for its readers: it is as private
as its source, has the same owner, and goes when its source is deleted. Wagtail keeps an
alias's content in step with its source, but not these.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction


class StandInTranslations:
    """For a page class whose pages readers of every language should find (an essay, a
    lesson): a newly published page gets stand-ins at once (see signals.py), and a stand-in is
    served under its copies of its source's restrictions. (Wagtail checks an alias against
    its source's own restrictions and its own ancestors', not its source's ancestors'.)"""

    stand_in_translations = True

    def get_view_restrictions(self):
        if self.alias_of_id is None:
            return super().get_view_restrictions()
        # Its own copies in place of its source's (one password to give, not two), and its
        # parents' as Wagtail finds them.
        pages = {self.pk}
        pages.update(parent.alias_of_id or parent.pk for parent in self.get_ancestors())
        return PageViewRestriction.objects.filter(page_id__in=pages)


def stand_ins(source):
    """The stand-ins of the page `source`: its aliases in other languages."""
    return Page.objects.filter(alias_of_id=source.pk, translation_key=source.translation_key)


def follow(source_id):
    """Give the stand-ins of the page `source_id` its view restrictions (its own and those it
    inherits from its parents) and its owner."""
    source = Page.objects.filter(pk=source_id).first()
    if source is None:
        return
    restrictions = list(source.get_view_restrictions().prefetch_related("groups"))
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
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None or page.alias_of_id is not None:  # a stand-in's own copy does not count
        return
    # The restriction reaches the page and the pages below it.
    below = Page.objects.filter(path__startswith=page.path, alias_of__isnull=True)
    sources = Page.objects.filter(alias_of__in=below).values_list("alias_of_id", flat=True)
    for source_id in set(sources):
        follow(source_id)


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
