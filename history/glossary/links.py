"""Terms marked in an edition's text, linked to the glossary (see history.edition.related)."""

from history.core.authority import authority_uris
from history.core.localized import localized
from history.edition.reading import Link

from .az import entry_url
from .pages import GlossaryPage
from .terms import TermMention


def term_links(edition, request):
    """{(anchor, version): [Link]} for the terms marked in `edition` (any language): each
    links to its glossary entry, and opens its short definition in place."""
    glossary = next(iter(localized(GlossaryPage.objects.live())), None)
    if glossary is None:
        return {}
    base = glossary.get_url(request)
    links = {}
    for mention, term in TermMention.with_targets(edition):
        links.setdefault((mention.anchor, mention.version), []).append(
            Link(
                mention.phrase,
                entry_url(base, term.slug),
                term.term,
                "term-link",
                f"{base}term/{term.slug}/",
                authorities=tuple(authority_uris(term)),
            )
        )
    return links
