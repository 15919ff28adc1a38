"""The site frame: navigation, language links, and the editors' userbar."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.http import urlencode
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page

from .. import versions
from ..frame import site_frame

register = template.Library()

MAX_KEPT_VALUE = 200  # characters: the longest search query
MAX_KEPT_PAIRS = 20


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    frame = site_frame(context["request"])
    current = context.get("page")
    return {
        "items": frame["menu"],
        "current_path": current.path if isinstance(current, Page) else "",
    }


@register.inclusion_tag("includes/site_brand.html", takes_context=True)
def site_brand(context):
    """The site's name, linking home, and the button that opens the menu on a phone."""
    current = context.get("page")
    return {
        "home": site_frame(context["request"])["home"],
        "current_path": current.path if isinstance(current, Page) else "",
    }


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    """The links of every page's footer: the pages about the site (its About page)."""
    return {"items": site_frame(context["request"]).get("footer", [])}


@register.inclusion_tag("includes/site_search.html", takes_context=True)
def site_search(context):
    """The frame's search field (a plain form: it works without JavaScript)."""
    return {"url": site_frame(context["request"])["search"]}


def _translation_urls(context):
    """{language: URL of this view of the page in it}, computed once per request.

    A view below the page (e.g. its parallel view) and the filters the page knows carry over,
    so the reader lands on the same view in the other language.
    """
    request = context["request"]
    if not hasattr(request, "_page_translation_urls"):
        urls = {}
        page = context.get("page")
        if isinstance(page, Page) and page.pk:
            page_url = page.get_url(request) or ""
            suffix = request.path[len(page_url) :] if request.path.startswith(page_url) else ""
            query = known_query(page, request.GET)
            if query:
                suffix += "?" + query
            for code, url in _page_translations(page, request).items():
                urls[code] = url + suffix
        else:
            # A view that is no page (the open data page) names its translations itself.
            urls = dict(context.get("translation_urls") or {})
        request._page_translation_urls = urls
    return request._page_translation_urls


def known_query(page, query):
    """The part of `query` that `page` reads (its `query_parameters`), so that no other text
    of the address is copied into every link: short values only, and a few of them."""
    names = getattr(page, "query_parameters", ())
    pairs = [
        (name, value)
        for name in names
        for value in query.getlist(name)
        if value and len(value) <= MAX_KEPT_VALUE
    ]
    return urlencode(pairs[:MAX_KEPT_PAIRS])


def _page_translations(page, request):
    """{language: URL} of the live translations of `page`, cached until content changes."""

    def find():
        urls = {}
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        for translated in translations:
            code = translated.locale.language_code
            with translation.override(code):
                urls[code] = translated.get_url(request)
        return urls

    return versions.cached("page-translations", find, vary=[page.translation_key], request=request)


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language this page exists in."""
    request = context["request"]
    urls = _translation_urls(context)
    links = [{"code": code, "url": request.build_absolute_uri(url)} for code, url in urls.items()]
    default = urls.get(settings.LANGUAGE_CODE)
    return {
        "links": links if len(links) > 1 else [],
        "default": request.build_absolute_uri(default) if default and len(links) > 1 else "",
    }


@register.inclusion_tag("includes/canonical.html", takes_context=True)
def canonical_link(context):
    """<link rel="canonical">: the view's own address without its query string (filters and
    sorting make no page of their own), unless the view names another as `canonical` (an
    absolute URL: the source of a stand-in translation, the lesson a handout prints)."""
    request = context["request"]
    return {"url": context.get("canonical") or request.build_absolute_uri(request.path)}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each site language, or to that language's home page where the
    page is not translated yet."""
    request = context["request"]
    links = {**site_frame(request)["homes"], **_translation_urls(context)}
    current_language = translation.get_language()
    return {
        "links": [
            {"code": code, "name": name, "url": links[code], "current": code == current_language}
            for code, name in settings.LANGUAGES
            if code in links
        ]
    }


@register.simple_tag(takes_context=True)
def userbar_for_editors(context):
    """Wagtail's userbar, only for requests that carry a session (so that anonymous pages
    stay free of per-user content and cacheable)."""
    request = context.get("request")
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return ""
    return wagtailuserbar(context)
