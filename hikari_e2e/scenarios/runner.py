"""Run a scenario: the environment, the browser, the steps printed as they go, the recording."""

from __future__ import annotations

import dataclasses
import random
import sys
import time
import traceback
import zlib
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from hikari_e2e.builders import LineBuilder
from mock_site import wording
from mock_site.client import ControlClient
from mock_site.client import controlled_environment as environment
from mock_site.regions import REGIONS
from mock_site.seed import LineToSeed
from mock_site.store import SPACE_HEADER

from .. import browser as browsers
from .. import evidence, versions
from ..evidence import Recorder, ScenarioRecord
from ..journeys import Customer, InboxMail
from .film import SIZE, Film
from .film.told import Told
from .guide import Guide
from .registry import Scenario

UNITS = {"line": wording.UNIT_LINE, "number": wording.UNIT_NUMBER, "admin": wording.UNIT_ADMIN}
ACTIONS = (
    "click",
    "fill",
    "check",
    "uncheck",
    "set_checked",
    "select_option",
    "press_sequentially",
)
TIMEOUT_MS = 10_000


@dataclass
class Options:
    """How to run: where, as whom, how visibly, and what to keep."""

    region: str = "east"
    unit: str = "line"
    headed: bool = False
    slowmo: float = 0
    video_dir: Path | None = None
    guide_dir: Path | None = None
    hikari_url: str | None = None
    narration: bool = True  # films speak their captions and the IVR (when the voice is there)
    evidence_dir: Path | None = None  # screenshots, mails, Allure results and the workbook


class StepFailed(Exception):
    """A step raised: index and caption say which."""

    def __init__(self, index: int, caption: str, error: BaseException) -> None:
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        super().__init__(f"手順 [{index}] 「{caption}」 failed: {first}")
        self.index, self.caption, self.error = index, caption, error


@dataclass
class Run:
    """What a scenario works with: the page, the sites, the control API, made-up data, steps."""

    page: Page
    hikari: ControlClient
    region: str
    unit: str
    builder: LineBuilder
    step: Steps
    home_url: str
    site_url: str
    addresses: list[str] = field(default_factory=list)

    def line(self, **options) -> LineToSeed:
        """Seed a line of this run's unit (LineBuilder.line options) and return it."""
        spec = self.builder.line(self.region, auth_unit=UNITS[self.unit], **options)
        self.hikari.lines.add(spec)
        return spec

    def pick(self, line: LineToSeed) -> str | None:
        """The number to pick on 設定する電話番号の選択 (None when the site asks nothing)."""
        return None if self.unit == "number" else line.contract_number

    @property
    def inbox(self) -> InboxMail:
        """Read the site's mail on the inbox page, in view."""
        return InboxMail(self.page, self.home_url)

    @property
    def customer(self) -> Customer:
        """The customer at this run's browser, reading mail on the inbox page, in view."""
        return Customer(self.page, self.site_url, self.home_url, self.region, self.inbox, self.step)

    def address(self) -> str:
        self.addresses.append(self.builder.address())
        return self.addresses[-1]

    def password(self) -> str:
        return self.builder.password()

    def temp_password(self) -> str:
        return self.builder.temp_password()

    def verify_id(self) -> str:
        return self.builder.verify_id()

    def verify_password(self) -> str:
        return self.builder.verify_password()


