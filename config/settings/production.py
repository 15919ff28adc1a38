"""Production: everything from the environment, nothing insecure by default.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. Optional: REDIS_URL (else the database
cache; run `manage.py createcachetable`), MEDIA_ROOT, STATIC_ROOT, SECURE_SSL_REDIRECT.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY
from .environment import env_bool, env_int

if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING["root"]["level"] = "INFO"  # noqa: F405
