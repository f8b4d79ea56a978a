"""Run the browser suite again and again under -n 2, each time in a new random order, and
report every test that ever failed, with its statistics (hikari-e2e flakes).

    .venv/bin/python scripts/flake.py [--runs 9] [--loaded 1] [--results test-results/flake]
        [--history FILE] [-- PYTEST_ARGS...]   (e.g. -- -k caption: hunt one test's flakiness)

Each pass is `make e2e N=2` itself, its order shuffled by pytest-randomly (the seed is in its
JUnit report; a failure keeps its screenshot and mails, and its test runs once more recorded,
into the pass's evidence/), with its reports in RESULTS/run-K/; --loaded more passes run while a
busy process per CPU competes for it. 9 + 1 runs of the suite make about 3,300 test runs. The
summary (Markdown, printed; flakes.md and flakes.html beside the runs) covers these runs and
every earlier one kept in the history file. Exit status 1 when any test failed once.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hikari_e2e import flakes  # noqa: E402


@contextmanager
def cpu_load(busy: bool):
    """Keep every CPU busy with a spinning process while the block runs."""
    spinners = []
    if busy:
        spin = [sys.executable, "-c", "while True: pass"]
        spinners = [subprocess.Popen(spin) for _ in range(os.cpu_count() or 1)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--loaded", type=int, default=1)
    parser.add_argument("--results", type=Path, default=ROOT / "test-results" / "flake")
    parser.add_argument(
        "--history", type=Path, default=ROOT / "test-results" / "flake-history.json",
        help="the runs of earlier sittings, read and extended (keep it as a CI artifact)",
    )  # fmt: skip
    parser.add_argument("pytest_args", nargs="*", help="more pytest arguments, after --")
    args = parser.parse_args()
    args.results = args.results.resolve()
    args.results.mkdir(parents=True, exist_ok=True)
    reports = []
    plan = [False] * args.runs + [True] * args.loaded
    for n, busy in enumerate(plan, start=1):
        results = args.results / f"run-{n}"
        print(f"run {n}/{len(plan)}{' (CPU loaded)' if busy else ''} …", flush=True)
        with cpu_load(busy):
            subprocess.run(
                ["make", "--no-print-directory", "e2e", "N=2", f"RESULTS={results}",
                 f"PYTEST_ARGS={shlex.join(['-q', '-p', 'randomly', *args.pytest_args])}"],
                cwd=ROOT, check=False,
            )  # fmt: skip
        reports.append(results / "e2e-junit.xml")
    found = [report for report in reports if report.exists()]
    return flakes.main(
        [*map(str, found), "--history", str(args.history), "--fail-on-flaky",
         "--markdown", str(args.results / "flakes.md"), "--html", str(args.results / "flakes.html")]
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
