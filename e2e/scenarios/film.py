"""Walkthrough videos: frames from page.screencast, paced for people, encoded once by ffmpeg.

The run itself goes at full speed. Every frame the screencast delivers is kept with its stamp.
At each step a caption card is drawn for a couple of frames and the step's subtitle goes up (a
page.screencast overlay); before each action the element is outlined. When the film is cut,
the frame showing the card is *held* CHAPTER_SECONDS and the outlined ones ACTION_SECONDS, so
the video has a pace a person can follow while recording costs little more than the run.
"""

from __future__ import annotations

import bisect
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

SIZE = {"width": 1280, "height": 720}
FPS = 25  # the shortest a frame is shown
CHAPTER_SECONDS = 2.2  # a caption card, read in full
ACTION_SECONDS = 0.7  # a highlighted field or button before it is used
MIN_STEP_SECONDS = 2.5  # no step flashes by
TAIL_SECONDS = 1.5
# Frames are stamped a frame or three after the page changed (measured: 30–60 ms later).
HIGHLIGHT_LAG_MS = 40
CARD_FRAMES = 2
CARD_LAG_MS = 120  # frames are looked at until this long after the card came down
# Exactly 1280×720 (a frame of another size is fitted on white). The frame rate is variable:
# each frame the page painted is encoded once and shown for as long as the pace says, so a
# held caption costs no encoding.
VIDEO_FILTER = (
    "scale=1280:720:force_original_aspect_ratio=decrease,"
    "pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p"
)

CARD = (
    '<div style="position:fixed;inset:0;display:flex;align-items:center;'
    "justify-content:center;"
    "background:rgba(10,20,40,.55);font-family:'Noto Sans CJK JP',sans-serif\">"
    '<div style="background:#fff;border-radius:14px;padding:28px 44px;max-width:80%;'
    'box-shadow:0 8px 30px rgba(0,0,0,.35);text-align:center">'
    '<div style="font-size:34px;font-weight:bold;color:#0a3d7a">{title}</div>'
    '<div style="font-size:20px;color:#444;margin-top:10px">{description}</div>'
    # A moving bar keeps the page painting while the card is up, so frames keep coming.
    "<style>@keyframes hikari-bar{{from{{width:0}}to{{width:100%}}}}</style>"
    '<div style="height:4px;background:#0a5cab;margin-top:16px;'
    'animation:hikari-bar 1s linear infinite"></div></div></div>'
)
SUBTITLE = (
    '<div style="position:fixed;left:0;right:0;bottom:0;height:52px;padding:8px 18px;'
    "box-sizing:border-box;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;"
    "background:#24292f;color:#fff;font-size:24px;line-height:36px;"
    "font-family:'Noto Sans CJK JP',sans-serif\">{title}</div>"
)


HIGHLIGHT_JS = """(element, draw) => {
  document.getElementById("hikari-highlight")?.remove();
  const r = element.getBoundingClientRect();
  if (draw) {
    const box = document.createElement("div");
    box.id = "hikari-highlight";
    box.setAttribute("aria-hidden", "true");
    box.style.cssText = `position:fixed;left:${r.x - 4}px;top:${r.y - 4}px;` +
      `width:${r.width + 8}px;height:${r.height + 8}px;outline:4px solid #ff7a00;` +
      "border-radius:6px;pointer-events:none;z-index:2147483646";
    document.documentElement.appendChild(box);
  }
  return {x: r.x, y: r.y, width: r.width, height: r.height,
          at: performance.timeOrigin + performance.now()};
}"""
# The caption card is drawn in the page itself for CARD_FRAMES frames, then taken away; the
# answer is when it went up and when it came down, on the clock the screencast stamps its
# frames with (ms since the epoch). The frame that shows it is found by its content when the
# film is cut. (A page.screencast overlay would do, but it reaches the page a frame or two
# after show_overlay returns, at no moment one can know; the subtitle, which lasts the whole
# step, is one.)
CARD_JS = """([html, frames]) => new Promise(resolve => {
  const card = document.createElement("div");
  card.id = "hikari-card";
  card.setAttribute("aria-hidden", "true");
  card.style.cssText = "position:fixed;inset:0;z-index:2147483647;pointer-events:none";
  card.innerHTML = html;
  document.documentElement.appendChild(card);
  const now = () => performance.timeOrigin + performance.now();
  const shown = now();
  let count = 0;
  const tick = () => {
    if (++count < frames) return requestAnimationFrame(tick);
    const gone = now();
    card.remove();
    resolve([shown, gone]);
  };
  requestAnimationFrame(tick);
})"""
UNHIGHLIGHT_JS = '() => document.getElementById("hikari-highlight")?.remove()'


