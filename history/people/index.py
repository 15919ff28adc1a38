"""The people of the index in the reader's language, in index order, each with the
paragraphs of the editions that name them."""

from django.db.models import F
from wagtail.models import Locale

from history.core import versions
from history.core.localized import localized
from history.edition.passages import passages
from history.edition.references import ParagraphRef
from history.edition.series import series

from .persons import Person, PersonMention


def all_people(request):
    """Every person in the reader's language, sorted, each with `shown_sources` and
    `named_in`: [(edition title, [Passage])], the paragraphs that name them, the editions in
    the order of their dates and a paragraph once."""

    def build():
        people = localized(Person.objects.prefetch_related("sources__collection"))
        places = _named_in(request)
        # Their names as the source language writes them, for people without a Chinese name
        # (Harry J. Anslinger, shown as 哈里·J·安斯林格 on the Chinese site).
        source_names = dict(
            Person.objects.filter(locale=Locale.get_default()).values_list(
                "translation_key", "name"
            )
        )
        for person in people:
            original = source_names.get(person.translation_key, "")
            person.source_name = original if original != person.name and not person.name_zh else ""
            person.shown_sources = sorted(person.sources.all(), key=lambda record: record.key)
            person.named_in = places.get(person.translation_key, [])
        return sorted(people, key=lambda person: person.sort_key)

    return versions.cached("people", build, request=request, tags=TAGS)


TAGS = ("people", "edition", "core", versions.PAGES)


def _named_in(request):
    mentions = PersonMention.objects.select_related("person").order_by(
        "edition__path", "anchor", "pk"
    )
    refs = {}  # {person: {(paragraph, ""): the edition's translation key}}
    for mention in mentions.annotate(edition_key=F("edition__translation_key")):
        ref = (ParagraphRef(mention.edition_id, mention.anchor), "")
        refs.setdefault(mention.person.translation_key, {})[ref] = str(mention.edition_key)
    found = passages({ref for by_person in refs.values() for ref in by_person}, request)
    # The editions in the series' order, the order of their dates.
    order = {entry.translation_key: n for n, entry in enumerate(series(request))}
    named_in = {}
    for key, by_person in refs.items():
        groups = {}  # {edition: (its title, [Passage])}
        for ref, edition in by_person.items():
            if ref in found:
                groups.setdefault(edition, (found[ref].edition_title, []))[1].append(found[ref])
        named_in[key] = [
            (title, sorted(shown, key=lambda passage: passage.number))
            for edition, (title, shown) in sorted(
                groups.items(), key=lambda group: order.get(group[0], len(order))
            )
        ]
    return named_in
