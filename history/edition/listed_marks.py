"""Marks listed under the items of a content file (a glossary term's `mentions`, a person's),
loaded and written back by one set of functions.

Each mark names the edition it is in unless it is in the file's default edition: `{anchor,
version, phrase}` or `{edition, anchor, version, phrase}`. An edition's marks are replaced as
a set when they change in the file, unless an editor has changed them in the admin since.
"""

from wagtail.models import Locale

from history.core.exporting import Inline
from history.core.file_order import in_file_order
from history.core.loading import ContentError, require

from .models import EditionPage


def load_marks(loader, name, path, items, targets, model, default_edition):
    """Make the marks the `items` of the file `path` list, as `model` (a TextMark) objects
    pointing at `targets` ({item key: target}); `name` names their loads."""
    by_edition = {}
    for item in items:
        for index, mark in enumerate(item.get("mentions") or []):
            where = f"{path}: {item['key']} (mention {index + 1})"
            if not isinstance(mark, dict):
                raise ContentError(f"{where}: should be a mapping of anchor, version and phrase")
            by_edition.setdefault(mark.get("edition", default_edition), []).append(
                (where, item, mark)
            )
    editions = EditionPage.objects.filter(locale=Locale.get_default())
    for slug in dict.fromkeys([default_edition, *by_edition]):  # in the file's order
        edition = editions.filter(slug=slug).first()
        if edition is None:
            if slug == default_edition:
                continue  # a site without that edition (as some tests build) marks nothing
            raise ContentError(f"{path}: no edition “{slug}”")
        mentions = [
            (
                where,
                model(
                    edition=edition,
                    anchor=require(mark, "anchor", where),
                    version=require(mark, "version", where),
                    phrase=require(mark, "phrase", where),
                    **{model.target: targets[item["key"]]},
                ),
            )
            for where, item, mark in by_edition.get(slug, [])
        ]
        marks = [
            [m.anchor, m.version, m.phrase, getattr(m, model.target).slug] for _where, m in mentions
        ]
        queryset = model.objects.filter(edition=edition)
        loader.sync_set(f"{name}/{slug}", marks, queryset, mentions)


def marks_by_target(model, target_model, locale, default_edition):
    """{target slug: [mark]} of the `model` marks, in the order they were made. A mark may
    name a translation of its target or of its edition; the file names the source's."""
    slugs = dict(target_model.objects.filter(locale=locale).values_list("translation_key", "slug"))
    editions = dict(
        EditionPage.objects.filter(locale=locale).values_list("translation_key", "slug")
    )
    marks = {}
    for mention in model.objects.select_related("edition", model.target).order_by("pk"):
        edition = editions.get(mention.edition.translation_key, mention.edition.slug)
        place = {} if edition == default_edition else {"edition": edition}
        mark = Inline(
            **place, anchor=mention.anchor, version=mention.version, phrase=mention.phrase
        )
        target = getattr(mention, model.target)
        marks.setdefault(slugs[target.translation_key], []).append(mark)
    return marks


def marks_in_file_order(marks, written, default_edition):
    """`marks` in the order of the file's list `written`: the loader makes each edition's
    marks in turn, so the database's order need not be the order an editor wrote them in."""

    def key(mark):
        return (
            mark.get("edition", default_edition),
            mark.get("anchor"),
            mark.get("version"),
            mark.get("phrase"),
        )

    found = {key(mark): mark for mark in marks}
    order = [key(mark) for mark in written or [] if isinstance(mark, dict)]
    return [found[each] for each in in_file_order(found, order)]
