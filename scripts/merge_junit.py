"""Merge the JUnit XML reports of several shards into one: merge_junit.py OUT IN [IN ...]."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET

COUNTS = ("tests", "failures", "errors", "skipped")


def merge(paths: list[str]) -> ET.ElementTree:
    """Return one <testsuites> holding every shard's <testsuite>, with the totals summed."""
    merged = ET.Element("testsuites")
    totals = dict.fromkeys(COUNTS, 0)
    time = 0.0
    for path in paths:
        root = ET.parse(path).getroot()
        for suite in root.iter("testsuite"):
            merged.append(suite)
            for name in COUNTS:
                totals[name] += int(suite.get(name, 0))
            time += float(suite.get("time", 0))
    for name, value in totals.items():
        merged.set(name, str(value))
    merged.set("time", f"{time:.3f}")
    return ET.ElementTree(merged)


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out, *inputs = argv
    merge(inputs).write(out, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
