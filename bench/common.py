"""What the benchmarks share: percentiles, free ports, and the Markdown table they print."""

from __future__ import annotations

from mock_site.environment import FREE_PORTS

FREE = FREE_PORTS  # every part on a port the system picks

HEADER = ("figure", "measured", "target", "compared in the same run")


def percentile(values: list[float], q: float) -> float:
    """Return the q-quantile (0–1) of values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    """Print the figures as the Markdown table docs/performance.md shows."""
    print("| " + " | ".join(HEADER) + " |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
