"""The short link and QR code that open a lesson in class."""

import segno
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.http import require_safe

from history.core.localized import localized

from .pages import LessonPage


def _lesson_for_code(code):
    found = localized(LessonPage.objects.live().public().filter(short_code=code))
    if not found:
        raise Http404("No lesson has this short link")
    return found[0]


@require_safe
def short_link(request, code):
    return HttpResponseRedirect(_lesson_for_code(code).url)


@require_safe
def qr_code(request, code):
    """The short link as a QR code (SVG), drawn on the server for projecting in class."""
    lesson = _lesson_for_code(code)
    url = request.build_absolute_uri(f"/l/{lesson.short_code}/")
    try:
        code = segno.make(url, error="m")
    except segno.DataOverflowError:
        return HttpResponseBadRequest("This address is too long for a QR code.")
    svg = code.svg_inline(scale=8, dark="#1d1b18", light="#ffffff")
    return HttpResponse(svg, content_type="image/svg+xml")
