"""The evidence workbook's layout, as its reader sees it (the PDF prints the same columns):
its file name, sheets, columns and where a step's row and screenshot go. No openpyxl here, so
a reader of a workbook (a test) need not load the writer."""

from __future__ import annotations

WORKBOOK = "evidence.xlsx"
COVER = "表紙"
TITLE = "ひかり電話設定サイト テストエビデンス"
COLUMNS = (
    "No",
    "手順",
    "期待結果",
    "結果",
    "実施日時",
    "所要時間（秒）",
    "エビデンス（画面）",
    "備考",
)
WIDTHS = (5, 46, 34, 7, 19, 9, 66, 40)
IMAGE_COLUMN = 7
SHOT_WIDTH = 448  # px in the sheet (a 1280×720 screen at 35 %)
SHOT_HEIGHT = 252
ROW_POINTS = SHOT_HEIGHT * 0.75 + 6  # a row holds its image (1 px = 0.75 pt)
RESULT_WORDS = {"passed": "OK", "failed": "NG", "skipped": "未実施"}
HEADER_ROW = 7  # the scenario sheets' table header; a step's row is HEADER_ROW + its No
FAILED_COLOR = "FFC7CE"  # a failed step's row
FAILED_TEXT_COLOR = "9C0006"
HEAD_COLOR = "DDEBF7"
