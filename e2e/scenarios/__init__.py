"""QA scenarios: the guide's journeys by name, run from the command line, filmed, illustrated.

A scenario is a function of a Run, registered with @scenario. It seeds what it needs through
`run.line(...)` and walks the journeys of e2e/journeys.py, passing `step=run.step` so that each
step is printed, captioned in the video and shot for the illustrated guide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runner import Run


@dataclass(frozen=True)
class Scenario:
    """A named journey with a one-line description (Japanese, for QA and support staff)."""

    name: str
    description: str
    play: Callable[[Run], None]


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, description: str) -> Callable[[Callable[[Run], None]], Callable]:
    """Register a scenario under name; the description is what `hikari-e2e scenarios` lists."""

    def register(play: Callable[[Run], None]) -> Callable[[Run], None]:
        if name in SCENARIOS:
            raise ValueError(f"scenario {name!r} is registered twice")
        SCENARIOS[name] = Scenario(name, description, play)
        return play

    return register


def load() -> dict[str, Scenario]:
    """Import the scenario library (and any module named by $HIKARI_SCENARIOS) and list them."""
    import importlib
    import os

    from . import library  # noqa: F401  (registers the built-in scenarios)

    for module in filter(None, os.environ.get("HIKARI_SCENARIOS", "").split(",")):
        importlib.import_module(module.strip())
    return SCENARIOS
