import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "site" / "sources"


def load_site(content_dir=None, force=False):
    out = io.StringIO()
    args = ["--content-dir", str(content_dir)] if content_dir else []
    if force:
        args.append("--force")
    call_command("load_site", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the site loaded from site/, once per session (loading
    takes a while). Each test runs in a transaction that is rolled back, so each starts from
    the loaded site; live-server tests flush the database and load it again themselves."""
    with django_db_blocker.unblock():
        load_site()


@pytest.fixture(scope="session")
def round_trip(django_db_setup, django_db_blocker, tmp_path_factory):
    """`round_trip(name)`: the shared round trip `name` through files, run the first time a
    test asks for it (see tests/round_trips.py)."""
    from tests.round_trips import run

    done = {}

    def trip(name):
        if name not in done:
            try:
                with django_db_blocker.unblock():
                    done[name] = run(name, tmp_path_factory.mktemp("trip"))
            except Exception as error:  # the trip's other tests fail at once, and alike
                done[name] = error
        if isinstance(done[name], Exception):
            raise done[name]
        return done[name]

    return trip


@pytest.fixture
def site_content(db):
    """The site as `make run` loads it from site/."""
    from history.core.models import LoadedContent
    from history.edition.models import EditionPage

    if not LoadedContent.objects.filter(key="home").exists():
        load_site()
    return EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")


@pytest.fixture
def content_copy(tmp_path, site_content):
    """A copy of site/ to change, load from and export into."""
    target = tmp_path / "site"
    shutil.copytree(ROOT / "site", target)
    return target


@pytest.fixture
def edition(site_content):
    return site_content


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache (the site frame is cached across requests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request to a Chinese page leaves
    Chinese active in the thread, as a server thread would until its next request."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def fresh_database():
    """Empty the test database inside the test's transaction (rolled back afterwards), as a new
    instance's database is after its migrations: content types and permissions, the default
    locale, the tree root and the root collection. Content then comes from `load_site`."""
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Collection, Locale, Page

    keep = {"django_migrations", "django_content_type", "auth_permission"}
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in keep
    ]
    statements = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
    if connection.vendor == "postgresql":
        # PostgreSQL truncates only tables without pending deferred checks: run them first.
        statements = ["SET CONSTRAINTS ALL IMMEDIATE", *statements, "SET CONSTRAINTS ALL DEFERRED"]
    connection.ops.execute_sql_flush(statements)
    locale = Locale.objects.create(language_code="en")
    Page.add_root(title="Root", slug="root", locale=locale)
    Collection.add_root(name="Root")


def export_site(content_dir):
    out = io.StringIO()
    call_command("export_site", "--content-dir", str(content_dir), stdout=out)
    return out.getvalue()
