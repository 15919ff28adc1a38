"""What apps above the edition, and its own modules above its views, add to its reading view,
found through Wagtail's hooks.

The edition's views import none of them. An app that marks words in the text registers
`edition_text_links`, a function (edition, request) -> {(anchor, version code): [Link]}; an app
that relates things to the edition's paragraphs registers `edition_events`, a function (edition,
request) -> [{"title", "date_label", "url", "paragraphs": [anchor]}]. `edition_passage_links`,
a function (edition, request) -> {(anchor, version code): [LinkedPassage]}, is answered by the
edition's linked_passages.py (it reads other editions through passages.py, which the views
cannot import). Each answer is kept until the content of the app that gives it, or the page
tree, changes; a page showing it depends on those too.
"""

from django.apps import apps
from wagtail import hooks

from history.core import versions

TEXT_LINKS = "edition_text_links"
EVENTS = "edition_events"
PASSAGE_LINKS = "edition_passage_links"


def _answers(hook, edition, request):
    for provider in hooks.get_hooks(hook):
        yield versions.cached(
            f"related-{hook}",
            lambda provider=provider: provider(edition, request),
            vary=[provider.__module__, provider.__name__, edition.pk],
            request=request,
            tags=_tags([provider]),
        )


def tags_of(hook):
    """The tags of the apps that answer `hook`, and the page tree's."""
    return _tags(hooks.get_hooks(hook))


def _tags(providers):
    """The tags of the apps the `providers` belong to, and the page tree's; None (every kind
    of content) if one belongs to no app."""
    configs = [apps.get_containing_app_config(provider.__module__) for provider in providers]
    if None in configs:
        return None
    return (*sorted({config.label for config in configs}), versions.PAGES)


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


def passage_links(edition, request, code):
    """{anchor: [linked passages]}: the passages of other documents linked to each paragraph,
    for a reader of version `code`."""
    links = {}
    for answer in _answers(PASSAGE_LINKS, edition, request):
        for (anchor, version), found in answer.items():
            if version == code:
                links.setdefault(anchor, []).extend(found)
    return links
