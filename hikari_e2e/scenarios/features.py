"""Scenarios written in Japanese Gherkin (`# language: ja`): read, checked against the step
library, and played over a Run like any scenario.

A feature file's scenarios join the registry: a scenario is named by its first tag
(`@full-journey`), else by its title; each row of a シナリオアウトライン's 例 is a scenario of its
own, `NAME-1`, `NAME-2`, … with the row's values in its title. The built-in features are in
hikari_e2e/features/; $HIKARI_FEATURES names a team's own files or folders (comma-separated).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gherkin.errors import CompositeParserException
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler

from .registry import Scenario
from .runner import Run, StepFailed
from .stepbook import ACTION, OUTCOME, Match, UnknownStep
from .steps import BOOK, LineChoice, World

BUILT_IN = Path(__file__).resolve().parent.parent / "features"
ENV_VAR = "HIKARI_FEATURES"
CHECK = "確認：{text}"  # a ならば step's chapter in films and guides
# The guide's pages or steps a title cites: 「…（ガイドp.5–7）」, 「…（手順1–6）」.
REFERENCE = re.compile(r"（((?:ガイド)?p\.[^）]+|手順[^）]+)）")


class FeatureError(ValueError):
    """A feature file that cannot be read: its path, line and what is wrong, in Japanese."""


@dataclass(frozen=True)
class FeatureStep:
    keyword: str  # as written: 前提, もし, ならば, かつ, しかし, *
    kind: str  # Context, Action or Outcome (かつ takes the kind of the step before it)
    text: str
    line: int


@dataclass(frozen=True)
class FeatureScenario:
    """One scenario of a feature file (or one row of an outline's examples)."""

    name: str
    title: str
    feature: str
    path: Path
    line: int
    steps: tuple[FeatureStep, ...]
    example: tuple[tuple[str, str], ...] = ()

    @property
    def reference(self) -> str:
        found = REFERENCE.search(self.title)
        return found.group(1) if found else ""

    def matches(self) -> list[Match]:
        """Match every step against the library (UnknownStep names the nearest known ones)."""
        found = []
        for step in self.steps:
            try:
                found.append(BOOK.match(step.text))
            except UnknownStep as error:
                error.where = f"{self.path}:{step.line}"
                raise
        return found

    @property
    def choice(self) -> LineChoice:
        """The region and unit the steps name (「西日本の管理者単位の回線…」); None for what
        they leave to the run (a scenario that names no region runs in both)."""
        for match in self.matches():
            for argument in match.arguments:
                if isinstance(argument, LineChoice):
                    return argument
        return LineChoice(None, None)

    def play(self, run: Run) -> None:
        """Play the steps in order over run; a failure names the feature's step."""
        matches = self.matches()
        world = World(run, run.region, run.unit)
        for n, (step, match) in enumerate(zip(self.steps, matches, strict=True)):
            definition = match.definition
            chapter = None
            if definition.chapter:
                chapter = CHECK.format(text=step.text) if step.kind == OUTCOME else step.text
            try:
                with run.step.gherkin(step.keyword, step.text, definition.expected, chapter):
                    definition.play(world, *match.arguments)
            except Exception as error:
                recorder = run.step.recorder
                for later, later_match in zip(self.steps[n + 1 :], matches[n + 1 :], strict=True):
                    if recorder:
                        recorder.skip(later.keyword, later.text, later_match.definition.expected)
                raise FeatureStepFailed(step, error) from error

    def as_scenario(self) -> Scenario:
        return Scenario(self.name, self.title, self.play, feature=self.feature,
                        reference=self.reference, source=self)  # fmt: skip


class FeatureStepFailed(StepFailed):
    """A feature's step failed: its words, the guide's step inside it if any, the cause."""

    def __init__(self, step: FeatureStep, error: BaseException) -> None:
        inner = error if isinstance(error, StepFailed) else None
        cause = inner.error if inner else error
        first = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        where = f"（手順 [{inner.index}] 「{inner.caption}」）" if inner else ""
        Exception.__init__(self, f"「{step.keyword} {step.text}」{where} failed: {first}")
        self.index = inner.index if inner else 0
        self.caption, self.error, self.step = f"{step.keyword} {step.text}", cause, step


def read(path: Path) -> list[FeatureScenario]:
    """Read one .feature file into its scenarios (outline rows expanded)."""
    source = Path(path).read_text(encoding="utf-8")
    try:
        document = Parser().parse(source)
    except CompositeParserException as error:
        raise FeatureError(f"{path}: Gherkin の書式が正しくありません: {error}") from None
    document["uri"] = str(path)
    feature = document.get("feature")
    if not feature:
        return []
    nodes = _nodes(feature)
    found, counts = [], {}
    for pickle in Compiler().compile(document):
        scenario = nodes[pickle["astNodeIds"][0]]
        tags = [t["name"].lstrip("@") for t in pickle["tags"]]
        base = tags[0] if tags else scenario["name"]
        example = _example(nodes, pickle["astNodeIds"][1:])
        name, title = base, pickle["name"]
        if example:
            counts[base] = counts.get(base, 0) + 1
            name = f"{base}-{counts[base]}"
            if title == scenario["name"]:
                title += "（" + "、".join(f"{k}={v}" for k, v in example) + "）"
        steps = tuple(_step(nodes, s) for s in pickle["steps"])
        found.append(FeatureScenario(name, title, feature["name"], Path(path),
                                     scenario["location"]["line"], steps, example))  # fmt: skip
    return found


def _nodes(feature: dict) -> dict[str, dict]:
    """Every scenario, step and example row of a feature by its id (pickles refer to them)."""
    nodes: dict[str, dict] = {}

    def walk(children):
        for child in children:
            if "rule" in child:
                walk(child["rule"]["children"])
            block = child.get("scenario") or child.get("background")
            if not block:
                continue
            nodes[block["id"]] = block
            for step in block["steps"]:
                nodes[step["id"]] = step
            for examples in block.get("examples", []):
                header = [c["value"] for c in examples["tableHeader"]["cells"]]
                for row in examples["tableBody"]:
                    nodes[row["id"]] = {
                        "example": tuple(
                            zip(header, (c["value"] for c in row["cells"]), strict=True)
                        )
                    }

    walk(feature["children"])
    return nodes


def _example(nodes: dict, ids: list[str]) -> tuple[tuple[str, str], ...]:
    return next((nodes[i]["example"] for i in ids if "example" in nodes.get(i, {})), ())


def _step(nodes: dict, pickle_step: dict) -> FeatureStep:
    written = nodes[pickle_step["astNodeIds"][0]]
    kind = pickle_step.get("type", "Unknown")
    return FeatureStep(written["keyword"].strip(), ACTION if kind == "Unknown" else kind,
                       pickle_step["text"], written["location"]["line"])  # fmt: skip


def paths() -> list[Path]:
    """The built-in features folder, then those $HIKARI_FEATURES names."""
    named = [Path(p.strip()) for p in os.environ.get(ENV_VAR, "").split(",") if p.strip()]
    return [BUILT_IN, *named]


def files(where: list[Path]) -> Iterator[Path]:
    for place in where:
        if place.is_dir():
            yield from sorted(place.rglob("*.feature"))
        elif place.is_file():
            yield place
        else:
            raise FeatureError(
                f"{ENV_VAR}: {place} がありません（.feature ファイルかフォルダを指定してください）"
            )


def load(where: list[Path] | None = None) -> list[FeatureScenario]:
    """Every scenario of every feature file found."""
    return [s for path in files(paths() if where is None else where) for s in read(path)]
