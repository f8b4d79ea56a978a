"""A team on one replica: 8 jobs at once against one served replica (a space per test) vs the
same 8 jobs each starting its own in-process environment, in the same run.

A job is a pytest session of one part of the browser suite (--part, default e2e/test_login.py,
both regions), one worker each, all 8 started together. Measured: the wall time until every job
is done, the p99 of a test's duration across all jobs (a journey, from the JUnit reports),
cross-talk (any failed test), and the replica's memory per space (its RSS before and after
making --spaces spaces, divided). Target: 0 failures, the shared replica within 1.3x the own
environments' wall time.

    .venv/bin/python bench/bench_shared.py [--jobs 8] [--part e2e/test_login.py] [--spaces 200]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import percentile, print_table  # noqa: E402
from mock_site.client import ControlClient  # noqa: E402

SERVE = [sys.executable, "-m", "mock_site", "serve", "--quiet", "--max-spaces", "1000"]
SERVE += [f"--{part}-port=0" for part in ("home", "east", "west", "smtp")]


def run_jobs(jobs: int, part: str, url: str | None, out: Path) -> tuple[float, list[float], int]:
    """Start jobs pytest sessions at once; return the wall time, every test's time, failures."""
    extra = ["--hikari-url", url] if url else []
    started = time.monotonic()
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pytest",
                part,
                "-q",
                "-p",
                "no:randomly",
                "-p",
                "no:xdist",
                "-p",
                "no:hypothesispytest",
                "-p",
                "no:schemathesis",
                *extra,
                f"--junitxml={out}/job-{k}.xml",
                f"--output={out}/job-{k}",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for k in range(jobs)
    ]
    for proc in procs:
        proc.wait()
    wall = time.monotonic() - started
    durations, failed = [], 0
    for k in range(jobs):
        for case in ET.parse(out / f"job-{k}.xml").getroot().iter("testcase"):
            durations.append(float(case.get("time", 0)))
            failed += case.find("failure") is not None or case.find("error") is not None
    return wall, durations, failed


def rss_kib(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=8)
    parser.add_argument("--part", default="e2e/test_login.py")
    parser.add_argument("--spaces", type=int, default=200)
    args = parser.parse_args()
    server = subprocess.Popen(SERVE, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        url = re.search(r"http://\S+?(?=/\s)", server.stdout.readline()).group(0)
        root = ControlClient(url)  # memory first, on the fresh replica: no freed memory to reuse
        root.create_space().delete_space()  # the first space's code paths warmed
        before = rss_kib(server.pid)
        made = [root.create_space() for _ in range(args.spaces)]
        per_space = (rss_kib(server.pid) - before) / args.spaces
        for space in made:
            space.delete_space()
        with tempfile.TemporaryDirectory() as tmp:
            own = run_jobs(args.jobs, args.part, None, Path(tmp) / "own")
            shared = run_jobs(args.jobs, args.part, url, Path(tmp) / "shared")
    finally:
        server.terminate()
        server.wait(timeout=10)
    (own_wall, own_times, own_failed), (wall, times, failed) = own, shared
    print(f"shared: {args.jobs} jobs of {args.part} at once, one worker each")
    print_table(
        [
            (f"{args.jobs} jobs, each its own in-process environment", f"wall {own_wall:.1f} s; "
             f"test p99 {percentile(own_times, 0.99):.2f} s; {own_failed} failed", "—",
             "1.0×"),
            (f"{args.jobs} jobs on one served replica, a space per test", f"wall {wall:.1f} s; "
             f"test p99 {percentile(times, 0.99):.2f} s; {failed} failed (cross-talk)",
             "0 failed; wall ≤ 1.3× own", f"wall {wall / own_wall:.2f}×, "
             f"p99 {percentile(times, 0.99) / percentile(own_times, 0.99):.2f}×"),
            ("the replica's memory per space (RSS growth over "
             f"{args.spaces} new spaces)", f"{per_space / 1024:.2f} MiB", "—", "—"),
        ]
    )  # fmt: skip


if __name__ == "__main__":
    main()
