"""Write docs/production-markup.md's selector table from the markup contract (make docs)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hikari_e2e.drift import contract  # noqa: E402

DOC = ROOT / "docs" / "production-markup.md"
START, END = "| production selector |", "\n## How the replica draws it"

text = DOC.read_text(encoding="utf-8")
begin, end = text.index(START), text.index(END)
DOC.write_text(text[:begin] + contract.table() + text[end:], encoding="utf-8")
print(f"wrote the selector table of {DOC}")
