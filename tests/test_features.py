"""The Japanese feature files and the step library, without a browser: every step's example is
its own, every built-in scenario's steps are known, a misspelt step names the nearest ones, the
docs' step table is the library's, outline rows get readable names."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hikari_e2e.scenarios import features as F
from hikari_e2e.scenarios import step_table
from hikari_e2e.scenarios.stepbook import KEYWORDS, PARAMETERS, UnknownStep
from hikari_e2e.scenarios.steps import BOOK, LineChoice

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("definition", BOOK.definitions, ids=lambda d: d.play.__name__)
def test_each_steps_example_is_matched_by_that_step_alone(definition):
    match = BOOK.match(definition.example)  # raises when two steps say the same text

    assert match.definition is definition
    assert len(match.arguments) == len(definition.parameters)
    assert definition.expected and definition.kind in KEYWORDS


@pytest.mark.parametrize("parameter", PARAMETERS, ids=lambda p: p.name)
def test_each_parameters_example_is_what_it_matches(parameter):
    import re

    assert re.fullmatch(parameter.pattern, parameter.example)


def test_the_line_parameter_takes_a_region_and_a_unit_or_neither():
    said = {
        "回線にパスワードが設定されている": LineChoice(None, None),
        "西日本の回線にパスワードが設定されている": LineChoice("west", None),
        "管理者単位の回線にパスワードが設定されている": LineChoice(None, "admin"),
        "東日本の電話番号単位の回線にパスワードが設定されている": LineChoice("east", "number"),
    }
    for text, choice in said.items():
        assert BOOK.match(text).arguments == (choice,)


def test_every_built_in_scenario_uses_known_steps_only():
    scenarios = F.load([F.BUILT_IN])

    assert len(scenarios) >= 12
    for scenario in scenarios:
        assert len(scenario.matches()) == len(scenario.steps)


def test_a_misspelt_step_is_refused_in_japanese_naming_the_nearest_steps():
    with pytest.raises(UnknownStep) as refused:
        BOOK.match("ワンタイムパスワードを登録してログインします")

    message = str(refused.value)
    assert (
        "「ワンタイムパスワードを登録してログインします」という手順はステップ一覧にありません。"
        in message
    )
    assert "近い手順: 「ワンタイムパスワードを登録してログインする」" in message


def test_a_misspelt_step_in_a_file_is_named_with_its_line(tmp_path):
    feature = tmp_path / "typo.feature"
    feature.write_text(
        "# language: ja\n機能: 例\n  シナリオ: 書き間違い\n"
        "    前提 回線にパスワードが設定されている\n    もし ログインしまする\n",
        encoding="utf-8",
    )
    (scenario,) = F.read(feature)

    with pytest.raises(UnknownStep) as refused:
        scenario.matches()

    assert refused.value.where == f"{feature}:5"
    assert "「ログインする」" in str(refused.value)


def test_a_feature_that_is_not_gherkin_is_refused_with_its_path(tmp_path):
    feature = tmp_path / "bad.feature"
    feature.write_text("# language: ja\nシナリオ: 機能の行がない\n", encoding="utf-8")

    with pytest.raises(F.FeatureError, match="bad.feature: Gherkin の書式が正しくありません"):
        F.read(feature)


def test_outline_rows_are_scenarios_named_by_their_tag_and_row():
    by_name = {s.name: s for s in F.load([F.BUILT_IN])}

    rows = [by_name[f"notice-units-{n}"] for n in range(1, 7)]
    assert rows[5].title == "西日本の管理者単位で、着信お知らせメールを設定する"
    assert rows[5].choice == LineChoice("west", "admin")
    assert dict(rows[0].example) == {"地域": "東日本", "単位": "回線単位"}
    assert by_name["full-journey"].choice == LineChoice(None, None)  # runs in both regions
    assert by_name["password-change"].reference == "ガイドp.15–16"


def test_the_docs_step_table_is_the_librarys():
    assert (ROOT / "docs" / "steps.md").read_text(encoding="utf-8") == step_table.markdown()
    for definition in BOOK.definitions:
        assert definition.example in step_table.markdown()


def test_pytest_names_feature_tests_in_readable_japanese():
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly",
         "e2e/test_features.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip

    assert (
        "e2e/test_features.py::仮パスワードの設定からワンタイムパスワード登録、ログアウトまで[東日本]"
        in collected
    )
    assert (
        "e2e/test_features.py::西日本の管理者単位で、着信お知らせメールを設定する[西日本]"
        in collected
    )
    assert "\\u" not in collected
