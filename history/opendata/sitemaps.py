"""The page on the open data in the sitemap: a view in each language, not a Wagtail page, so
the pages' sitemap does not list it."""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from history.core.sitemaps import hreflang_alternates


class OpenDataSitemap(Sitemap):
    def items(self):
        return [code for code, _name in settings.LANGUAGES]

    def _urls(self, page, protocol, domain):
        root = self.get_wagtail_site().root_url
        versions = {}
        for code in self.paginator.page(page).object_list:
            with translation.override(code):
                versions[code] = root + reverse("open_data:page")
        alternates = hreflang_alternates(versions)
        # The page changes with the site's content: without a date here the sitemap as a
        # whole would lose its Last-Modified header.
        self.latest_lastmod = Page.objects.live().aggregate(latest=Max("last_published_at"))[
            "latest"
        ]
        return [
            {"item": code, "location": url, "lastmod": None, "alternates": alternates}
            for code, url in versions.items()
        ]
