"""The named scenarios: @scenario registers one, SCENARIOS holds them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .runner import Run


@dataclass(frozen=True)
class Scenario:
    """A named journey with a one-line description (Japanese, for QA and support staff): a
    Python function, or a scenario of a feature file (source)."""

    name: str
    description: str
    play: Callable[[Run], None]
    feature: str = ""  # the feature file's 機能, or "" for a Python scenario
    reference: str = ""  # the guide's pages or steps it follows: 「ガイドp.5–7」
    source: object = None  # the FeatureScenario, for a feature's scenario


SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str, description: str) -> Callable[[Callable[[Run], None]], Callable]:
    """Register a scenario under name; the description is what `hikari-e2e scenarios` lists."""

    def register(play: Callable[[Run], None]) -> Callable[[Run], None]:
        if name in SCENARIOS:
            raise ValueError(f"scenario {name!r} is registered twice")
        SCENARIOS[name] = Scenario(name, description, play)
        return play

    return register
