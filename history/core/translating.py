"""Loading translations from PO files in `site/translations/<language>/`.

The editorial text of pages and snippets (not the document versions an edition carries) is
translated with wagtail-localize. Its strings travel as PO files, the format wagtail-localize
imports and exports: `msgctxt` names the field, `msgid` is the source text and `msgstr` the
translation.

- A page has its own file, `<language>/<key>.po`.
- A collection of snippets loaded from one content file (places, figures, events...) shares
  one file, `<language>/<collection>.po`, whose contexts are prefixed with the item's key:
  `msgctxt "rehe:status_1952"`.

Editors can keep translating in the admin afterwards; an object whose translation was edited
there is not overwritten by the loader.
"""

import hashlib

import polib
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    MissingRelatedObjectError,
    MissingTranslationError,
    Translation,
    TranslationSource,
)

from .loading import ContentError, digest_files, read_text
from .models import LoadedContent
from .stand_ins import follow


def other_locales(source_locale):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code != source_locale.language_code:
            yield Locale.objects.get(language_code=code)


def load_page_translations(loader, key, page):
    """Translate `page` into every other site language that has `<language>/<key>.po`."""
    for locale in other_locales(page.locale):
        path = loader.content_dir / "translations" / locale.language_code / f"{key}.po"
        if path.exists():
            _translate(loader, key, page, locale, read_po(path), digest_files(path), path)


def stand_in_where_untranslated(loader, key, page):
    """In each other site language without a translation of `page`, put a Wagtail alias of
    it (with its parents, if they are not translated either): the page is then shown there in
    its own language, and a translation loaded later replaces the alias. (Pages whose class
    sets `stand_in_translations` get this on publishing too; see signals.py.)"""
    for locale in other_locales(page.locale):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
            follow(page.pk)  # as private as the page
            if loader:
                loader.changed_something(f"  {key}: shown in {locale.language_code} untranslated")


def load_collection_translations(loader, collection, objects):
    """Translate the snippets `objects` ({item key: instance}, in the order they must be
    translated: an object before those that point to it) from `<language>/<collection>.po`."""
    if not objects:
        return
    source_locale = next(iter(objects.values())).locale
    for locale in other_locales(source_locale):
        path = loader.content_dir / "translations" / locale.language_code / f"{collection}.po"
        if not path.exists():
            continue
        entries = {}
        for entry in read_po(path):
            key, separator, context = (entry.msgctxt or "").partition(":")
            if not separator or key not in objects:
                raise ContentError(
                    f"{path}: msgctxt “{entry.msgctxt}” names no item of {collection}"
                )
            entries.setdefault(key, []).append((context, entry))
        for key, obj in objects.items():
            if key not in entries:
                continue
            po = polib.POFile()
            po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
            for context, entry in entries[key]:
                po.append(polib.POEntry(msgctxt=context, msgid=entry.msgid, msgstr=entry.msgstr))
            digest = hashlib.sha256(str(po).encode()).hexdigest()
            _translate(loader, f"{collection}/{key}", obj, locale, po, digest, path)


def read_po(path):
    text = read_text(path)
    try:
        # polib takes a file's content as well as its path.
        return polib.pofile(text)
    except (OSError, ValueError) as error:
        raise ContentError(f"{path}: not a valid PO file: {error}") from error


def _translate(loader, key, obj, locale, po, po_digest, path):
    existing = obj.get_translation_or_none(locale)
    if getattr(existing, "alias_of_id", None):
        existing = None  # a stand-in, not a translation: wagtail-localize converts it
    # The translation depends on its strings and on the source it translates (not on edits
    # made in the admin: editors sync those with wagtail-localize).
    source_record = LoadedContent.objects.filter(key=key).first()
    source_digest = source_record.digest if source_record else ""
    digest = hashlib.sha256(f"{po_digest}:{source_digest}".encode()).hexdigest()

    def create_or_update(_existing=None):
        source, created = TranslationSource.get_or_create_from_instance(obj)
        if not created:
            source.update_from_db()
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        for warning in translation.import_po(po):
            loader.say(f"  {path.name}: {warning}")
        try:
            if isinstance(obj, Page):
                # wagtail-localize publishes pages on transaction commit; the loader runs in
                # one transaction and must publish now (a deferred publish would restore a
                # stale copy of the page).
                translation.save_target(publish=False)
                translated = obj.get_translation(locale)
                translated.get_latest_revision().publish()
            else:
                translation.save_target(publish=True)
                translated = obj.get_translation(locale)
        except (MissingTranslationError, MissingRelatedObjectError) as error:
            raise ContentError(f"{path}: {key}: incomplete translation ({error})") from error
        return translated

    loader.sync(
        f"{key}@{locale.language_code}", digest, existing, create_or_update, create_or_update
    )
