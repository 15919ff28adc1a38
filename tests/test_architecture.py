"""The import graph of `history/` keeps the layers ARCHITECTURE.md states (the contract is in
pyproject.toml), and migrations stand alone."""

from pathlib import Path

import grimp
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_apps_import_only_the_layers_below_them():
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_migrations_import_no_application_code():
    """A migration holds its own copy of the choices and blocks it needs, as they were when it
    was written: renaming or changing a module of the site cannot break migration history."""
    graph = grimp.build_graph("history", cache_dir=None)
    found = {
        (module, imported)
        for module in graph.modules
        if ".migrations." in module
        for imported in graph.find_modules_directly_imported_by(module)
        if ".migrations" not in imported
    }
    assert found == set()
    # Nor by name: a block's path in a stream field's definition is imported when it loads.
    named = [
        path.relative_to(ROOT)
        for path in (ROOT / "history").glob("*/migrations/0*.py")
        if "'history." in path.read_text()
    ]
    assert named == []
