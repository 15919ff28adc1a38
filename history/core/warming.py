"""Getting ready for the first visitors.

After a deploy, `warm_pages` asks for every page of the sitemap (both languages, events,
places, terms, the parallel view) through the site's own request handling, as an anonymous
visitor on the site's first host name would: the derived lists and the page cache, shared by
every instance, fill up. When an app server starts, `warm_process` renders a page of each kind
once in the process that forks the workers, so that each worker starts with the URL
configuration, the message catalogues and the compiled templates it would otherwise build on
its first requests. Then each worker, before its first visitor, answers a few pages through its
own application and threads (`warm_worker`).
"""

import io
import logging
import re
import sys
import threading
from concurrent.futures import wait
from contextlib import suppress
from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.test import Client

logger = logging.getLogger(__name__)

# A page of each kind, in each language.
KINDS_OF_PAGE = (
    "", "fifth-bulletin/", "fifth-bulletin/parallel/", "map/", "numbers/", "timeline/",
    "glossary/", "essays/", "lessons/", "search/?q=1952",
)  # fmt: skip


def _client():
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    return Client(HTTP_HOST=host, raise_request_exception=False)


def warm_process():
    """Render a page of each kind, as nobody's page cache would serve it, then let go of every
    connection (workers forked from this process open their own)."""
    client = _client()
    # A session cookie that matches no session: rendered anew, not served from the cache.
    client.cookies[settings.SESSION_COOKIE_NAME] = "warm"
    try:
        for code, _name in settings.LANGUAGES:
            for path in KINDS_OF_PAGE:
                client.get(f"/{code}/{path}", secure=settings.SECURE_SSL_REDIRECT)
    finally:
        connections.close_all()
        caches.close_all()


def open_connections():
    """Connect to the database and the cache now, not on the first request."""
    for connection in connections.all():
        connection.ensure_connection()
    caches["default"].get("warming")


def warm_worker(application, pool=None, threads=1):
    """Answer the home page in each language through `application` (a worker's own WSGI
    handler), as a visitor from the page cache and rendered anew; and open the database and
    cache connections of each of the `threads` threads of `pool` (or of this thread).

    A forked worker shares its parent's memory until it writes to it (Python writes to every
    object it uses), so its first request paid for copying hundreds of pages of memory; and
    each thread opened its own database connection on its first page. Paid here instead."""
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")

    def answer(path, cookie):
        environ = {
            "PATH_INFO": path,
            "HTTP_HOST": host,
            "HTTP_ACCEPT_ENCODING": "gzip",
            "wsgi.url_scheme": "https" if settings.SECURE_SSL_REDIRECT else "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
        if cookie:  # a session that matches none: rendered anew, not from the page cache
            environ["HTTP_COOKIE"] = f"{settings.SESSION_COOKIE_NAME}={cookie}"
        setup_testing_defaults(environ)
        body = application(environ, lambda status, headers, exc_info=None: None)
        try:
            b"".join(body)
        finally:
            getattr(body, "close", lambda: None)()

    def answer_all():
        for code, _name in settings.LANGUAGES:
            for cookie in ("", "warm"):
                try:
                    answer(f"/{code}/", cookie)
                except Exception:  # a worker that cannot warm up still serves (and reports)
                    logger.warning("Warming /%s/ failed", code, exc_info=True)

    if pool is None:
        answer_all()
        return
    # One task per thread: each waits for the others to start, so that none ends before the
    # next is submitted (the pool would give that one to the same thread).
    started = threading.Barrier(threads, timeout=5)

    def in_a_thread(first):
        with suppress(threading.BrokenBarrierError):  # fewer threads: go on anyway
            started.wait()
        try:
            open_connections()
        except Exception:
            logger.warning("Opening connections failed", exc_info=True)
        if first:  # the memory is the process's: copied once
            answer_all()

    wait([pool.submit(in_a_thread, n == 0) for n in range(threads)])


def warm_pages():
    """Ask for each page in the sitemap; (pages answered 200, pages that did not)."""
    client = _client()
    secure = settings.SECURE_SSL_REDIRECT
    sitemap = client.get("/sitemap.xml", secure=secure)
    if sitemap.status_code != 200:
        return 0, ["/sitemap.xml"]
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap.text)]
    failed = []
    for path in dict.fromkeys(paths):
        for _ in range(2):  # the first sight of a page's tags starts them; the second stores it
            response = client.get(path, secure=secure)
        if response.status_code != 200:
            failed.append(path)
    return len(paths) - len(failed), failed
