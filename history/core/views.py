"""Small site-wide views."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Site


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
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
    return getattr(page, method)(request)
