"""Cache headers for public pages."""

from django.conf import settings
from django.utils.cache import patch_cache_control

PUBLIC_MAX_AGE = 300


class PublicCacheMiddleware:
    """Let shared caches keep anonymous page views for a few minutes.

    A request that carries a session cookie may see personal content (the editors' userbar,
    draft previews), so its response stays private. Responses that already say how they may be
    cached, errors, and the admin are left alone.
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
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                patch_cache_control(response, private=True)
            else:
                patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        return response
