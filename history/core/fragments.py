"""One address, two answers: htmx asks for the part of a page it swaps in, a browser (or a
link opened without JavaScript) for the whole page.

Both answers are marked `Vary: HX-Request`, so that a cache keeps them apart.
"""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers


def wants_fragment(request):
    """Whether htmx asks for a part of the page. A history-restore request (htmx's own cache
    of the page missed) needs the whole page back."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def vary_on_htmx(response):
    patch_vary_headers(response, ("HX-Request",))
    return response


def fragment_or_page(request, page_template, context, *, fragment_template="", fragment_html=""):
    """The fragment for htmx, the page `page_template` otherwise. The fragment is a template
    rendered with the same `context`, or `fragment_html` already rendered (a cached part)."""
    if wants_fragment(request):
        if fragment_template:
            response = TemplateResponse(request, fragment_template, context)
        else:
            response = HttpResponse(fragment_html)
    else:
        response = TemplateResponse(request, page_template, context)
    return vary_on_htmx(response)
