"""The plugin costs nothing where it is not used, and records what ran where it is.

pytest loads the plugin in every run of a project that installs hikari-e2e, its unit tests too.
Each case runs pytest in a folder of its own, as such a project would.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

# Written by the project's conftest when pytest ends: every module the run imported.
DUMP = """
import sys

def pytest_unconfigure(config):
    with open("modules.txt", "w") as out:
        out.write("\\n".join(sorted(sys.modules)))
"""
# What a run that uses none of the plugin may load of this project: the plugin, the region
# fixture's plain data and (where pytest-playwright is) the launch fixtures it extends.
CHEAP = {"hikari_e2e", "hikari_e2e.plugin", "hikari_e2e.playwright_fixtures",
         "hikari_e2e.browser", "mock_site", "mock_site.regions"}  # fmt: skip


def run_pytest(folder: Path, test: str, *options: str) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text(DUMP)
    (folder / "test_it.py").write_text(test)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly",
               "--junitxml=junit.xml", *options]  # fmt: skip
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def properties(folder: Path) -> dict[str, str]:
    found = ET.parse(folder / "junit.xml").getroot().iter("property")
    return {prop.get("name"): prop.get("value") for prop in found}


def test_a_run_that_uses_none_of_it_loads_nothing_and_probes_nothing(tmp_path: Path):
    result = run_pytest(tmp_path, "def test_one():\n    assert True\n")

    assert result.returncode == 0, result.stdout + result.stderr
    loaded = set((tmp_path / "modules.txt").read_text().split())
    ours = {name for name in loaded if name.split(".")[0] in ("hikari_e2e", "mock_site")}
    assert ours <= CHEAP, sorted(ours - CHEAP)
    assert not {"flask", "aiosmtpd", "werkzeug"} & loaded
    assert "hikari-e2e ran with" not in result.stdout  # nor was a version probed (CHEAP has
    # no hikari_e2e.versions): no chromium --version, no git
    assert properties(tmp_path) == {}


@pytest.mark.parametrize("options", [["-p", "no:xdist"], ["-n", "1"]], ids=["plain", "xdist"])
def test_a_run_that_uses_the_environment_records_what_ran(tmp_path: Path, options: list[str]):
    test = "def test_one(hikari):\n    assert hikari.lines.list('east')\n"
    report = ["--html=report.html", "--self-contained-html"]

    result = run_pytest(tmp_path, test, "-p", "no:playwright", *report, *options)

    assert result.returncode == 0, result.stdout + result.stderr
    ran = properties(tmp_path)
    assert {"hikari-e2e", "playwright", "pytest-playwright", "browser"} <= ran.keys()
    assert f"hikari-e2e ran with: hikari-e2e {ran['hikari-e2e']}" in result.stdout
    table = html.unescape((tmp_path / "report.html").read_text())  # pytest-html's environment
    assert f'"browser": "{ran["browser"]}"' in table
