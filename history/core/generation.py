"""A counter of content changes, for caches of things built from many objects.

Anything that caches what it derives from the site's content (links between apps, lists
built from snippets) puts `current()` in its cache key; saving or deleting content, or
publishing a page, moves the counter on (see `signals.py`), so stale entries are never read
again and simply expire.
"""

import time

from django.core.cache import cache

KEY = "content-generation"


def current():
    generation = cache.get(KEY)
    if generation is None:
        generation = time.time_ns()
        cache.set(KEY, generation, None)
    return generation


def bump():
    try:
        cache.incr(KEY)
    except ValueError:
        cache.set(KEY, time.time_ns(), None)


def cached(key, build, timeout=60 * 60 * 24):
    """`build()`, cached under `key` for the current generation."""
    full_key = f"{KEY}:{current()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    return value
