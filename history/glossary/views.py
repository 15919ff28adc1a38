"""The glossary A–Z and a term's short entry."""

from django.http import Http404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from history.core import versions
from history.core.fragments import fragment_or_page
from history.core.localized import localized

from .terms import GlossaryTerm


def all_terms():
    """Every term in the reader's language, in A–Z order (by pinyin in Chinese)."""

    def build():
        terms = localized(GlossaryTerm.objects.prefetch_related("sources__collection"))
        for term in terms:
            term.shown_sources = sorted(term.sources.all(), key=lambda record: record.key)
        return sorted(terms, key=lambda term: term.sort_key)

    return versions.cached("glossary", build, in_process=True)


def glossary(request, page):
    def render_az():
        letters = {}
        for term in all_terms():
            letters.setdefault(term.letter, []).append(term)
        return render_to_string(
            "glossary/includes/az.html", {"letters": sorted(letters.items())}, request
        )

    context = page.get_context(request)
    # The A–Z, finished: a page view reads one string, however many terms there are; kept
    # in the process too, since it grows with the glossary.
    context["az"] = versions.cached("glossary-az", render_az, request=request, in_process=True)
    return TemplateResponse(request, page.get_template(request), context)


def term(request, page, slug):
    found = next((term for term in all_terms() if term.slug == slug), None)
    if found is None:
        raise Http404("No such term")
    context = page.get_context(request)
    context["term"] = found
    return fragment_or_page(
        request,
        "glossary/term_page.html",
        context,
        fragment_template="glossary/includes/term_popover.html",
    )
