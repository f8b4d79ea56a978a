"""The code's shape, as issue 29 set it: no module over MAX_MODULE_LINES (the wording aside), no
function of the replica or the library over MAX_FUNCTION_LINES, no test module importing
another (what tests share lives in fixtures/)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
# The guide's words, one owner of every label and sentence: long because the guide is.
WORDING = ROOT / "mock_site" / "wording.py"
PACKAGES = ("mock_site", "hikari_e2e", "e2e", "tests", "fixtures", "bench", "scripts")


def python_files(*packages: str) -> list[Path]:
    return sorted(
        path
        for package in packages
        for path in (ROOT / package).rglob("*.py")
        if "__pycache__" not in path.parts and "features_for_tests" not in path.parts
    )


def long_functions(source: str, limit: int = MAX_FUNCTION_LINES) -> list[tuple[str, int]]:
    """Each function (or method) of source longer than limit lines: (name, lines)."""
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > limit
    ]


def imported_test_modules(source: str) -> list[str]:
    """The test modules (test_*) that source imports."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""] + [alias.name for alias in node.names if not node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [name for name in names if name.rsplit(".", 1)[-1].startswith("test_")]
    return found


def test_no_module_is_over_600_lines_but_the_wording():
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines()) for path in
             python_files(*PACKAGES)}  # fmt: skip
    too_long = {str(path.relative_to(ROOT)): lines for path, lines in sizes.items()
                if lines > MAX_MODULE_LINES and path != WORDING}  # fmt: skip
    assert too_long == {}


def test_no_function_of_the_replica_or_the_library_is_over_60_lines():
    too_long = {
        f"{path.relative_to(ROOT)}:{name}": lines
        for path in python_files("mock_site", "hikari_e2e")
        for name, lines in long_functions(path.read_text(encoding="utf-8"))
    }
    assert too_long == {}


def test_the_function_check_finds_a_long_one():
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_FUNCTION_LINES))
    assert long_functions(f"def short():\n    pass\n\n\ndef long():\n{body}") == [
        ("long", MAX_FUNCTION_LINES + 1)
    ]


def test_no_test_module_imports_another():
    importing = {
        str(path.relative_to(ROOT)): imported
        for path in python_files("tests", "e2e", "fixtures")
        if (imported := imported_test_modules(path.read_text(encoding="utf-8")))
    }
    assert importing == {}


def test_the_import_check_finds_a_test_module_imported():
    source = "from .test_site import login\nimport tests.test_api\nfrom fixtures import screens\n"
    assert imported_test_modules(source) == ["test_site", "tests.test_api"]
