"""A pytest plugin for bench_suite: write each test's setup and teardown time to a JSON file.

pytest e2e -p bench.overhead --overhead-json=FILE
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--overhead-json", default=None, help="where to write setup+teardown times")


class Overhead:
    def __init__(self, path: str) -> None:
        self.path = path
        self.seconds: dict[str, float] = defaultdict(float)
        self.body: dict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when in ("setup", "teardown"):
            self.seconds[report.nodeid] += report.duration
        else:
            self.body[report.nodeid] += report.duration

    def pytest_sessionfinish(self) -> None:
        with open(self.path, "w", encoding="utf-8") as out:
            json.dump({"overhead": self.seconds, "body": self.body}, out)


def pytest_configure(config: pytest.Config) -> None:
    path = config.getoption("--overhead-json")
    if path and not hasattr(config, "workerinput"):  # the controller sees every report
        config.pluginmanager.register(Overhead(path), "hikari-overhead")
