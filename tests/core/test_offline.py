"""Reading offline: the web app manifest, the service worker, the offline page, and what the
frame says of them (the worker's behaviour in a browser: tests/browser/test_offline.py)."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings

from history.core import versions
from history.core.roles import TEACHERS

pytestmark = pytest.mark.django_db

CSS = "history/core/static/core/css/site.css"


def css_colour(name):
    with open(CSS) as css:
        return re.search(rf"--{name}:\s*(#[0-9a-f]{{6}});", css.read()).group(1)


@pytest.mark.parametrize(
    "language, short_name", [("en", "Fifth Bulletin"), ("zh-hans", "第五号简报")]
)
def test_the_manifest_names_the_site_in_the_language_of_its_address(
    client, site_content, language, short_name
):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["short_name"] == short_name
    assert manifest["lang"] == language
    assert manifest["start_url"] == manifest["id"] == f"/{language}/"
    assert manifest["scope"] == "/"
    assert manifest["display"] == "minimal-ui"
    # The header's and the page's colours.
    assert manifest["theme_color"] == css_colour("paper-deep")
    assert manifest["background_color"] == css_colour("paper")
    icons = {icon["sizes"]: icon for icon in manifest["icons"]}
    assert icons["any"]["src"].endswith("core/img/favicon.svg")
    assert {"192x192", "512x512"} <= set(icons)
    assert any(icon["purpose"] == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        served = client.get(icon["src"])
        assert served.status_code == 200, icon["src"]
        assert served["Content-Type"] == icon["type"]


def test_the_worker_is_served_at_the_root_and_checked_on_every_visit(client, site_content):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # At the root, its scope covers /en/ and /zh-hans/ without a Service-Worker-Allowed header.
    assert "Service-Worker-Allowed" not in response
    assert "no-cache" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    script = response.content.decode()
    config = json.loads(re.search(r"^const SITE = (.*);$", script, re.M).group(1))
    assert config["offlinePages"] == {"/en/": "/en/offline/", "/zh-hans/": "/zh-hans/offline/"}
    assert "/admin/" in config["notKept"]
    kept_first = {"/static/core/css/site.css", "/static/core/js/offline.js"}
    assert kept_first <= set(config["offlineFiles"])


@override_settings(PAGE_CACHE=True)
def test_the_page_cache_does_not_keep_the_worker(client, site_content):
    client.get("/sw.js")
    assert "X-Page-Cache" not in client.get("/sw.js")


def worker_text(client):
    return client.get("/sw.js").content.decode()


def test_the_worker_changes_when_the_static_files_change(client, site_content, tmp_path):
    """In production the static files have hashed names, listed in a manifest: a change to
    any of them changes the worker, so that browsers install the new one."""
    files = [
        "core/css/site.css",
        "core/js/site.js",
        "core/js/offline.js",
        "core/img/favicon.svg",
    ]

    def deploy(digest):
        paths = {name: re.sub(r"\.(\w+)$", rf".{digest}.\1", name) for name in files}
        manifest = {"paths": paths, "version": "1.1", "hash": digest}
        (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
        storage = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
        stores = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        with override_settings(STATIC_ROOT=tmp_path, STORAGES={**stores, "staticfiles": storage}):
            return worker_text(client)

    first, second = deploy("0123456789ab"), deploy("ba9876543210")
    assert "/static/core/css/site.0123456789ab.css" in first
    assert "/static/core/css/site.ba9876543210.css" in second
    assert first != second
    assert deploy("0123456789ab") == first


def test_the_worker_changes_with_each_release(client, site_content):
    before = worker_text(client)
    assert worker_text(client) == before
    versions.new_release()
    assert worker_text(client) != before


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_public_pages_link_the_manifest_and_start_the_worker(client, site_content, language):
    for path in ("", "fifth-bulletin/", "glossary/"):
        html = client.get(f"/{language}/{path}").content.decode()
        assert f'<link rel="manifest" href="/{language}/manifest.webmanifest">' in html
        assert 'src="/static/core/js/offline.js" data-worker="/sw.js" defer' in html
        assert 'id="offline-status" role="status"' in html


def test_the_frame_says_when_the_reader_is_offline_in_each_language(client, site_content):
    assert "You are offline: the pages you have opened" in client.get("/en/").content.decode()
    assert "目前处于离线状态" in client.get("/zh-hans/").content.decode()


def test_the_admin_does_not_start_the_worker(client, site_content):
    for html in (
        client.get("/admin/login/").content.decode(),
        admin_home(client).content.decode(),
    ):
        assert "offline.js" not in html
        assert "manifest.webmanifest" not in html


def admin_home(client):
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    response = client.get("/admin/")
    assert response.status_code == 200
    return response


def test_the_policy_allows_the_sites_own_worker_and_manifest(client, site_content):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy


@pytest.mark.parametrize(
    "language, heading", [("en", "Not available offline"), ("zh-hans", "此页无法离线阅读")]
)
def test_the_offline_page_renders_in_each_language(client, site_content, language, heading):
    response = client.get(f"/{language}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert f"<h1>{heading}</h1>" in html
    assert 'data-offline-list data-cache="pages"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_edition_names_its_other_views_to_keep(client, site_content):
    html = client.get("/en/fifth-bulletin/").content.decode()
    named = re.search(r'<meta name="offline-pages" content="([^"]*)">', html).group(1).split()
    assert named == [
        "/en/fifth-bulletin/?version=en",
        "/en/fifth-bulletin/?version=zh",
        "/en/fifth-bulletin/parallel/",
    ]


def test_a_teachers_lesson_page_is_never_public(client, site_content):
    """The worker keeps only public pages: a signed-in teacher's lesson (with its teacher-only
    notes) says private and no-store."""
    lesson = "/en/lessons/sourcing-a-government-report/"
    assert "public" in client.get(lesson)["Cache-Control"]
    teacher = get_user_model().objects.create_user("ana", password="pw")
    teacher.groups.add(Group.objects.get(name=TEACHERS))
    client.force_login(teacher)
    response = client.get(lesson)
    assert "Timing: 10 minutes" in response.content.decode()
    directives = response["Cache-Control"]
    assert "private" in directives and "no-store" in directives and "public" not in directives


def test_the_browsers_bar_takes_the_headers_colour_in_both_themes(client, site_content):
    html = client.get("/en/").content.decode()
    with open(CSS) as css:
        dark = css.read().split("prefers-color-scheme: dark")[1]
    dark_header = re.search(r"--paper-deep:\s*(#[0-9a-f]{6});", dark).group(1)
    assert (
        f'<meta name="theme-color" content="{css_colour("paper-deep")}" '
        'media="(prefers-color-scheme: light)">'
    ) in html
    assert (
        f'<meta name="theme-color" content="{dark_header}" media="(prefers-color-scheme: dark)">'
    ) in html
