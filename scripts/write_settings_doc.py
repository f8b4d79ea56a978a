"""Write the settings table of docs/settings.md from mock_site/config.py (make docs)."""

from __future__ import annotations

import re
from pathlib import Path

from mock_site.cli import settings_table

DOC = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
TABLE = re.compile(r"(<!-- settings:[^>]*-->\n).*?(\n<!-- /settings -->)", re.S)

if __name__ == "__main__":
    text = DOC.read_text(encoding="utf-8")
    DOC.write_text(TABLE.sub(lambda m: m.group(1) + settings_table() + m.group(2), text), "utf-8")
    print(f"wrote the settings table of {DOC}")
