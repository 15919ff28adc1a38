"""gunicorn settings for the production site (deploy/serve)."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Threads let one worker go on answering while another request waits on the database; a
# server with no proxy in front (the classroom) also needs them so that a few slow clients
# cannot hold every worker.
worker_class = "gthread"
threads = int(os.environ.get("THREADS", 4))
# The application is loaded once, before the workers fork: a broken configuration stops the
# start instead of failing every request.
preload_app = True
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """Before the workers are forked: render a page of each kind once, so that every worker
    starts with what its first requests would otherwise build (see history/core/warming.py)."""
    import gc

    from history.core.warming import warm_process

    warm_process()
    # What the workers inherit is never garbage: the collector need not scan it in each of
    # them (and, not touched, its memory stays shared between them).
    gc.collect()
    gc.freeze()


def post_worker_init(worker):
    """Each worker opens its database and cache connections and answers a few pages in each of
    its threads before its first request."""
    from history.core.warming import open_connections, warm_worker

    open_connections()
    warm_worker(worker.wsgi, getattr(worker, "tpool", None), worker.cfg.threads)
