"""Render every public page once, so that the first visitors after a deploy find them ready.

The pages listed by the sitemap (both languages, events, places, terms, the parallel view) are
asked for through the site's own request handling, as an anonymous visitor on the site's first
host name would ask: the derived lists and the page cache, shared by every instance, fill up.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client


def warm_pages():
    """Ask for each page in the sitemap; (pages answered 200, pages that did not)."""
    host = next((name for name in settings.ALLOWED_HOSTS if "*" not in name), "localhost")
    client = Client(HTTP_HOST=host, raise_request_exception=False)
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
