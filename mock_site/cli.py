"""hikari-mock: run the mock environment from the command line."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from dataclasses import fields

from . import wording
from .config import Settings, parse_override
from .environment import DEFAULT_PORTS, Environment, PortInUse
from .regions import REGIONS


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hikari-mock",
        description="A local replica of the NTT East/West ひかり電話設定サイト, its phone side "
        "and a mail inbox, for testing.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser(
        "serve",
        help="run the whole environment until Ctrl-C",
        description="Run the home (with the softphone, the inbox and the control API), the East "
        "and West sites and the SMTP sink, and print where each is.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address every part binds (default 127.0.0.1; anything else exposes the mock)",
    )
    for part, port in DEFAULT_PORTS.items():
        serve.add_argument(
            f"--{part}-port",
            type=int,
            default=port,
            metavar="PORT",
            help=f"port of the {part} part (default {port}; 0 picks a free one)",
        )
    serve.add_argument(
        "--seed", type=int, default=2026, help="Faker seed for the made-up lines (default 2026)"
    )
    serve.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="change a setting or assumption, e.g. --set idle_timeout_minutes=5 "
        "(repeatable; `hikari-mock settings` lists them all)",
    )
    serve.add_argument("--quiet", action="store_true", help="do not log each request")
    serve.add_argument(
        "--max-spaces",
        type=int,
        default=100,
        metavar="N",
        help="how many spaces (POST /api/spaces; the default one included) may be open at once "
        "(default 100)",
    )
    serve.add_argument(
        "--space-idle-hours",
        type=float,
        default=24.0,
        metavar="H",
        help="delete a space left unused this long (default 24)",
    )
    commands.add_parser(
        "settings",
        help="print every setting as a Markdown table",
        description="Print every setting and assumption with its default, source and meaning, "
        "as the table of docs/settings.md (make docs writes it there).",
    )
    return parser


def settings_table() -> str:
    """Return every setting as a Markdown table, in declaration order, with what it may be."""
    rows = ["| setting | default | may be | source | meaning |", "|---|---|---|---|---|"]
    for declared in fields(Settings):
        meta = declared.metadata
        within, form = meta["within"], meta["form"]
        allowed = (
            f"{within[0]}–{within[1]}" if within
            else "`" + form.replace("|", "\\|") + "`" if form
            else type(declared.default).__name__
        )  # fmt: skip
        rows.append(
            f"| `{declared.name}` | `{declared.default!r}` | {allowed} | {meta['source']} "
            f"| {meta['doc']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    args = build_parser().parse_args(argv)
    if args.command == "settings":
        print(settings_table())
        return 0
    if not (1 <= args.max_spaces <= 10_000 and 0 < args.space_idle_hours <= 24 * 365):
        print("hikari-mock: --max-spaces takes 1 to 10000, --space-idle-hours more than 0 "
              "and at most a year", file=sys.stderr)  # fmt: skip
        return 2
    ports = {part: getattr(args, f"{part}_port") for part in DEFAULT_PORTS}
    for part, port in ports.items():
        if not 0 <= port <= 65535:
            print(f"hikari-mock: --{part}-port must be from 0 to 65535", file=sys.stderr)
            return 2
    try:
        settings = Settings().with_overrides(dict(parse_override(item) for item in args.set))
    except ValueError as error:
        print(f"hikari-mock: --set {error}", file=sys.stderr)
        return 2
    env = Environment(
        settings, seed_value=args.seed, host=args.host, log_requests=not args.quiet,
        max_spaces=args.max_spaces, space_idle_hours=args.space_idle_hours,
    )  # fmt: skip
    try:
        env.start(ports)
    except PortInUse as error:
        print(f"hikari-mock: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"hikari-mock: cannot listen on {args.host}: {error.strerror}", file=sys.stderr)
        return 1
    print(summary(env), flush=True)
    stop = threading.Event()
    # SIGINT too: a shell starting us in the background (`hikari-mock serve &`) ignores it.
    for stopping in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stopping, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
    finally:
        env.stop()
    return 0


def summary(env: Environment) -> str:
    """Describe where every part listens and which accounts are seeded."""
    home = env.url("home")
    rows = [
        f"{wording.HOME_TITLE}: {home}/",
        f"  softphone      {home}/phone",
        f"  mail inbox     {home}/mail",
        f"  control API    {home}/api/  (OpenAPI: {home}/api/openapi.json)",
    ]
    for key, region in REGIONS.items():
        rows.append(f"{region.company:<8} site  {env.url(key)}/AGL_Disp.do")
    rows.append(f"SMTP sink      {env.host}:{env.ports['smtp']}")
    rows.append("Seeded lines:")
    for line in env.seeded:
        numbers = ", ".join(line.numbers)
        secret = f"password {line.password}" if line.password else "no password yet"
        rows.append(f"  {line.region:<4} {numbers}  ({secret}; {line.label})")
    if env.host not in ("127.0.0.1", "localhost", "::1"):
        rows.append(f"WARNING: bound to {env.host}: other machines can reach this mock.")
    rows.append("Press Ctrl-C to stop.")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
