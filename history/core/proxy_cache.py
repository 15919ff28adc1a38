"""Telling the caching proxy in front (Varnish, see deploy/varnish.vcl) what to drop.

Wagtail's frontend cache purges a page's own addresses when it is published or unpublished
(`wagtail.contrib.frontend_cache`, configured from FRONTEND_CACHE_URL). Pages also show other
content (a glossary term appears in the edition, the timeline and lessons), so every response
the page cache stores names its content in an `X-Cache-Tags` header, and a change bans by tag:
the proxy drops exactly the pages that show what changed, with every query string and variant.
"""

import logging
from urllib.error import URLError
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)


class TagBanBackend(HTTPBackend):
    """Wagtail's HTTP purge backend, which can also ban every page carrying given tags."""

    def ban_tags(self, tags):
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}/",
            method="BAN",
            headers={"X-Ban-Tags": " ".join(sorted(tags))},
        )
        try:
            urlopen(request, timeout=5).close()  # noqa: S310 - the configured proxy's address
        except (URLError, OSError) as error:
            logger.error("Could not ban %s from the proxy cache: %s", sorted(tags), error)


def ban(tags):
    """Ban `tags` from every configured proxy that can ban (none in development)."""
    if not tags:
        return
    for backend in get_backends().values():
        if isinstance(backend, TagBanBackend):
            backend.ban_tags(tags)