class Steps:
    """Print each step as it happens; caption the film, shoot the guide and record the
    evidence around it. A feature's step (`gherkin`) holds the guide's steps it walks."""

    def __init__(
        self, out: TextIO, film: Film | None, guide: Guide | None, page: Page,
        recorder: Recorder | None = None,
    ) -> None:  # fmt: skip
        self.out, self.film, self.guide, self.page = out, film, guide, page
        self.recorder = recorder
        self.holding = False  # a feature's step is open: the guide's steps are its parts
        self.chapter: str | None = None  # that step's own chapter, if it is one
        self.index = 0
        self.started = time.monotonic()

    def __call__(self, caption: str) -> AbstractContextManager:
        return self._step(caption)

    @contextmanager
    def _step(self, caption: str) -> Iterator[None]:
        self.index += 1
        index, began = self.index, time.monotonic()
        self.out.write(f"[{index:>2}] {caption} … ")
        self.out.flush()
        if self.film:
            self.film.chapter(index, caption)
        if self.guide:
            self.guide.start_step(index, caption)
        with self._evidence(caption):
            try:
                yield
                if self.guide:
                    self.guide.end_step(self.shoot)
            except StepFailed:
                raise
            except Exception as error:
                self.out.write("✗\n")
                raise StepFailed(index, caption, error) from error
        self.out.write(f"✓ {time.monotonic() - began:.1f} s\n")

    @contextmanager
    def gherkin(self, keyword: str, text: str, expected: str, chapter: str | None):
        """A feature's step: printed in its own words and recorded as one piece of evidence,
        holding the guide's steps it walks; a chapter of the film and guide of its own when
        chapter gives its caption."""
        self.out.write(f"  {keyword} {text}\n")
        if self.recorder:
            self.recorder.begin(keyword, text, expected)
        self.holding, self.chapter = True, chapter
        try:
            with self._step(chapter) if chapter else nullcontext():
                yield
        except BaseException as error:
            if self.recorder:
                self.recorder.end(error.error if isinstance(error, StepFailed) else error)
            raise
        else:
            if self.recorder:
                self.recorder.end()
        finally:
            self.holding = False

    @contextmanager
    def _evidence(self, caption: str) -> Iterator[None]:
        """Record a step of the guide: inside a feature's step, as a part of it; else (a
        Python scenario) as a piece of evidence of its own."""
        if self.recorder is None or self.holding:
            if self.recorder is not None and caption != self.chapter:
                self.recorder.substep(caption)
            yield
            return
        self.recorder.begin("", caption, "")
        try:
            yield
        except BaseException as error:
            self.recorder.end(error.error if isinstance(error, StepFailed) else error)
            raise
        self.recorder.end()

    def before_action(self, kind: str) -> None:
        """Let the guide shoot the screen before a press (what was used, the page tells)."""
        self.guide.action(kind, self.shoot)

    def shoot(self, path: Path) -> None:
        self.page.screenshot(path=path)


@contextmanager
def watching(page: Page, steps: Steps) -> Iterator[None]:
    """Call steps.before_action(kind) before each action on this page's locators.

    The journeys act through the page objects with plain Playwright calls; watching here keeps
    them the same for the tests and the scenarios.
    """
    originals = {name: getattr(Locator, name) for name in ACTIONS}

    def watched(name: str):
        original = originals[name]

        def action(self: Locator, *args, **kwargs):
            if self.page is page:
                steps.before_action(name)
            return original(self, *args, **kwargs)

        return action

    for name in ACTIONS:
        setattr(Locator, name, watched(name))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(Locator, name, original)


def launch(playwright, options: Options) -> Browser:
    plan = browsers.plan(headless=not options.headed)
    return playwright.chromium.launch(**plan.merge({"slow_mo": options.slowmo}))


def play(
    scenario: Scenario, browser: Browser, client: ControlClient, options: Options, out: TextIO
) -> int:
    """Run one scenario in a fresh context; 0 when every step passed, 1 naming the failure."""
    named = getattr(scenario.source, "choice", None)  # a feature's 「西日本の管理者単位の回線」
    if named:
        options = replace(options, region=named.region or options.region,
                          unit=named.unit or options.unit)  # fmt: skip
    client.reset()  # the worker's own environment, or this run's own space of a shared one
    seed = f"{scenario.name}:{options.region}:{options.unit}"
    builder = LineBuilder(
        zlib.crc32(seed.encode()) if not options.hikari_url else random.getrandbits(32),
        client.settings,  # the rules in force there
    )
    label = f"{scenario.name} ({options.region}, {options.unit})"
    out.write(f"{label}: {scenario.description}\n")
    context = _new_context(browser, client, options)
    page = context.new_page()
    steps = Steps(out, page=page, **_observers(scenario, page, client, options, label))
    run = Run(page, client, options.region, options.unit, builder, steps, client.home_url,
              client.site_url(options.region))  # fmt: skip
    if options.evidence_dir:
        steps.recorder = start_evidence(
            options.evidence_dir, scenario.name, scenario.description, scenario.feature,
            scenario.reference, run,
        )  # fmt: skip
    failure: StepFailed | None = None
    began = time.monotonic()
    with watching(page, steps) if steps.guide else nullcontext():
        try:
            scenario.play(run)
        except StepFailed as error:
            failure = error
        except Exception as error:  # outside any step: seeding, say
            failure = StepFailed(steps.index + 1, "（手順の外）", error)
    elapsed = time.monotonic() - began
    _finish(steps, failure, elapsed, options, out)
    context.close()
    if failure:
        out.write(f"✗ {failure}\n")
        detail = "".join(traceback.format_exception_only(failure.error)).strip()
        out.write("  " + detail.replace("\n", "\n  ") + "\n")
        return 1
    out.write(f"✓ {steps.index} steps in {elapsed:.1f} s\n")
    return 0


