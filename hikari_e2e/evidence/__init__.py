"""Evidence (エビデンス) from a scenario run, with no second pass: each step's screenshot, mails
and IVR speech as it ran (record), then Allure results (allure), the workbook (workbook) and
its PDF (pdf), all from the records in one evidence folder.

    DIR/records/<scenario>-<region>.json   what each scenario did (one per run, any worker)
    DIR/files/<scenario>-<region>/         its screenshots, mails (.eml) and IVR speech (.wav)
    DIR/allure-results/                    for `make evidence-report` (Allure 3, offline)
    DIR/evidence.xlsx, evidence.pdf        the workbook and its printed pages
"""

from __future__ import annotations

from pathlib import Path

from .record import FILES, RECORDS, RESULTS, Recorder, ScenarioRecord, StepRecord, load_all

__all__ = ["FILES", "RECORDS", "RESULTS", "Recorder", "ScenarioRecord", "StepRecord", "finish",
           "keep", "load_all"]  # fmt: skip


def finish(folder: Path, versions: dict[str, str], browser=None) -> list[Path]:
    """Write the workbook (and, given a browser, its PDF) from every record in folder."""
    from . import pdf, workbook  # openpyxl and Pillow load only when a workbook is made

    records = load_all(Path(folder))
    written = [workbook.write(records, Path(folder), versions)]
    if browser is not None:
        written.append(pdf.write(records, Path(folder), versions, browser))
    return written


def keep(record: ScenarioRecord, folder: Path) -> None:
    """Save one finished scenario: its record and its Allure result."""
    from . import allure

    record.save(Path(folder))
    allure.write(record, Path(folder))
