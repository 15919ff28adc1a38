"""A new app-server worker answers a few pages in each of its threads before its first
visitor (deploy/gunicorn.conf.py), so that the first visitor does not pay for them."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from history.core import warming
from history.core.warming import warm_worker


def test_a_worker_answers_the_home_pages_and_each_thread_connects(monkeypatch):
    answered, connected = [], []

    def application(environ, start_response):
        answered.append((environ["PATH_INFO"], "HTTP_COOKIE" in environ))
        start_response("200 OK", [])
        return [b"ok"]

    monkeypatch.setattr(
        warming, "open_connections", lambda: connected.append(threading.get_ident())
    )
    with ThreadPoolExecutor(max_workers=3) as pool:
        warm_worker(application, pool, 3)
    assert len(set(connected)) == 3 and threading.get_ident() not in connected
    assert sorted(answered) == [
        ("/en/", False), ("/en/", True), ("/zh-hans/", False), ("/zh-hans/", True)
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_site_answers_the_warming_requests(site_content):
    statuses = []
    site = get_wsgi_application()

    def application(environ, start_response):
        def record(status, headers, exc_info=None):
            statuses.append(status)
            return start_response(status, headers, exc_info)

        return site(environ, record)

    # A real handler closes the database connection around each request, which would end the
    # test's transaction on PostgreSQL; Django's test client leaves it open the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        warm_worker(application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert statuses == ["200 OK"] * 4
