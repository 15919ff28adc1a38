"""The production stack, as an operator runs it (`deploy/stack up`: PostgreSQL, Redis, two
gunicorn instances, Varnish, nginx): pages answer, changes are seen at once everywhere, slow
clients and a dying instance cost nothing, uploads are served, a backup restores the site.

Run against a stack that is up: `STACK_DIR=... pytest -m stack` (CI does it); skipped
otherwise.
"""

import os
import re
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STACK_DIR = Path(os.environ.get("STACK_DIR", ROOT / "var" / "stack"))
PORT = int(os.environ.get("STACK_PORT", 8480))
FRONT = f"http://127.0.0.1:{PORT}"
INSTANCES = [f"http://127.0.0.1:{PORT + 11}", f"http://127.0.0.1:{PORT + 12}"]

pytestmark = [
    pytest.mark.stack,
    pytest.mark.skipif(
        not (STACK_DIR / "site.env").exists(), reason="the production stack is not up"
    ),
]

PAGES = [
    "/en/", "/zh-hans/", "/en/fifth-bulletin/", "/zh-hans/fifth-bulletin/",
    "/en/fifth-bulletin/parallel/", "/en/fifth-bulletin/text/", "/en/map/", "/zh-hans/map/",
    "/en/map/data.geojson", "/en/numbers/", "/en/timeline/", "/en/timeline/events.json",
    "/zh-hans/timeline/", "/en/glossary/", "/zh-hans/glossary/", "/en/essays/",
    "/en/essays/the-numbers/", "/en/lessons/", "/en/lessons/mapping-the-campaign/",
    "/zh-hans/lessons/", "/en/search/?q=Tonghua", "/zh-hans/search/?q=%E9%80%9A%E5%8C%96",
    "/sitemap.xml", "/robots.txt",
]  # fmt: skip


