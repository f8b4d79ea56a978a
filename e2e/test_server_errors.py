"""When the replica raises while serving a test, that test fails at once with the server's
traceback (and the page's screenshot), not at a locator's timeout; the same for a raise the
test never looked at, and for the SMTP sink. Each case is a test module of its own, run by
pytest as a user runs theirs, made to fail on purpose."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTION_TIMEOUT_S = 10  # e2e/conftest.py's: a locator's wait, what a raise used to cost

VIEW_RAISES = """
from mock_site.auth import service
from hikari_e2e.pages import LoginPage


def test_login(page, make_line, site_url, monkeypatch):
    line = make_line("east")
    monkeypatch.setattr(service, "authenticate", lambda *a, **k: 1 / 0)
    LoginPage(page, site_url).open().login(line.contract_number, line.password).expect_loaded()
"""

UNSEEN_RAISE = """
from mock_site.home import api


def test_passes_but_the_server_raised(page, home_url, monkeypatch):
    monkeypatch.setattr(api, "line_json", lambda line: {}["no such key"])
    page.request.get(home_url + "/api/lines")  # its 500 is not looked at
"""

SINK_RAISES = """
import smtplib

import pytest

from mock_site.mail.sink import Mailbox


def test_sends_a_mail(hikari, monkeypatch):
    monkeypatch.setattr(Mailbox, "deliver", lambda *a, **k: [][0])
    smtp = hikari.describe()["smtp"]
    with smtplib.SMTP(smtp["host"], smtp["port"]) as client:
        with pytest.raises(smtplib.SMTPDataError):
            client.sendmail("site@example.jp", ["taro@example.jp"], b"Subject: x\\r\\n\\r\\nx")
"""


def run(tmp_path: Path, source: str) -> tuple[subprocess.CompletedProcess, float]:
    test = tmp_path / "test_case.py"
    test.write_text(source, encoding="utf-8")
    began = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(test), "-p", "no:randomly", "-p", "no:cacheprovider",
         "--rootdir", str(tmp_path), f"--output={tmp_path / 'out'}", "-k", "not west"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return result, time.monotonic() - began


def test_a_view_that_raises_fails_the_test_at_once_with_its_traceback_and_the_page(tmp_path):
    result, seconds = run(tmp_path, VIEW_RAISES)

    assert result.returncode == 1
    assert "the replica raised while serving this test (1):" in result.stdout
    assert "POST /AGL_Login.do: ZeroDivisionError: division by zero" in result.stdout
    assert 'File "' in result.stdout and "in login" in result.stdout  # the server's traceback
    shots = list((tmp_path / "out").rglob("server-error.png"))
    assert len(shots) == 1 and shots[0].stat().st_size > 1000
    test_seconds = float(result.stdout.strip().splitlines()[-1].split(" in ")[-1].split("s")[0])
    assert test_seconds < ACTION_TIMEOUT_S / 2, f"{test_seconds} s: it waited ({seconds:.1f} s)"


def test_a_raise_the_test_never_looked_at_fails_it_in_teardown(tmp_path):
    result, _ = run(tmp_path, UNSEEN_RAISE)

    assert result.returncode == 1
    assert "1 passed, 1 error" in result.stdout
    assert "GET /api/lines: KeyError: 'no such key'" in result.stdout


def test_a_sink_that_raises_is_named_too(tmp_path):
    result, _ = run(tmp_path, SINK_RAISES)

    assert result.returncode == 1
    assert "SMTP DATA to taro@example.jp: IndexError: list index out of range" in result.stdout
