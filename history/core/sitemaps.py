"""The sitemap: every public page, in every site language, each with the addresses of its
translations (hreflang alternates); pages with views of their own below them (an event, a
place, a term, the parallel view) list those too, through `sitemap_subpaths()`."""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree only; each language has a tree of its own
    (the root's translations), so list them all."""

    def public_pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        # A stand-in for a translation not made yet (an alias) names its source as canonical.
        return pages.live().public().filter(alias_of__isnull=True)

    def items(self):
        return self.public_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        translations = {}  # {translation key: {language: page URL}}
        others = self.public_pages().filter(translation_key__in={p.translation_key for p in pages})
        for other in others.order_by("path"):
            translations.setdefault(other.translation_key, {})[languages[other.locale_id]] = (
                other.get_full_url(self.request)
            )
        urls = []
        for item in pages:
            lastmod = item.last_published_at or item.latest_revision_created_at
            versions = translations.get(item.translation_key, {})
            subpaths = getattr(item, "sitemap_subpaths", list)
            for subpath in ["", *subpaths()]:
                urls.append(
                    {
                        "item": item,
                        "location": item.get_full_url(self.request) + subpath,
                        "lastmod": lastmod,
                        "alternates": hreflang_alternates(versions, subpath),
                    }
                )
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def hreflang_alternates(versions, subpath=""):
    """hreflang links, the page's own language included, with x-default for the site's
    default language; none for a page that exists in one language only."""
    if len(versions) < 2:
        return []
    links = [{"lang_code": code, "location": url + subpath} for code, url in versions.items()]
    if settings.LANGUAGE_CODE in versions:
        links.append(
            {"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE] + subpath}
        )
    return links
