"""What apps above the edition add to its reading view, found through Wagtail's hooks.

The edition imports none of them. An app that marks words in the text registers
`edition_text_links`, a function (edition, request) -> {(anchor, version code): [Link]}; an app
that relates things to the edition's paragraphs registers `edition_events`, a function (edition,
request) -> [{"title", "date_label", "url", "paragraphs": [anchor]}]. Each answer is cached for
the current content generation.
"""

from django.utils.translation import get_language
from wagtail import hooks

from history.core import generation

TEXT_LINKS = "edition_text_links"
EVENTS = "edition_events"


def _answers(hook, edition, request):
    for provider in hooks.get_hooks(hook):
        key = (
            f"related:{provider.__module__}.{provider.__name__}:{edition.pk}:"
            f"{get_language()}:{request.get_host()}"
        )
        yield generation.cached(key, lambda provider=provider: provider(edition, request))


def text_links(edition, request):
    """{(anchor, version code): [Link]}: every registered app's links into the text."""
    links = {}
    for answer in _answers(TEXT_LINKS, edition, request):
        for key, found in answer.items():
            links.setdefault(key, []).extend(found)
    return links


def events(edition, request):
    """The events every registered app relates to the edition's paragraphs."""
    return [event for answer in _answers(EVENTS, edition, request) for event in answer]
