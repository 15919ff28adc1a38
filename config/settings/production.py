"""Production: everything from the environment, nothing insecure by default.

Run every command through `deploy/manage`, which reads the site's environment file and selects
these settings (see the README's "Production"). Required: SECRET_KEY (or SECRET_KEY_FILE),
ALLOWED_HOSTS. Optional: DATABASE_URL (else SQLite in the project folder), REDIS_URL (else the
cache lives in the database), HTTPS, FRONTEND_CACHE_URL, SERVE_MEDIA, MEDIA_ROOT, STATIC_ROOT,
and the mail server for the review workflow's notifications (EMAIL_HOST...).
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, SECRET_KEY
from .environment import env_bool, env_int, env_str

SECRET_KEY = SECRET_KEY or (
    Path(env_str("SECRET_KEY_FILE")).read_text().strip() if env_str("SECRET_KEY_FILE") else ""
)
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY or SECRET_KEY_FILE in the environment file.")

# SQLite opens an existing file only: a database file that went missing is an error to report,
# not an empty site to serve. `manage.py deploy` creates the file on first set-up.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SQLITE_PATH = Path(DATABASES["default"]["NAME"])
    DATABASES["default"]["NAME"] = f"file:{SQLITE_PATH}?mode=rw"

# The page cache and every derived-data cache are shared by all app instances: Redis when
# given, else a table in the database (made by `manage.py deploy`). A cache that cannot be
# written to (a read-only database) does not stop pages from being read.
if env_str("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "history.core.caches.ResilientRedisCache",
            "LOCATION": env_str("REDIS_URL"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "history.core.caches.ResilientDatabaseCache",
            "LOCATION": "cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto. HTTPS=false only for a server on
# a closed classroom network (`make classroom`), where there is no certificate.
HTTPS = env_bool("HTTPS", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)

# Uploads are served by the web server in front (see deploy/nginx.conf); a server without one
# (the classroom server) lets Django serve them.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# A caching proxy or CDN in front: pages are purged from it when they change.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    FRONTEND_CACHE_SECONDS = env_int("FRONTEND_CACHE_SECONDS", 60 * 60 * 24)
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "history.core.proxy_cache.TagBanBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Review notifications (submitted, approved, changes requested) go out by e-mail.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")

LOGGING["root"]["level"] = "INFO"  # noqa: F405
# Background tasks (search index, reference index) log every step at INFO.
LOGGING["loggers"] = {"django_tasks": {"level": "WARNING"}}  # noqa: F405
