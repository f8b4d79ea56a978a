"""How much two copies of a workload gain on this machine over one: the bound for -n 2.

Two workloads, each timed alone and then as two processes at once (the speed-up is
2 × alone / together):

- browser: what one suite worker does, without pytest: an in-process environment and the
  suite's Chromium; per round a new context and page, two wrong-password logins on the East
  site (goto, two fills by label, a click by role, the heading waited for), and close;
- cpu: SHA-256 over a buffer in a loop (no memory traffic, no system calls): shows how many
  cores the machine really gives two processes.

bench_suite.py prints these next to the suite's own speed-up. Alone:

    .venv/bin/python bench/ceiling.py [--rounds 30]
    .venv/bin/python bench/ceiling.py --work browser --rounds 30   # one process, prints seconds
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORKS = ("browser", "cpu")
CPU_ROUNDS_PER_ROUND = 2_000  # hashes of 64 KiB a round: 0.09 s here (a browser round: 0.7 s)


def browser_work(rounds: int) -> float:
    from playwright.sync_api import expect, sync_playwright

    from bench.common import FREE
    from hikari_e2e import browser
    from mock_site import wording
    from mock_site.environment import Environment

    env = Environment().start(FREE)
    login = env.url("east") + "/AGL_Disp.do"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(**browser.plan().merge({"headless": True}))
            began = time.perf_counter()
            for _ in range(rounds):
                context = chromium.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
                page = context.new_page()
                for _ in range(2):
                    page.goto(login)
                    page.get_by_label(wording.PHONE_NUMBER).fill("0312345678")
                    page.get_by_label(wording.PASSWORD).fill("wrong-password")
                    page.get_by_role("button", name=wording.LOGIN).click()
                    expect(page.get_by_role("heading", name=wording.LOGIN_TITLE)).to_be_visible()
                context.close()
            elapsed = time.perf_counter() - began
            chromium.close()
    finally:
        env.stop()
    return elapsed


def cpu_work(rounds: int) -> float:
    block = b"\x5a" * 65536
    began = time.perf_counter()
    for _ in range(rounds * CPU_ROUNDS_PER_ROUND):
        hashlib.sha256(block).digest()
    return time.perf_counter() - began


def timed(work: str, rounds: int, copies: int) -> float:
    """Return the slowest copy's seconds when `copies` processes run the work at once."""
    command = [sys.executable, __file__, "--work", work, "--rounds", str(rounds)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(copies)]
    seconds = []
    for run in runs:
        out, _ = run.communicate()
        if run.returncode != 0:
            raise SystemExit(f"bench/ceiling.py --work {work} failed (exit {run.returncode})")
        seconds.append(float(out))
    return max(seconds)


def speedups(rounds: int) -> dict[str, tuple[float, float, float]]:
    """Return {work: (alone, two at once, speed-up)} for every workload."""
    figures = {}
    for work in WORKS:
        alone, together = timed(work, rounds, 1), timed(work, rounds, 2)
        figures[work] = (alone, together, 2 * alone / together)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds of each work (default 30)")
    parser.add_argument("--work", choices=WORKS, help="run one copy of this work; print seconds")
    args = parser.parse_args()
    if args.work:
        print(f"{(browser_work if args.work == 'browser' else cpu_work)(args.rounds):.3f}")
        return
    for work, (alone, together, gain) in speedups(args.rounds).items():
        print(f"{work}: alone {alone:.2f} s, two at once {together:.2f} s each → {gain:.2f}×")


if __name__ == "__main__":
    main()