def _new_context(browser: Browser, client: ControlClient, options: Options) -> BrowserContext:
    context = browser.new_context(
        viewport=SIZE,
        locale="ja-JP",
        timezone_id="Asia/Tokyo",
        device_scale_factor=1,
        # A film shows no motion a person could see (a frame shown less than a tenth of a
        # second is left out), and every frame painted costs the screencast: films ask for
        # the pages' still version.
        reduced_motion="reduce" if options.video_dir else None,
        # Every request of the browser in the run's space (pages before login, inbox, phone).
        extra_http_headers={SPACE_HEADER: client.space} if client.space else None,
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


def _observers(
    scenario: Scenario, page: Page, client: ControlClient, options: Options, label: str
) -> dict:
    """What watches the run, as asked: the film and the illustrated guide, both told by the
    page what each step used (one Told)."""
    stem = f"{scenario.name}-{options.region}"
    film = guide = None
    told = Told(page) if options.video_dir or options.guide_dir else None
    if options.video_dir:
        video = Path(options.video_dir) / f"{stem}.webm"
        film = Film(page, video, scenario.description, told=told)
        if options.narration:
            film.narrate(client.home_url)
        film.start()
    if options.guide_dir:
        where = f"{REGIONS[options.region].company}・{wording.UNIT_NAMES[UNITS[options.unit]]}"
        title = f"{scenario.description}（{where}）"
        guide = Guide(page, Path(options.guide_dir) / stem, title, label, told=told)
    return {"film": film, "guide": guide}


def _finish(
    steps: Steps, failure: StepFailed | None, elapsed: float, options: Options, out: TextIO
) -> None:
    """Write what the observers made: the video, the evidence, the guide."""
    film, guide, recorder = steps.film, steps.guide, steps.recorder
    if film:
        film.finish()
        out.write(f"  video: {film.path}\n")
    if recorder:
        record = recorder.finish(failure, elapsed)
        record.film = str(film.path.resolve()) if film else None
        evidence.keep(record, options.evidence_dir)
    if guide:
        written = guide.write(str(failure) if failure else None)
        out.write(f"  guide: {written}\n")
        try:
            out.write(f"  guide (PDF): {guide.write_pdf(written)}\n")
        except PlaywrightError as error:  # a headed browser cannot print to PDF
            out.write(f"  guide (PDF): not written ({str(error).splitlines()[0]})\n")


def start_evidence(
    folder: str | Path, name: str, title: str, feature: str, reference: str, run: Run
) -> Recorder:
    """Record a scenario's evidence as it runs: a CLI run and a feature test alike."""
    record = ScenarioRecord(
        name, title, feature or wording.PYTHON_FEATURE, run.region, run.unit, time.time(),
        reference, environment=environment_facts(run.hikari, run.region, run.unit),
    )  # fmt: skip
    return Recorder(folder, record, run.page, run.hikari)


def environment_facts(client: ControlClient, region: str, unit: str) -> dict[str, str]:
    """What Allure and the workbook show of where a scenario ran: versions, region, unit and
    the settings in force."""
    settings = dataclasses.asdict(client.settings())
    return {
        **versions.collect(),
        "region": region,
        "unit": unit,
        **{f"setting.{key}": str(value) for key, value in sorted(settings.items())},
    }


@contextmanager
def own_environment(url: str | None) -> Iterator[ControlClient]:
    """Start an environment in-process, or, with url, take a space of its own on that one
    (deleted afterwards), so that a run shares a served replica with any other job."""
    with environment(url) as client:
        if not url:
            yield client
            return
        space = client.create_space("hikari-e2e run")
        try:
            yield space
        finally:
            space.delete_space()


def run_one(name: str, scenarios: dict[str, Scenario], options: Options, out=sys.stdout) -> int:
    """Run the named scenario with its own environment (or space) and browser."""
    with own_environment(options.hikari_url) as client, sync_playwright() as playwright:
        browser = launch(playwright, options)
        try:
            status = play(scenarios[name], browser, client, options, out)
            if options.evidence_dir:
                finish_evidence(options.evidence_dir, browser, out)
            return status
        finally:
            browser.close()


def finish_evidence(folder: Path, browser: Browser, out: TextIO) -> None:
    """Write the workbook and its PDF from every scenario recorded in folder."""
    try:
        written = evidence.finish(folder, versions.collect(), browser)
    except PlaywrightError as error:  # a headed browser cannot print to PDF
        written = evidence.finish(folder, versions.collect())
        out.write(f"  evidence (PDF): not written ({str(error).splitlines()[0]})\n")
    for path in written:
        out.write(f"  evidence: {path}\n")
    out.write(f"  evidence: {Path(folder) / evidence.RESULTS}/ (make evidence-report)\n")


def record_all(
    scenarios: dict[str, Scenario], options: Options, index: Path, out=sys.stdout
) -> int:
    """Record every scenario in both regions (one environment, one browser); write an index
    page linking every video and guide; return how many failed."""
    failures, rows = 0, []
    with own_environment(options.hikari_url) as client, sync_playwright() as playwright:
        browser = launch(playwright, options)
        try:
            for scenario in scenarios.values():
                for region in ("east", "west"):
                    opts = Options(**{**vars(options), "region": region})
                    failed = play(scenario, browser, client, opts, out) != 0
                    failures += failed
                    rows.append((scenario, region, failed))
            if options.evidence_dir:
                finish_evidence(options.evidence_dir, browser, out)
        finally:
            browser.close()
    write_index(index, rows, options)
    return failures


def write_index(index: Path, rows, options: Options) -> None:
    """Write the page support staff open first: every scenario, its video and its guide."""
    from html import escape
    from os.path import relpath

    def link(folder: Path | None, name: str, label: str) -> str:
        if folder is None:
            return ""
        return f'<a href="{escape(relpath(Path(folder) / name, index.parent))}">{label}</a>'

    title = wording.WALKTHROUGH_TITLE
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="ja"><head><meta charset="utf-8"><title>{title}</title>',
        "<style>body{font-family:'Noto Sans CJK JP',sans-serif;margin:2rem}"
        "td,th{border:1px solid #ccd;padding:.3rem .6rem}table{border-collapse:collapse}</style>",
        f"</head><body><h1>{title}</h1><table>",
        "<tr>" + "".join(f"<th>{name}</th>" for name in wording.WALKTHROUGH_COLUMNS) + "</tr>",
    ]
    video_word, guide_word = wording.WALKTHROUGH_COLUMNS[2:]
    for scenario, region, failed in rows:
        stem = f"{scenario.name}-{region}"
        mark = wording.WALKTHROUGH_FAILED if failed else ""
        lines.append(
            f"<tr><td>{escape(scenario.description)}{mark}</td><td>{region}</td>"
            f"<td>{link(options.video_dir, stem + '.webm', video_word)}</td>"
            f"<td>{link(options.guide_dir, stem + '/index.html', guide_word)}</td></tr>"
        )
    lines.append("</table></body></html>")
    index.parent.mkdir(parents=True, exist_ok=True)
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
