"""The site frame (home link, main menu, each language's home page), built once and cached.

Every public page shows the same frame; building it costs several queries, so it is cached
per site and language, under the version of the `frame` tag, which a change to a home page or
a page of the menu moves on (see `versions.py`).
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Site

from . import versions


def site_frame(request):
    """{"home": {...}, "menu": [...], "homes": {language: url}, "search": url or "",
    "footer": [...]} for the request's site; read once per request (the header's parts each
    ask for it)."""
    if not hasattr(request, "_site_frame"):
        request._site_frame = _cached_frame(request)
    return request._site_frame


def _cached_frame(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"home": None, "menu": [], "homes": {}, "search": "", "footer": []}
    return versions.cached(
        "site-frame",
        lambda: _build(request, site),
        vary=[site.pk],
        request=request,
        tags=[versions.FRAME],
        timeout=60 * 60,
    )


def _build(request, site):
    home = site.root_page.localized.specific
    children = list(home.get_children().live().public().specific())
    menu = [
        {
            "title": getattr(page, "short_title", "") or page.title,
            "url": page.get_url(request),
            "path": page.path,
        }
        for page in children
        if page.show_in_menus
    ]
    search = next((page for page in children if getattr(page, "is_site_search", False)), None)
    # Pages about the site itself, linked from every page's footer.
    footer = [
        {"title": getattr(page, "short_title", "") or page.title, "url": page.get_url(request)}
        for page in children
        if getattr(page, "in_footer", False)
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
        "search": search.get_url(request) if search else "",
        "footer": footer,
    }
