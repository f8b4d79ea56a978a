"""The import contracts of pyproject.toml hold, and a back-import breaks them (lint-imports)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def copy_of_the_tree(tmp_path: Path) -> Path:
    for package in ("mock_site", "hikari_e2e", "e2e", "fixtures", "tests"):
        skip = shutil.ignore_patterns("__pycache__", "*.eml")
        shutil.copytree(ROOT / package, tmp_path / package, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contracts_hold(tmp_path):
    result = lint_imports(copy_of_the_tree(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_back_import_from_the_store_to_the_servers_breaks_the_layers(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    with (tree / "mock_site" / "store.py").open("a", encoding="utf-8") as store:
        store.write("\nfrom . import environment  # noqa: E402,F401  (a deliberate back-import)\n")

    result = lint_imports(tree)

    assert result.returncode == 1
    assert "mock_site.store -> mock_site.environment" in result.stdout


def test_a_blueprint_importing_another_blueprints_views_breaks_the_layers(tmp_path):
    tree = copy_of_the_tree(tmp_path)
    with (tree / "mock_site" / "otp" / "views.py").open("a", encoding="utf-8") as views:
        views.write("\nfrom ..auth import views as auth_views  # noqa: E402,F401\n")

    result = lint_imports(tree)

    assert result.returncode == 1
    assert "mock_site.otp.views -> mock_site.auth.views" in result.stdout
