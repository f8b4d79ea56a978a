"""The step library's machinery: steps written in Japanese as Cucumber expressions.

A step is a function registered with `@book.step(expression, example=..., expected=...)`. Its
expression is a Cucumber expression (the notation Cucumber, SpecFlow and behave users know):
text to match word for word and `{型}` for a parameter of a type below. The built-in steps use
no optional text or alternatives, so that each reads as one sentence. The example is a real
step text (a test matches each against its own expression and the docs' table shows it); the
expected result is what the step checks before it passes (the evidence workbook's 期待結果).
"""

from __future__ import annotations

import difflib
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cucumber_expressions.expression import CucumberExpression
from cucumber_expressions.parameter_type import ParameterType
from cucumber_expressions.parameter_type_registry import ParameterTypeRegistry

from mock_site import wording

# A step's keyword kinds as the Gherkin parser names them, and as the Japanese dialect says them.
CONTEXT, ACTION, OUTCOME = "Context", "Action", "Outcome"
KEYWORDS = {CONTEXT: "前提", ACTION: "もし", OUTCOME: "ならば"}


@dataclass(frozen=True)
class Parameter:
    """A parameter type: its name as written in an expression, what it matches, an example."""

    name: str
    pattern: str
    meaning: str
    example: str
    convert: Callable[..., object] = str


def key_of(names: dict[str, str]) -> Callable[[str | None], str | None]:
    """Return a converter from a name the guide uses to the key the code uses (None: none
    named)."""
    keys = {name: key for key, name in names.items()}
    return keys.get


def _alternatives(names) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


REGION_NAMES = {"east": "東日本", "west": "西日本"}
UNIT_WORDS = {
    wording.UNIT_LINE: "回線単位",
    wording.UNIT_NUMBER: "電話番号単位",
    wording.UNIT_ADMIN: "管理者単位",
}
SERVICE_WORDS = dict(wording.SERVICE_BUTTONS)
MODE_WORDS = {key: name for key, name in wording.VW_MODES.items() if key != wording.VW_STOP}

PARAMETERS = (
    Parameter("地域", _alternatives(REGION_NAMES.values()), "東日本 か 西日本",
              "西日本", key_of(REGION_NAMES)),
    Parameter("単位", _alternatives(UNIT_WORDS.values()),
              "認証方法（回線単位・電話番号単位・管理者単位）",
              "管理者単位", key_of(UNIT_WORDS)),
    Parameter("サービス", _alternatives(SERVICE_WORDS.values()), "トップ画面のサービス名",
              "着信お知らせメール", key_of(SERVICE_WORDS)),
    Parameter("転送の方法", _alternatives(MODE_WORDS.values()), "ボイスワープの転送の方法",
              "無応答時転送", key_of(MODE_WORDS)),
    Parameter("電話番号", r"0\d{9,10}", "半角数字の電話番号（ハイフンなし）", "09012345678"),
    Parameter("アドレス", r"[^\s「」@]+@[^\s「」@]+", "メールアドレス", "taro@example.jp"),
    Parameter("数", r"\d+", "半角数字", "24", int),
    Parameter("文言", r"「([^」]*)」", "「」で囲んだ文言（画面やメールの言葉どおり）",
              "「ログアウトしました。」"),
)  # fmt: skip


def _registry() -> ParameterTypeRegistry:
    registry = ParameterTypeRegistry()
    for parameter in PARAMETERS:
        registry.define_parameter_type(
            ParameterType(parameter.name, parameter.pattern, object, parameter.convert, False)
        )
    return registry


@dataclass(frozen=True)
class StepDefinition:
    """One step of the library: what it says, what it does, and what it checks."""

    expression: str
    play: Callable[..., None]
    example: str
    expected: str
    kind: str  # CONTEXT, ACTION or OUTCOME: the keyword it is written with in the docs
    chapter: bool  # a chapter of its own in films and guides (else its journeys' steps are)
    matcher: CucumberExpression = field(repr=False, compare=False)

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.play) or ""

    @property
    def parameters(self) -> list[str]:
        return re.findall(r"\{([^}]+)\}", self.expression)


@dataclass(frozen=True)
class Match:
    """A step text matched: the definition and its converted arguments."""

    definition: StepDefinition
    arguments: tuple


class UnknownStep(LookupError):
    """No step of the library says this; the message names the nearest ones, in Japanese."""

    def __init__(self, text: str, nearest: list[str]) -> None:
        lines = [f"「{text}」という手順はステップ一覧にありません。"]
        if nearest:
            lines.append("近い手順: " + "、".join(f"「{n}」" for n in nearest))
        lines.append("一覧: docs/steps.md（hikari-e2e steps）")
        super().__init__("\n".join(lines))
        self.text, self.nearest = text, nearest
        self.where = ""  # the feature file and line, once known


class AmbiguousStep(LookupError):
    """Two steps of the library say the same text: a mistake in the library."""


class StepBook:
    """A library of steps; `step` registers one, `match` finds the one a text says."""

    def __init__(self) -> None:
        self.parameters = _registry()
        self.definitions: list[StepDefinition] = []

    def step(
        self, expression: str, *, expected: str, example: str | None = None, kind: str = ACTION,
        chapter: bool | None = None,
    ) -> Callable[[Callable[..., None]], Callable[..., None]]:  # fmt: skip
        """Register a step function(world, *arguments) under a Cucumber expression; a step
        without parameters is its own example."""
        if example is None and "{" in expression:
            raise ValueError(f"step {expression!r} has parameters: give an example")

        def register(play: Callable[..., None]) -> Callable[..., None]:
            matcher = CucumberExpression(expression, self.parameters)
            definition = StepDefinition(
                expression, play, example or expression, expected, kind,
                kind == OUTCOME if chapter is None else chapter, matcher,
            )  # fmt: skip
            if any(d.expression == expression for d in self.definitions):
                raise AmbiguousStep(f"step {expression!r} is registered twice")
            self.definitions.append(definition)
            return play

        return register

    def match(self, text: str) -> Match:
        """Return the one definition that matches text, or raise UnknownStep naming the nearest."""
        found = []
        for definition in self.definitions:
            arguments = definition.matcher.match(text)
            if arguments is not None:
                found.append(Match(definition, tuple(a.value for a in arguments)))
        if len(found) > 1:
            said = ", ".join(m.definition.expression for m in found)
            raise AmbiguousStep(f"「{text}」 matches more than one step: {said}")
        if not found:
            examples = [d.example for d in self.definitions]
            raise UnknownStep(text, difflib.get_close_matches(text, examples, n=3, cutoff=0.3))
        return found[0]
