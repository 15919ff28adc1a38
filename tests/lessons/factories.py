"""A teacher's published lesson, for tests of lessons, permissions, caching and round trips."""

from wagtail.models import Locale

from history.lessons.pages import LessonIndexPage, LessonPage


def published_lesson(owner, slug, **fields):
    """A lesson under the English lessons index, owned and published by `owner` (its Chinese
    stand-in follows); `fields` replace the defaults."""
    values = {
        "title": f"Lesson {slug}",
        "author_name": owner.first_name,
        "level": "secondary",
        "duration": 40,
        "question": "Why?",
        "objectives": "Read closely.",
        "summary": "A lesson.",
        **fields,
    }
    page = LessonPage(slug=slug, owner=owner, **values)
    LessonIndexPage.objects.get(locale=Locale.get_default()).add_child(instance=page)
    page.save_revision(user=owner).publish()
    return LessonPage.objects.get(pk=page.pk)
