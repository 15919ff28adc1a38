"""Cache back-ends that fail soft.

The cache only ever saves work: when it cannot be read or written (the database has become
read-only, Redis is restarting), a page is built without it instead of failing. Each failure is
logged, and the next call tries again, so the site recovers by itself.
"""

import contextlib
import logging
import threading

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.functional import cached_property

logger = logging.getLogger(__name__)

# What a failed call answers: nothing found, nothing stored.
_READS = {"get_many": {}, "has_key": False}
_WRITES = ("set", "add", "set_many", "delete", "delete_many", "touch", "incr", "decr", "clear")


def fail_soft(backend_class, errors, guard=contextlib.nullcontext):
    """A subclass of `backend_class` whose calls log `errors` instead of raising them; each
    call runs inside `guard(cache)`."""

    def wrap(name, fallback):
        method = getattr(backend_class, name)

        def call(self, *args, **kwargs):
            try:
                with guard(self):
                    return method(self, *args, **kwargs)
            except errors as error:
                logger.warning("Cache %s failed: %s", name, error)
                return fallback(args, kwargs) if callable(fallback) else fallback

        call.__name__ = name
        return call

    namespace = {name: wrap(name, value) for name, value in _READS.items()}
    # `get(key, default)` answers its default when the cache cannot be read.
    namespace["get"] = wrap("get", lambda args, kwargs: kwargs.get("default", *args[1:2]))
    namespace.update({name: wrap(name, None) for name in _WRITES})
    return type(f"Resilient{backend_class.__name__}", (backend_class,), namespace)


def _savepoint(cache):
    """Inside a transaction, a failed cache query must not abort the caller's transaction
    (PostgreSQL refuses every later query): it runs in a savepoint of its own."""
    database = router.db_for_read(cache.cache_model_class)
    if connections[database].in_atomic_block:
        return transaction.atomic(using=database)
    return contextlib.nullcontext()


ResilientDatabaseCache = fail_soft(DatabaseCache, DatabaseError, guard=_savepoint)


def _redis_errors():
    from redis.exceptions import ConnectionError, TimeoutError

    return (ConnectionError, TimeoutError)


class SharedRedisCache(RedisCache):
    """Redis with one client, and so one pool of connections, per process. Django makes a
    cache back-end per thread, each with its own pool: a worker's threads would each connect
    on their first request, after the connection opened when the worker started (see
    deploy/gunicorn.conf.py). Redis clients are safe to share between threads, and their
    pools start afresh in a forked process."""

    _clients = {}
    _lock = threading.Lock()

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        with self._lock:
            if key not in self._clients:
                self._clients[key] = self._class(self._servers, **self._options)
            return self._clients[key]


ResilientRedisCache = fail_soft(SharedRedisCache, _redis_errors())
