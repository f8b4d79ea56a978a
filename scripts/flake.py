"""Run the browser suite again and again under -n 2 and report every test that ever failed.

    .venv/bin/python scripts/flake.py [--runs 7] [--loaded 1] [--results test-results/flake]
        [-- PYTEST_ARGS...]   (e.g. -- -k caption: hunt one test's flakiness)

Each pass is `make e2e N=2` itself (a failure keeps its screenshot and mails, and its test runs
once more recorded, into the pass's evidence/), with its reports in RESULTS/run-K/; --loaded
more passes run while a busy process per CPU competes for it. 7 + 1 runs of the suite make about
2,300 test runs. Exit status 1 when any test failed once.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def outcomes(report: Path) -> dict[str, bool]:
    """Return {test id: passed} from one JUnit XML report (skipped tests left out)."""
    results = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        if case.find("skipped") is not None:
            continue
        name = f"{case.get('classname')}::{case.get('name')}"
        results[name] = case.find("failure") is None and case.find("error") is None
    return results


def summarize(reports: list[Path]) -> tuple[int, Counter, Counter]:
    """Return (test runs, runs per test, failures per test) over the reports."""
    runs, failures = Counter(), Counter()
    for report in reports:
        for name, passed in outcomes(report).items():
            runs[name] += 1
            failures[name] += not passed
    return sum(runs.values()), runs, failures


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
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--loaded", type=int, default=1)
    parser.add_argument("--results", type=Path, default=ROOT / "test-results" / "flake")
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
                 f"PYTEST_ARGS={shlex.join(['-q', *args.pytest_args])}"],
                cwd=ROOT, check=False,
            )  # fmt: skip
        reports.append(results / "e2e-junit.xml")
    total, runs, failures = summarize(reports)
    failed = sum(failures.values())
    print(f"\n{len(plan)} suite runs, {len(runs)} tests, {total} test runs, {failed} failures "
          f"(flaky rate {failed / max(total, 1):.4%})")  # fmt: skip
    for name, count in failures.most_common():
        if count:
            print(f"  {count}/{runs[name]} failed  {name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
