"""Feature files as pytest tests: each scenario a test, in both regions unless it names one.

A test module says which features it runs:

    from hikari_e2e.scenarios.suite import Features
    test_guide = Features.built_in()           # hikari_e2e/features/
    test_ours = Features("features/")          # a team's own (steps: $HIKARI_SCENARIOS)

and the plugin collects each scenario as a test named in its own words
(「仮パスワードで初めてログインし、パスワードを変更する（手順1–6）[東日本]」; `-k first-login`
selects it by its tag too). Each runs with the plugin's fixtures (its own environment or
space, the page, a seeded line builder); with --hikari-evidence DIR it keeps its evidence.
"""

from __future__ import annotations

import io
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from mock_site.client import ControlClient

from .. import evidence, versions
from ..builders import LineBuilder
from ..evidence import Recorder, ScenarioRecord
from . import load as load_scenarios
from .features import BUILT_IN, FeatureScenario
from .features import load as load_features
from .runner import Run, Steps, start_evidence
from .stepbook import REGION_NAMES

VIDEO_SUFFIX = ".webm"


@dataclass(frozen=True)
class Features:
    """The feature files a test module runs (files or folders)."""

    paths: tuple[Path, ...]

    def __init__(self, *paths: str | Path) -> None:
        object.__setattr__(self, "paths", tuple(Path(p) for p in paths))

    @classmethod
    def built_in(cls) -> Features:
        return cls(BUILT_IN)

    def scenarios(self, base: Path) -> list[FeatureScenario]:
        load_scenarios()  # a team's Python modules ($HIKARI_SCENARIOS) may add steps
        return load_features([p if p.is_absolute() else base / p for p in self.paths])


def collect(collector: pytest.Collector, name: str, features: Features) -> list[pytest.Item]:
    """One pytest Function per scenario and region, named in the scenario's own words."""
    items = []
    for scenario in features.scenarios(Path(collector.path).parent):
        named = scenario.choice.region
        for region in [named] if named else sorted(REGION_NAMES):
            item = pytest.Function.from_parent(
                collector,
                name=f"{scenario.title}[{REGION_NAMES[region]}]",
                callobj=_test(scenario, region),
            )
            item.extra_keyword_matches.update({scenario.name, region})
            items.append(item)
    return items


def _test(scenario: FeatureScenario, region: str):
    unit = scenario.choice.unit or "line"

    def test(hikari_evidence: EvidenceHolder, request: pytest.FixtureRequest, page,
             hikari: ControlClient, line_builder: LineBuilder) -> None:  # fmt: skip
        out = io.StringIO()  # each step as hikari-e2e prints it, for the report of a failure
        steps = Steps(out, None, None, page)
        run = Run(page, hikari, region, unit, line_builder, steps, hikari.home_url,
                  hikari.site_url(region))  # fmt: skip
        if hikari_evidence.folder:
            steps.recorder = hikari_evidence.start(scenario, run)
        began = time.monotonic()
        try:
            scenario.play(run)
        except Exception as error:
            hikari_evidence.failed(error, time.monotonic() - began)
            request.node.add_report_section("call", "steps", out.getvalue())
            raise
        hikari_evidence.passed(time.monotonic() - began)

    test.__doc__ = f"{scenario.title}（{scenario.path.name}:{scenario.line}）"
    return test


class EvidenceHolder:
    """A feature test's evidence: recorded while it runs, kept once its video is saved."""

    def __init__(self, folder: Path | None, output: Path | None) -> None:
        self.folder, self.output = folder, output
        self.recorder: Recorder | None = None
        self.record: ScenarioRecord | None = None

    def start(self, scenario: FeatureScenario, run: Run) -> Recorder:
        self.recorder = start_evidence(self.folder, scenario.name, scenario.title,
                                       scenario.feature, scenario.reference, run)  # fmt: skip
        return self.recorder

    def failed(self, error: BaseException, seconds: float) -> None:
        if self.recorder:
            self.record = self.recorder.finish(error, seconds)

    def passed(self, seconds: float) -> None:
        if self.recorder:
            self.record = self.recorder.finish(None, seconds)

    def keep(self) -> None:
        """After the browser context closed: attach its video and trace, save the evidence."""
        if self.record is None:
            return
        if self.output and self.output.is_dir():
            videos = sorted(self.output.glob("*" + VIDEO_SUFFIX))
            traces = sorted(self.output.glob("trace*.zip"))
            self.record.film = str(videos[0].resolve()) if videos else None
            self.record.trace = str(traces[0].resolve()) if traces else None
        evidence.keep(self.record, self.folder)


HOLDER = pytest.StashKey[EvidenceHolder]()


def evidence_fixture(request: pytest.FixtureRequest) -> EvidenceHolder:
    """The plugin's hikari_evidence fixture. The evidence is kept when the test's teardown
    report is made (`kept`): pytest-playwright moves the video and trace into the test's
    output folder only then."""
    folder = request.config.getoption("hikari_evidence")
    output = Path(request.getfixturevalue("output_path")) if folder else None
    holder = EvidenceHolder(Path(folder) if folder else None, output)
    request.node.stash[HOLDER] = holder
    return holder


def kept(item: pytest.Item) -> None:
    """After a feature test's teardown report: keep its evidence, with the video and trace."""
    holder = item.stash.get(HOLDER, None)
    if holder is not None and holder.folder:
        holder.keep()


def clear(config: pytest.Config) -> None:
    """At the start of a session: an evidence folder holds one run's evidence."""
    folder = Path(config.getoption("hikari_evidence"))
    for part in (evidence.RECORDS, evidence.FILES, evidence.RESULTS):
        shutil.rmtree(folder / part, ignore_errors=True)


def finish(config: pytest.Config) -> None:
    """At the end of the session (the controller, under xdist): the workbook and its PDF."""
    folder = Path(config.getoption("hikari_evidence"))
    if not (folder / evidence.RECORDS).is_dir():
        return
    from playwright.sync_api import sync_playwright

    from .. import browser as browsers

    facts = versions.collect()
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(**browsers.plan().merge({}))
            try:
                written = evidence.finish(folder, facts, launched)
            finally:
                launched.close()
    except Exception as error:  # the workbook is still written; the PDF says why not
        written = evidence.finish(folder, facts)
        print(f"\nhikari-e2e: evidence PDF not written: {str(error).splitlines()[0]}")
    print("\nhikari-e2e evidence: " + ", ".join(str(p) for p in written))
