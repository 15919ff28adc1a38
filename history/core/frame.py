"""The site frame (home link, main menu, each language's home page), built once and cached.

Every public page shows the same frame; building it costs several queries, so it is cached
per site and language, and dropped whenever a page is published, unpublished, moved or
deleted (see `signals.py`).
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site

GENERATION_KEY = "site-frame-generation"


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh start never meets frames cached under an earlier, evicted generation.
        generation = time.time_ns()
        cache.set(GENERATION_KEY, generation, None)
    return generation


def invalidate():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), None)


def site_frame(request):
    """{"home": {...}, "menu": [...], "homes": {language: url}} for the request's site."""
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "menu": [], "homes": {}}
    language = translation.get_language()
    key = f"site-frame:{_generation()}:{site.pk}:{language}"
    frame = cache.get(key)
    if frame is None:
        frame = _build(request, site)
        cache.set(key, frame, 60 * 60)
    return frame


def _build(request, site):
    home = site.root_page.localized.specific
    menu = [
        {
            "title": getattr(page, "short_title", "") or page.title,
            "url": page.get_url(request),
            "path": page.path,
        }
        for page in home.get_children().live().public().in_menu().specific()
    ]
    homes = {}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    translations = {
        page.locale_id: page
        for page in home.get_translations(inclusive=True).live().select_related("locale")
    }
    for code, _name in settings.LANGUAGES:
        locale = locales.get(code)
        page = translations.get(locale.pk) if locale else None
        if page is not None:
            with translation.override(code):
                homes[code] = page.get_url(request)
    return {
        "home": {"title": home.title, "url": home.get_url(request), "path": home.path},
        "menu": menu,
        "homes": homes,
    }
