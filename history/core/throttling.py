"""Rate limits on the forms that check a secret without a sign-in: a page's password (a
teacher's private lesson, say) and the admin's "forgotten password" form; and the page that
tells a locked-out user why. Sign-ins themselves are counted by django-axes (see the settings).

Counts are kept in the cache, so every worker shares them when the cache is shared (Redis or
the database); over a limit the form answers 429 with a page that says how long to wait.
"""

import hashlib
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


@dataclass(frozen=True)
class Limit:
    """At most `attempts` counted events per key in a window of `seconds` from the first."""

    scope: str
    attempts: int
    seconds: int

    def _key(self, value):
        digest = hashlib.sha256(value.encode()).hexdigest()[:32]
        return f"throttle:{self.scope}:{digest}"

    def reached(self, value):
        return cache.get(self._key(value), 0) >= self.attempts

    def count(self, value):
        key = self._key(value)
        cache.add(key, 0, self.seconds)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, self.seconds)


# The views that check a page's password, or a private collection's (its documents).
PASSWORD_VIEWS = {
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
}
# Wrong page passwords per client address: generous, since a class behind one school address
# types the same password, yet it leaves a guesser 80 tries an hour.
PAGE_PASSWORD = Limit("page-password", 20, 15 * 60)
# "Forgotten password" requests: each sends an e-mail.
RESET_PER_ADDRESS = Limit("reset-address", 5, 60 * 60)
RESET_PER_EMAIL = Limit("reset-email", 3, 60 * 60)


def client_address(request):
    """The client's IP address: the connection's, or the one the trusted proxies in front
    (TRUSTED_PROXY_COUNT of them) put in X-Forwarded-For. Entries further left are the
    client's own claims and are ignored."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


class RateLimitMiddleware:
    """Applies the limits to the password and password-reset views (by URL name, so in every
    language)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST":
            return None
        name = request.resolver_match.url_name

        def view():
            return view_func(request, *view_args, **view_kwargs)

        if name in PASSWORD_VIEWS:
            return _page_password(request, view)
        if name == "wagtailadmin_password_reset":
            return _password_reset(request, view)
        return None


def _page_password(request, view):
    address = client_address(request)
    if PAGE_PASSWORD.reached(address):
        return too_many_attempts(request, PAGE_PASSWORD)
    response = view()
    if response.status_code != 302:  # the right password redirects to the page
        PAGE_PASSWORD.count(address)
    return response


def _password_reset(request, view):
    address = client_address(request)
    email = request.POST.get("email", "").strip().lower()
    if RESET_PER_ADDRESS.reached(address):
        return too_many_attempts(request, RESET_PER_ADDRESS)
    if email and RESET_PER_EMAIL.reached(email):
        return too_many_attempts(request, RESET_PER_EMAIL)
    RESET_PER_ADDRESS.count(address)
    if email:
        RESET_PER_EMAIL.count(email)
    return view()


def too_many_attempts(request, limit):
    minutes = math.ceil(limit.seconds / 60)
    response = render(request, "security/too_many_attempts.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(limit.seconds)
    return response


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes shows for a sign-in it refuses (AXES_LOCKOUT_CALLABLE)."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    response = render(request, "security/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
