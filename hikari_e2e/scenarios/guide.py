"""The illustrated guide: per step a screenshot with ❶❷❸ on the fields and buttons used.

Before each press the runner shoots the screen; what the step used on it up to that press is
marked, as the page told it (film.told: the same news of what was used that the film outlines,
with no round trip). A step keeps its last shot of each screen. The page is plain HTML with
the images beside it, so it opens from disk with no network.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from .film.told import USED_JS, Told

MARKERS = "❶❷❸❹❺❻❼❽❾❿⓫⓬⓭⓮⓯⓰⓱⓲⓳⓴"
PRESSES = ("click", "check", "set_checked", "select_option")  # what a shot is taken before


@dataclass
class Shot:
    """One screenshot of a step and the marked boxes on it (in CSS pixels of the viewport)."""

    file: str
    url: str
    taken: float = 0.0  # ms since the epoch, as the page tells its times
    doc: float | None = None  # the document shown (its time origin), as USED_JS names it
    since: float = 0.0  # when its step began: marks are of what the step used
    marks: list[dict] = field(default_factory=list)  # given at write() for a shot before a press
    before_press: bool = False


@dataclass
class GuideStep:
    index: int
    caption: str
    shots: list[Shot] = field(default_factory=list)


@dataclass
class Guide:
    """Shoot a scenario's steps and mark what each used; write index.html and steps.json."""

    page: Page
    folder: Path
    title: str
    description: str
    told: Told | None = None  # what the page tells; the guide's own when not shared
    clock: Callable[[], float] = field(default=lambda: time.time() * 1000)
    steps: list[GuideStep] = field(default_factory=list)
    used: list[tuple[float, dict]] = field(default_factory=list)  # (when, ms; its box and doc)
    _began: float = 0.0

    def __post_init__(self) -> None:
        if self.told is None:
            self.told = Told(self.page)
        self.told.listen("used", lambda at, box: self.used.append((at, box)), USED_JS)

    def start_step(self, index: int, caption: str) -> None:
        self.steps.append(GuideStep(index, caption))
        self._began = self.clock()

    def action(self, kind: str, shoot) -> None:
        """Before a press, shoot the screen as it is (its marks come with the press)."""
        if kind in PRESSES:
            self._shoot(shoot, replace=True, before_press=True)

    def end_step(self, shoot) -> None:
        """Make sure the step has a shot: the screen as the step leaves it (unmarked)."""
        if not self.steps[-1].shots:
            self._shoot(shoot, replace=False, before_press=False)

    def _shoot(self, shoot, replace: bool, before_press: bool) -> None:
        step = self.steps[-1]
        same_screen = step.shots and step.shots[-1].url == self.page.url
        name = f"step-{step.index:02d}-{len(step.shots) + (0 if same_screen else 1)}.png"
        if replace and same_screen:
            name = step.shots[-1].file
            step.shots.pop()
        self.folder.mkdir(parents=True, exist_ok=True)
        doc = self._document() if before_press else None  # only a shot before a press is marked
        before = self.clock()
        shoot(self.folder / name)
        # Halfway through the shot: what was used before it is well before, its press after.
        taken = (before + self.clock()) / 2
        step.shots.append(Shot(name, self.page.url, taken, doc, self._began, [], before_press))

    def _document(self) -> float | None:
        """The document on screen, as the page names it when it tells of a use."""
        try:
            return self.page.evaluate("performance.timeOrigin")
        except PlaywrightError:  # between two documents: nothing of either is marked
            return None

    def _mark(self) -> None:
        """Give each shot before a press the boxes its step used on that showing of the
        screen (its document), up to and with the press: the first use on it after the shot
        and before the next. A press that never came (it failed, or changed nothing) leaves
        what was used before the shot."""
        used = sorted(self.used, key=lambda use: use[0])
        shots = [shot for step in self.steps for shot in step.shots]
        for shot, following in zip(shots, [*shots[1:], None], strict=True):
            if not shot.before_press:
                continue
            until = following.taken if following else float("inf")
            press = next((at for at, box in used if shot.taken <= at < until
                          and box.get("doc") == shot.doc), shot.taken)  # fmt: skip
            for at, box in used:
                if at > press:
                    break
                if (
                    at >= shot.since
                    and box.get("doc") == shot.doc
                    and not any(_same(box, mark) for mark in shot.marks)
                ):
                    shot.marks.append({k: round(box[k], 1) for k in ("x", "y", "width", "height")})

    def write(self, failed: str | None = None) -> Path:
        """Write steps.json and index.html; return the page."""
        self._mark()
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {
            "title": self.title,
            "description": self.description,
            "failed": failed,
            "steps": [
                {
                    "index": s.index,
                    "caption": s.caption,
                    "shots": [{"file": sh.file, "marks": len(sh.marks)} for sh in s.shots],
                }
                for s in self.steps
            ],
        }
        (self.folder / "steps.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        page = self.folder / "index.html"
        page.write_text(self._html(failed), encoding="utf-8")
        return page

    def write_pdf(self, page_html: Path) -> Path:
        """Print the written page to guide.pdf (A4, markers kept) in a page of its own, as
        Chromium prints it: the same guide, for a support desk to mail."""
        pdf = self.folder / "guide.pdf"
        browser = self.page.context.browser
        context = browser.new_context() if browser else self.page.context
        printer = context.new_page()
        try:
            printer.goto(page_html.resolve().as_uri())
            printer.wait_for_load_state("load")  # every screenshot in place
            margin = {"top": "12mm", "bottom": "12mm", "left": "10mm", "right": "10mm"}
            printer.pdf(path=str(pdf), format="A4", print_background=True, margin=margin)
        finally:
            printer.close()
            if browser:
                context.close()
        return pdf

    def _html(self, failed: str | None) -> str:
        width, height = self.page.viewport_size["width"], self.page.viewport_size["height"]
        parts = [
            "<!DOCTYPE html>",
            '<html lang="ja"><head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(self.title)}</title>",
            f"<style>{STYLE}</style></head><body><main>",
            f"<h1>{escape(self.title)}</h1>",
            f"<p class=lead>{escape(self.description)}</p>",
        ]
        if failed:
            parts.append(f'<p class=failed role="alert">{escape(failed)}</p>')
        parts.append("<ol class=steps>")
        for step in self.steps:
            parts.append(f'<li id="step-{step.index}"><h2>{escape(step.caption)}</h2>')
            for shot in step.shots:
                parts.append("<figure class=shot><div class=frame>")
                alt = f"{step.caption}の画面"
                parts.append(f'<img src="{escape(shot.file)}" alt="{escape(alt)}">')
                for n, mark in enumerate(shot.marks):
                    left = 100 * (mark["x"] + mark["width"]) / width
                    top = 100 * mark["y"] / height
                    label = MARKERS[n] if n < len(MARKERS) else str(n + 1)
                    parts.append(
                        f'<span class=marker style="left:{min(left, 97):.2f}%;'
                        f'top:{max(top, 0):.2f}%">{label}</span>'
                        f'<span class=box style="left:{100 * mark["x"] / width:.2f}%;'
                        f"top:{top:.2f}%;width:{100 * mark['width'] / width:.2f}%;"
                        f'height:{100 * mark["height"] / height:.2f}%"></span>'
                    )
                parts.append("</div>")
                if shot.marks:
                    used = "、".join(MARKERS[: min(len(shot.marks), len(MARKERS))])
                    parts.append(f"<figcaption>{used} の順に操作します。</figcaption>")
                parts.append("</figure>")
            parts.append("</li>")
        parts.append("</ol></main></body></html>")
        return "\n".join(parts)


def _same(a: dict, b: dict) -> bool:
    return all(abs(a[k] - b[k]) < 1 for k in ("x", "y", "width", "height"))


STYLE = """
body{margin:0;background:#f4f6f8;color:#222;font-family:'Noto Sans CJK JP','Hiragino Sans',
'Yu Gothic',sans-serif;line-height:1.6}
main{max-width:70rem;margin:1rem auto;padding:1rem 1.5rem;background:#fff;border-radius:8px}
h1{font-size:1.5rem;border-bottom:3px solid #0a5cab;padding-bottom:.3rem}
.lead{color:#444}.failed{border:2px solid #b00020;background:#fdecee;padding:.5rem 1rem}
.steps{list-style:none;padding:0;counter-reset:none}
.steps>li{margin:1.5rem 0;padding-top:.5rem;border-top:1px solid #dde}
.steps h2{font-size:1.15rem;color:#0a3d7a}
.shot{margin:.5rem 0}.frame{position:relative;display:inline-block;max-width:100%}
.frame img{display:block;max-width:100%;height:auto;border:1px solid #ccd;border-radius:4px}
.marker{position:absolute;transform:translate(-40%,-55%);font-size:1.9rem;color:#e4007f;
text-shadow:0 0 3px #fff,0 0 6px #fff;line-height:1;pointer-events:none}
.box{position:absolute;outline:3px solid #e4007f;border-radius:4px;pointer-events:none}
figcaption{font-size:.9rem;color:#555}
@media print{body{background:#fff}main{max-width:none;margin:0;padding:0;border-radius:0}
.steps>li{break-inside:avoid;margin:.6rem 0}.frame{max-width:78%}
.marker,.box{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
"""
