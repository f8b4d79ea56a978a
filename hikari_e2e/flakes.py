"""Flake statistics across runs: `hikari-e2e flakes JUNIT_FILES_OR_DIRS… [--history FILE]`.

Reads any number of JUnit XML reports (CI artifacts of many runs and shards, `make flake`'s
runs; a folder is searched for *.xml), and keeps them in a history file that CI can store as an
artifact and feed back next time. Writes a Markdown summary (printed, and --markdown FILE) and
an HTML page (--html FILE): per test its runs, failures, failure rate with a Wilson 95 % interval
and the flips between consecutive runs of the same commit; the runs that failed with their
order (the pytest-randomly seed); the slowest tests; and over everything, the flaky rate with
its interval and, when nothing failed, the one-sided 95 % upper bound.

A run is one report's <testsuite>: its timestamp, its host, its <properties> (the plugin records
`commit` and, when the order was shuffled, `random-seed`). A test id is classname::name.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import math
import sys
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

Z95 = 1.959963984540054
PASSED, FAILED = "passed", "failed"


@dataclass
class Run:
    """One suite run: where it came from and each test's outcome and time."""

    key: str
    source: str
    timestamp: str
    commit: str
    seed: str
    results: dict[str, list] = field(default_factory=dict)  # test id: [outcome, seconds]


