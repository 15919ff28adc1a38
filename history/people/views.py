"""The index of people, and a person's short entry."""

from django.http import Http404
from django.template.response import TemplateResponse

from history.core.fragments import fragment_or_page

from .index import all_people
from .schema import person_json_ld


def index(request, page):
    context = page.get_context(request)
    context["people"] = all_people(request)
    return TemplateResponse(request, page.get_template(request), context)


def person(request, page, slug):
    found = next((person for person in all_people(request) if person.slug == slug), None)
    if found is None:
        raise Http404("No such person")
    context = page.get_context(request)
    context["person"] = found
    context["entry_url"] = f"{page.get_url(request)}#person-{slug}"
    context["json_ld"] = person_json_ld(found, request.build_absolute_uri(request.path))
    return fragment_or_page(
        request,
        "people/person_page.html",
        context,
        fragment_template="people/includes/person_popover.html",
    )
