"""hikari-e2e drift: compare production's markup with the replica's contract."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import contract
from .check import PRODUCTION, check

HELP = """Read production's public screens (the portal, the login form), compare their markup with
the replica's contract (forms, fields, hidden fields, image buttons, the classes scripts use) and
print what was added, removed or changed, with the known scripts' selectors each change breaks.
Exit status: 0 no drift, 1 drift, 2 could not reach.

--login-from PREFIX walks past the login, read-only, with the credentials in PREFIX_NUMBER and
PREFIX_PASSWORD: it logs in ONCE (a failed login is never retried: production voids an
account after 10 wrong passwords), opens ボイスワープ and 転送先電話番号設定 to read them, never
presses 設定 or anything that changes a setting, and stops at the first screen it did not
expect."""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hikari-e2e drift", description=HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    p.add_argument(
        "--against",
        default=PRODUCTION,
        metavar="URL",
        help=f"the site to read (default: production East, {PRODUCTION})",
    )
    p.add_argument(
        "--pages",
        type=Path,
        metavar="DIR",
        help="read saved pages instead, one file per path (DIR/AGL_Disp.do …)",
    )
    p.add_argument(
        "--login-from",
        metavar="PREFIX",
        help="walk past the login read-only with PREFIX_NUMBER / PREFIX_PASSWORD",
    )
    p.add_argument(
        "--aria",
        action="store_true",
        help="compare the public screens' accessible structure too (in Chromium)",
    )
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the report as JSON")
    p.add_argument("--markdown", type=Path, metavar="FILE", help="also write it as Markdown")
    p.add_argument(
        "--table",
        action="store_true",
        help="print docs/production-markup.md's selector table from the contract",
    )
    return p  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.table:
        sys.stdout.write(contract.table())
        return 0
    report = check(args.against, args.pages, args.login_from, args.aria)
    text = report.markdown()
    sys.stdout.write(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")  # fmt: skip
    if report.status == 2:
        sys.stderr.write(f"hikari-e2e drift: {report.unreachable}\n")
    return report.status
