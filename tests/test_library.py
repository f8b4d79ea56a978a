"""hikari_e2e as a library and as a pytest plugin, as docs/plugin.md shows them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest

import hikari_e2e
from mock_site import wording

ROOT = Path(__file__).resolve().parent.parent


def test_the_environment_block_serves_a_seeded_line_with_its_settings():
    with hikari_e2e.environment(password_max_failures=5) as hikari:
        line = hikari_e2e.LineBuilder(1).line("east")
        hikari.lines.add(line)
        hikari.reset()  # the settings it started with are what a reset returns to
        with urllib.request.urlopen(hikari.site_url("east") + "/AGL_Disp.do") as response:
            page = response.read().decode()
        settings = hikari.settings()
        url = hikari.home_url

    assert response.status == 200 and wording.LOGIN_TITLE in page
    assert settings.password_max_failures == 5
    with pytest.raises(OSError):  # stopped when the block ends
        urllib.request.urlopen(url, timeout=2)


def test_a_bad_setting_is_refused_before_anything_starts():
    with pytest.raises(hikari_e2e.SettingError, match="password_max_failures"):
        with hikari_e2e.environment(password_max_failures=0):
            pass


def test_a_running_environment_takes_no_settings():
    with pytest.raises(hikari_e2e.SettingError, match="hikari-mock serve --set"):
        with hikari_e2e.environment("http://127.0.0.1:9", otp_digits=8):
            pass


def test_the_plugin_is_registered_by_the_installed_distribution():
    plugins = metadata.entry_points(group="pytest11")

    assert [p.value for p in plugins if p.name == "hikari_e2e"] == ["hikari_e2e.plugin"]


@pytest.mark.parametrize("name", hikari_e2e.__all__)
def test_each_name_the_package_exports_loads_first_thing_in_a_fresh_process(name: str):
    # Alone and first: in this process (or after another name) most of mock_site is loaded
    # already, which hid an export that resolved only once something else imported its module.
    check = f"from hikari_e2e import {name}"

    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr


def run_pytest(tmp_path: Path, test: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_it.py").write_text(textwrap.dedent(test))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:playwright", *args],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_hikari_set_starts_the_environment_with_the_setting(tmp_path):
    test = """
        def test_it(hikari, region, mailbox, make_line):
            assert hikari.settings().otp_digits == 8
            assert make_line(region).region == region
    """
    result = run_pytest(tmp_path, test, "--hikari-set", "otp_digits=8")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_a_bad_hikari_set_is_a_usage_error_naming_it(tmp_path):
    result = run_pytest(tmp_path, "def test_it(hikari): pass\n", "--hikari-set", "otp_digits=0")

    assert result.returncode == 4  # pytest's usage error: nothing ran
    assert "--hikari-set" in result.stderr and "otp_digits" in result.stderr
