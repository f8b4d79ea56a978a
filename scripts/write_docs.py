"""Write the generated tables of the docs (make docs): each between its <!-- NAME: … --> and
<!-- /NAME --> markers, from its one owner."""

from __future__ import annotations

import re
from pathlib import Path

from hikari_e2e.drift.contract import table as selectors_table
from mock_site.cli import settings_table

DOCS = Path(__file__).resolve().parent.parent / "docs"
TABLES = {
    "settings": (DOCS / "settings.md", settings_table),  # mock_site/config.py
    "selectors": (DOCS / "production-markup.md", selectors_table),  # the markup contract
}


def write(name: str, doc: Path, table: str) -> None:
    between = re.compile(rf"(<!-- {name}:[^>]*-->\n).*?(\n<!-- /{name} -->)", re.S)
    text = doc.read_text(encoding="utf-8")
    doc.write_text(between.sub(lambda m: m.group(1) + table + m.group(2), text), "utf-8")
    print(f"wrote the {name} table of {doc}")


if __name__ == "__main__":
    for name, (doc, table) in TABLES.items():
        write(name, doc, table())
