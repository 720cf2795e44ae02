"""The library's import graph: no cycles, and the layers import only downwards.

Every module under ``assistant/`` (the linked ``retrieval``, ``ui`` and ``eval`` folders included) is
parsed, and every ``import`` is an edge: module level, inside functions and under ``TYPE_CHECKING``
alike, resolved to the module it names (``from assistant.retrieval import parse`` → ``assistant.
retrieval.parse``; a name from a module → that module). Importing ``a.b.c`` is an edge to ``a.b.c``
only, not to the packages above it.
"""

from __future__ import annotations

import ast
import os
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assistant"


@lru_cache(maxsize=1)
def modules() -> dict[str, tuple[Path, bool]]:
    """Dotted module name → (file, is a package ``__init__``), following the linked folders."""
    found: dict[str, tuple[Path, bool]] = {}
    for folder, _dirs, files in os.walk(PACKAGE, followlinks=True):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = Path(folder) / name
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_pkg = parts[-1] == "__init__"
            found[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return found


def _resolve(name: str) -> str | None:
    """The longest known module that ``name`` names or lies in."""
    mods = modules()
    while name and name not in mods:
        name = name.rpartition(".")[0]
    return name or None


def _targets(module: str, path: Path, is_pkg: bool) -> set[str]:
    package = module if is_pkg else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # ``from pkg import sub`` imports the submodule; ``from mod import name`` the module.
            names = [
                f"{source}.{a.name}" if f"{source}.{a.name}" in modules() else source for a in node.names
            ]
        else:
            continue
        for name in names:
            if name == "assistant" or name.startswith("assistant."):
                target = _resolve(name)
                if target and target != module:
                    out.add(target)
    return out


@lru_cache(maxsize=1)
def graph() -> dict[str, frozenset[str]]:
    """Module → the library modules it imports."""
    return {m: frozenset(_targets(m, p, pkg)) for m, (p, pkg) in modules().items()}


def cycles() -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan), each sorted."""
    g = graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return groups


def _imports_from(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    """``module -> target`` for every import from ``layer`` into one of the ``forbidden`` packages."""
    return sorted(
        f"{m} -> {t}"
        for m, targets in graph().items()
        if m == layer or m.startswith(layer + ".")
        for t in targets
        if any(t == f or t.startswith(f + ".") for f in forbidden)
    )


def test_the_scan_sees_the_whole_library_and_its_imports() -> None:
    g = graph()
    assert {"assistant.timeline.build", "assistant.retrieval.parse", "assistant.ui.services"} <= set(g)
    assert "assistant.timeline.placement" in g["assistant.timeline.build"]  # module level
    assert "assistant.retrieval.library" in g["assistant.draft.context"]  # inside a function


def test_no_import_cycles_between_library_modules() -> None:
    found = cycles()
    for group in found:
        print("cycle:", " ↔ ".join(group))
        for m in group:
            print("   ", m, "->", ", ".join(sorted(t for t in graph()[m] if t in group)))
    assert found == [], f"{len(found)} import cycle(s); move the shared code to the lower module"


def test_model_transports_import_nothing_from_drafting() -> None:
    assert _imports_from("assistant.llm", ("assistant.draft",)) == []


def test_ingest_imports_nothing_from_drafting_or_the_ui() -> None:
    assert _imports_from("assistant.ingest", ("assistant.draft", "assistant.ui")) == []


def test_no_module_is_left_at_an_old_path() -> None:
    old = (
        *("timeline_merge", "timeline_align", "timeline_clock", "timeline_stated", "timeline_json"),
        *("keytimes", "clock_statements", "condense", "condense_stream"),
    )
    assert [m for m in old if f"assistant.{m}" in modules()] == []
    assert [m for m in ("assistant.llm.offline", "assistant.draft.blame") if m in modules()] == []


def test_the_large_log_sampler_imports_no_private_names() -> None:
    path, _ = modules()["assistant.ingest.large_log"]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [
        f"{node.module}.{a.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("assistant")
        for a in node.names
        if a.name.startswith("_")
    ]
    assert private == []
