"""A lesson in its three forms (the page, the student handout, the teacher copy) and the lessons
index with its filters, as routed by the lesson pages."""

from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from history.core import versions
from history.core.fragments import fragment_or_page
from history.edition.passages import readable_editions

from .blocks import LEVELS, SKILLS
from .excerpts import excerpt_editions, resolve
from .permissions import is_teaching_staff
from .pieces import map_view, timeline_range

RANGE_BLOCKS = ("excerpt", "organiser")
# The blocks a student answers in the page (the printed forms have lines to write on instead).
ANSWERED_BLOCKS = ("question", "organiser")


def lesson(request, page, form):
    """`form` is "page", "handout" (for students, to print) or "teacher" (with answers)."""
    teacher = is_teaching_staff(request.user)
    if form == "teacher" and not teacher:
        if request.user.is_authenticated:
            raise PermissionDenied("The teacher copy is for teachers and editors.")
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    show_teacher = teacher and form != "handout"
    answers = form == "page" and any(item["type"] in ANSWERED_BLOCKS for item in page.body.raw_data)
    context = page.get_context(request)
    parts = _lesson_parts(request, page, show_teacher, answers)
    context.update(
        parts,
        form=form,
        answers=answers,
        untranslated=parts["content_language"] != get_language(),
        # Lessons are written in the default language; the editors translate them.
        is_translation=not page.alias_of_id and page.locale_id != Locale.get_default().pk,
        show_teacher=show_teacher,
        short_url=request.build_absolute_uri(f"/l/{page.short_code}/"),
        # The handout and the teacher copy print the lesson: its page is the canonical one.
        canonical=request.build_absolute_uri(parts["canonical_url"]),
    )
    template = {
        "page": "lessons/lesson_page.html",
        "handout": "lessons/lesson_print.html",
        "teacher": "lessons/lesson_print.html",
    }[form]
    response = TemplateResponse(request, template, context)
    patch_vary_headers(response, ("Cookie",))
    if show_teacher:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _lesson_parts(request, page, show_teacher, answers):
    """The lesson's blocks rendered, the index's address and the language the lesson is in:
    made once per revision, language, audience, form and content change (previews afresh).
    With `answers`, questions and organisers carry fields to answer in."""

    def render():
        content_language = get_language()
        canonical_url = page.get_url(request)
        if page.alias_of_id:
            # A stand-in for a translation not made yet: the lesson is in its source's
            # language, and lives at its source's address.
            source = Page.objects.select_related("locale").get(pk=page.alias_of_id)
            content_language = source.locale.language_code
            canonical_url = source.get_url(request)
        return {
            "body": render_body(),
            "index_url": page.get_parent().get_url(request),
            "content_language": content_language,
            "canonical_url": canonical_url,
        }

    def render_body():
        values = [item["value"] for item in page.body.raw_data if item["type"] in RANGE_BLOCKS]
        editions = readable_editions(excerpt_editions(values))
        context = {
            "page": page,
            "request": request,
            "show_teacher": show_teacher,
            "answers": answers,
            "resolve": lambda value: resolve(value, editions, request),
            "map_view": lambda value: map_view(value, request),
            "timeline_range": lambda value: timeline_range(value, request),
        }
        return page.body.render_as_block(context)

    if getattr(request, "is_preview", False):
        return render()
    audience = "teacher" if show_teacher else "public"
    fields = "answers" if answers else "lines"
    return versions.cached(
        "lesson", render, vary=[page.cache_key, audience, fields], request=request
    )


def lesson_index(request, page):
    level = request.GET.get("level", "")
    skill = request.GET.get("skill", "")
    level = level if level in LEVELS else ""
    skill = skill if skill in SKILLS else ""

    def render_list():
        lessons = page.published_lessons()
        if level:
            lessons = lessons.filter(level=level)
        if skill:
            lessons = lessons.filter(skills__contains=skill)
        return render_to_string(
            "lessons/includes/lesson_list.html", {"lessons": lessons.order_by("title")}, request
        )

    context = page.get_context(request)
    # The list, finished, per filter and language until content changes.
    context.update(
        lesson_list=versions.cached(
            "lesson-list", render_list, vary=[page.pk, level, skill], request=request
        ),
        level=level,
        skill=skill,
        levels=list(LEVELS.items()),
        skills=list(SKILLS.items()),
        query=urlencode([(k, v) for k, v in (("level", level), ("skill", skill)) if v]),
    )
    return fragment_or_page(
        request, "lessons/lesson_index_page.html", context, fragment_html=context["lesson_list"]
    )
