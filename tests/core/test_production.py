"""What keeps a production site standing: the deploy command's guard, development-only
accounts, caches that fail soft, a clear 503 when the database cannot answer, SQLite never
re-created empty, uploads served when asked."""

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import OperationalError
from wagtail.models import Site

from history.core.caches import ResilientDatabaseCache, ResilientRedisCache
from history.core.public_address import use_public_address

ROOT = Path(__file__).resolve().parents[2]


def test_deploy_refuses_settings_that_are_not_production():
    with pytest.raises(CommandError, match="deploy/manage deploy"):
        call_command("deploy")


@pytest.mark.django_db
def test_the_local_admin_is_made_on_development_machines_only(settings):
    with pytest.raises(CommandError, match="development machine only"):
        call_command("ensure_local_admin")
    settings.DEBUG = True
    get_user_model().objects.create_user("admin", password="x")  # not a superuser
    call_command("ensure_local_admin")  # says so, and does not fail
    assert not get_user_model().objects.filter(is_superuser=True).exists()
    get_user_model().objects.filter(username="admin").delete()
    call_command("ensure_local_admin")
    assert get_user_model().objects.get(username="admin").is_superuser


@pytest.mark.django_db
def test_a_cache_that_cannot_be_used_costs_nothing_but_time():
    cache = ResilientDatabaseCache("no_such_table", {})
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("key", "value")  # logged, not raised
    cache.delete("key")
    with pytest.raises(ValueError):  # as for a missing key, which callers expect
        cache.incr("key")


def test_threads_share_one_redis_client_and_its_connections():
    """Django makes a cache back-end per thread; the app servers' threads must not each open
    their own connections to Redis on their first request."""
    server = "redis://127.0.0.1:1/0"  # never connected to: making a client does not connect
    clients = []

    def make():
        clients.append(ResilientRedisCache(server, {})._cache)

    threads = [threading.Thread(target=make) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(clients) == 3 and all(client is clients[0] for client in clients)
    # Another server (or other options) is another client.
    assert ResilientRedisCache("redis://127.0.0.1:2/0", {})._cache is not clients[0]
    # And a Redis that cannot be reached still costs nothing but time.
    assert ResilientRedisCache(server, {}).get("key", "fallback") == "fallback"


@pytest.mark.django_db
def test_pages_are_served_when_the_cache_table_is_missing(client, site_content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "history.core.caches.ResilientDatabaseCache",
            "LOCATION": "no_such_table",
        }
    }
    for url in ("/en/", "/zh-hans/glossary/", "/en/timeline/"):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_a_database_that_cannot_answer_gives_a_clear_503_in_both_languages(
    client, site_content, monkeypatch
):
    def unavailable(*args, **kwargs):
        raise OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(Site, "find_for_request", unavailable)
    client.raise_request_exception = False
    response = client.get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "briefly unavailable" in html and "网站暂时无法访问" in html
    monkeypatch.undo()
    assert client.get("/en/").status_code == 200  # and it recovers by itself


def test_error_pages_need_neither_the_database_nor_the_static_manifest(settings):
    from django.template.loader import render_to_string

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    for name in ("500.html", "503.html"):
        html = render_to_string(name)
        assert 'href="/static/core/css/site.css"' in html and 'lang="zh-Hans"' in html


def _production(tmp_path, code, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_a_missing_sqlite_database_is_an_error_not_a_new_empty_site(tmp_path):
    database = tmp_path / "db.sqlite3"
    result = _production(
        tmp_path,
        "from django.db import connection; connection.ensure_connection()",
        DATABASE_URL=f"sqlite:///{database}",
    )
    assert result.returncode != 0 and "unable to open database file" in result.stderr
    assert not database.exists()


def test_production_needs_a_secret_key_and_may_read_it_from_a_file(tmp_path):
    result = _production(tmp_path, "", SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
    key_file = tmp_path / "secret_key"
    key_file.write_text("k" * 50 + "\n")
    result = _production(
        tmp_path,
        "from django.conf import settings; print(settings.SECRET_KEY)",
        SECRET_KEY="",
        SECRET_KEY_FILE=str(key_file),
    )
    assert result.stdout.strip() == "k" * 50


def test_uploads_are_served_only_where_no_web_server_does(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.png").write_bytes(b"\x89PNG")
    code = (
        "from django.test import Client\n"
        "from django.urls import Resolver404, resolve\n"
        "try:\n"
        "    resolve('/media/images/a.png')\n"
        "except Resolver404:\n"
        "    print('not routed')\n"
        "else:\n"
        "    print(Client().get('/media/images/a.png', HTTP_HOST='example.org').status_code)\n"
    )
    served = _production(
        tmp_path, code, MEDIA_ROOT=str(tmp_path), SERVE_MEDIA="true", HTTPS="false"
    )
    assert served.returncode == 0, served.stderr
    assert served.stdout.split() == ["200"]
    behind_nginx = _production(tmp_path, code, MEDIA_ROOT=str(tmp_path), HTTPS="false")
    assert behind_nginx.stdout.split() == ["not", "routed"]


def test_deploy_gives_the_site_its_public_address_and_the_sitemap_names_it(
    client, site_content, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://bulletin.example.org"
    assert use_public_address() == "https://bulletin.example.org"
    sitemap = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://bulletin.example.org/") for loc in locations)
    # Pages still answer at any host the site is served under.
    assert client.get("/en/", HTTP_HOST="127.0.0.1").status_code == 200
