"""The code's shape: stages import in pipeline order, nothing imports in a circle, the engine stays
pure, and every module of some size has a test file named after it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from conftest import REPO

SRC = REPO / "src" / "ncr"
TESTS = REPO / "tests"
# Top-level modules every stage may use; `pipeline` glues loader and engine for the CLI.
SHARED = {"ncr", "ncr.problems", "ncr.shipped"}
ALLOWED: dict[str, set[str]] = {
    "documents": {"documents"},
    "loader": {"documents", "loader"},
    "engine": {"documents", "engine"},
    "outputs": {"documents", "engine", "outputs"},
    "pipeline": {"documents", "loader", "engine"},
    "cli": {"documents", "loader", "engine", "outputs", "pipeline", "cli"},
}
ENGINE_FORBIDDEN = {"typer", "rich", "jinja2", "weasyprint", "yaml", "openpyxl", "docx", "os"}
MIRROR_MIN_LINES = 40


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(SRC.rglob("*.py"))}


def imports(path: Path, known: dict[str, Path]) -> Iterator[str]:
    """Every module a file imports, lazily inside functions too; `from pkg import mod` names the
    submodule, not the package."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                yield sub if sub in known else node.module


def stage(module: str) -> str | None:
    parts = module.split(".")
    if module in SHARED or parts[0] != "ncr":
        return None
    return parts[1]


def test_each_stage_imports_only_the_stages_before_it() -> None:
    known = modules()
    wrong = []
    for name, path in known.items():
        here = stage(name)
        for target in imports(path, known):
            there = stage(target)
            if here is not None and there is not None and there not in ALLOWED[here]:
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_only_the_stages_and_three_shared_modules_sit_at_the_top() -> None:
    top = sorted(p.name for p in SRC.iterdir() if p.name != "__pycache__")
    stages = ["cli", "documents", "engine", "loader", "outputs"]
    # and the interface catalogs (DESIGN §12): data, not a stage, so no module lives there
    assert [name for name in top if (SRC / name).is_dir()] == sorted([*stages, "locale"])
    assert list((SRC / "locale").rglob("*.py")) == []
    modules_at_top = [name for name in top if name.endswith(".py") and name != "__init__.py"]
    assert modules_at_top == ["pipeline.py", "problems.py", "shipped.py"]


def test_no_import_cycle() -> None:
    known = modules()
    # a package's __init__ re-exports its submodules; importing a submodule through it is no cycle
    graph = {
        name: {t for t in imports(path, known) if t in known and not name.startswith(f"{t}.")}
        for name, path in known.items()
    }
    cycles = list(_cycles(graph))
    assert cycles == []


def _cycles(graph: dict[str, set[str]]) -> Iterator[list[str]]:
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> Iterator[list[str]]:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                yield [*stack[stack.index(target) :], target]
            elif target not in state:
                yield from visit(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            yield from visit(node)


def test_the_engine_does_no_io_and_imports_no_interface_library() -> None:
    known = modules()
    found = [
        f"{name} imports {target}"
        for name, path in known.items()
        if name.startswith("ncr.engine")
        for target in imports(path, known)
        if target.split(".")[0] in ENGINE_FORBIDDEN or target in ("pathlib", "io", "subprocess")
    ]
    assert found == []


def test_no_two_modules_share_a_name() -> None:
    names = [p.stem for p in SRC.rglob("*.py") if p.stem != "__init__"]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_module_of_some_size_has_a_test_file_named_after_it() -> None:
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        if len(path.read_text(encoding="utf-8").splitlines()) < MIRROR_MIN_LINES:
            continue
        relative = path.relative_to(SRC)
        expected = TESTS / relative.parent / f"test_{relative.name}"
        if not expected.is_file():
            missing.append(str(expected.relative_to(REPO)))
    assert missing == []
