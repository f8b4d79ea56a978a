"""What ran: the versions a report records, so a regression can be traced to an upgrade."""

from __future__ import annotations

import functools
import os
import subprocess
from importlib import metadata

from . import browser

DISTRIBUTIONS = ("hikari-e2e", "playwright", "pytest-playwright")
COMMIT_VARIABLES = ("HIKARI_COMMIT", "GITHUB_SHA", "CI_COMMIT_SHA")


@functools.cache
def collect() -> dict[str, str]:
    """Return {name: version} of this tool, Playwright, pytest-playwright and the browser."""
    found = {}
    for name in DISTRIBUTIONS:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    found["browser"] = browser_version()
    return found


def browser_version() -> str:
    """Describe the Chromium the suite launches: Playwright's build, or the system binary's."""
    try:
        plan = browser.plan()
    except (browser.NoBrowser, OSError, KeyError, ValueError) as error:
        return f"none ({str(error).splitlines()[0]})"
    if plan.managed:
        return f"Playwright's Chromium {browser.managed_version()}"
    try:
        answer = subprocess.run(
            [plan.executable_path, "--version"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{plan.executable_path} (version unknown: {error})"
    return f"{answer.stdout.strip() or 'version unknown'} ({plan.executable_path})"


def run_properties(config) -> dict[str, str]:
    """Return what tells runs apart for flake statistics: the commit (from CI's variables or
    git) and, when pytest-randomly shuffled the order, its seed."""
    found = {}
    commit = next((os.environ[v] for v in COMMIT_VARIABLES if os.environ.get(v)), None)
    if commit is None:
        try:
            answer = subprocess.run(
                ["git", "rev-parse", "HEAD"], cwd=config.rootpath, capture_output=True,
                text=True, timeout=5,
            )  # fmt: skip
            commit = answer.stdout.strip() if answer.returncode == 0 else None
        except (OSError, subprocess.TimeoutExpired):
            commit = None
    if commit:
        found["commit"] = commit
    if config.pluginmanager.has_plugin("randomly"):
        found["random-seed"] = str(config.getoption("randomly_seed"))
    return found
