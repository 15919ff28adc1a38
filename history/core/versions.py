"""Versioned tags: the one way the site knows that something it keeps is out of date.

A *tag* names a kind of content: each app of the site whose models hold content (its label:
`edition`, `glossary`...), `images`, `pages` (lists of every page), `frame` (the home pages and
the menu every page carries), and `release` (the code and templates). Each tag has a version
in the shared cache; a change moves its tags' versions on (`changed()`, called by
`signals.py`; `new_release()` by `deploy`).

Whatever is kept is keyed or checked by the versions of the tags it depends on, so it is never
read after they change, on any instance, while what depends on other tags stays:
- derived data and rendered fragments: `cached()` keys them by those versions;
- whole pages: `page_cache.py` stores them with the versions it saw and checks them on reading.
An app says what its pages show with `shows` on its AppConfig (tags; without it, everything).
"""

import contextlib
import contextvars
import functools
import hashlib
import threading
import time
from collections import OrderedDict

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from . import proxy_cache

RELEASE = "release"
FRAME = "frame"
PAGES = "pages"
IMAGES = "images"
SITE_PACKAGE = "history."
DAY = 60 * 60 * 24


@functools.cache
def content_tags():
    """Every tag content changes move on: one per app of the site that has models."""
    labels = [
        config.label
        for config in apps.get_app_configs()
        if config.name.startswith(SITE_PACKAGE) and next(config.get_models(), None)
    ]
    return (FRAME, PAGES, *labels, IMAGES)


def shown_by_app(label):
    """The tags the pages of app `label` show besides the frame, or None for everything."""
    return getattr(apps.get_app_config(label), "shows", None)


def _key(tag):
    return f"tag-version:{tag}"


# The versions read during one request, so that each is read once (`remembered()`).
_seen = contextvars.ContextVar("tag_versions", default=None)


@contextlib.contextmanager
def remembered():
    """Within this block (one request), versions read once are reused."""
    token = _seen.set({})
    try:
        yield
    finally:
        _seen.reset(token)


def read(tags, along=None):
    """{tag: version, or None for a tag never seen since the cache was emptied}; given the
    key `along`, (its value, the versions), read in the same round trip."""
    seen = _seen.get()
    wanted = [tag for tag in tags if seen is None or tag not in seen]
    keys = [_key(tag) for tag in wanted] + ([along] if along else [])
    found = cache.get_many(keys) if keys else {}
    fresh = {tag: found.get(_key(tag)) for tag in wanted}
    if seen is not None:
        seen.update(fresh)
        fresh = {tag: seen[tag] for tag in tags}
    return (found.get(along), fresh) if along else fresh


def start(tags):
    """Give tags never seen a first version (another instance may race: the first wins)."""
    for tag in tags:
        cache.add(_key(tag), time.time_ns(), None)
    seen = _seen.get()
    if seen is not None:
        for tag in tags:
            seen.pop(tag, None)


def current(tags):
    """The versions of `tags`, starting those never seen."""
    versions = read(tags)
    missing = [tag for tag, version in versions.items() if version is None]
    if missing:
        start(missing)
        versions = read(tags)
    return versions


_pending = threading.local()


def changed(*tags):
    """Content of these tags changed: drop everything kept that depends on them, here and in
    the caching proxy.

    The versions move on at once and again when the transaction commits: anything built in
    between, from data not yet committed, is dropped too. The proxy is told after the commit.
    """
    _bump(tags)
    if not hasattr(_pending, "tags"):
        _pending.tags = set()
    _pending.tags.update(tags)
    # The first callback to run takes every tag pending (the others find none): a load of
    # thousands of objects tells the proxy once. Tags left by a rolled-back transaction go
    # with the next commit, which costs one needless drop, never a stale page.
    transaction.on_commit(_flush)


def new_release():
    """New code or templates: nothing kept before is used again."""
    changed(RELEASE)


def _bump(tags):
    now = time.time_ns()
    cache.set_many({_key(tag): now for tag in tags}, None)
    seen = _seen.get()
    if seen is not None:
        seen.clear()


def _flush():
    tags = _pending.__dict__.pop("tags", set())
    if tags:
        _bump(tags)
        proxy_cache.ban(tags)


# Large values read on many requests (the search corpus) are also kept in each process, so
# that a request does not unpickle megabytes: their key holds the shared versions, so a value
# kept here is never used after the content changes on any instance.
_in_process = OrderedDict()
_in_process_lock = threading.Lock()
IN_PROCESS_ENTRIES = 16


def cached(name, build, *, vary=(), request=None, tags=None, timeout=DAY, in_process=False):
    """`build()`, kept under `name`, the active language, the request's host (given a
    `request`), the values `vary` (a page's Wagtail `cache_key`, a filter) and the versions of
    `tags` (every content tag if None) and of the release; in this process too if
    `in_process`."""
    declared = tags is not None
    tags = tuple(tags) if declared else content_tags()
    versions = current((RELEASE, *tags))
    parts = [get_language() or "", request.get_host() if request else "", *map(str, vary)]
    parts.append(repr(sorted(versions.items())))
    key = f"cached:{name}:{hashlib.sha1(':'.join(parts).encode()).hexdigest()}"
    if request is not None and declared:
        # A page that shows this depends on what it depends on (`page_cache.tags_of`).
        request.__dict__.setdefault("tags_read", set()).update(tags)
    if in_process:
        with _in_process_lock:
            if key in _in_process:
                _in_process.move_to_end(key)
                return _in_process[key]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if in_process:
        with _in_process_lock:
            _in_process[key] = value
            while len(_in_process) > IN_PROCESS_ENTRIES:
                _in_process.popitem(last=False)
    return value
