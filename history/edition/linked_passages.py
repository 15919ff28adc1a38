"""What a reader sees of the editors' links between passages (passage_links.py): beside a
paragraph, the passages of other documents on the same subject, whichever edition the link was
made in. Each names its subject, its document and ¶, and opens with its first words in the
reader's version; the links, their editions and the passages come in a constant number of
queries (`passages()`).
"""

from dataclasses import dataclass

from django.utils.text import Truncator
from wagtail.models import Page

from history.core.localized import default_language, localized

from .passage_links import PassageLink
from .passages import Passage, passages
from .references import ParagraphRef

# How much of a linked passage's text is shown: words where words are spaced, else characters.
OPENING_WORDS = 12
OPENING_CHARACTERS = 30
UNSPACED_LANGUAGES = {"zh", "ja"}


@dataclass(frozen=True)
class LinkedPassage:
    subject: str
    passage: Passage

    @property
    def opening(self):
        """The first words of the passage."""
        text = Truncator(self.passage.text)
        if self.passage.language.lower().split("-")[0] in UNSPACED_LANGUAGES:
            return text.chars(OPENING_CHARACTERS)
        return text.words(OPENING_WORDS)


def linked_passages(edition, request):
    """{(anchor of `edition`, version code): [LinkedPassage]}: the links made in `edition` to
    other editions, then those made in others to it, each in the reader's language where it is
    translated; the passages in the version of the same code where the other edition has one,
    else in the reader's language. Links to passages that are gone or may not be read are left
    out."""
    source_id = (
        Page.objects.filter(
            translation_key=edition.translation_key, locale__language_code=default_language()
        )
        .values_list("pk", flat=True)
        .first()
    )
    pairs = []  # (anchor here, the paragraph there, the link)
    made_here = PassageLink.objects.filter(page__translation_key=edition.translation_key)
    for link in localized(made_here):
        pairs.append((link.anchor, ParagraphRef.parse(link.target), link))
    if source_id is not None:
        made_there = PassageLink.objects.filter(target__startswith=f"{source_id}:").exclude(
            page__translation_key=edition.translation_key
        )
        for link in localized(made_there.order_by("page_id", "sort_order")):
            here = ParagraphRef.parse(link.target)
            pairs.append((here.anchor, ParagraphRef(link.page_id, link.anchor), link))
    codes = [version.code for version in edition.all_versions]
    found = passages([(there, code) for _here, there, _link in pairs for code in codes], request)
    result = {}
    for here, there, link in pairs:
        for code in codes:
            passage = found.get((there, code))
            if passage is not None:
                result.setdefault((here, code), []).append(LinkedPassage(link.subject, passage))
    return result
