"""What a scenario leaves as evidence, recorded as it runs: each step with its screenshot, the
mails and IVR speech it produced, its result and time.

The recorder is told when a step begins and ends (by the scenario runner's Steps); at the end
of each it shoots the screen and fetches, through the control API, the mails that arrived and,
from the softphone page, the sentences the IVR spoke meanwhile. A scenario's record is written
as JSON beside its files, so that the writers (Allure results, the workbook) can gather the
records of many runs and of many pytest-xdist workers.
"""

from __future__ import annotations

import json
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from playwright.sync_api import Page

from mock_site import wording
from mock_site.client import ControlClient
from mock_site.regions import REGIONS

SCREEN_TYPE = "jpeg"  # a JPEG shot costs less than a PNG one (bench/bench_evidence.py)
SCREEN_QUALITY = 80
SCREEN_SUFFIX = "jpg"
# An evidence folder: DIR/records/<stem>.json, DIR/files/<stem>/, DIR/allure-results/.
RECORDS, FILES, RESULTS = "records", "files", "allure-results"
# A shot costs 30–40 ms however it is taken (the compositor's frame). A step that changed
# nothing on the screen (a ならば after the もし that showed it) keeps the shot before it: each
# page notes any change of its DOM, scroll or input since the last shot.
WATCH_JS = """window.__hikariShot = {changed: true};
new MutationObserver(() => { window.__hikariShot.changed = true; }).observe(document,
  {subtree: true, childList: true, attributes: true, characterData: true});
for (const type of ["scroll", "input"])
  addEventListener(type, () => { window.__hikariShot.changed = true; }, true);"""
CHANGED_JS = """() => { const shot = window.__hikariShot; if (!shot) return true;
  const changed = shot.changed; shot.changed = false; return changed; }"""


@dataclass
class Attachment:
    """A file a step produced, relative to the evidence folder."""

    name: str
    file: str
    mime: str


@dataclass
class StepRecord:
    """One step: its words, what it expects, how it ended, when, and what it left."""

    index: int
    keyword: str  # 前提 / もし / ならば / かつ … ; "" for a step of a Python scenario
    text: str
    expected: str
    status: str = "passed"  # passed / failed / skipped
    started: float = 0.0  # seconds since the epoch
    seconds: float = 0.0
    screenshot: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    substeps: list[str] = field(default_factory=list)  # the guide's steps it walked
    error: str | None = None

    @property
    def words(self) -> str:
        return f"{self.keyword} {self.text}".strip()


@dataclass
class ScenarioRecord:
    """One scenario run: names, where it ran, its steps, its film and its outcome."""

    name: str
    title: str
    feature: str
    region: str
    unit: str
    started: float
    reference: str = ""  # the guide's page(s), as the feature's tags give them
    seconds: float = 0.0
    status: str = "passed"
    error: str | None = None
    steps: list[StepRecord] = field(default_factory=list)
    film: str | None = None
    trace: str | None = None
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def stem(self) -> str:
        return f"{self.name}-{self.region}"

    @property
    def where(self) -> str:
        """The region and unit as the guide names them: 「NTT東日本・回線単位」."""
        return f"{REGIONS[self.region].company}・{wording.UNIT_NAMES[self.unit]}"

    @property
    def when(self) -> str:
        return datetime.fromtimestamp(self.started).astimezone().strftime("%Y-%m-%d %H:%M:%S")

    def save(self, folder: Path) -> Path:
        """Write this record as DIR/records/<stem>.json; return its path."""
        path = folder / RECORDS / f"{self.stem}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=1), "utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> ScenarioRecord:
        data = json.loads(path.read_text("utf-8"))
        steps = [
            StepRecord(**{**s, "attachments": [Attachment(**a) for a in s["attachments"]]})
            for s in data.pop("steps")
        ]
        return cls(**data, steps=steps)


def load_all(folder: Path) -> list[ScenarioRecord]:
    """Every scenario record in an evidence folder, in the order they started."""
    records = [ScenarioRecord.load(p) for p in sorted((folder / RECORDS).glob("*.json"))]
    return sorted(records, key=lambda r: r.started)


