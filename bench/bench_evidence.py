"""What evidence costs: the same scenarios run without it and with `--evidence` (each step's
screenshot, its mails and IVR speech, the Allure results), then the workbook and its PDF made
from them, in one run, interleaved, one environment and one browser (as `hikari-e2e run` and
`make walkthrough` use them). Target: at most 1.10× the runs without evidence (issue 28).

    .venv/bin/python bench/bench_evidence.py [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table  # noqa: E402
from hikari_e2e import evidence, versions  # noqa: E402
from hikari_e2e.scenarios import load  # noqa: E402
from hikari_e2e.scenarios.runner import Options, environment, launch, play  # noqa: E402

SCENARIOS = ("full-journey", "otp-registration", "password-change", "voice-warp-start",
             "call-notice", "fax-notice")  # fmt: skip


def run_set(scenarios, browser, client, folder: Path | None) -> float:
    """Run every scenario once (and, with evidence, make the workbook and PDF); the seconds."""
    began = time.perf_counter()
    for scenario in scenarios:
        if play(scenario, browser, client, Options(evidence_dir=folder), io.StringIO()) != 0:
            raise SystemExit(f"{scenario.name} failed; run it with hikari-e2e to see why")
    if folder:
        evidence.finish(folder, versions.collect(), browser)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    found = load()
    scenarios = [found[name] for name in SCENARIOS]
    plain, kept = [], []
    with environment(None) as client, sync_playwright() as playwright:
        browser = launch(playwright, Options())
        run_set(scenarios, browser, client, None)  # warm-up: fonts, caches, speech
        for _ in range(args.runs):  # interleaved, so drift touches both alike
            plain.append(run_set(scenarios, browser, client, None))
            with tempfile.TemporaryDirectory() as tmp:
                kept.append(run_set(scenarios, browser, client, Path(tmp)))
                shots = len(list(Path(tmp).rglob("step-*.jpg")))
        browser.close()
    p50_plain, p50_kept = percentile(plain, 0.5), percentile(kept, 0.5)
    print(f"{len(scenarios)} scenarios ({', '.join(SCENARIOS)}), {args.runs} runs each, "
          f"interleaved; {shots} screenshots a set")  # fmt: skip
    print_table([
        ("the scenarios, no evidence (p50)", f"{p50_plain:.2f} s", "—", "1.0× (the baseline)"),
        ("the same with `--evidence`, workbook and PDF included (p50)", f"{p50_kept:.2f} s",
         "≤ 1.10×", f"{p50_kept / p50_plain:.2f}× without"),
    ])  # fmt: skip


if __name__ == "__main__":
    main()
