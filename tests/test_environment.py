"""The environment starts on 127.0.0.1, reports its ports, resets, and says which port is taken."""

from __future__ import annotations

import re
import signal
import smtplib
import socket
import subprocess
import sys
import urllib.request
from email.message import EmailMessage
from pathlib import Path

import pytest

from mock_site import cli, config, seed
from mock_site.environment import Environment, PortInUse
from mock_site.seed import LineToSeed

ROOT = Path(__file__).resolve().parent.parent

FREE_PORTS = ("--home-port", "0", "--east-port", "0", "--west-port", "0", "--smtp-port", "0")


def test_every_part_answers_on_loopback(running_env):
    for part in ("home", "east", "west"):
        assert running_env.url(part).startswith("http://127.0.0.1:")
        with urllib.request.urlopen(running_env.url(part) + "/") as response:
            assert response.status == 200
    assert running_env.ports["smtp"] > 0


def test_the_sink_keeps_raw_bytes_of_japanese_mail(running_env):
    message = EmailMessage()
    message["From"] = "noreply@hikari-mock.localhost"
    message["To"] = "taro@example.jp"
    message["Subject"] = "【ひかり電話設定サイト】テスト"
    message.set_content("本文です。")

    with smtplib.SMTP("127.0.0.1", running_env.ports["smtp"]) as smtp:
        smtp.send_message(message)

    [mail] = running_env.mailbox.all()
    assert mail.rcpt_tos == ("taro@example.jp",)
    assert mail.subject == "【ひかり電話設定サイト】テスト"
    assert mail.text.strip() == "本文です。"
    assert b"Subject:" in mail.raw


def test_a_taken_port_names_the_part_and_the_flag():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        env = Environment()
        with pytest.raises(PortInUse, match=f"127.0.0.1:{port} for east .*--east-port"):
            env.start({"home": 0, "east": port, "west": 0, "smtp": 0})
    assert env.ports.get("home") is not None  # it had started, and was stopped again
    env.stop()


def test_cli_says_a_taken_port_in_one_line(capsys):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        code = cli.main(["serve", *FREE_PORTS, "--home-port", str(port)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "--home-port" in err


def test_cli_serves_until_interrupted():
    command = [sys.executable, "-m", "mock_site", "serve", "--quiet", *FREE_PORTS]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        try:
            lines = []
            for line in process.stdout:
                lines.append(line)
                if line.startswith("Press Ctrl-C"):
                    break
            text = "".join(lines)
            home = text.split()[text.split().index("模擬環境:") + 1]
            with urllib.request.urlopen(home + "api/") as response:
                assert response.status == 200
            assert seed.GUIDE_CONTRACT in text and seed.QUICK_TRY_PASSWORD in text

            process.send_signal(signal.SIGINT)

            assert process.wait(timeout=10) == 0
        finally:
            process.kill()  # a failure above must not leave it serving (and the test waiting)


def test_reset_restores_seeded_lines_clock_and_inbox(env):
    env.add_line(LineToSeed("east"))
    env.clock.advance(3600)
    env.mailbox.deliver("a@example.jp", ["b@example.jp"], b"Subject: x\r\n\r\nx")

    env.reset()

    assert len(env.store.lines("east")) == 2
    assert env.clock.offset_seconds == 0
    assert env.mailbox.all() == []


def test_the_settings_doc_is_generated_from_config():
    text = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    table = re.search(r"<!-- settings:[^>]*-->\n(.*?)\n<!-- /settings -->", text, re.S).group(1)
    assert table == cli.settings_table(), "docs/settings.md is out of date: run `make docs`"
    assert all(f"| `{name}` |" in table for name, *_ in config.describe())


def test_the_readme_stays_a_front_door():
    assert len((ROOT / "README.md").read_text(encoding="utf-8")) <= 10_000
