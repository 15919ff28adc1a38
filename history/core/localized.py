"""Translatable snippets in the reader's language, with the source language standing in for
what is not translated yet."""

from django.apps import apps
from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant


def localized(queryset):
    """The objects of `queryset` in the active language, one per translation key, in the
    queryset's order; an object not translated yet comes in the default language (and says
    so: its `locale.language_code` differs from the active one). One query."""
    active = get_supported_content_language_variant(translation.get_language())
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    rows = queryset.filter(locale__language_code__in={active, default}).select_related("locale")
    chosen = {}
    for obj in rows:
        if obj.translation_key not in chosen or obj.locale.language_code == active:
            chosen[obj.translation_key] = obj
    return list(chosen.values())


def localized_page(model):
    """The live page of type `model` (a page model, or its "app_label.ModelName" for a link to
    a page of an app this one does not import) in the active language, or None."""
    if isinstance(model, str):
        model = apps.get_model(model)
    return next(iter(localized(model.objects.live())), None)


def default_language():
    """The site's default content language code (e.g. "en")."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)
