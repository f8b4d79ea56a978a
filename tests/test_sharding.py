"""Sharding the browser suite across CI machines (pytest-split) covers every test once."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARDS = 3


def collected(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "e2e", "--collect-only", "-q", "-p", "no:cacheprovider",
         *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return [line for line in result.stdout.splitlines() if "::" in line]


def test_shards_cover_every_browser_test_exactly_once():
    every = collected()
    shards = [collected("--splits", str(SHARDS), "--group", str(g)) for g in range(1, SHARDS + 1)]

    together = [test for shard in shards for test in shard]
    assert sorted(together) == sorted(every)
    assert len(set(together)) == len(together)
    assert all(shards), "a shard without tests"


def test_the_committed_durations_know_the_suite():
    durations = json.loads((ROOT / ".test_durations").read_text(encoding="utf-8"))
    every = collected()

    unknown = [test for test in every if test not in durations]
    assert len(unknown) <= len(every) // 10, (
        f"{len(unknown)} tests have no duration; refresh with "
        "`.venv/bin/pytest e2e -n 2 --store-durations`"
    )


def test_shard_reports_merge_into_one(tmp_path):
    for n in (1, 2):
        (tmp_path / f"shard{n}.xml").write_text(
            f'<testsuites><testsuite name="pytest" tests="{n + 1}" failures="{n - 1}" errors="0" '
            f'skipped="0" time="1.5"><testcase classname="e2e.test_x" name="t{n}"/></testsuite>'
            "</testsuites>"
        )
    out = tmp_path / "all.xml"

    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "merge_junit.py"), str(out),
         str(tmp_path / "shard1.xml"), str(tmp_path / "shard2.xml")],
        check=True,
    )  # fmt: skip

    root = ET.parse(out).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("time")) == ("5", "1", "3.000")
    assert [case.get("name") for case in root.iter("testcase")] == ["t1", "t2"]
