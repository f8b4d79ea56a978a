"""The browser suite's wall time as `make e2e` runs it, at -n 1 and -n 2, and the speed-up.

Each run is the real `make e2e` (artifacts on failure, JUnit and HTML reports) on this
checkout, set up beforehand, so the figures are what a user waits for. Per-test overhead is
what the suite adds around each test body (fixtures: reset, context, page, artifacts; pytest's
setup and teardown phases), read from the -n 1 run. Target: speed-up ≥ 1.7× on 2 cores.

Next to it, in the same run, what this machine gives any two processes (bench/ceiling.py): one
worker's browser work without pytest, and a CPU-only loop, each alone vs two copies at once.

    .venv/bin/python bench/bench_suite.py [--workers 1 2] [-k EXPRESSION] [--rounds 30]

-k narrows both runs to the same tests (a quick look; docs/performance.md's figures are whole).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import ceiling  # noqa: E402
from bench.common import percentile, print_table  # noqa: E402


def make_e2e(workers: int, results: Path, keyword: str | None) -> tuple[float, dict]:
    overhead = results / "overhead.json"
    args = f"-p bench.overhead --overhead-json={overhead} -q"
    if keyword:
        args += f" -k '{keyword}'"
    began = time.perf_counter()
    run = subprocess.run(
        ["make", "--no-print-directory", "e2e", f"N={workers}", f"RESULTS={results}",
         f"PYTEST_ARGS={args}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    elapsed = time.perf_counter() - began
    if run.returncode != 0:
        raise SystemExit(f"make e2e N={workers} failed:\n{run.stdout[-3000:]}")
    return elapsed, json.loads(overhead.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs=2, default=[1, 2], metavar=("A", "B"))
    parser.add_argument("-k", dest="keyword", default=None)
    parser.add_argument("--rounds", type=int, default=30, help="of bench/ceiling.py's work")
    args = parser.parse_args()
    bounds = ceiling.speedups(args.rounds)
    for work, (alone, together, gain) in bounds.items():
        print(f"{work} work: alone {alone:.1f} s, two at once {together:.1f} s: {gain:.2f}×")
    runs = {}
    with tempfile.TemporaryDirectory(prefix="hikari-bench-suite-") as tmp:
        for workers in args.workers:
            results = Path(tmp) / f"n{workers}"
            results.mkdir()
            runs[workers] = make_e2e(workers, results, args.keyword)
            print(f"make e2e N={workers}: {runs[workers][0]:.1f} s", flush=True)
    (one, times_one), (two, _) = runs[args.workers[0]], runs[args.workers[1]]
    overhead = list(times_one["overhead"].values())
    body = list(times_one["body"].values())
    a, b = args.workers
    p50, p95 = percentile(overhead, 0.5), percentile(overhead, 0.95)
    print(f"suite: {len(overhead)} tests{f' (-k {args.keyword})' if args.keyword else ''}")
    print_table(
        [
            (f"`make e2e` at -n {a}", f"{one:.0f} s", "—", "1.0×"),
            (f"`make e2e` at -n {b}", f"{two:.0f} s", "≥ 1.7× faster", f"{one / two:.2f}× faster"),
            (
                f"the same browser work without pytest (bench/ceiling.py), 2 copies vs 1, "
                f"{args.rounds} rounds",
                f"{bounds['browser'][1]:.1f} s vs {bounds['browser'][0]:.1f} s",
                "—",
                f"{bounds['browser'][2]:.2f}× (a CPU-only loop: {bounds['cpu'][2]:.2f}×)",
            ),
            (
                f"per-test overhead (setup + teardown, -n {a}) p50 / p95",
                f"{p50 * 1000:.0f} / {p95 * 1000:.0f} ms",
                "—",
                f"{sum(overhead) / max(sum(body), 1e-9):.0%} of the test bodies' time",
            ),
        ]
    )


if __name__ == "__main__":
    main()