def wilson(failures: int, runs: int, z: float = Z95) -> tuple[float, float]:
    """Return the Wilson score interval of the failure rate failures/runs."""
    if runs == 0:
        return 0.0, 1.0
    p = failures / runs
    denominator = 1 + z * z / runs
    centre = (p + z * z / (2 * runs)) / denominator
    half = z * math.sqrt(p * (1 - p) / runs + z * z / (4 * runs * runs)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def upper_bound_no_failures(runs: int, confidence: float = 0.95) -> float:
    """Return the exact one-sided upper bound of the rate when 0 of runs failed."""
    return 1 - (1 - confidence) ** (1 / runs) if runs else 1.0


def read_reports(paths: list[Path]) -> list[Run]:
    """Return one Run per <testsuite> of every JUnit file named or found under a folder."""
    files = []
    for path in paths:
        files += sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    runs = []
    for file in files:
        data = file.read_bytes()
        try:
            root = ET.fromstring(data)
        except ET.ParseError as error:
            raise SystemExit(f"hikari-e2e flakes: {file} is not JUnit XML ({error})") from None
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for index, suite in enumerate(suites):
            properties = {p.get("name"): p.get("value", "") for p in suite.iter("property")}
            run = Run(
                key=hashlib.sha256(data).hexdigest()[:16] + f"-{index}",
                source=str(file),
                timestamp=suite.get("timestamp", ""),
                commit=properties.get("commit", ""),
                seed=properties.get("random-seed", ""),
            )
            for case in suite.iter("testcase"):
                if case.find("skipped") is not None:
                    continue
                name = f"{case.get('classname')}::{case.get('name')}"
                failed = case.find("failure") is not None or case.find("error") is not None
                run.results[name] = [FAILED if failed else PASSED, float(case.get("time", 0))]
            if run.results:
                runs.append(run)
    return runs


def merge(history: list[Run], new: list[Run]) -> list[Run]:
    """Add the runs not yet in the history (the same report read twice counts once)."""
    known = {run.key for run in history}
    merged = history + [run for run in new if run.key not in known]
    return sorted(merged, key=lambda run: (run.timestamp, run.key))


def load_history(path: Path | None) -> list[Run]:
    if path is None or not path.exists():
        return []
    return [Run(**run) for run in json.loads(path.read_text(encoding="utf-8"))["runs"]]


def save_history(path: Path, runs: list[Run]) -> None:
    data = {"version": 1, "runs": [asdict(run) for run in runs]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@dataclass
class TestStats:
    name: str
    runs: int = 0
    failures: int = 0
    flips: int = 0
    seconds: list[float] = field(default_factory=list)
    failed_in: list[Run] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.failures / self.runs if self.runs else 0.0


def statistics(runs: list[Run]) -> dict[str, TestStats]:
    """Per test: runs, failures, flips between consecutive runs of one commit, times."""
    stats: dict[str, TestStats] = {}
    last: dict[tuple[str, str], str] = {}
    for run in runs:  # oldest first
        for name, (outcome, seconds) in run.results.items():
            test = stats.setdefault(name, TestStats(name))
            test.runs += 1
            test.seconds.append(seconds)
            if outcome == FAILED:
                test.failures += 1
                test.failed_in.append(run)
            previous = last.get((name, run.commit))
            if previous is not None and previous != outcome:
                test.flips += 1
            last[(name, run.commit)] = outcome
    return stats


def percent(rate: float) -> str:
    return f"{rate * 100:.2f} %" if rate >= 0.001 else f"{rate * 100:.3f} %"


def summary(runs: list[Run], top: int = 10) -> tuple[str, list[TestStats], list[TestStats]]:
    """Return the Markdown summary, the tests that ever failed and the slowest tests."""
    stats = statistics(runs)
    total = sum(test.runs for test in stats.values())
    failed = sum(test.failures for test in stats.values())
    low, high = wilson(failed, total)
    commits = len({run.commit for run in runs})
    lines = [
        "# Flake statistics",
        "",
        f"{len(runs)} suite runs ({commits} commit{'s' * (commits != 1)}), {len(stats)} tests, "
        f"**{total:,} test runs, {failed} failures**: flaky rate {percent(failed / max(total, 1))}"
        f", Wilson 95 % interval {percent(low)}–{percent(high)}"
        + (
            f"; with no failure, below {percent(upper_bound_no_failures(total))} at 95 % "
            "confidence (one-sided)"
            if failed == 0 and total
            else ""
        )
        + ".",
        "",
    ]
    flaky = sorted(
        (test for test in stats.values() if test.failures or test.flips),
        key=lambda test: (-test.rate, -test.flips, test.name),
    )
    if flaky:
        lines += [
            "| test | runs | failures | rate (Wilson 95 %) | flips | failed in (order seed) |",
            "|---|---|---|---|---|---|",
        ]
        for test in flaky:
            lo, hi = wilson(test.failures, test.runs)
            where = ", ".join(
                f"{Path(run.source).parent.name or run.source} (seed {run.seed or '—'})"
                for run in test.failed_in[:5]
            )
            lines.append(
                f"| `{test.name}` | {test.runs} | {test.failures} | {percent(test.rate)} "
                f"({percent(lo)}–{percent(hi)}) | {test.flips} | {where} |"
            )
    else:
        lines.append("No test failed or flipped.")
    slowest = sorted(stats.values(), key=lambda test: -max(test.seconds))[:top]
    lines += ["", f"Slowest {len(slowest)} tests (mean / max seconds):", ""]
    lines += [
        f"- `{test.name}`: {sum(test.seconds) / len(test.seconds):.2f} / {max(test.seconds):.2f}"
        for test in slowest
    ]
    return "\n".join(lines) + "\n", flaky, slowest


def html_page(markdown: str, flaky: list[TestStats], slowest: list[TestStats]) -> str:
    """Return the summary as one self-contained HTML page."""
    head = markdown.split("\n\n", 2)[1]
    rows = "".join(
        "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{} ({}–{})</td><td>{}</td>"
        "<td>{}</td></tr>".format(
            html.escape(test.name),
            test.runs,
            test.failures,
            percent(test.rate),
            *(percent(x) for x in wilson(test.failures, test.runs)),
            test.flips,
            html.escape(
                ", ".join(f"{run.source} (seed {run.seed or '—'})" for run in test.failed_in)
            ),
        )  # fmt: skip
        for test in flaky
    )
    slow = "".join(
        f"<tr><td><code>{html.escape(t.name)}</code></td>"
        f"<td>{sum(t.seconds) / len(t.seconds):.2f}</td><td>{max(t.seconds):.2f}</td></tr>"
        for t in slowest
    )
    table = (
        "<table><tr><th>test</th><th>runs</th><th>failures</th><th>rate (Wilson 95 %)</th>"
        f"<th>flips</th><th>failed in (order seed)</th></tr>{rows}</table>"
        if flaky
        else "<p>No test failed or flipped.</p>"
    )
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Flake statistics</title>'
        "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;"
        "padding:.3em .6em;text-align:left}table{border-collapse:collapse}</style>"
        f"<h1>Flake statistics</h1><p>{html.escape(head).replace('**', '')}</p>{table}"
        "<h2>Slowest tests</h2><table><tr><th>test</th><th>mean s</th><th>max s</th></tr>"
        f"{slow}</table></html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hikari-e2e flakes", description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, help="JUnit XML files or folders")
    parser.add_argument("--history", type=Path, help="a history file to read and update")
    parser.add_argument("--markdown", type=Path, help="also write the summary here")
    parser.add_argument("--html", type=Path, help="write the HTML page here")
    parser.add_argument("--top", type=int, default=10, help="how many slowest tests to list")
    parser.add_argument(
        "--fail-on-flaky", action="store_true", help="exit 1 when any test failed or flipped"
    )
    args = parser.parse_args(argv)
    missing = [str(path) for path in args.reports if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    runs = merge(load_history(args.history), read_reports(args.reports))
    if not runs:
        parser.error("no test results: name JUnit XML files or folders, or a --history")
    if args.history:
        save_history(args.history, runs)
    markdown, flaky, slowest = summary(runs, args.top)
    print(markdown, end="")
    if args.markdown:
        args.markdown.write_text(markdown, encoding="utf-8")
    if args.html:
        args.html.write_text(html_page(markdown, flaky, slowest), encoding="utf-8")
    return 1 if args.fail_on_flaky and flaky else 0


if __name__ == "__main__":
    sys.exit(main())
