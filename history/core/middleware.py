"""Response headers: cache control for public pages, and the Permissions-Policy."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class PublicCacheMiddleware:
    """Mark anonymous page views public, to be checked again on every visit.

    Browsers ask each time, and an unchanged page answers 304 from the page cache (see
    `page_cache.py`), so nobody reads a page older than its last change; a proxy in front keeps
    pages longer only when it is told of changes (`s-maxage`, added by the page cache).

    A request that carries a session cookie may see personal content (the editors' userbar,
    draft previews), and a page that holds a form's CSRF token holds a secret of this browser's,
    so their responses stay private (neither the page cache, a proxy nor the offline reader
    keeps them). Responses that already say how they may be cached, errors, and the admin are
    left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.has_header("Cache-Control")
            and not request.path.startswith("/admin/")
        ):
            if settings.SESSION_COOKIE_NAME in request.COOKIES or request.META.get(
                "CSRF_COOKIE_NEEDS_UPDATE"
            ):
                patch_cache_control(response, private=True)
            else:
                patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return response


# Browser features no page of the site uses: refused to the site's own pages and to anything
# they might embed. `interest-cohort` and `browsing-topics` keep visits out of the browser's
# advertising profiles.
DISABLED_FEATURES = [
    "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics",
    "camera", "display-capture", "geolocation", "gyroscope", "hid", "interest-cohort",
    "magnetometer", "microphone", "midi", "payment", "serial", "usb",
]  # fmt: skip
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DISABLED_FEATURES)


class PermissionsPolicyMiddleware:
    """Send a Permissions-Policy header on every response, the admin's included (Django has
    no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
