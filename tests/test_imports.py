"""The modules of history/ import each other at the top, and in one direction only.

An import inside a function hides a cycle rather than removing it. The one allowed place is an
app config's `ready()`, Django's hook for connecting signal handlers once the models are loaded.
Both checks read the source with `ast`; nothing is imported.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "history"


def _modules():
    """{dotted module name: path} of every module in history/ but migrations."""
    found = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" in parts:
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(name):
    return MODULES[name].name == "__init__.py"


def _targets(module, node):
    """The history modules an import statement in `module` names."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        if node.level:
            package = module if _is_package(module) else module.rpartition(".")[0]
            for _step in range(node.level - 1):
                package = package.rpartition(".")[0]
            base = f"{package}.{base}" if base else package
        # `from package import module` names a module; `from module import name` a name in it.
        names = [f"{base}.{alias.name}" for alias in node.names]
        names = [name if name in MODULES else base for name in names]
    return {name for name in names if name in MODULES}


def _functions_with_imports(module, tree):
    """(function name, line, imported module) for each import of a history module made inside
    a function of `module`."""
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if module.endswith(".apps") and function.name == "ready":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                found += [(function.name, node.lineno, t) for t in _targets(module, node)]
    return found


def _graph():
    """{module: modules it imports when it is imported} (function bodies left out)."""
    graph = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        imports = set()
        stack = list(tree.body)
        while stack:
            node = stack.pop()
            if isinstance(node, ast.Import | ast.ImportFrom):
                imports |= _targets(module, node)
            elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                stack.extend(ast.iter_child_nodes(node))
        # Importing a module first imports the packages it sits in.
        imports.discard(module)
        graph[module] = {name for name in imports if not module.startswith(f"{name}.")}
    return graph


def _cycles(graph):
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def test_modules_are_found():
    assert "history.edition.models" in MODULES
    assert "history.core.views" in MODULES


def test_no_history_module_is_imported_inside_a_function():
    found = [
        f"{MODULES[module].relative_to(ROOT)}:{line} {function}() imports {target}"
        for module, path in MODULES.items()
        for function, line, target in _functions_with_imports(
            module, ast.parse(path.read_text(), filename=str(path))
        )
    ]
    assert found == []


def test_history_modules_import_each_other_without_cycles():
    assert _cycles(_graph()) == []


def test_the_checks_see_a_hidden_cycle():
    """The helpers themselves: a function-level import and a two-module cycle are caught."""
    source = "def route(request):\n    from .views import read\n    return read(request)\n"
    tree = ast.parse(source)
    assert _functions_with_imports("history.edition.models", tree) == [
        ("route", 2, "history.edition.views")
    ]
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert _cycles(graph) == [["a", "b"]]
