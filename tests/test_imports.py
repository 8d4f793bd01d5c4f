"""The package's shape (issue 12): no import cycle, a short top level, old import paths, a cheap import.

The import graph is read from the source with ``ast`` (nothing is imported to build it): an edge A → B when
module A imports B, or a name from B, or B's package (importing ``a.b.c`` runs ``a`` and ``a.b`` first).
Imports inside functions count too (they run later, but a cycle through them is still one module needing
the other), except those under ``if TYPE_CHECKING:``.
"""

from __future__ import annotations

import ast
import functools
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import translator

PACKAGE = Path(translator.__file__).resolve().parent
MAX_TOP_LEVEL_MODULES = 10


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


@functools.cache
def _tree(path: Path) -> ast.Module:
    """A module's syntax tree, parsed once for the whole file's tests (they only read it)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name | ast.Attribute) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    found: set[str] = set()
    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
        todo.extend(ast.iter_child_nodes(node))
    return found


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """module → the translator modules it imports (and their packages, but not its own packages); built once
    for the file's tests, which only read it."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        own = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 2)}
        targets: set[str] = set()
        for imported in _imports(_tree(path), name, path.name == "__init__.py"):
            parts = imported.split(".")
            targets.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        graph[name] = {t for t in targets if t in modules and t not in own}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None (depth-first search with colours)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = 2
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_cycle_and_the_graph_sees_relative_imports() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    graph = import_graph()
    assert "translator.langid.scripts" in graph["translator.langid.runs"]  # from .scripts import ...
    assert "translator.errors" in graph["translator.langid"]  # from ..errors import ...


def test_no_import_cycle_between_modules() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_the_library_does_not_import_the_testing_helpers() -> None:
    users = sorted(m for m, targets in import_graph().items() if not m.startswith("translator.testing")
                   and any(t.startswith("translator.testing") for t in targets))
    assert users == []


def test_top_level_stays_short() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


@pytest.mark.parametrize("old", sorted(translator.MOVED))
def test_old_import_paths_still_work_and_say_where_to_go(old: str) -> None:
    code = (f"import warnings; warnings.simplefilter('error', DeprecationWarning)\n"
            f"try:\n    import {old}\nexcept DeprecationWarning as w:\n    print(w)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert translator.MOVED[old] in out.stdout
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        module = __import__(old, fromlist=["*"])
    assert module is sys.modules[translator.MOVED[old]]


def test_old_facade_names_still_import() -> None:
    from translator.outlets import OutletRegistry

    from translator.citations import parse_citations
    from translator.langid import detect

    assert parse_citations("“عنوان (A headline),” RT Arabic, 26 May 2022.")[0].outlet_canonical == "RT Arabic"
    assert detect("مدينة تندوف في الجزائر").lang == "ar"
    assert OutletRegistry is translator.OutletRegistry


def test_import_translator_stays_cheap() -> None:
    code = ("import sys, translator\n"
            "print(sorted(m for m in sys.modules if m.startswith(('translator.', 'pandas', 'pyarrow', 'torch',"
            " 'transformers', 'ctranslate2', 'ray', 'wordfreq'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _public_modules() -> list[str]:
    return sorted(name for name in _modules() if name != "translator.__main__"
                  and not any(part.startswith("_") and part != "__init__" for part in name.split(".")))


@pytest.mark.parametrize("name", _public_modules())
def test_every_public_module_declares_all_and_its_names_exist(name: str) -> None:
    tree = _tree(_modules()[name])
    declared = [n for n in tree.body if isinstance(n, ast.Assign | ast.AnnAssign)
                and "__all__" in ast.unparse(n.targets[0] if isinstance(n, ast.Assign) else n.target)]
    assert declared, f"{name} has no __all__"
    module = importlib.import_module(name)
    assert [n for n in module.__all__ if not hasattr(module, n)] == []


def test_only_the_cli_prints() -> None:
    """The library logs through logging.getLogger("translator"); print() and sys.stderr belong to translator.cli."""
    found = []
    for name, path in _modules().items():
        if name.startswith("translator.cli") or name == "translator.__main__":
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                found.append(f"{name}:{node.lineno} print()")
            if isinstance(node, ast.Attribute) and ast.unparse(node) in ("sys.stderr", "sys.stdout"):
                found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    assert found == []


def test_each_word_names_one_kind_of_thing() -> None:
    """STYLE "Words": Piece, Span and Analysis are each defined once (old names stay as plain aliases)."""
    defined: dict[str, list[str]] = {}
    for name, path in _modules().items():
        for node in _tree(path).body:
            if isinstance(node, ast.ClassDef) and node.name in ("Piece", "Span", "Analysis"):
                defined.setdefault(node.name, []).append(name)
    assert defined == {"Piece": ["translator.citations.blocks"], "Span": ["translator.text.segment"],
                       "Analysis": ["translator.corpus.analyze"]}
