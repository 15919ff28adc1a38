"""The glossary A–Z (one page, or a page per letter) and a term's short entry."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse

from history.core import versions
from history.core.fragments import fragment_or_page

from .az import all_terms, by_letter, entry_url, letter_path, letter_url, letters


def glossary(request, page, letter=None):
    """The A–Z; with `letter` (a page of its own once the glossary is split by letter), that
    letter's terms. A letter asked for while the A–Z is one page leads to its section."""
    grouped = letters()
    if letter is not None:
        letter = letter.upper()
        if letter not in grouped:
            raise Http404("No such letter")
        if not by_letter() or not letter_path(letter):
            return redirect(letter_url(page.get_url(request), letter))
    elif by_letter() and grouped:
        letter = next(iter(grouped))

    def render_az():
        base = page.get_url(request) if letter else ""
        shown = [(letter, grouped[letter])] if letter else list(grouped.items())
        letter_links = [(each, letter_url(base, each), each == letter) for each in grouped]
        return render_to_string(
            "glossary/includes/az.html",
            {"letters": shown, "letter_links": letter_links, "base": base},
            request,
        )

    context = page.get_context(request)
    # The A–Z, finished: a page view reads one string; kept in the process too.
    context["az"] = versions.cached(
        "glossary-az", render_az, vary=[letter or ""], request=request, in_process=True
    )
    return TemplateResponse(request, page.get_template(request), context)


def term(request, page, slug):
    found = next((term for term in all_terms() if term.slug == slug), None)
    if found is None:
        raise Http404("No such term")
    context = page.get_context(request)
    context["term"] = found
    context["entry_url"] = entry_url(page.get_url(request), slug)
    return fragment_or_page(
        request,
        "glossary/term_page.html",
        context,
        fragment_template="glossary/includes/term_popover.html",
    )
