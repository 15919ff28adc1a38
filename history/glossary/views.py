"""The glossary A–Z and a term's short entry."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from history.core import generation
from history.core.localized import localized

from .terms import GlossaryTerm


def all_terms():
    """Every term in the reader's language, in A–Z order (by pinyin in Chinese)."""

    def build():
        terms = localized(GlossaryTerm.objects.prefetch_related("sources__collection"))
        for term in terms:
            term.shown_sources = sorted(term.sources.all(), key=lambda record: record.key)
        return sorted(terms, key=lambda term: term.sort_key)

    return generation.cached(f"glossary:{get_language()}", build)


def glossary(request, page):
    letters = {}
    for term in all_terms():
        letters.setdefault(term.letter, []).append(term)
    context = page.get_context(request)
    context["letters"] = sorted(letters.items())
    return TemplateResponse(request, page.get_template(request), context)


def term(request, page, slug):
    found = next((term for term in all_terms() if term.slug == slug), None)
    if found is None:
        raise Http404("No such term")
    context = page.get_context(request)
    context["term"] = found
    fragment = request.htmx and not request.htmx.history_restore_request
    template = "glossary/includes/term_popover.html" if fragment else "glossary/term_page.html"
    response = TemplateResponse(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response
