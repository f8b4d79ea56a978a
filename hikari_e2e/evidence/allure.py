"""Allure results from the scenario records: each step an Allure step with its own screenshot,
its mails and IVR speech; the film and the trace on the test; the guide's pages as a link; the
environment as Allure shows it. Written with allure-python-commons (what allure-pytest writes
with), so `make evidence-report` (Allure 3, offline) reads them like any pytest run's.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import (
    Attachment,
    Label,
    Link,
    Parameter,
    Status,
    StatusDetails,
    TestResult,
    TestStepResult,
)

from .record import RESULTS, ScenarioRecord, StepRecord

STATUS = {"passed": Status.PASSED, "failed": Status.FAILED, "skipped": Status.SKIPPED}
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "message/rfc822": "eml",
              "audio/wav": "wav", "video/webm": "webm", "application/zip": "zip"}  # fmt: skip
# Where the customer guide (a PDF) is, for the page links: set by a team that keeps a copy. The
# page reference itself is always a label (「ガイド p.5–7」).
GUIDE_URL_VARIABLE = "HIKARI_GUIDE_URL"


def write(record: ScenarioRecord, folder: Path) -> Path:
    """Write one scenario's Allure result (and attachments) into folder/allure-results."""
    results = Path(folder) / RESULTS
    logger = AllureFileLogger(results)
    ms = lambda seconds: int(seconds * 1000)  # noqa: E731

    def attach(name: str, file: str, mime: str) -> Attachment:
        source = f"{uuid.uuid4()}-attachment.{EXTENSIONS.get(mime, 'bin')}"
        logger.report_attached_file(Path(folder) / file, source)
        return Attachment(name=name, source=source, type=mime)

    def step(s: StepRecord) -> TestStepResult:
        attachments = [attach("画面", s.screenshot, _mime(s.screenshot))] if s.screenshot else []
        attachments += [attach(a.name, a.file, a.mime) for a in s.attachments]
        return TestStepResult(
            name=s.words,
            status=STATUS[s.status],
            statusDetails=StatusDetails(message=s.error) if s.error else None,
            start=ms(s.started),
            stop=ms(s.started + s.seconds),
            steps=[TestStepResult(name=c, status=STATUS[s.status]) for c in s.substeps],
            attachments=attachments,
            parameters=[Parameter(name="期待結果", value=s.expected)] if s.expected else [],
        )

    full_name = f"{record.feature}::{record.title}"
    test = TestResult(
        uuid=str(uuid.uuid4()),
        name=f"{record.title}（{record.where}）",
        fullName=full_name,
        historyId=hashlib.md5(f"{full_name}:{record.region}".encode()).hexdigest(),
        testCaseId=hashlib.md5(full_name.encode()).hexdigest(),
        status=STATUS[record.status],
        statusDetails=StatusDetails(message=record.error) if record.error else None,
        start=ms(record.started),
        stop=ms(record.started + record.seconds),
        steps=[step(s) for s in record.steps],
        labels=[
            Label(name="feature", value=record.feature),
            Label(name="story", value=record.title),
            Label(name="suite", value=record.feature),
            Label(name="tag", value=record.where.split("・")[0]),
            Label(name="language", value="ja"),
            Label(name="framework", value="hikari-e2e"),
        ],
        parameters=[Parameter(name="地域・認証方法", value=record.where)],
    )
    if record.reference:
        test.labels.append(Label(name="guide", value=record.reference))
        if os.environ.get(GUIDE_URL_VARIABLE):
            page = "".join(c for c in record.reference.split("p.")[-1][:3] if c.isdigit())
            url = os.environ[GUIDE_URL_VARIABLE] + (f"#page={page}" if page else "")
            test.links.append(Link(type="link", url=url, name=record.reference))
    if record.film:
        test.attachments.append(attach("動画", record.film, "video/webm"))
    if record.trace:
        test.attachments.append(attach("トレース", record.trace, "application/zip"))
    logger.report_result(test)
    _environment(results, record.environment)
    return results


def _mime(file: str) -> str:
    return "image/png" if file.endswith(".png") else "image/jpeg"


def _environment(results: Path, environment: dict[str, str]) -> None:
    """environment.properties: what Allure's report shows as the run's environment."""
    lines = [f"{key.replace(' ', '_')}={value}" for key, value in sorted(environment.items())]
    (results / "environment.properties").write_text("\n".join(lines) + "\n", "utf-8")
