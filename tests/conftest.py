import io
from pathlib import Path

import pytest
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


@pytest.fixture
def site_content(db):
    """The site as `make run` loads it from site/."""
    from history.core.models import LoadedContent
    from history.edition.models import EditionPage

    if not LoadedContent.objects.filter(key="home").exists():
        load_site()
    return EditionPage.objects.get(slug="fifth-bulletin", locale__language_code="en")


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


_flushed = []


@pytest.fixture(autouse=True)
def _forget_flushed_content_types():
    """A test that empties the database makes its content types anew; once its transaction is
    rolled back, the cached ones no longer exist and the next tests must read them again."""
    yield
    if _flushed:
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        _flushed.clear()


def fresh_database():
    """Empty the test database inside the test's transaction (rolled back afterwards), leaving
    what Wagtail's migrations create for a new site: the default locale, the tree root and the
    root collection. Content then comes from `load_site`, as on a new instance."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page

    _flushed.append(True)
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    locale = Locale.objects.create(language_code="en")
    Page.add_root(title="Root", slug="root", locale=locale)
    Collection.add_root(name="Root")


def export_site(content_dir):
    out = io.StringIO()
    call_command("export_site", "--content-dir", str(content_dir), stdout=out)
    return out.getvalue()
