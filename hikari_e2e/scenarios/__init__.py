"""QA scenarios: the guide's journeys by name, run from the command line, filmed, illustrated.

A scenario is written in Japanese Gherkin (a .feature file: hikari_e2e/features/ has the
guide's, docs/steps.md lists the steps), or in Python: a function of a Run registered with
@scenario, that seeds what it needs through `run.line(...)` and walks the journeys of
hikari_e2e/journeys.py with `step=run.step`. Either way each step is printed, captioned in the
video, shot for the illustrated guide and, with --evidence, kept as evidence.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

from .registry import SCENARIOS, Scenario, scenario

ENV_VAR = "HIKARI_SCENARIOS"

__all__ = ["SCENARIOS", "Scenario", "load", "scenario"]


def load() -> dict[str, Scenario]:
    """List the scenarios: the modules $HIKARI_SCENARIOS names (comma-separated: a module in
    the current folder or on the path, or a .py file; they may add steps too), then every
    feature file's (the built-in ones, and those $HIKARI_FEATURES names)."""
    for entry in filter(None, (e.strip() for e in os.environ.get(ENV_VAR, "").split(","))):
        _import(entry)
    from . import features

    for found in features.load():
        if found.name in SCENARIOS and SCENARIOS[found.name].source != found:
            raise ValueError(f"scenario {found.name!r} is named twice ({found.path})")
        SCENARIOS[found.name] = found.as_scenario()
    return SCENARIOS


def _import(entry: str) -> None:
    if entry.endswith(".py"):
        path = Path(entry).resolve()
        spec = importlib.util.spec_from_file_location(path.stem, path)
        if spec is None or not path.is_file():
            raise ImportError(f"{ENV_VAR}: no such file {entry}")
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        return
    if os.getcwd() not in sys.path:  # a team's module next to where it runs hikari-e2e
        sys.path.append(os.getcwd())
    importlib.import_module(entry)
