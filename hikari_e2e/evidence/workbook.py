"""The エビデンス workbook (xlsx): a cover sheet and one sheet per scenario, in the layout
Japanese QA teams hand over (No, 手順, 期待結果, 結果, 実施日時, 所要時間, エビデンス), each
step's screenshot anchored on its own row. Written with openpyxl; `pdf.write` prints the
same pages as PDF.
"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .layout import (
    COLUMNS,
    COVER,
    FAILED_COLOR,
    FAILED_TEXT_COLOR,
    HEAD_COLOR,
    HEADER_ROW,
    IMAGE_COLUMN,
    RESULT_WORDS,
    ROW_POINTS,
    SHOT_HEIGHT,
    SHOT_WIDTH,
    TITLE,
    WIDTHS,
    WORKBOOK,
)
from .record import ScenarioRecord, StepRecord

FAILED_FILL = PatternFill("solid", fgColor=FAILED_COLOR)
FAILED_FONT = Font(color=FAILED_TEXT_COLOR, bold=True)
HEAD_FILL = PatternFill("solid", fgColor=HEAD_COLOR)
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP_LEFT = Alignment(vertical="top", wrap_text=True)


def sheet_name(index: int, record: ScenarioRecord, taken: set[str]) -> str:
    """An Excel sheet name (31 characters at most, none of []:*?/\\), unique in the book."""
    name = re.sub(r"[\[\]:*?/\\]", "_", f"{index:02d}_{record.title}")[:31]
    while name in taken:
        name = name[:-1] + "_"
    taken.add(name)
    return name


def write(records: list[ScenarioRecord], folder: Path, versions: dict[str, str]) -> Path:
    """Write folder/evidence.xlsx from the records; return its path."""
    book = Workbook()
    cover = book.active
    cover.title = COVER
    taken = {COVER}
    names = [sheet_name(i, r, taken) for i, r in enumerate(records, 1)]
    _cover(cover, records, names, versions)
    for record, name in zip(records, names, strict=True):
        _scenario(book.create_sheet(name), record, Path(folder))
    path = Path(folder) / WORKBOOK
    book.save(path)
    return path


def _cover(sheet, records: list[ScenarioRecord], names: list[str], versions) -> None:
    sheet["A1"] = TITLE
    sheet["A1"].font = Font(size=16, bold=True)
    passed = sum(r.status == "passed" for r in records)
    facts = [
        ("作成日時", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")),
        ("実施シナリオ数", f"{len(records)}（OK {passed}・NG {len(records) - passed}）"),
        *[(f"バージョン：{name}", version) for name, version in versions.items()],
    ]
    row = 3
    for label, value in facts:
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.cell(row, 2, value)
        row += 1
    row += 1
    header = (
        "No",
        "シナリオ",
        "機能",
        "地域",
        "認証方法",
        "結果",
        "実施日時",
        "所要時間（秒）",
        "シート",
    )
    for column, word in enumerate(header, 1):
        _head(sheet.cell(row, column, word))
    for number, (record, name) in enumerate(zip(records, names, strict=True), 1):
        row += 1
        values = (number, record.title, record.feature, record.where,
                  RESULT_WORDS[record.status], record.when, record.seconds, name)  # fmt: skip
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row, column, value)
            cell.border, cell.alignment = BOX, TOP_LEFT
        link = sheet.cell(row, len(values))
        link.hyperlink, link.style = f"#'{name}'!A1", "Hyperlink"
        if record.status == "failed":
            _failed(sheet.cell(row, 5))
    for column, width in enumerate((5, 48, 30, 22, 6, 19, 9, 34), 1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _scenario(sheet, record: ScenarioRecord, folder: Path) -> None:
    facts = [
        ("シナリオ", record.title),
        ("機能", record.feature),
        ("地域・認証方法", record.where),
        ("実施日時", record.when),
        ("結果", RESULT_WORDS[record.status] + (f"：{record.error}" if record.error else "")),
    ]
    for row, (label, value) in enumerate(facts, 1):
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.cell(row, 3, value)
        if label == "結果" and record.status == "failed":
            _failed(sheet.cell(row, 3))
    for column, (word, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True), 1):
        _head(sheet.cell(HEADER_ROW, column, word))
        sheet.column_dimensions[get_column_letter(column)].width = width
    for step in record.steps:
        _step(sheet, HEADER_ROW + step.index, step, folder)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)


def _step(sheet, row: int, step: StepRecord, folder: Path) -> None:
    when = datetime.fromtimestamp(step.started).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    words = step.words + "".join(f"\n・{s}" for s in step.substeps)
    notes = "\n".join([step.error or ""] + [a.name for a in step.attachments]).strip()
    values = (step.index, words, step.expected, RESULT_WORDS[step.status], when, step.seconds,
              "", notes)  # fmt: skip
    for column, value in enumerate(values, 1):
        cell = sheet.cell(row, column, value)
        cell.border, cell.alignment = BOX, TOP_LEFT
    if step.status == "failed":
        for column in range(1, len(values) + 1):
            sheet.cell(row, column).fill = FAILED_FILL
        _failed(sheet.cell(row, 4))
    sheet.row_dimensions[row].height = ROW_POINTS if step.screenshot else None
    if step.screenshot:
        image = Image(io.BytesIO((folder / step.screenshot).read_bytes()))  # no file left open
        image.width, image.height = SHOT_WIDTH, SHOT_HEIGHT
        sheet.add_image(image, f"{get_column_letter(IMAGE_COLUMN)}{row}")


def _head(cell) -> None:
    cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BOX
    cell.alignment = Alignment(horizontal="center", vertical="center")


def _failed(cell) -> None:
    cell.font, cell.fill = FAILED_FONT, FAILED_FILL
