"""What recording a walkthrough costs: the same scenario headless without video, and recorded.

One environment and one browser serve every run (as `make walkthrough` does). "Recorded" is
the whole cost of a video: the run with its captions and action highlights, stopping the
screencast and encoding the webm; "narrated" adds the spoken captions and the IVR's voice
(fetching each WAV, mixing, Opus), with the speech cache warm from an earlier run, as every run
after the first is; one narrated run with an empty cache says what the first costs (synthesis
included). Target: at most 1.5× the run without video (issue 19). One more row encodes the video
while the run goes on (HIKARI_FILM_ENCODE=background, the choice on 4 CPUs or more), to show
what that costs on this machine.

    .venv/bin/python bench/bench_walkthrough.py [--runs 5] [--scenario full-journey]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table  # noqa: E402
from hikari_e2e.scenarios import load  # noqa: E402
from hikari_e2e.scenarios.film import ENCODE_ENV  # noqa: E402
from hikari_e2e.scenarios.runner import Options, environment, launch, play  # noqa: E402
from mock_site.phone.speech import CACHE_ENV  # noqa: E402


def timed(scenario, browser, client, options) -> float:
    began = time.perf_counter()
    if play(scenario, browser, client, options, io.StringIO()) != 0:
        raise SystemExit(f"{scenario.name} failed; run it with hikari-e2e to see why")
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenario", default="full-journey")
    args = parser.parse_args()
    scenario = load()[args.scenario]
    plain: list[float] = []
    recorded: list[float] = []
    narrated: list[float] = []
    background: list[float] = []
    video_seconds = 0.0
    with tempfile.TemporaryDirectory() as cold, sync_playwright() as playwright:
        os.environ[CACHE_ENV] = cold  # the environment's and the film's speech start empty
        with environment(None) as client:
            browser = launch(playwright, Options())
            timed(scenario, browser, client, Options())  # warm-up: fonts, caches (no speech)
            first = timed(scenario, browser, client, Options(video_dir=Path(cold)))
            browser.close()
        del os.environ[CACHE_ENV]
    with (
        environment(None) as client,
        sync_playwright() as playwright,
        tempfile.TemporaryDirectory() as tmp,
    ):  # noqa: E501
        browser = launch(playwright, Options())
        timed(scenario, browser, client, Options())  # warm-up: fonts, caches
        for _ in range(args.runs):  # interleaved, so drift touches both alike
            plain.append(timed(scenario, browser, client, Options()))
            silent = Options(video_dir=Path(tmp), narration=False)
            recorded.append(timed(scenario, browser, client, silent))
            narrated.append(timed(scenario, browser, client, Options(video_dir=Path(tmp))))
            os.environ[ENCODE_ENV] = "background"
            background.append(timed(scenario, browser, client, Options(video_dir=Path(tmp))))
            del os.environ[ENCODE_ENV]
            meta = Path(tmp) / f"{scenario.name}-east.chapters.json"
            video_seconds = float(json.loads(meta.read_text())["seconds"])
        browser.close()
    p50_plain, p50_recorded = percentile(plain, 0.5), percentile(recorded, 0.5)
    p50_narrated, p50_background = percentile(narrated, 0.5), percentile(background, 0.5)
    print(f"{scenario.name}: {args.runs} runs each, interleaved")
    print_table(
        [
            (
                f"`{scenario.name}` headless, no video (p50)",
                f"{p50_plain:.2f} s",
                "—",
                "1.0× (the baseline)",
            ),
            (
                f"`{scenario.name}` recorded, silent (`--no-narration`; p50)",
                f"{p50_recorded:.2f} s",
                "—",
                f"{p50_recorded / p50_plain:.2f}× headless",
            ),
            (
                f"`{scenario.name}` recorded and narrated, speech cached (p50)",
                f"{p50_narrated:.2f} s",
                "≤ 1.5×",
                f"{p50_narrated / p50_plain:.2f}× headless",
            ),
            (
                "the same, the video encoded while the run goes on (background; p50)",
                f"{p50_background:.2f} s",
                "—",
                f"{p50_background / p50_plain:.2f}× headless",
            ),
            (
                "the same, first run: speech cache empty (synthesis included; once)",
                f"{first:.2f} s",
                "—",
                f"{first / p50_plain:.2f}× headless",
            ),
            ("length of the narrated video (paced for people)", f"{video_seconds:.1f} s", "—", "—"),
        ]
    )


if __name__ == "__main__":
    main()
