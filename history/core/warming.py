"""Getting ready for the first visitors.

After a deploy, `warm_pages` asks for every page of the sitemap (both languages, events,
places, terms, the parallel view) through the site's own request handling, as an anonymous
visitor on the site's first host name would: the derived lists and the page cache, shared by
every instance, fill up. When an app server starts, `warm_process` renders a page of each kind
once in the process that forks the workers, so that each worker starts with the URL
configuration, the message catalogues and the compiled templates it would otherwise build on
its first requests.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.test import Client

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
