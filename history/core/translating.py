"""Loading translations of pages from PO files in `site/translations/<language>/`.

The editorial text of a page (not the document versions it carries) is translated with
wagtail-localize. Its strings travel as a PO file, the format wagtail-localize imports and
exports: one entry per string, `msgctxt` naming the field, `msgid` the source text and
`msgstr` the translation. Editors can keep translating in the admin afterwards; a translated
page edited there is not overwritten by the loader.
"""

import hashlib

import polib
from django.conf import settings
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from .loading import ContentError, digest_files
from .models import LoadedContent


def load_page_translations(loader, key, page):
    """Translate `page` into every other site language that has `<language>/<key>.po`."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == page.locale.language_code:
            continue
        path = loader.content_dir / "translations" / code / f"{key}.po"
        if path.exists():
            _translate(loader, key, page, Locale.objects.get(language_code=code), path)


def _translate(loader, key, page, locale, path):
    existing = page.get_translation_or_none(locale)
    # The translation depends on its file and on the source file of the page it translates
    # (not on edits made in the admin: editors sync those with wagtail-localize).
    source_record = LoadedContent.objects.filter(key=key).first()
    source_digest = source_record.digest if source_record else ""
    digest = hashlib.sha256(f"{digest_files(path)}:{source_digest}".encode()).hexdigest()

    def create_or_update(_page=None):
        source, created = TranslationSource.get_or_create_from_instance(page)
        if not created:
            source.update_from_db()
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        try:
            po = polib.pofile(str(path))
        except OSError as error:
            raise ContentError(f"{path}: not a valid PO file: {error}") from error
        po.metadata.pop("X-WagtailLocalize-TranslationID", None)
        for warning in translation.import_po(po):
            loader.say(f"  {path.name}: {warning}")
        # wagtail-localize publishes on transaction commit; the loader runs in one transaction
        # and must publish now (a deferred publish would restore a stale copy of the page).
        translation.save_target(publish=False)
        translated = page.get_translation(locale)
        translated.get_latest_revision().publish()
        return translated

    loader.sync_page(
        f"{key}@{locale.language_code}", digest, existing, create_or_update, create_or_update
    )
