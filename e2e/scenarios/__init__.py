"""QA scenarios: the guide's journeys by name, run from the command line, filmed, illustrated.

A scenario is a function of a Run, registered with @scenario. It seeds what it needs through
`run.line(...)` and walks the journeys of e2e/journeys.py, passing `step=run.step` so that each
step is printed, captioned in the video and shot for the illustrated guide.
"""

from __future__ import annotations

from .registry import SCENARIOS, Scenario, scenario

__all__ = ["SCENARIOS", "Scenario", "load", "scenario"]


def load() -> dict[str, Scenario]:
    """Import the scenario library (and any module named by $HIKARI_SCENARIOS) and list them."""
    import importlib
    import os

    from . import library  # noqa: F401  (registers the built-in scenarios)

    for module in filter(None, os.environ.get("HIKARI_SCENARIOS", "").split(",")):
        importlib.import_module(module.strip())
    return SCENARIOS
