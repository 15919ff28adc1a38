"""Whole responses of public pages, kept for anonymous visitors and never served stale.

A response is stored with the *tags* of the content it shows (`versions.py`: the apps' content,
`frame` for the menu every page carries, `pages` for lists of every page) and each tag's
version at the moment the page began to render. Changing content moves its tags' versions on,
so every stored page that shows it is missed from then on, on every app instance (the cache is
shared), while pages that do not show it stay cached. A caching proxy in front is told the
same thing (`proxy_cache`). What a page shows: what its app says (`shows` on its AppConfig),
what its view says (`depends_on`), and the tags of the cached parts it read (`versions.cached`).

What is never stored: requests with a session (signed-in editors and teachers, visitors who
unlocked a private page), anything but GET/HEAD, the admin, responses that are not public (the
teacher copy, previews, private pages), that set a cookie or carry a CSRF token.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from . import versions
from .versions import FRAME, PAGES, RELEASE, content_tags

HEADER = "X-Cache-Tags"
# Longer queries are not kept (nor looked up): no visitor's filter is this long.
MAX_QUERY_LENGTH = 512
TIMEOUT = 60 * 60 * 24
BYPASS_PREFIXES = ("/admin/", "/documents/", "/l/", settings.MEDIA_URL)


def depends_on(request, *tags):
    """Say which tags the response to `request` shows (views and pages call it)."""
    request.page_cache_tags = set(tags)


def depends_on_page(request, page):
    """The response shows `page` (the tags its app's pages show)."""
    tags = versions.shown_by_app(type(page)._meta.app_label)
    if tags is not None:
        depends_on(request, *tags)


def tags_of_page(page):
    """What publishing, unpublishing, moving or deleting `page` changes."""
    tags = {PAGES}
    label = page.specific_class._meta.app_label if page.specific_class else None
    if label in content_tags():
        tags.add(label)
    if page.depth <= 3:
        # A home page or a page beside it in the menu, shown on every page.
        tags.add(FRAME)
    return tags


def tags_of(request):
    tags = getattr(request, "page_cache_tags", None)
    if tags is None:
        return {RELEASE, *content_tags()}
    return {RELEASE, FRAME, *tags, *request.__dict__.get("tags_read", ())}


def _key(request):
    fragment = (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
    gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    query = request.META.get("QUERY_STRING", "")
    digest = hashlib.sha1(f"{request.get_host()}{request.path}?{query}".encode()).hexdigest()
    # Citations give today's date as the date the reader accessed the page: a page kept
    # yesterday is not served today.
    today = timezone.localdate().isoformat()
    return f"page-cache:{int(fragment)}{int(gzip)}:{today}:{digest}"


def _proxy_seconds():
    """How long the proxy may keep a page: the configured time, but not past midnight (a
    page's citations give the day it was read)."""
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, min(settings.FRONTEND_CACHE_SECONDS, int((midnight - now).total_seconds())))


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not request.path.startswith(BYPASS_PREFIXES)
    )


def _cacheable_response(request, response):
    directives = {
        d.strip().split("=")[0].lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and "public" in directives
        and not directives & {"private", "no-store", "no-cache"}
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def _answer(request, status, headers, content):
    """The stored response, or 304 when the visitor's copy is this one (Django's rules)."""
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    if request.method == "HEAD":
        response["Content-Length"] = str(len(content))
    return get_conditional_response(request, etag=response["ETag"], response=response)


class PageCacheMiddleware:
    """Serve stored responses to anonymous visitors; store public responses as they are made.

    It sits outside the compression middleware, so what it keeps is the compressed answer,
    one per encoding.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The tags' versions are read once per request, here and by `versions.cached`.
        with versions.remembered():
            if not settings.PAGE_CACHE or not _cacheable_request(request):
                return self.get_response(request)
            return self._serve(request)

    def _serve(self, request):
        key = _key(request)
        entry, seen_now = versions.read((RELEASE, *content_tags()), along=key)
        if entry is not None:
            status, headers, content, seen = entry
            if all(seen_now.get(tag) is not None and seen_now[tag] == v for tag, v in seen.items()):
                response = _answer(request, status, headers, content)
                if settings.FRONTEND_CACHE_SECONDS:
                    patch_cache_control(response, s_maxage=_proxy_seconds())
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            tags = tags_of(request)
            missing = [tag for tag in tags if seen_now.get(tag) is None]
            if missing:
                # First sight of a tag: start its versions now (another instance may race us;
                # then the first store is simply missed once).
                versions.start(missing)
                return response
            set_response_etag(response)
            if settings.FRONTEND_CACHE_SECONDS:
                # For the caching proxy in front, which drops pages by these tags.
                response[HEADER] = " ".join(sorted(tags))
                patch_cache_control(response, s_maxage=_proxy_seconds())
            headers = [(name, value) for name, value in response.items() if name != "X-Page-Cache"]
            seen = {tag: seen_now[tag] for tag in tags}
            cache.set(key, (response.status_code, headers, response.content, seen), TIMEOUT)
            response["X-Page-Cache"] = "miss"
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
