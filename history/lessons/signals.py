"""A new lessons index (the index translated into a new language, say) is open to teachers at
once, as `load_site` would leave it."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save

from .pages import LessonIndexPage
from .permissions import TEACHERS, grant_teachers


def _open_to_teachers(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    teachers = Group.objects.filter(name=TEACHERS).first()
    if teachers is not None:
        grant_teachers(teachers, instance)


post_save.connect(_open_to_teachers, sender=LessonIndexPage, dispatch_uid="lessons-teachers")
