"""Reading offline: the web app manifest, the service worker, and the page the worker shows
for a page it does not keep.

The worker (`templates/core/service_worker.js`, served at /sw.js so that its scope covers
every language) keeps the public pages a reader opens and the files they use, and answers from
them when the network fails. It keeps only what the server marks public, the responses the
page cache shares between visitors: never the admin, a signed-in reader's pages (private), a
teacher copy (private, no-store), or anything but GET. Its own requests are ordinary GETs, so
what the server caches stays as it is.

The worker's text carries a version made from the names of the static files (hashed by their
content in production) and the release, so a deploy changes it and browsers install it.
"""

import hashlib
import json

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import page_cache, versions

# The worker's caches: the pages a reader opened (kept across versions of the worker), the
# files they use, and the offline pages of this version.
PAGES_CACHE = "pages"
FILES_CACHE = "files"
# What the offline page needs, kept as soon as the worker is installed.
OFFLINE_FILES = (
    "core/css/site.css",
    "core/js/site.js",
    "core/js/offline.js",
    "core/img/favicon.svg",
)
# Never answered by the worker: the admin, documents (some are private), short links.
NOT_KEPT = ("/admin/", "/documents/", "/l/")
# A page slower than this is read from the device, if it is kept there.
NETWORK_TIMEOUT_MS = 4000

# The header's and the page's colours (site.css: --paper-deep, --paper).
THEME_COLOUR = "#f3ede1"
BACKGROUND_COLOUR = "#fdfaf4"
ICONS = (
    ("core/img/favicon.svg", "any", "image/svg+xml", "any"),
    ("core/img/icon-192.png", "192x192", "image/png", "any"),
    ("core/img/icon-512.png", "512x512", "image/png", "any"),
    ("core/img/icon-maskable-512.png", "512x512", "image/png", "maskable"),
)


@require_safe
def manifest(request):
    """The web app manifest, in the language of the address."""
    page_cache.depends_on(request)
    start = f"/{translation.get_language()}/"  # the home page in this language
    data = {
        "name": str(settings.WAGTAIL_SITE_NAME),
        "short_name": _("Fifth Bulletin"),
        "description": _("One report from China's 1952 campaign against drugs, read closely."),
        "lang": translation.get_language(),
        "dir": "ltr",
        "id": start,
        "start_url": start,
        "scope": "/",
        "display": "minimal-ui",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "categories": ["education", "books"],
        "icons": [
            {"src": static(path), "sizes": sizes, "type": kind, "purpose": purpose}
            for path, sizes, kind, purpose in ICONS
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/manifest+json; charset=utf-8",
    )


def worker_version():
    """Changes when a static file changes (the hash of the static files' manifest, in
    production), when one the worker keeps is renamed, and with each release."""
    parts = [
        getattr(staticfiles_storage, "manifest_hash", ""),
        *(static(path) for path in OFFLINE_FILES),
        str(versions.current((versions.RELEASE,))[versions.RELEASE]),
    ]
    return hashlib.sha256(" ".join(parts).encode()).hexdigest()[:16]


def offline_pages():
    """{"/en/": "/en/offline/", ...}: the offline page of each language, by address prefix."""
    pages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            pages[f"/{code}/"] = reverse("offline_page")
    return pages


@require_safe
def service_worker(request):
    """The service worker's script. Browsers check it on each visit (no-cache), so a new
    version is found as soon as it is deployed."""
    config = {
        "version": worker_version(),
        "pagesCache": PAGES_CACHE,
        "filesCache": FILES_CACHE,
        "offlinePages": offline_pages(),
        "defaultPrefix": f"/{settings.LANGUAGE_CODE}/",
        "offlineFiles": [static(path) for path in OFFLINE_FILES],
        "staticUrl": settings.STATIC_URL,
        "mediaUrl": settings.MEDIA_URL,
        "notKept": list(NOT_KEPT),
        # Signed-in readers' pages and pages holding a CSRF token are private anyway (see
        # middleware.py); a session cookie the worker can see stops it keeping anything.
        "cookies": [settings.SESSION_COOKIE_NAME],
        "timeout": NETWORK_TIMEOUT_MS,
    }
    script = render_to_string("core/service_worker.js", {"config": json.dumps(config)})
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@require_safe
def offline_page(request):
    """What the worker shows, offline, for a page it does not keep: it lists those it keeps."""
    page_cache.depends_on(request)
    return render(
        request,
        "core/offline_page.html",
        {"pages_cache": PAGES_CACHE},
    )
