"""Measure the foundation's figures against baselines in one run, and print them with ratios.

1. Environment start-up in-process (both sites, home, SMTP sink) vs one bare werkzeug server.
2. Per-test browser overhead (new context + page + close) as the suite runs it (tracing and
   video recorded, kept only on failure) vs artifacts off, plus the per-test reset.
3. A pytest run that uses none of the plugin, with it vs without; `make e2e` on a set-up
   checkout: time to its first test body vs pytest-playwright alone's and a bare pytest's.

Run: make bench (or .venv/bin/python bench/bench_foundation.py [--quick]).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import FREE, percentile, print_table  # noqa: E402
from hikari_e2e import browser  # noqa: E402
from mock_site.client import ControlClient  # noqa: E402
from mock_site.environment import Environment  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def bench_start(runs: int) -> list[tuple[str, str, str, str]]:
    ours, bare = [], []
    for _ in range(runs):
        started = time.perf_counter()
        env = Environment().start(FREE)
        ours.append(time.perf_counter() - started)
        env.stop()

        started = time.perf_counter()
        server = make_server("127.0.0.1", 0, lambda e, s: [], threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        bare.append(time.perf_counter() - started)
        server.shutdown()
        server.server_close()
    ours_p50, bare_p50 = statistics.median(ours), statistics.median(bare)
    return [
        (
            "environment up in-process (p50)",
            ms(ours_p50),
            "≤ 500 ms",
            f"{ours_p50 / bare_p50:.1f}× one bare werkzeug server ({ms(bare_p50)})",
        ),
    ]


def bench_browser(runs: int) -> list[tuple[str, str, str, str]]:
    plan = browser.plan(headless=True)
    launch = plan.merge({"headless": True})
    env = Environment().start(FREE)
    client = ControlClient(env.url("home"))
    video_dir = Path(tempfile.mkdtemp(prefix="hikari-bench-video-"))
    browser.ensure_ffmpeg()
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(**launch)
            bare, suite, resets = [], [], []
            for i in range(runs + 2):
                started = time.perf_counter()
                context = chromium.new_context(locale="ja-JP", timezone_id="Asia/Tokyo")
                context.new_page()
                context.close()
                elapsed_bare = time.perf_counter() - started

                started = time.perf_counter()
                context = chromium.new_context(
                    locale="ja-JP", timezone_id="Asia/Tokyo", record_video_dir=video_dir
                )
                context.tracing.start(screenshots=True, snapshots=True, sources=True)
                page = context.new_page()
                context.tracing.stop()
                context.close()
                page.video.delete()
                elapsed_suite = time.perf_counter() - started

                started = time.perf_counter()
                client.reset()
                elapsed_reset = time.perf_counter() - started
                if i >= 2:  # the first rounds warm the browser up
                    bare.append(elapsed_bare)
                    suite.append(elapsed_suite)
                    resets.append(elapsed_reset)
            chromium.close()
    finally:
        env.stop()
        shutil.rmtree(video_dir, ignore_errors=True)
    b50, s50 = statistics.median(bare), statistics.median(suite)
    return [
        (
            "per-test context+page+close, artifacts off (p50 / p95)",
            f"{ms(b50)} / {ms(percentile(bare, 0.95))}",
            "p50 ≤ 60 ms",
            "1.0× (the floor)",
        ),
        (
            "same with trace + video kept on failure only (p50 / p95)",
            f"{ms(s50)} / {ms(percentile(suite, 0.95))}",
            "—",
            f"{s50 / b50:.2f}× artifacts off",
        ),
        (
            "per-test environment reset through the API (p50)",
            ms(statistics.median(resets)),
            "—",
            f"{statistics.median(resets) / b50:.2f}× a context",
        ),
    ]


def time_to_first_test(command: list[str], cwd: Path, extra_env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        stamp = Path(scratch) / "first-test"
        env = {
            **os.environ,
            **extra_env,
            "HIKARI_FIRST_TEST_STAMP": str(stamp),
            "PYTHONPATH": str(ROOT),
            "PYTEST_ADDOPTS": "-p bench.first_test",
        }
        started = time.time()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            while not stamp.exists() or not stamp.read_text():
                if process.poll() is not None:
                    raise RuntimeError(f"{' '.join(command)} ended before its first test")
                time.sleep(0.01)  # a benchmark's own polling; the suite itself never sleeps
            return float(stamp.read_text()) - started
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()


# The floor a browser suite's first test can reach: pytest-playwright alone at make e2e's -n,
# one page test per worker, launching the same browser (this machine's, with its flags).
FLOOR_CONFTEST = """import pytest

