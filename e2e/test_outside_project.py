"""The plugin from outside: our wheel in a fresh virtualenv runs examples/outside-project.

Nothing of this repository is on that project's path: no conftest, no PYTHONPATH, its own
folder. It is installed as docs/plugin.md says, with pip and constraints.txt (the lock's pins,
without the hashes pip refuses for a wheel it cannot hash), so it runs what CI passed with.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "examples" / "outside-project"
UV = Path(sys.prefix) / ".uv" / "bin" / "uv"  # scripts/bootstrap-venv puts uv there


def run(command: list, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PYTEST"))}
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env={**clean, **env},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build our wheel, make a virtualenv with it and copy the outside project beside it."""
    uv = UV if UV.exists() else shutil.which("uv")
    assert uv, f"uv is missing at {UV}: run make setup"
    work = tmp_path_factory.mktemp("outside")
    # The sdist first, then the wheel from it (uv's default): what a user's pip would get, and
    # nothing written into this tree (a wheel built in place leaves build/ behind).
    built = run([uv, "build", "--quiet", "--out-dir", work / "dist", ROOT], ROOT)
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("hikari_e2e-*.whl")
    venv = work / "venv"
    steps = [
        [sys.executable, "-m", "venv", venv],
        [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-c", ROOT / "constraints.txt", f"hikari-e2e[test] @ {wheel.as_uri()}"],
    ]  # fmt: skip
    for step in steps:
        done = run(step, work)
        assert done.returncode == 0, done.stderr
    project = work / "project"
    shutil.copytree(PROJECT, project)
    return project


def test_its_tests_pass_with_the_installed_plugin_alone(outside: Path):
    result = run([outside.parent / "venv" / "bin" / "pytest", "-p", "no:cacheprovider"], outside)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 passed" in result.stdout  # two tests and a feature, each against both regions
    assert "hikari-e2e ran with: hikari-e2e " in result.stdout  # the versions that ran


def test_its_scenario_module_runs(outside: Path):
    command = [outside.parent / "venv" / "bin" / "hikari-e2e", "run", "acme-busy-forward"]

    result = run(command, outside, HIKARI_SCENARIOS="acme_scenarios")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "確認：サービスの状態が「開始」になっています。" in result.stdout


def test_its_feature_file_runs_with_its_own_step(outside: Path):
    command = [outside.parent / "venv" / "bin" / "hikari-e2e", "run", "acme-menu"]

    result = run(command, outside, HIKARI_SCENARIOS="tests/acme_steps.py",
                 HIKARI_FEATURES="features")  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "  ならば ボイスワープ サービスメニューが表示される" in result.stdout
