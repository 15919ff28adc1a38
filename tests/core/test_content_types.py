"""Every content type that an app's content module describes (a list of snippets, a folder of
pages) is written back by `export_site` as the files of site/ give it: an export of the site
loaded from site/ has the same items and the same translations. A new content type is tested
here as soon as it is described."""

import shutil

import polib
import pytest
import yaml

from history.core.content_modules import descriptions
from history.core.simple_pages import PageFolder, SimplePage
from history.core.snippet_lists import SnippetList
from tests.conftest import ROOT, export_site

pytestmark = pytest.mark.django_db

SITE = ROOT / "site"
SNIPPET_LISTS = list(descriptions(SnippetList))
PAGE_FOLDERS = list(descriptions(PageFolder))
SIMPLE_PAGES = list(descriptions(SimplePage)) + [folder.index for folder in PAGE_FOLDERS]
LANGUAGES = sorted(path.name for path in (SITE / "translations").iterdir() if path.is_dir())


@pytest.fixture(scope="module")
def exported(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of site/ that the site loaded from it was exported into, after the files of
    the described types were taken out of it: their translations and pages deleted, their
    items cut to their keys and the lists whose order the export keeps (see file_order.py)."""
    folder = tmp_path_factory.mktemp("exported") / "site"
    shutil.copytree(SITE, folder)
    for kind in SNIPPET_LISTS:
        items = data(folder / kind.file)
        cut = [
            {k: v for k, v in item.items() if k == "key" or isinstance(v, list)} for item in items
        ]
        (folder / kind.file).write_text(yaml.safe_dump(cut, allow_unicode=True), encoding="utf-8")
    names = [kind.name for kind in SNIPPET_LISTS]
    for language in LANGUAGES:
        for name in names:
            (folder / "translations" / language / f"{name}.po").unlink(missing_ok=True)
        for page_folder in PAGE_FOLDERS:
            shutil.rmtree(folder / "translations" / language / page_folder.name, True)
    for page_folder in PAGE_FOLDERS:
        shutil.rmtree(folder / page_folder.name)
    for page in SIMPLE_PAGES:
        (folder / page.file).unlink(missing_ok=True)
        for language in LANGUAGES:
            (folder / "translations" / language / f"{page.key}.po").unlink(missing_ok=True)
    with django_db_blocker.unblock():
        export_site(folder)
    return folder


def data(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def entries(path):
    return {(e.msgctxt, e.msgid, e.msgstr) for e in polib.pofile(str(path))}


def test_the_site_describes_its_content_types():
    names = {kind.name for kind in SNIPPET_LISTS} | {folder.name for folder in PAGE_FOLDERS}
    assert {"bibliography", "atlas/places", "timeline/events", "essays", "lessons"} <= names
    pages = {page.key for page in SIMPLE_PAGES}
    assert {"atlas/map", "timeline/page", "search", "essays/index"} <= pages


@pytest.mark.parametrize("page", SIMPLE_PAGES, ids=lambda page: page.key)
def test_a_simple_page_comes_back_as_its_file_gives_it(exported, page):
    assert data(exported / page.file) == data(SITE / page.file)
    for language in LANGUAGES:
        po = f"translations/{language}/{page.key}.po"
        if (SITE / po).exists():
            assert entries(exported / po) == entries(SITE / po), po


@pytest.mark.parametrize("kind", SNIPPET_LISTS, ids=lambda kind: kind.name)
def test_a_list_of_snippets_comes_back_as_its_file_gives_it(exported, kind):
    assert (SITE / kind.file).exists()
    assert data(exported / kind.file) == data(SITE / kind.file)
    if kind.translated:
        for language in LANGUAGES:
            po = f"translations/{language}/{kind.name}.po"
            assert entries(exported / po) == entries(SITE / po), po


@pytest.mark.parametrize("folder", PAGE_FOLDERS, ids=lambda folder: folder.name)
def test_a_folder_of_pages_comes_back_as_its_files_give_it(exported, folder):
    index = data(SITE / folder.index.file)
    assert data(exported / folder.index.file) == index
    assert index[folder.name]
    for slug in index[folder.name]:
        relative = f"{folder.name}/{slug}.yaml"
        assert data(exported / relative) == data(SITE / relative), relative
    for language in LANGUAGES:
        for original in (SITE / "translations" / language / folder.name).glob("*.po"):
            po = exported / "translations" / language / folder.name / original.name
            # The strings the loader could place come back translated, and no others are.
            contexts = {context for context, _msgid, _msgstr in entries(po)}
            loaded = {entry for entry in entries(original) if entry[0] in contexts}
            assert {entry for entry in entries(po) if entry[2]} == loaded, po