from hikari_e2e import browser


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return browser.plan(headless=True).merge(browser_type_launch_args)
"""
FLOOR_TESTS = "def test_one(page):\n    page.goto('about:blank')\n\n\n" + (
    "def test_two(page):\n    page.goto('about:blank')\n"
)
UNUSED = ["-p", "no:hypothesispytest", "-p", "no:schemathesis"]  # as make e2e


def warm_median(runs: int, measure) -> float:
    """The median of runs, after one uncounted run: both sides then start with their bytecode
    (and pytest's rewritten test modules and plugins) cached, as on any machine after its first."""
    return statistics.median([measure() for _ in range(runs + 1)][1:])


def bench_first_test(runs: int) -> list[tuple[str, str, str, str]]:
    pytest = str(ROOT / ".venv" / "bin" / "pytest")
    with tempfile.TemporaryDirectory() as scratch:
        bare_dir, floor_dir = Path(scratch, "bare"), Path(scratch, "floor")
        for folder in (bare_dir, floor_dir):
            folder.mkdir()
        (bare_dir / "test_one.py").write_text("def test_one():\n    assert True\n")
        (floor_dir / "conftest.py").write_text(FLOOR_CONFTEST)
        (floor_dir / "test_page.py").write_text(FLOOR_TESTS)
        bare_command = [pytest, "-q", "-p", "no:cacheprovider"]
        bare = warm_median(runs, lambda: time_to_first_test(bare_command, bare_dir, {}))
        floor_command = [pytest, "-q", "-p", "no:cacheprovider", "-n", "2", "-p",
                         "no:hikari_e2e", *UNUSED]  # fmt: skip
        floor = warm_median(runs, lambda: time_to_first_test(floor_command, floor_dir, {}))
        plugin = plugin_cost(pytest, bare_dir, runs)
    make = ["make", "--no-print-directory", "e2e", "N=2"]
    results = {"RESULTS": tempfile.mkdtemp(prefix="hikari-bench-results-")}
    ours = warm_median(runs, lambda: time_to_first_test(make, ROOT, results))
    return [
        plugin,
        (
            "`make e2e` on a set-up checkout to its first test (p50)",
            f"{ours:.2f} s",
            "≤ 5 s",
            f"{ours / floor:.2f}× pytest-playwright alone, -n 2, one page test ({floor:.2f} s); "
            f"{ours / bare:.1f}× bare pytest with one test ({bare:.2f} s)",
        ),
    ]


def plugin_cost(pytest: str, folder: Path, runs: int) -> tuple[str, str, str, str]:
    """A whole bare pytest run (one plain test) with the plugin installed vs blocked."""

    def whole(*options: str) -> float:
        started = time.perf_counter()
        command = [pytest, "-q", "-p", "no:cacheprovider", *options]
        subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started

    rounds = max(runs, 5) * 2  # the difference is small: more rounds, interleaved
    pairs = [(whole(), whole("-p", "no:hikari_e2e")) for _ in range(rounds + 1)][1:]
    used = statistics.median(p[0] for p in pairs)
    blocked = statistics.median(p[1] for p in pairs)
    return (
        "a run that uses none of the plugin: bare pytest, one test, whole run (p50)",
        f"{used:.2f} s",
        "1.0× (costs nothing; runs vary ±3 %)",
        f"{used / blocked:.2f}× the same with the plugin blocked ({blocked:.2f} s)",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for a smoke run")
    args = parser.parse_args()
    rounds = (3, 8, 1) if args.quick else (10, 30, 3)
    rows = [*bench_start(rounds[0]), *bench_browser(rounds[1]), *bench_first_test(rounds[2])]
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"browser {'Playwright' if browser.plan().managed else browser.plan().executable_path}"
    )
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
