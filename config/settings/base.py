"""Settings shared by every environment.

Everything that differs between machines comes from the environment; the defaults here are
the safe ones (no debug, no hosts allowed), and `dev`, `test` and `production` refine them.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from .environment import env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The site's content as files, read by `manage.py load_site`.
CONTENT_DIR = Path(env_str("CONTENT_DIR", str(BASE_DIR / "site")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "history.core",
    "history.edition",
    "history.essays",
    "history.atlas",
    "history.timeline",
    "history.glossary",
    "history.people",
    "history.lessons",
    "history.search",
    "history.publishing",
    "history.about",
    "history.opendata",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_htmx",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside compression: it keeps (and serves) the compressed answers.
    "history.core.page_cache.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "history.core.middleware.PublicCacheMiddleware",
]

ROOT_URLCONF = "config.urls"
FORMAT_MODULE_PATH = ["config.formats"]
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The edition's edit form in the admin posts about 8 fields per segment (with two versions)
# and 7 to 20 per note: 1,355 for the real edition, 6,764 for a 500-segment edition with 171
# notes (bench/README.md). Django's default of 1,000 refused even the first; 10,000 fits a
# 500-segment edition with room to spare and still bounds what a forged request can cost.
# Its body (278 KB for 500 segments) stays well under DATA_UPLOAD_MAX_MEMORY_SIZE's default
# of 2.5 MB, which is kept.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# How long a caching proxy in front may keep a public page (it is told when one changes, see
# history/core/proxy_cache.py); 0 when there is none.
FRONTEND_CACHE_SECONDS = 0
# Whole public pages kept for anonymous visitors (history/core/page_cache.py).
PAGE_CACHE = True

# Each environment chooses its cache (production: Redis or the database, shared by all
# instances); this one lives in the process.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the site's interface and its editorial content exist in English and Simplified
# Chinese; URLs carry the language prefix (/en/, /zh-hans/).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = _("The Fifth Bulletin")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No calls to third-party hosts from the admin either.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "zip"]

# Content Security Policy: only this site's own resources. The Wagtail admin needs inline
# scripts and styles, so it is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Reading offline: the service worker and the web app manifest (history/core/offline.py).
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The admin frames its previews of pages; no other site may frame them.
        "frame-ancestors": [SELF],
    },
}
# Wagtail marks its own preview views SAMEORIGIN; everything else may not be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Security: sign-in lockout, rate limits, browser features, image size ------------------
# (kept in one block of its own; see history/core/throttling.py and README "Production")

# The number of proxies in front of the site that add the client's address to
# X-Forwarded-For (nginx alone: 1; nginx and Varnish, as in deploy/: 2). 0 trusts only the
# connection's own address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Sign-in lockout (django-axes): 5 wrong passwords for one username from one address lock that
# pair out for 15 minutes; a correct sign-in clears the count. Failures are kept in the
# database, which every worker and server shares. Unlock with `manage.py axes_reset_username`.
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out pair is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "history.core.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "history.core.throttling.client_address"

MIDDLEWARE = [
    # Outermost, so that every response carries it.
    "history.core.middleware.PermissionsPolicyMiddleware",
    *MIDDLEWARE,
    # Page passwords and password-reset requests, which are not sign-ins, are rate-limited.
    "history.core.throttling.RateLimitMiddleware",
    # Last: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Uploaded images. Making an image's first thumbnail decodes it whole, at up to 4 bytes a pixel
# (RGBA), whatever its file size: an 11,000 x 11,000 PNG of 15 KB took a worker from 118 MB to
# 710 MB. Budget: a rendition adds at most 250 MB to a worker. 25 million pixels (a 24-megapixel
# camera photo, a 5,000 x 5,000 scan) stays within it: measured in bench/image_memory.py.
# Larger images are refused by the upload form, with an error naming the limit.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
