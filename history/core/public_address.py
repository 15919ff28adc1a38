"""The site's public address: the one readers use (WAGTAILADMIN_BASE_URL in production), which
absolute links the site writes for others (the sitemap, feeds of citations) must name, whatever
host a request came in by."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def public_address():
    """(hostname, port) of the configured base URL."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def use_public_address():
    """Give the default site the public address, so that Wagtail's full URLs (the sitemap's)
    name it. Returns the site's root URL."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    hostname, port = public_address()
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()
    return site.root_url
