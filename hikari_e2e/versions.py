"""What ran: the versions a report records, so a regression can be traced to an upgrade."""

from __future__ import annotations

import functools
import subprocess
from importlib import metadata

from . import browser

DISTRIBUTIONS = ("hikari-e2e", "playwright", "pytest-playwright")


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
