"""Lessons and the lessons index."""

from .pages import LessonIndexPage, LessonPage  # noqa: F401