@dataclass
class Chapter:
    """A step: the frame that shows its caption card, and where that is in the video."""

    index: int
    caption: str
    frame: int = 0
    seconds: float = 0.0  # in the finished video


@dataclass
class Film:
    """Collect a page's frames and the holds that pace them; write a webm with chapters.

    Nothing waits for the video while the scenario runs: the moments are noted, and frames
    are matched to them when the film is cut.
    """

    page: Page
    path: Path
    description: str = ""
    frames: list[tuple[float, bytes]] = field(default_factory=list)  # (painted at, ms; JPEG)
    holds: list[tuple[float, float]] = field(default_factory=list)  # (painted at or after, s)
    cards: list[tuple[float, float]] = field(default_factory=list)  # each card: up, down (ms)
    chapters: list[Chapter] = field(default_factory=list)

    def start(self) -> None:
        self.page.screencast.start(on_frame=self._on_frame, size=SIZE, quality=50)

    def _on_frame(self, frame) -> None:
        self.frames.append((frame["timestamp"], frame["data"]))

    def chapter(self, index: int, caption: str) -> None:
        """Put up the step's subtitle, and hold CHAPTER_SECONDS the frame showing its card."""
        # Each subtitle is opaque and covers the one before: none needs taking down.
        self.page.screencast.show_overlay(SUBTITLE.format(title=escape(caption)))
        card = CARD.format(title=escape(caption), description=escape(self.description))
        try:
            up, down = self.page.evaluate(CARD_JS, [card, CARD_FRAMES])
        except PlaywrightError:  # the page was navigating: draw it on the new one
            self.page.wait_for_load_state()
            up, down = self.page.evaluate(CARD_JS, [card, CARD_FRAMES])
        self.cards.append((up, down))
        self.chapters.append(Chapter(index, caption))

    def target(self, element) -> dict | None:
        """Outline the element about to be used (held ACTION_SECONDS); return its box."""
        box = element.evaluate(HIGHLIGHT_JS, True)
        self.holds.append((box.pop("at") + HIGHLIGHT_LAG_MS, ACTION_SECONDS))
        return box

    def hidden(self):
        """Hide the overlays and the outline for a moment (for the guide's screenshots)."""
        film = self

        class _Hidden:
            def __enter__(self):
                film.page.evaluate(UNHIGHLIGHT_JS)
                film.page.screencast.hide_overlays()

            def __exit__(self, *exc):
                film.page.screencast.show_overlays()

        return _Hidden()

    def _card_frames(self, ffmpeg: str) -> list[int]:
        """Find, for each caption card, the frame that shows it.

        Frames are stamped a frame or three after the page changed, by a varying lag; so the
        frames stamped from the card going up until well after it came down are looked at,
        and the darkest (the card dims the page) is the one.
        """
        times = [t for t, _ in self.frames]
        windows = [
            range(bisect.bisect_left(times, up), bisect.bisect_right(times, down + CARD_LAG_MS))
            for up, down in self.cards
        ]
        looked_at = sorted({i for window in windows for i in window})
        means = _mean_gray(ffmpeg, [self.frames[i][1] for i in looked_at]) if looked_at else []
        brightness = dict(zip(looked_at, means, strict=True))
        return [
            min(window, key=brightness.__getitem__)
            if window
            else min(bisect.bisect_left(times, up), len(times) - 1)
            for window, (up, _) in zip(windows, self.cards, strict=True)
        ]

    def _cut(self, cards: list[int]) -> list[float]:
        """Return each frame's duration in the video: its time in the run plus its holds."""
        times = [t for t, _ in self.frames]
        durations = [max(0.0, b - a) / 1000 for a, b in zip(times, times[1:], strict=False)]
        durations.append(0.0)

        def first_after(moment: float) -> int:
            return min(bisect.bisect_left(times, moment), len(times) - 1)

        for moment, seconds in self.holds:
            durations[first_after(moment)] += seconds
        for chapter, shown in zip(self.chapters, cards, strict=True):
            durations[shown] += CHAPTER_SECONDS
            chapter.frame = shown
        starts = [c.frame for c in self.chapters] + [len(times)]
        for begin, end in zip(starts, starts[1:], strict=False):
            shown = sum(durations[begin:end])
            if end > begin and shown < MIN_STEP_SECONDS:
                durations[end - 1] += MIN_STEP_SECONDS - shown
        durations[-1] += TAIL_SECONDS
        return durations

    def finish(self, ffmpeg: str) -> Path:
        """Stop the screencast and encode the paced frames as VP8 webm at 1280×720."""
        self.page.screencast.stop()
        if not self.frames:
            raise RuntimeError("the screencast delivered no frames")
        self.frames.sort(key=lambda frame: frame[0])
        # A frame shown for less than 1/FPS would never be seen: the one before stays instead.
        durations = self._cut(self._card_frames(ffmpeg))
        kept: list[list] = []  # [JPEG, seconds shown, start in the video]
        start_of: list[float] = []  # for every frame, the start of the one shown in its place
        at = 0.0
        for (_, data), duration in zip(self.frames, durations, strict=True):
            if kept and duration < 1 / FPS:
                kept[-1][1] += duration
            else:
                kept.append([data, duration, at])
            at += duration
            start_of.append(kept[-1][2])
        for chapter in self.chapters:
            chapter.seconds = round(start_of[chapter.frame], 3)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="hikari-film-") as tmp:
            folder = Path(tmp)
            lines = []
            for i, (data, duration, _) in enumerate(kept):
                name = folder / f"{i:06d}.jpg"
                name.write_bytes(data)
                lines += [f"file '{name}'", f"duration {duration:.4f}"]
            lines.append(f"file '{folder / f'{len(kept) - 1:06d}.jpg'}'")
            (folder / "list.txt").write_text("\n".join(lines) + "\n")
            command = [
                ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", str(folder / "list.txt"),
                "-vf", VIDEO_FILTER, "-fps_mode", "vfr",
                "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "16", "-b:v", "1200k",
                "-lag-in-frames", "0", "-auto-alt-ref", "0", "-threads", "2", str(self.path),
            ]  # fmt: skip
            subprocess.run(command, check=True)
        self._write_chapters(at)
        return self.path

    def _write_chapters(self, total: float) -> None:
        """Write <video>.chapters.json and a WebVTT file with one cue per step."""
        chapters = [
            {"index": c.index, "caption": c.caption, "seconds": c.seconds} for c in self.chapters
        ]
        meta = {"video": self.path.name, "seconds": round(total, 3), "chapters": chapters}
        self.path.with_suffix(".chapters.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        cues = ["WEBVTT", ""]
        ends = [c["seconds"] for c in chapters[1:]] + [total]
        for chapter, end in zip(chapters, ends, strict=True):
            cues += [f"{_vtt(chapter['seconds'])} --> {_vtt(end)}", chapter["caption"], ""]
        self.path.with_suffix(".vtt").write_text("\n".join(cues), encoding="utf-8")


def _mean_gray(ffmpeg: str, jpegs: list[bytes]) -> list[int]:
    """Return each JPEG's mean brightness (0–255), decoding them all in one ffmpeg run."""
    result = subprocess.run(
        [ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "image2pipe", "-c:v", "mjpeg",
         "-i", "-", "-vf", "scale=1:1:flags=area,format=gray", "-f", "rawvideo", "-"],
        input=b"".join(jpegs), capture_output=True, check=True,
    )  # fmt: skip
    return list(result.stdout)


def _vtt(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def find_ffmpeg() -> str:
    """Return Playwright's ffmpeg (linking the imageio-ffmpeg one there if need be)."""
    from .. import browser

    try:
        return str(browser.ensure_ffmpeg())
    except Exception:  # no wheel, no link: a system ffmpeg will do
        found = shutil.which("ffmpeg")
        if found is None:
            raise RuntimeError("no ffmpeg: run `make setup` (it links imageio-ffmpeg's)") from None
        return found
