"""Small site-wide views."""

import sys

from django.db import DatabaseError, connections
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template import loader
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Site

from . import page_cache


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    page_cache.depends_on(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(public=True, max_age=86400)
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; answer without rendering a 404."""
    page_cache.depends_on(request)
    return redirect(static("core/img/favicon.svg"), permanent=True)


@require_safe
def page_file(request, page_path, filename):
    """A data file that a page publishes beside itself, such as `/en/map/data.geojson`.

    Wagtail routes only paths that end in a slash, so files are found here: the page at
    `page_path` (live, public, in the reader's language) names its files in `published_files`
    ({filename: method name}); anything else is a 404.
    """
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site")
    components = [part for part in page_path.split("/") if part]
    page = site.root_page.localized.specific.route(request, components).page.specific
    if page.get_view_restrictions().exists():
        raise Http404("Not public")
    method = getattr(page, "published_files", {}).get(filename)
    if method is None:
        raise Http404("No such file")
    page_cache.depends_on_page(request, page)
    return getattr(page, method)(request)


def server_error(request):
    """The 500 handler: 503 with a retry time when the database is unavailable, else 500.

    Django calls it while the exception is being handled, so `sys.exc_info()` names it. Both
    pages are plain templates (no database, no static manifest), so they render when those fail.
    A failed database connection is closed: the next request opens a fresh one, and the site
    serves again as soon as the database is back, without a restart.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DatabaseError):
        for connection in connections.all(initialized_only=True):
            if not connection.in_atomic_block:  # a transaction still open closes with its block
                connection.close()
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
    else:
        response = HttpResponse(loader.get_template("500.html").render(), status=500)
    patch_cache_control(response, no_store=True)
    return response
