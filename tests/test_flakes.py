"""hikari-e2e flakes: statistics across JUnit reports of many runs."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from hikari_e2e import flakes


def junit(path: Path, outcomes: dict[str, str], commit: str = "abc", seed: str = "1",
          stamp: str = "2026-11-30T10:00:00") -> Path:  # fmt: skip
    cases = []
    for name, outcome in outcomes.items():
        body = {"failed": "<failure message='x'/>", "error": "<error message='x'/>",
                "skipped": "<skipped/>"}.get(outcome, "")  # fmt: skip
        cases.append(f'<testcase classname="e2e.test_a" name="{name}" time="0.5">{body}</testcase>')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0"?><testsuites><testsuite name="pytest" timestamp="' + stamp + '">'
        f'<properties><property name="commit" value="{commit}"/>'
        f'<property name="random-seed" value="{seed}"/></properties>{"".join(cases)}'
        "</testsuite></testsuites>"
    )
    return path


def test_wilson_matches_the_textbook_values():
    low, high = flakes.wilson(1, 10)
    assert (round(low, 4), round(high, 4)) == (0.0179, 0.4042)
    assert flakes.wilson(0, 3000)[1] == pytest.approx(0.00128, abs=1e-5)
    assert flakes.upper_bound_no_failures(3000) < 0.001  # 3,000 clean runs bound it under 0.1 %
    assert math.isclose(flakes.upper_bound_no_failures(2995), 0.001, rel_tol=0.01)


def test_a_test_that_fails_once_in_three_runs_is_named_with_its_seed_and_flips(tmp_path):
    reports = [
        junit(tmp_path / "run-1/e2e-junit.xml", {"t1": "passed", "t2": "passed"}, seed="11",
              stamp="2026-11-30T10:00:00"),
        junit(tmp_path / "run-2/e2e-junit.xml", {"t1": "failed", "t2": "passed"}, seed="22",
              stamp="2026-11-30T10:05:00"),
        junit(tmp_path / "run-3/e2e-junit.xml", {"t1": "passed", "t2": "skipped"}, seed="33",
              stamp="2026-11-30T10:10:00"),
    ]  # fmt: skip

    markdown, flaky, _ = flakes.summary(flakes.read_reports(reports))

    assert [(t.name, t.runs, t.failures, t.flips) for t in flaky] == [("e2e.test_a::t1", 3, 1, 2)]
    assert "5 test runs, 1 failures" in markdown  # the skipped run is not a run
    assert "run-2 (seed 22)" in markdown


def test_flips_count_only_within_one_commit(tmp_path):
    reports = [
        junit(tmp_path / "a.xml", {"t": "failed"}, commit="old", stamp="2026-11-30T10:00:00"),
        junit(tmp_path / "b.xml", {"t": "passed"}, commit="new", stamp="2026-11-30T10:05:00"),
    ]

    [test] = flakes.statistics(flakes.read_reports(reports)).values()

    assert (test.failures, test.flips) == (1, 0)  # a fix between commits is not a flake


def test_the_history_keeps_runs_across_sittings_and_counts_a_report_once(tmp_path, capsys):
    history = tmp_path / "history.json"
    first = junit(tmp_path / "1/e2e-junit.xml", {"t": "passed"}, stamp="2026-11-30T10:00:00")
    second = junit(tmp_path / "2/e2e-junit.xml", {"t": "passed"}, stamp="2026-11-30T11:00:00")

    assert flakes.main([str(first), "--history", str(history)]) == 0
    assert flakes.main([str(second), str(first), "--history", str(history),
                        "--html", str(tmp_path / "f.html")]) == 0  # fmt: skip

    out = capsys.readouterr().out
    assert "2 suite runs (1 commit), 1 tests, **2 test runs, 0 failures**" in out
    assert "below 77.64 % at 95 % confidence" in out
    assert "No test failed or flipped." in (tmp_path / "f.html").read_text()


def test_a_folder_is_searched_and_a_failure_fails_the_command_when_asked(tmp_path):
    junit(tmp_path / "ci/shard-1/e2e-junit.xml", {"t": "error"})

    assert flakes.main([str(tmp_path / "ci"), "--fail-on-flaky"]) == 1


def test_bad_input_says_what_is_wrong(tmp_path, capsys):
    (tmp_path / "bad.xml").write_text("not xml")
    with pytest.raises(SystemExit, match="not JUnit XML"):
        flakes.main([str(tmp_path / "bad.xml")])
    with pytest.raises(SystemExit):
        flakes.main([str(tmp_path / "missing.xml")])
    assert "no such file or folder" in capsys.readouterr().err
