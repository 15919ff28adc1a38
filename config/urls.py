import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views import static as media_views
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from history.core import offline
from history.core import views as core_views
from history.core.sitemaps import MultilingualSitemap
from history.lessons import short_links
from history.opendata.sitemaps import OpenDataSitemap

handler500 = "history.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap, "data": OpenDataSitemap}},
        name="sitemap",
    ),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    # At the root, so that the service worker's scope covers every language.
    path("sw.js", offline.service_worker, name="service_worker"),
    # A lesson's short link and its QR code, for projecting in class.
    path("l/<slug:code>/", short_links.short_link, name="lesson_short_link"),
    path("l/<slug:code>/qr.svg", short_links.qr_code, name="lesson_qr_code"),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploads: in production the web server in front serves them (deploy/nginx.conf); a server
    # without one (`make run`, the classroom server) serves them from here.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            media_views.serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

# Public pages live under a language prefix: /en/..., /zh-hans/...
urlpatterns += i18n_patterns(
    # The open data: a read-only JSON API, CSV and GeoJSON downloads, and the page on them.
    path("", include("history.opendata.urls")),
    # Data files that pages publish beside themselves (Wagtail routes only paths ending in /).
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)*)(?P<filename>[\w\-]+\.(?:json|geojson|xml))$",
        core_views.page_file,
        name="page_file",
    ),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("offline/", offline.offline_page, name="offline_page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
