"""Several CI jobs share one served replica: each a pytest session of its own (-n 2), at once.

Starts `hikari-mock serve` on free ports, runs --jobs pytest sessions of the same part of the
browser suite against it with --hikari-url (every test in a space of its own), each in its own
random order, and fails unless every job passes every test. Before spaces, two such jobs reset
each other's lines (3 of 28 tests failed).

    .venv/bin/python scripts/shared_replica.py [--jobs 2] [--workers 2] [-- PYTEST_ARGS...]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# A fixed large part of the suite: every journey with mail, phone, services, faults, scenarios
# and the feature files.
PART = ["e2e/test_otp.py", "e2e/test_phone.py", "e2e/test_services.py", "e2e/test_faults.py",
        "e2e/test_login.py", "e2e/test_environment.py", "e2e/test_scenarios.py",
        "e2e/test_features.py"]  # fmt: skip
SERVE = [sys.executable, "-m", "mock_site", "serve", "--quiet"]
SERVE += [f"--{part}-port=0" for part in ("home", "east", "west", "smtp")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--results", default="test-results/shared")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    results = ROOT / args.results
    results.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(SERVE, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        home = re.search(r"http://\S+?(?=/\s)", server.stdout.readline())
        if home is None:
            print("shared_replica: the replica did not start", file=sys.stderr)
            return 2
        url = home.group(0)
        print(f"shared_replica: {args.jobs} jobs at -n {args.workers} against {url}", flush=True)
        started = time.monotonic()
        jobs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pytest",
                    *(args.pytest_args or PART),
                    "-q",
                    "-n",
                    str(args.workers),
                    "-p",
                    "no:hypothesispytest",
                    "-p",
                    "no:schemathesis",
                    "--hikari-url",
                    url,
                    f"--junitxml={results}/job-{k}.xml",
                    f"--output={results}/job-{k}",
                ],
                cwd=ROOT,
                stdout=open(results / f"job-{k}.log", "w"),
                stderr=subprocess.STDOUT,
            )  # fmt: skip
            for k in range(1, args.jobs + 1)
        ]
        codes = [job.wait() for job in jobs]
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    failed = 0
    for k, code in enumerate(codes, 1):
        suite = ET.parse(results / f"job-{k}.xml").getroot().find("testsuite")
        tests, failures = int(suite.get("tests")), int(suite.get("failures"))
        errors, skipped = int(suite.get("errors")), int(suite.get("skipped"))
        failed += failures + errors + (code not in (0,))
        print(f"job {k}: exit {code}, {tests} tests, {failures} failed, {errors} errors, "
              f"{skipped} skipped (log: {args.results}/job-{k}.log)")  # fmt: skip
    ran = sum(
        int(ET.parse(results / f"job-{k}.xml").getroot().find("testsuite").get("tests"))
        for k in range(1, args.jobs + 1)
    )
    print(f"{args.jobs} jobs on one replica in {elapsed:.0f} s")
    print(f"shared: {ran - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
