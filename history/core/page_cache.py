"""Whole responses of public pages, kept for anonymous visitors and never served stale.

A response is stored with the *tags* of the content it shows (the kinds of content: `edition`,
`glossary`, `lessons`...; `frame` for the menu every page carries; `pages` for lists of every
page) and each tag's version at the moment the page began to render. Changing content moves
its tag's version on (`changed()`, called by `signals.py`), so every stored page that shows it
is missed from then on, on every app instance (the cache is shared), while pages that do not
show it stay cached. A caching proxy in front is told the same thing (`proxy_cache`).

What is never stored: requests with a session (signed-in editors and teachers, visitors who
unlocked a private page), anything but GET/HEAD, the admin, responses that are not public (the
teacher copy, previews, private pages), that set a cookie or carry a CSRF token.
"""

import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)

from . import proxy_cache

# Every kind of content a page can show; a view that says nothing depends on all of them.
KINDS = (
    "frame", "pages", "core", "edition", "atlas", "timeline", "glossary", "essays", "lessons",
    "images",
)  # fmt: skip
# What each app's pages show besides the frame (by the app label of the page's class); pages of
# an app not listed here (search) show everything.
SHOWN_BY_PAGES_OF = {
    "core": ("core", "images"),
    "edition": ("edition", "glossary", "atlas", "core"),
    "atlas": ("atlas", "edition", "core"),
    "timeline": ("timeline", "atlas", "edition", "glossary", "core", "images"),
    "glossary": ("glossary", "edition", "essays", "core"),
    "essays": ("essays", "edition", "glossary", "core", "images"),
}
RELEASE = "release"
TAGS = (RELEASE, *KINDS)
HEADER = "X-Cache-Tags"
# Longer queries are not kept (nor looked up): no visitor's filter is this long.
MAX_QUERY_LENGTH = 512
TIMEOUT = 60 * 60 * 24
BYPASS_PREFIXES = ("/admin/", "/documents/", "/l/", settings.MEDIA_URL)


def _tag_key(tag):
    return f"page-cache:tag:{tag}"


def depends_on(request, *kinds):
    """Say which kinds of content the response to `request` shows (views and pages call it)."""
    request.page_cache_kinds = set(kinds)


def depends_on_page(request, page):
    """The response shows `page` (the kinds its app's pages show)."""
    kinds = SHOWN_BY_PAGES_OF.get(type(page)._meta.app_label)
    if kinds is not None:
        depends_on(request, *kinds)


def kinds_of_page(page):
    """What publishing, unpublishing, moving or deleting `page` changes."""
    kinds = {"pages"}
    label = page.specific_class._meta.app_label if page.specific_class else None
    if label in KINDS:
        kinds.add(label)
    if page.depth <= 3:
        # A home page or a page beside it in the menu, shown on every page.
        kinds.add("frame")
    return kinds


_pending = threading.local()


def changed(*kinds):
    """Content of these kinds changed: drop every page that shows it, here and in the proxy.

    The versions move on at once and again when the transaction commits: a page rendered in
    between, from data not yet committed, is dropped too. The proxy is told after the commit.
    """
    _bump(kinds)
    if not hasattr(_pending, "kinds"):
        _pending.kinds = set()
    _pending.kinds.update(kinds)
    # The first callback to run takes every kind pending (the others find none): a load of
    # thousands of objects tells the proxy once. Kinds left by a rolled-back transaction go
    # with the next commit, which costs one needless drop, never a stale page.
    transaction.on_commit(_flush)


def _bump(kinds):
    now = time.time_ns()
    cache.set_many({_tag_key(kind): now for kind in kinds}, None)


def _flush():
    kinds = _pending.__dict__.pop("kinds", set())
    if kinds:
        _bump(kinds)
        proxy_cache.ban(kinds)


def new_release():
    """New code or templates: no page rendered before is served again."""
    changed(RELEASE)


def tags_of(request):
    kinds = getattr(request, "page_cache_kinds", None)
    return {RELEASE, "frame", *(KINDS if kinds is None else kinds)}


def _key(request):
    fragment = (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )
    gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    query = request.META.get("QUERY_STRING", "")
    digest = hashlib.sha1(f"{request.get_host()}{request.path}?{query}".encode()).hexdigest()
    return f"page-cache:{int(fragment)}{int(gzip)}:{digest}"


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
        if not settings.PAGE_CACHE or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([key, *map(_tag_key, TAGS)])
        versions = {tag: found.get(_tag_key(tag)) for tag in TAGS}
        entry = found.get(key)
        if entry is not None:
            status, headers, content, seen = entry
            if all(versions[tag] is not None and versions[tag] == v for tag, v in seen.items()):
                response = _answer(request, status, headers, content)
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            tags = tags_of(request)
            missing = {_tag_key(tag): time.time_ns() for tag in tags if versions[tag] is None}
            if missing:
                # First sight of a tag: start its versions now (another instance may race us;
                # then the first store is simply missed once).
                cache.set_many(missing, None)
                return response
            set_response_etag(response)
            if settings.FRONTEND_CACHE_SECONDS:
                # For the caching proxy in front, which drops pages by these tags.
                response[HEADER] = " ".join(sorted(tags))
                patch_cache_control(response, s_maxage=settings.FRONTEND_CACHE_SECONDS)
            headers = [(name, value) for name, value in response.items() if name != "X-Page-Cache"]
            seen = {tag: versions[tag] for tag in tags}
            cache.set(key, (response.status_code, headers, response.content, seen), TIMEOUT)
            response["X-Page-Cache"] = "miss"
            return get_conditional_response(request, etag=response["ETag"], response=response)
        return response
