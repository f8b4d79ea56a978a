"""Evidence from one run, as a QA team hands it over: the workbook (opened with openpyxl, the
library that writes it), the Allure results (each step its own screenshot, the test its video),
a failing feature's red row, and a scenario written from the step table alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hikari_e2e.evidence import layout as W

ROOT = Path(__file__).resolve().parent.parent
FEATURES = f"{ROOT / 'e2e' / 'features_for_tests'},{ROOT / 'examples' / 'features'}"


def hikari_e2e(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hikari_e2e.scenarios", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "HIKARI_FEATURES": FEATURES},
    )  # fmt: skip


def allure_results(folder: Path) -> dict[str, dict]:
    results = [json.loads(p.read_text("utf-8"))
               for p in (folder / "allure-results").glob("*-result.json")]  # fmt: skip
    return {r["fullName"].split("::")[1]: r for r in results}


def workbook(folder: Path):
    """Open the evidence workbook (openpyxl loads here, not in every worker's collection)."""
    from openpyxl import load_workbook

    return load_workbook(folder / W.WORKBOOK)


def images_by_row(sheet) -> dict[int, int]:
    """{row (1-based): how many images are anchored on it, in the evidence column}."""
    rows: dict[int, int] = {}
    for image in sheet._images:
        start = image.anchor._from
        assert start.col == W.IMAGE_COLUMN - 1
        rows[start.row + 1] = rows.get(start.row + 1, 0) + 1
    return rows


@pytest.fixture(scope="module")
def evidence_run(tmp_path_factory, hikari_session):
    """Three scenarios into one evidence folder, as a QA engineer would run them: one that
    mails, one written from the step table (filmed), one that fails on purpose."""
    folder = tmp_path_factory.mktemp("evidence")
    url = hikari_session.home_url
    runs = {
        "otp-registration": hikari_e2e("run", "otp-registration", "--evidence", str(folder),
                                       "--hikari-url", url),
        "busy-forward-ja": hikari_e2e("run", "busy-forward-ja", "--evidence", str(folder),
                                      "--video", str(folder / "videos"), "--no-narration",
                                      "--guide", str(folder / "guide"), "--hikari-url", url),
        "broken-feature": hikari_e2e("run", "broken-feature", "--evidence", str(folder),
                                     "--hikari-url", url),
    }  # fmt: skip
    return folder, runs


def test_the_workbook_has_a_cover_and_a_sheet_per_scenario_with_each_shot_on_its_row(
    evidence_run,
):
    folder, runs = evidence_run
    assert runs["otp-registration"].returncode == 0, runs["otp-registration"].stdout
    book = workbook(folder)

    assert book.sheetnames[0] == W.COVER and len(book.sheetnames) == 4
    cover = book[W.COVER]
    listed = {row[1]: row[4] for row in cover.iter_rows(values_only=True) if row[0] in (1, 2, 3)}
    assert list(listed.values()).count("OK") == 2 and list(listed.values()).count("NG") == 1
    sheet = next(book[n] for n in book.sheetnames if "ワンタイムパスワードを登録" in n)
    header = [c.value for c in sheet[W.HEADER_ROW]]
    assert tuple(header) == W.COLUMNS
    rows = [r for r in sheet.iter_rows(min_row=W.HEADER_ROW + 1, values_only=True) if r[0]]
    assert [r[0] for r in rows] == list(range(1, 5))
    assert rows[1][1].startswith("もし ワンタイムパスワードを登録してログインする\n・手順2 ")
    assert "\n・手順13 設定サイト トップ画面の表示" in rows[1][1]
    assert rows[1][2] == "メールの本登録URLとワンタイムパスワードでトップ画面になる"
    assert {r[3] for r in rows} == {"OK"}
    assert "メール：【ひかり電話設定サイト】メールアドレス本登録のお手続き" in rows[1][7]
    shots = images_by_row(sheet)
    # Every step after the first (a 前提: no page yet) has its own screenshot on its own row.
    assert shots == {W.HEADER_ROW + n: 1 for n in range(2, 5)}


def test_a_failed_step_is_red_keeps_its_screenshot_and_is_named_in_the_exit_message(
    evidence_run,
):
    folder, runs = evidence_run
    broken = runs["broken-feature"]

    assert broken.returncode == 1
    assert "✗ 「ならば トップ画面が表示される」" in broken.stdout
    sheet = next(s for s in workbook(folder) if "（テスト用）" in s.title)
    failed_row = W.HEADER_ROW + 4
    assert sheet.cell(failed_row, 4).value == "NG"
    assert sheet.cell(failed_row, 2).fill.fgColor.rgb.endswith(W.FAILED_COLOR)
    assert sheet.cell(failed_row + 1, 4).value == "未実施"  # the かつ after it never ran
    assert failed_row in images_by_row(sheet)
    result = allure_results(folder)["（テスト用）ログアウトしたのにトップ画面を期待して失敗する"]
    assert result["status"] == "failed"
    failed = result["steps"][3]
    assert failed["status"] == "failed" and failed["name"] == "ならば トップ画面が表示される"
    assert "ひかり電話設定サイト トップ" in failed["statusDetails"]["message"]
    assert any(a["type"] == "image/jpeg" for a in failed["attachments"])
    assert (folder / "evidence.pdf").read_bytes().startswith(b"%PDF")


def test_allure_results_give_each_step_its_own_screenshot_and_mails_and_the_test_its_film(
    evidence_run,
):
    folder, _ = evidence_run
    results = allure_results(folder)

    otp = results["ワンタイムパスワードを登録してログインする（手順7–13）"]
    shots = [a["source"] for s in otp["steps"] for a in s.get("attachments", [])
             if a["type"] == "image/jpeg"]  # fmt: skip
    assert len(shots) == len(set(shots)) == len(otp["steps"]) - 1
    for source in shots:
        assert (folder / "allure-results" / source).stat().st_size > 5_000
    mails = [a for a in otp["steps"][1]["attachments"] if a["type"] == "message/rfc822"]
    assert len(mails) == 2  # the registration URL and the code
    assert {"name": "guide", "value": "手順7–13"} in otp["labels"]
    assert otp["parameters"][0] == {"name": "地域・認証方法", "value": "NTT東日本・回線単位"}
    env = (folder / "allure-results" / "environment.properties").read_text("utf-8")
    assert "playwright=" in env and "setting.password_min_length=" in env
    filmed = results["話中時転送を設定する"]
    (film,) = [a for a in filmed["attachments"] if a["type"] == "video/webm"]
    assert (folder / "allure-results" / film["source"]).stat().st_size > 10_000


def test_a_scenario_written_from_the_step_table_alone_runs_films_and_gives_evidence(evidence_run):
    folder, runs = evidence_run
    run = runs["busy-forward-ja"]

    assert run.returncode == 0, run.stdout + run.stderr
    assert "  ならば ボイスワープの状態が「開始」になっている" in run.stdout
    assert (folder / "videos" / "busy-forward-ja-east.webm").stat().st_size > 10_000
    guide = json.loads(
        (folder / "guide" / "busy-forward-ja-east" / "steps.json").read_text("utf-8")
    )
    assert guide["steps"][-1]["caption"] == "確認：ボイスワープの状態が「開始」になっている"
    assert any("話中時転送" in s.title for s in workbook(folder))


def test_the_suites_feature_tests_keep_evidence_with_their_videos(tmp_path, hikari_session):
    folder = tmp_path / "evidence"

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "e2e/test_features.py", "-k", "otp-decline",
         "-p", "no:randomly", "-p", "no:cacheprovider", "--video=on",
         f"--output={tmp_path / 'out'}", f"--hikari-evidence={folder}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip

    assert result.returncode == 0, result.stdout[-3000:]
    results = list((folder / "allure-results").glob("*-result.json"))
    assert len(results) == 2  # 東日本 and 西日本
    for path in results:
        test = json.loads(path.read_text("utf-8"))
        assert [a["type"] for a in test["attachments"]] == ["video/webm"]
        assert all(any(a["type"] == "image/jpeg" for a in s["attachments"])
                   for s in test["steps"][1:])  # fmt: skip
    assert len(workbook(folder).sheetnames) == 3