def get(url, headers=None, timeout=10):
    """(status, headers, body) of a GET, errors included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def manage(code):
    """Run Python in a production process of the site (as an operator's shell would)."""
    env = {**os.environ, "FIFTH_BULLETIN_ENV": str(STACK_DIR / "site.env")}
    result = subprocess.run(
        [ROOT / "deploy" / "manage", "shell", "-c", code],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


def warm(base, path):
    for _ in range(4):
        status, headers, _body = get(base + path)
        assert status == 200
        if headers.get("X-Proxy-Cache") == "hit" or headers.get("X-Page-Cache") == "hit":
            return
    raise AssertionError(f"{base}{path} is never served from a cache")


def test_the_production_steps_give_a_working_site():
    for path in PAGES:
        status, _headers, body = get(FRONT + path)
        assert status == 200, (path, body[:300])
    assert get(FRONT + "/static/core/css/site.css")[0] == 200


def test_a_change_is_served_fresh_by_every_instance_and_the_proxy_within_a_second():
    path = "/en/essays/the-numbers/"
    for base in (FRONT, *INSTANCES):
        warm(base, path)
    title = f"The numbers, revised {time.time_ns()}"
    manage(
        "from history.essays.pages import EssayPage\n"
        "page = EssayPage.objects.get(slug='the-numbers', locale__language_code='en')\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
    )
    published = time.monotonic()
    for base in (FRONT, *INSTANCES):
        while title.encode() not in get(base + path)[2]:
            assert time.monotonic() - published < 1.0, f"{base} still serves the old page"
            time.sleep(0.02)


def test_a_snippet_change_drops_the_pages_showing_it_from_the_proxy_and_no_others():
    warm(FRONT, "/en/glossary/")
    warm(FRONT, "/en/map/")
    definition = f"A unit of weight, checked {time.time_ns()}."
    manage(
        "from history.glossary.terms import GlossaryTerm\n"
        "term = GlossaryTerm.objects.filter(locale__language_code='en').first()\n"
        f"term.short = {definition!r}\n"
        "term.save()\n"
    )
    assert definition.encode() in get(FRONT + "/en/glossary/")[2]
    assert get(FRONT + "/en/map/")[1]["X-Proxy-Cache"] == "hit"


def test_slow_clients_do_not_stop_the_site():
    sockets = []
    for _ in range(60):
        slow = socket.create_connection(("127.0.0.1", PORT))
        slow.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sockets.append(slow)
    try:
        for path in ("/en/search/?q=liang", "/en/search/?q=Rehe", "/en/fifth-bulletin/"):
            started = time.monotonic()
            assert get(FRONT + path, timeout=5)[0] == 200
            assert time.monotonic() - started < 3
    finally:
        for slow in sockets:
            slow.close()


def test_uploads_are_served_and_documents_only_through_the_site():
    url = (
        manage(
            "import io\n"
            "from django.core.files.images import ImageFile\n"
            "from PIL import Image as P\n"
            "from wagtail.images.models import Image\n"
            "data = io.BytesIO(); P.new('RGB', (120, 80), 'teal').save(data, 'PNG')\n"
            "image = Image.objects.create(title='Stack check', "
            "file=ImageFile(data, name='stack-check.png'))\n"
            "print(image.get_rendition('width-60').url)\n"
        )
        .strip()
        .splitlines()[-1]
    )
    status, headers, body = get(FRONT + url)
    assert status == 200 and headers["Content-Type"].startswith("image/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert get(FRONT + "/media/documents/anything.pdf")[0] == 404


def test_a_restored_backup_gives_the_same_site(tmp_path):
    env = {**os.environ, "FIFTH_BULLETIN_ENV": str(STACK_DIR / "site.env")}
    pages = ["/en/", "/zh-hans/fifth-bulletin/", "/en/glossary/", "/en/lessons/"]

    def snapshot():
        # Tokens and cache headers differ between two renders of the same content.
        return {
            path: re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", get(FRONT + path)[2])
            for path in pages
        }

    before = snapshot()
    subprocess.run([ROOT / "deploy" / "backup", tmp_path / "backup"], env=env, check=True)
    assert (tmp_path / "backup" / "database.dump").stat().st_size > 0
    assert (tmp_path / "backup" / "content" / "glossary" / "terms.yaml").exists()
    manage(
        "from history.glossary.terms import GlossaryTerm\n"
        "GlossaryTerm.objects.filter(locale__language_code='en').first().delete()\n"
    )
    assert snapshot() != before
    subprocess.run([ROOT / "deploy" / "restore", tmp_path / "backup"], env=env, check=True)
    assert snapshot() == before


def test_killing_an_instance_under_load_loses_no_request():
    # Searches are not cached, so every one reaches an instance.
    paths = [f"/en/search/?q=opium{n}" for n in range(400)]
    victim = STACK_DIR / f"app-{PORT + 12}.pid"
    pid = int(victim.read_text())
    killer = threading.Timer(1.0, os.kill, (pid, 9))
    killer.start()
    try:
        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(lambda path: get(FRONT + path, timeout=30)[0], paths))
    finally:
        killer.join()
        subprocess.run(
            [ROOT / "deploy" / "serve", "--daemon", "--pid", str(victim)],
            env={
                **os.environ,
                "FIFTH_BULLETIN_ENV": str(STACK_DIR / "site.env"),
                "BIND": f"127.0.0.1:{PORT + 12}",
                "ACCESS_LOG": str(STACK_DIR / "log" / "restarted.access.log"),
            },
            check=True,
        )
    assert statuses == [200] * len(paths)


def psql(*statements):
    """Run each statement on its own (ALTER SYSTEM refuses a transaction block)."""
    command = ["runuser", "-u", "postgres", "--", "psql", "-h", "127.0.0.1", "-p", str(PORT + 3)]
    for statement in statements:
        command += ["-c", statement]
    subprocess.run([*command, "-q", "-d", "fifth"], check=True, capture_output=True)


def sign_in(base, username, password):
    """POST the admin's sign-in form; the status of the answer."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    form = opener.open(f"{base}/admin/login/", timeout=10).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password}
    ).encode()
    request = urllib.request.Request(
        f"{base}/admin/login/", data=data, headers={"Referer": f"{base}/admin/login/"}
    )
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_read_only_database_keeps_pages_readable_and_recovers_by_itself():
    manage(
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        "User.objects.filter(username='stack-editor').delete()\n"
        "User.objects.create_superuser('stack-editor', 'e@example.org', 'a long pass phrase 9')\n"
    )
    psql("ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()")
    try:
        time.sleep(0.5)
        for path in ("/en/", "/zh-hans/glossary/", "/en/search/?q=Rehe", "/en/map/data.geojson"):
            assert get(INSTANCES[0] + path)[0] == 200, path
        status, html = sign_in(INSTANCES[0], "stack-editor", "a long pass phrase 9")
        assert status == 503  # signing in writes a session
        assert "briefly unavailable" in html and "网站暂时无法访问" in html
    finally:
        psql("ALTER SYSTEM RESET default_transaction_read_only", "SELECT pg_reload_conf()")
    time.sleep(0.5)
    status, html = sign_in(INSTANCES[0], "stack-editor", "a long pass phrase 9")
    assert status == 200 and "Sign in" not in html
