"""A counter of content changes, for caches of things built from many objects.

Anything that caches what it derives from the site's content (links between apps, lists
built from snippets) puts `current()` in its cache key; saving or deleting content, or
publishing a page, moves the counter on (see `signals.py`), so stale entries are never read
again and simply expire.
"""

import threading
import time
from collections import OrderedDict

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


# Large values read on many requests (the search corpus) are also kept in each process, so
# that a request does not unpickle megabytes: the key holds the shared generation, so a value
# kept here is never used after the content changes on any instance.
_in_process = OrderedDict()
_in_process_lock = threading.Lock()
IN_PROCESS_ENTRIES = 16


def cached(key, build, timeout=60 * 60 * 24, in_process=False):
    """`build()`, cached under `key` for the current generation (and in this process too,
    if `in_process`)."""
    full_key = f"{KEY}:{current()}:{key}"
    if in_process:
        with _in_process_lock:
            if full_key in _in_process:
                _in_process.move_to_end(full_key)
                return _in_process[full_key]
    value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, timeout)
    if in_process:
        with _in_process_lock:
            _in_process[full_key] = value
            while len(_in_process) > IN_PROCESS_ENTRIES:
                _in_process.popitem(last=False)
    return value
