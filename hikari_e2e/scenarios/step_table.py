"""The step table a QA engineer writes features from, generated from the step library:
`hikari-e2e steps` prints it, docs/steps.md is it (a test keeps the two the same)."""

from __future__ import annotations

from .stepbook import KEYWORDS, PARAMETERS
from .steps import BOOK, LINE_PARAMETER

INTRO = """# 使える手順（ステップ一覧）

`hikari-e2e steps --markdown` が生成します（手で書き換えないでください）。
フィーチャーファイルは `# language: ja` で始め、`機能:`・`シナリオ:`
（または `シナリオアウトライン:` と `例:`）の下に、次の手順を `前提`・`もし`・`ならば`
（続きは `かつ`）で書きます。`{型}` の所は下のパラメータの書き方で埋めます。
書き方は docs/features.md にあります。
"""


def _parameters() -> list[tuple[str, str, str]]:
    rows = [(p.name, p.meaning, p.example) for p in PARAMETERS]
    return [LINE_PARAMETER, *rows]


def markdown() -> str:
    """docs/steps.md."""
    lines = [INTRO, "## 手順", "", "| キーワード | 手順 | 例 | 確かめること（期待結果） |",
             "| --- | --- | --- | --- |"]  # fmt: skip
    for d in BOOK.definitions:
        expression = d.expression.replace("|", "\\|")
        lines.append(f"| {KEYWORDS[d.kind]} | `{expression}` | {d.example} | {d.expected} |")
    lines += ["", "## パラメータ", "", "| 型 | 書くもの | 例 |", "| --- | --- | --- |"]
    lines += [
        f"| `{{{name}}}` | {meaning} | {example} |" for name, meaning, example in _parameters()
    ]
    return "\n".join(lines) + "\n"


def text() -> str:
    """The same for a terminal: one step a line, its example beneath it."""
    lines = []
    for d in BOOK.definitions:
        lines.append(f"{KEYWORDS[d.kind]} {d.expression}")
        lines.append(f"    例: {KEYWORDS[d.kind]} {d.example}  （確かめること: {d.expected}）")
    lines.append("")
    lines += [f"{{{name}}}: {meaning}（例: {example}）" for name, meaning, example in _parameters()]
    return "\n".join(lines) + "\n"
