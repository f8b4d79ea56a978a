"""Measure the mail sink next to MailDev, in one run, and print the figures with ratios.

1. Site send → wait_for returns: ours (smtplib from the site's own transmit(), then the HTTP
   long-poll) vs MailDev read as its users do (poll its REST API every 100 ms), same mails.
2. Throughput on one SMTP connection.
3. A burst from 10 concurrent clients: how many arrive, and whether all decode.

Run: make bench (it installs MailDev from npm into bench/.maildev when npm is there), or
.venv/bin/python bench/bench_mail.py [--quick] [--maildev PATH_TO_maildev].
"""

from __future__ import annotations

import argparse
import json
import shutil
import smtplib
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import FREE, percentile, print_table  # noqa: E402
from mock_site import wording  # noqa: E402
from mock_site.client import ControlClient  # noqa: E402
from mock_site.environment import Environment  # noqa: E402
from mock_site.mail.send import compose, transmit  # noqa: E402

MAILDEV = ROOT / "bench" / ".maildev" / "node_modules" / ".bin" / "maildev"
POLL_SECONDS = 0.1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ours(env: Environment, rounds: int) -> list[float]:
    client = ControlClient(env.url("home"))
    latencies = []
    for i in range(rounds):
        to = f"bench{i}@example.jp"
        started = time.perf_counter()
        body = wording.fill(
            wording.MAIL_OTP_BODY, env.settings, code="123456", deadline="2026年11月25日 09:10"
        )
        transmit(env, compose(env, to, wording.MAIL_OTP_SUBJECT, body))
        client.mail.wait_for(to, timeout=5)
        latencies.append(time.perf_counter() - started)
    return latencies


def maildev(path: str, rounds: int) -> list[float]:
    smtp_port, web_port = free_port(), free_port()
    process = subprocess.Popen(
        [path, "--ip", "127.0.0.1", "-s", str(smtp_port), "-w", str(web_port), "--silent"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{web_port}"
    try:
        deadline = time.monotonic() + 30
        while True:  # the benchmark waits for MailDev to start; no test does this
            try:
                urllib.request.urlopen(base + "/email", timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("MailDev did not start") from None
                time.sleep(0.1)
        latencies = []
        for i in range(rounds):
            to = f"bench{i}@example.jp"
            message = EmailMessage()
            message["From"], message["To"] = "noreply@hikari-mock.localhost", to
            message["Subject"] = wording.MAIL_OTP_SUBJECT
            message.set_content("ワンタイムパスワード：123456")
            started = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
                smtp.send_message(message)
            while True:
                mails = json.load(urllib.request.urlopen(base + "/email", timeout=5))
                if any(to in [r["address"] for r in m.get("to", [])] for m in mails):
                    break
                time.sleep(POLL_SECONDS)
            latencies.append(time.perf_counter() - started)
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=10)


def throughput(env: Environment, count: int) -> float:
    before = len(env.mailbox.all())
    started = time.perf_counter()
    with smtplib.SMTP(*env.smtp_address()) as smtp:
        for i in range(count):
            smtp.sendmail("a@example.jp", [f"t{i}@example.jp"], b"Subject: t\r\n\r\nx")
    env.mailbox.wait_for(count=before + count, timeout=60)
    return count / (time.perf_counter() - started)


def burst(env: Environment, clients: int, each: int) -> tuple[int, int, float]:
    env.mailbox.clear()
    raw = (ROOT / "fixtures" / "eml" / "05-iso2022jp-nec-ibm.eml").read_bytes()

    def client(n: int) -> None:
        with smtplib.SMTP(*env.smtp_address()) as smtp:
            for i in range(each):
                smtp.sendmail("a@example.jp", [f"c{n}-{i}@example.jp"], raw)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    mails = env.mailbox.all()
    decoded = sum(1 for m in mails if "\ufffd" not in m.text and "①" in m.text)
    return len(mails), decoded, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for a smoke run")
    parser.add_argument(
        "--maildev", default=str(MAILDEV) if MAILDEV.exists() else shutil.which("maildev")
    )
    args = parser.parse_args()
    rounds, count, clients, each = (30, 300, 10, 100) if args.quick else (200, 2000, 10, 1000)
    rows = []
    env = Environment().start(FREE)
    try:
        ours_latency = ours(env, rounds)
        o50, o99 = statistics.median(ours_latency), percentile(ours_latency, 0.99)
        if args.maildev:
            theirs = maildev(args.maildev, rounds)
            t50, t99 = statistics.median(theirs), percentile(theirs, 0.99)
            compared = (
                f"MailDev polled every {POLL_SECONDS * 1000:.0f} ms: "
                f"{t50 * 1000:.1f} / {t99 * 1000:.1f} ms ({t50 / o50:.1f}× ours)"
            )
        else:
            compared = "MailDev not installed (npm install --prefix bench/.maildev maildev@2)"
        rows.append(
            (
                "site send → wait_for returns (p50 / p99)",
                f"{o50 * 1000:.1f} / {o99 * 1000:.1f} ms",
                "≤ 10 / ≤ 50 ms",
                compared,
            )
        )
        rate = throughput(env, count)
        rows.append(
            (f"throughput, one connection ({count} mails)", f"{rate:.0f} mails/s", "≥ 300/s", "—")
        )
        received, decoded, elapsed = burst(env, clients, each)
        total = clients * each
        rows.append(
            (
                f"burst: {clients} clients × {each} Japanese mails",
                f"{received}/{total} received, {decoded} decoded intact, {elapsed:.1f} s",
                "0 lost",
                f"{total / elapsed:.0f} mails/s",
            )
        )
    finally:
        env.stop()
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
