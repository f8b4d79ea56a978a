"""Which Chromium the suite launches when Playwright's own is not installed."""

from __future__ import annotations

import pytest

from hikari_e2e import browser

SHELL = "/usr/bin/chromium-headless-shell"
FULL = "/usr/bin/chromium"


@pytest.fixture
def system(monkeypatch: pytest.MonkeyPatch):
    """Pretend Playwright's Chromium is absent; return the PATH the test fills."""
    monkeypatch.delenv(browser.ENV_VAR, raising=False)
    monkeypatch.setattr(browser, "managed_chromium", lambda headless=True: False)
    on_path: dict[str, str] = {}
    monkeypatch.setattr(browser.shutil, "which", on_path.get)
    return on_path


def test_headless_runs_take_the_headless_shell_and_headed_runs_the_full_browser(system):
    system.update({"chromium": FULL, "chromium-headless-shell": SHELL})
    assert browser.plan(headless=True).executable_path == SHELL
    assert browser.plan(headless=False).executable_path == FULL


def test_without_the_shell_headless_runs_use_the_full_browser(system):
    system["chromium"] = FULL
    assert browser.plan(headless=True).executable_path == FULL


def test_a_system_chromium_runs_with_the_offline_flags(system):
    system["chromium-headless-shell"] = SHELL
    launch = browser.plan().merge({"headless": True, "args": ["--lang=ja"]})
    assert launch["args"] == ["--lang=ja", *browser.SYSTEM_ARGS]
    assert "--disable-background-networking" in launch["args"]


def test_the_configured_chromium_wins_over_path(system, monkeypatch, tmp_path):
    system.update({"chromium": FULL, "chromium-headless-shell": SHELL})
    configured = tmp_path / "chrome"
    configured.write_text("#!/bin/sh\n")
    configured.chmod(0o755)
    monkeypatch.setenv(browser.ENV_VAR, str(configured))
    assert browser.plan().executable_path == str(configured)


def test_no_chromium_says_what_to_install(system):
    with pytest.raises(browser.NoBrowser, match="chromium-headless-shell"):
        browser.plan()


def test_a_failed_apt_leaves_the_chromium_that_is_there(system, monkeypatch, capsys):
    system["chromium"] = FULL
    monkeypatch.setattr(browser, "can_apt", lambda: True)

    def offline(packages):
        raise browser.subprocess.CalledProcessError(100, ["apt-get", "update"])

    monkeypatch.setattr(browser, "apt_install", offline)
    assert browser.ensure_browser().executable_path == FULL
    assert "could not install chromium-headless-shell" in capsys.readouterr().err
