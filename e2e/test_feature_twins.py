"""Each built-in feature scenario walks the guide's steps its Python predecessor walked: the
same chapters and captions in its film and guide (fixtures/scenario_chapters.json, recorded
from the Python library), besides the feature's own ならば checks."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from hikari_e2e import journeys as J
from hikari_e2e.scenarios import features as F
from hikari_e2e.scenarios.runner import Run, Steps

TODAY = json.loads(
    (Path(__file__).resolve().parent.parent / "fixtures" / "scenario_chapters.json").read_text(
        encoding="utf-8"
    )
)["chapters"]
PRINTED = re.compile(r"^\[\s*\d+\] (.+?) … ✓", re.M)


@pytest.mark.parametrize("name", sorted(TODAY))
def test_a_feature_twin_has_the_python_scenarios_chapters(name, page, hikari, line_builder):
    scenario = next(s for s in F.load([F.BUILT_IN]) if s.name == name)
    out = io.StringIO()
    steps = Steps(out, None, None, page)
    run = Run(page, hikari, "east", "line", line_builder, steps, hikari.home_url,
              hikari.site_url("east"))  # fmt: skip

    scenario.play(run)

    chapters = PRINTED.findall(out.getvalue())
    own = {F.CHECK.format(text=s.text) for s in scenario.steps if s.kind == "Outcome"}
    assert [c for c in chapters if c not in own] == TODAY[name]
    assert len(chapters) - len(TODAY[name]) == len([s for s in scenario.steps
                                                    if s.kind == "Outcome"])  # fmt: skip


def test_a_second_service_while_logged_in_goes_back_to_the_top_without_logging_in_again(
    page, hikari, line_builder
):
    feature = Path(__file__).parent / "features_for_tests" / "two-services.feature"
    (scenario,) = F.read(feature)
    out = io.StringIO()
    run = Run(page, hikari, "east", "line", line_builder, Steps(out, None, None, page),
              hikari.home_url, hikari.site_url("east"))  # fmt: skip

    scenario.play(run)

    chapters = PRINTED.findall(out.getvalue())
    assert chapters.count(J.login_step(3)) == 1  # one login, for both services
    assert chapters[-1] == F.CHECK.format(text="「ログアウトしました。」と表示される")
