"""hikari-e2e: list the QA scenarios, run one, or record them all; flake statistics."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import flakes
from . import load, step_table
from .features import FeatureError
from .runner import UNITS, Options, record_all, run_one
from .stepbook import UnknownStep


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="hikari-e2e",
        description="Run the guide's journeys by name against the mock ひかり電話設定サイト, "
        "in a real browser; film them and illustrate them for customers.",
    )
    commands = top.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "scenarios", help="list the scenarios (feature files' and Python's) with their titles"
    )
    steps = commands.add_parser(
        "steps", help="list the steps a feature file may use, with parameters and examples"
    )
    steps.add_argument(
        "--markdown", action="store_true", help="as the Markdown table of docs/steps.md"
    )
    commands.add_parser(
        "drift",
        add_help=False,
        help="compare production's markup with the replica's contract (hikari-e2e drift --help)",
    )
    commands.add_parser(
        "flakes",
        add_help=False,
        help="flake statistics over JUnit reports of many runs (hikari-e2e flakes --help)",
    )
    run = commands.add_parser("run", help="run one scenario, printing each step")
    run.add_argument("name", help="a scenario name (see `hikari-e2e scenarios`)")
    add_common(run)
    run.add_argument("--region", choices=["east", "west"], default="east")
    run.add_argument(
        "--unit",
        choices=list(UNITS),
        default="line",
        help="the 認証方法 of the seeded line (default: line = 回線単位)",
    )
    run.add_argument("--headed", action="store_true", help="show the browser window")
    run.add_argument(
        "--slowmo",
        type=float,
        default=0,
        metavar="MS",
        help="wait MS milliseconds before each browser operation",
    )
    everything = commands.add_parser(
        "walkthrough", help="record every scenario in both regions (video and guide)"
    )
    add_common(everything)
    everything.add_argument("--unit", choices=list(UNITS), default="line")
    everything.add_argument(
        "--out",
        type=Path,
        default=Path("walkthroughs"),
        help="folder for videos/ and guide/ (default: walkthroughs)",
    )
    return top


def add_common(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--video", type=Path, metavar="DIR", help="record a 1280×720 webm with captions to DIR"
    )
    command.add_argument(
        "--guide",
        type=Path,
        metavar="DIR",
        help="write an illustrated HTML guide to DIR/<name>-<region>/",
    )
    command.add_argument(
        "--evidence",
        type=Path,
        metavar="DIR",
        help="keep evidence in DIR: each step's screenshot, mails and IVR speech, Allure "
        "results (DIR/allure-results) and the workbook (DIR/evidence.xlsx, .pdf)",
    )
    command.add_argument(
        "--no-narration",
        dest="narration",
        action="store_false",
        help="a silent film: no spoken captions, no IVR voice",
    )
    command.add_argument(
        "--hikari-url",
        default=os.environ.get("HIKARI_URL"),
        metavar="URL",
        help="a running environment's home (make serve: http://127.0.0.1:5000); "
        "default: start one in-process",
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["flakes"]:
        return flakes.main(argv[1:])
    if argv[:1] == ["drift"]:
        from ..drift import cli as drift

        return drift.main(argv[1:])
    args = parser().parse_args(argv)
    try:
        scenarios = load()
    except (FeatureError, UnknownStep) as error:
        print(f"hikari-e2e: {error}", file=sys.stderr)
        return 2
    if args.command == "steps":
        print(step_table.markdown() if args.markdown else step_table.text(), end="")
        return 0
    if args.command == "scenarios":
        width = max(len(name) for name in scenarios)
        for scenario in scenarios.values():
            print(f"{scenario.name:<{width}}  {scenario.description}")
        return 0
    if args.command == "walkthrough":
        return walkthrough(args, scenarios)
    if args.name not in scenarios:
        print(
            f"hikari-e2e: no scenario {args.name!r}; known: {', '.join(scenarios)}", file=sys.stderr
        )
        return 2
    source = scenarios[args.name].source
    try:
        if source is not None:
            source.matches()  # an unknown step is said before any browser starts
    except UnknownStep as error:
        print(f"hikari-e2e: {error.where}: {error}", file=sys.stderr)
        return 2
    options = Options(
        region=args.region,
        unit=args.unit,
        headed=args.headed,
        slowmo=args.slowmo,
        video_dir=args.video,
        guide_dir=args.guide,
        hikari_url=args.hikari_url,
        narration=args.narration,
        evidence_dir=args.evidence,
    )
    return run_one(args.name, scenarios, options)


if __name__ == "__main__":
    sys.exit(main())


def walkthrough(args: argparse.Namespace, scenarios: dict) -> int:
    """Film and illustrate every scenario in both regions, with an index page."""
    options = Options(
        unit=args.unit,
        video_dir=args.video or args.out / "videos",
        guide_dir=args.guide or args.out / "guide",
        hikari_url=args.hikari_url,
        narration=args.narration,
        evidence_dir=args.evidence,
    )
    failures = record_all(scenarios, options, args.out / "index.html")
    print(
        f"{'✓' if not failures else '✗'} {len(scenarios) * 2 - failures} recorded, "
        f"{failures} failed; open {args.out / 'index.html'}"
    )
    return 1 if failures else 0