class Recorder:
    """Record one scenario's steps into folder (the evidence folder of the run)."""

    def __init__(self, folder: Path, record: ScenarioRecord, page: Page, hikari: ControlClient):
        self.folder, self.record, self.page, self.hikari = Path(folder), record, page, hikari
        self.files = Path(FILES) / record.stem
        (self.folder / self.files).mkdir(parents=True, exist_ok=True)
        self._mails_seen = {m.id for m in hikari.mail.list()}
        self._said_seen: set[str] = set()
        self._open: StepRecord | None = None
        self._last_shot: tuple[str, str] | None = None  # (url, file) of the last shot
        page.add_init_script(WATCH_JS)

    @property
    def open(self) -> bool:
        return self._open is not None

    def begin(self, keyword: str, text: str, expected: str) -> None:
        index = len(self.record.steps) + 1
        self._open = StepRecord(index, keyword, text, expected, started=time.time())
        self.record.steps.append(self._open)

    def substep(self, caption: str) -> None:
        if self._open is not None:
            self._open.substeps.append(caption)

    def end(self, error: BaseException | None = None) -> None:
        """Close the open step: its time, its screenshot, its mails and speech, its result."""
        step, self._open = self._open, None
        if step is None:
            return
        step.seconds = round(time.time() - step.started, 3)
        if error is not None:
            step.status = "failed"
            step.error = (str(error).strip().splitlines() or [type(error).__name__])[0]
        step.screenshot = self._shoot(step)
        step.attachments += self._new_mails(step) + self._new_speech(step)

    def skip(self, keyword: str, text: str, expected: str) -> None:
        """A step not reached because one before it failed."""
        self.begin(keyword, text, expected)
        self._open.status = "skipped"
        self._open = None

    def finish(self, error: BaseException | None, seconds: float) -> ScenarioRecord:
        """Close the record (evidence.keep saves it, once its film and trace are known)."""
        record = self.record
        record.seconds = round(seconds, 3)
        if error is not None:
            record.status = "failed"
            record.error = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return record

    def _file(self, name: str) -> tuple[str, Path]:
        relative = str(self.files / name)
        return relative, self.folder / relative

    def _shoot(self, step: StepRecord) -> str | None:
        """The screen as the step left it (the last shot, if nothing on it changed since); a
        step that ended with a click may have left the next page loading, so a failed shot
        waits for it once."""
        if self.page.url == "about:blank":  # nothing shown yet (a 前提 before any page)
            return None
        if self._last_shot and self._last_shot[0] == self.page.url and not self._changed():
            return self._last_shot[1]
        relative, path = self._file(f"step-{step.index:02d}.{SCREEN_SUFFIX}")
        for attempt in range(2):
            try:
                if attempt:
                    self.page.wait_for_load_state("load")
                self.page.screenshot(path=path, type=SCREEN_TYPE, quality=SCREEN_QUALITY)
                self._changed()  # the shot is of the screen as it is now
                self._last_shot = (self.page.url, relative)
                return relative
            except Exception:  # noqa: PERF203  (a page closed by the failure itself: no shot)
                continue
        return None

    def _changed(self) -> bool:
        try:
            return bool(self.page.evaluate(CHANGED_JS))
        except Exception:  # the page is navigating: it is changing
            return True

    def _new_mails(self, step: StepRecord) -> list[Attachment]:
        found = []
        for mail in reversed(self.hikari.mail.list()):  # oldest first
            if mail.id in self._mails_seen:
                continue
            self._mails_seen.add(mail.id)
            relative, path = self._file(f"step-{step.index:02d}-mail-{mail.id}.eml")
            path.write_bytes(self.hikari.mail.raw(mail.id))
            found.append(Attachment(f"メール：{mail.subject}", relative, "message/rfc822"))
        return found

    def _new_speech(self, step: StepRecord) -> list[Attachment]:
        """The IVR's sentences spoken in this step, as the softphone played them (WAV)."""
        if not self.page.url.startswith(self.hikari.home_url):
            return []
        try:
            said = self.page.locator("[data-audio]").evaluate_all(
                "nodes => nodes.map(n => [n.dataset.audio, n.textContent.trim()])"
            )
        except Exception:
            return []
        found = []
        for audio, text in said:
            if not audio or audio in self._said_seen:
                continue
            self._said_seen.add(audio)
            url = audio if audio.startswith("http") else self.hikari.home_url + audio
            relative, path = self._file(f"step-{step.index:02d}-ivr-{len(self._said_seen)}.wav")
            try:
                with urllib.request.urlopen(url, timeout=10) as answer:
                    path.write_bytes(answer.read())
            except OSError:
                continue
            found.append(Attachment(f"IVR音声：{text[:40]}", relative, "audio/wav"))
        return found
