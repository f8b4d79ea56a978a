"""Walkthrough videos: the screencast's frames, paced for people, cut as the run goes.

The run goes at full speed and nothing is drawn in its page (nothing waits for the video). Every
frame the screencast delivers is kept with its stamp, and the page tells the film, without a
round trip, the moments that pace it: a field or button used (with its box), a sentence the
softphone says; a step begins when the runner says. As soon as all of a step's frames are in
(one stamped after the next step began has arrived), a background thread cuts it (`cut`): its
caption card is held CHAPTER_SECONDS over the screen as the step began, each used element is
outlined and held ACTION_SECONDS, and the step's subtitle runs along the bottom. The card, the
outlines and the subtitle are drawn by libass from an ASS script (`overlays`) as ffmpeg
encodes the steps as VP8 segments, which finishing joins without encoding them again.

Narrated (`narrate()`), each step's caption is spoken by the IVR's voice (Open JTalk, see
mock_site/phone/speech.py) while its card is held, and each sentence the softphone says is heard
where it appears; a card or a sentence is held as long as it is spoken, so the pace waits for
the voice. The sound goes to one Opus encoder as each step is cut.
"""

from __future__ import annotations

import bisect
import io
import itertools
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
import unicodedata
import urllib.request
import wave
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from mock_site.phone.speech import Speech, cache_root, wav_seconds

from .. import browser

SIZE = {"width": 1280, "height": 720}
SHORTEST_SECONDS = 0.1  # a frame the run showed for less is left out (the one before stays)
CHAPTER_SECONDS = 2.2  # a caption card, read in full
ACTION_SECONDS = 0.7  # a highlighted field or button before it is used
MIN_STEP_SECONDS = 2.5  # no step flashes by
PAGE_SECONDS = 0.5  # the screen itself, after a step's caption card
TAIL_SECONDS = 1.5
SPOKEN_GAP_SECONDS = 0.4  # after a spoken caption or sentence, before the film goes on
NARRATOR = "narration"  # the "region" narration is kept under in the speech cache
# Frames are stamped 5–30 ms after the page changed (measured; more under load). The screen a
# step begins on is the last frame stamped this long after it began (or before its first action).
SETTLE_MS = 40
RATE = 48_000  # the sound's sample rate: Open JTalk's
SILENCE = 1  # the sample between clips (see _mix)
# What the page tells the film, on every page, as console.debug lines that start with TOLD: a
# line needs no answer, where a binding's call is answered (a third of the cost, measured). A
# moment is told at once (a change the film must not miss, even if the page goes next) and again
# two animation frames later, when it is on screen: by then the frame that shows it has been
# drawn, while one drawn just after the change may not have it yet. (The second is lost if the
# page has gone.)
TOLD = "hikari-film "
TELL_JS = f"""window.__hikariTell = (...what) =>
  console.debug({json.dumps(TOLD)} + JSON.stringify(what));
window.__hikariShown = (at) => requestAnimationFrame(() => requestAnimationFrame(
  () => window.__hikariTell("shown", at, performance.timeOrigin + performance.now())));"""
# Each sentence the softphone logs with its audio, when it was added.
SAID_JS = """new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.dataset && node.dataset.audio) {
      const added = performance.timeOrigin + performance.now();
      window.__hikariTell("said", added, node.dataset.audio);
      window.__hikariShown(added);
    }
  }
}).observe(document, {childList: true, subtree: true});"""
# Each element a person would see used, where it is and when: a press (and when the screen it
# was pressed on is shown), or a change of value (a field filled, an option chosen: the frame
# before it) on an element not pressed just before. The outline goes round the control, not
# the text in it.
USED_JS = """(() => {
  const CONTROLS = "a,button,input,select,textarea,label,summary,[role=button],[role=link]," +
    "[role=checkbox],[role=radio],[role=option],[onclick]";
  let last = null, lastAt = 0;
  const note = (event) => {
    const start = event.composedPath()[0];
    if (!(start instanceof Element)) return;
    const target = start.closest(CONTROLS) || start;
    const at = performance.timeOrigin + event.timeStamp;
    if (event.type !== "pointerdown" && target === last && at - lastAt < 1000) return;
    last = target; lastAt = at;
    const r = target.getBoundingClientRect();
    window.__hikariTell("used", at, {x: r.x, y: r.y, width: r.width, height: r.height});
    if (event.type === "pointerdown") window.__hikariShown(at);
  };
  for (const type of ["pointerdown", "input", "change"]) addEventListener(type, note, true);
})();"""
# Exactly 1280×720 (a frame of another size is fitted on white) and in the video range (a JPEG's
# is full: left as it is, a film's whites and blacks are clipped), then the overlays. The frame
# rate is variable: each frame the page painted is encoded once and shown for as long as the
# pace says, so a held caption costs no encoding.
VIDEO_FILTER = (
    "scale=1280:720:force_original_aspect_ratio=decrease:out_range=tv,"
    "pad=1280:720:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p,ass={script}"
)
# VP8 at its fastest (a higher bitrate than the rate control needs keeps text sharp and costs
# no time). Most of a shot is the shot before: static-thresh 1 lets the encoder skip a block
# whose prediction is off by less than max(1, dequant²/16) in all (chroma: not at all), a third
# less encoding. The quantizer decides how much that is, so it is capped at 12 (dequant 17: a
# block skipped is off by less than 18 squared levels in all, where a pixel of new small text
# is thousands); an earlier trial, uncapped, lost new lines of small grey text.
VP8 = ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "16", "-b:v", "2400k",
       "-qmax", "12", "-static-thresh", "1", "-lag-in-frames", "0", "-auto-alt-ref", "0",
       "-threads", "1"]  # fmt: skip
# Opus's least effort, 24 kHz and 60 ms frames: the voice sounds the same, encoded 5× faster
# than at the defaults.
OPUS = ["-ar", "24000", "-c:a", "libopus", "-b:a", "32k", "-compression_level", "0",
        "-frame_duration", "60"]  # fmt: skip
NICE = ["nice", "-n", "19"]
# Encoding the video while the run goes on pays where CPUs are to spare. On 2 CPUs it slowed the
# run more than it saved, even at the lowest priority (docs/performance.md): there the steps are
# cut as the run goes (and their sound encoded), and the video is encoded at the end in parallel
# parts. HIKARI_FILM_ENCODE=background or =end chooses for any machine.
BACKGROUND_CPUS = 4
ENCODE_ENV = "HIKARI_FILM_ENCODE"

# The overlays, drawn by libass in the film's own pixels (1280×720). Colours are ASS's &HBBGGRR&.


def _ass_colour(rgb: tuple[int, int, int]) -> str:
    return "&H" + bytes(rgb[::-1]).hex().upper() + "&"


FONT = "Noto Sans CJK JP"
ASS_HEAD = f"""[Script Info]
ScriptType: v4.00+
PlayResX: 1280
PlayResY: 720
WrapStyle: 2
ScaledBorderAndShadow: yes

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, \
Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, \
Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Film,{FONT},24,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,0,0,7,\
0,0,0,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""
# A card floats over the screen undimmed: dimming changes every pixel twice a card, which cost
# the encoding a quarter of its time. Its top edge is at CARD_TOP, whatever its height, and
# begins with a bar of CARD_BAR_COLOUR (a film's reader finds the card by it).
CARD_TOP = 240
CARD_BAR_COLOUR = (0x0A, 0x5C, 0xAB)  # #0a5cab
SHADOW = r"{\pos(0,8)\p1\bord0\shad0\1c&H000000&\1a&H80&\blur14}"
PANEL = r"{\pos(0,0)\p1\bord1\shad0\1c&HFFFFFF&\3c&HC8C8C8&}"
BAR = r"{\pos(0,0)\p1\bord0\shad0\1c" + _ass_colour(CARD_BAR_COLOUR) + "}"
TITLE = r"{\an8\pos(640,%d)\fs34\b1\1c&H7A3D0A&}"  # #0a3d7a
DESCRIPTION = r"{\an8\pos(640,%d)\fs20\1c&H444444&}"
SUBTITLE_BAR = r"{\pos(0,0)\p1\bord0\shad0\1c&H2F2924&}"  # #24292f, 52 px at the bottom
SUBTITLE = r"{\an4\pos(18,694)\fs24\1c&HFFFFFF&}"
OUTLINE_COLOUR = (0xFF, 0x7A, 0x00)  # #ff7a00, 4 px round the element used
OUTLINE = r"{\pos(0,0)\p1\bord4\shad0\1a&HFF&\3c" + _ass_colour(OUTLINE_COLOUR) + "}"
CARD_TEXT_WIDTH = 936  # 80 % of the width, less the card's padding
SUBTITLE_WIDTH = 1244


@dataclass
class Chapter:
    """A step: when it began, its spoken caption, and where it and its IVR sentences are in
    the video."""

    index: int
    caption: str
    at: float  # ms since the epoch, as the screencast stamps its frames
    speech: str | None = None  # the key of its spoken caption
    seconds: float = 0.0  # where it starts in the finished video
    spoken: float | None = None  # how long its caption is spoken, narrated
    sentences: list[tuple[float, float]] = field(default_factory=list)  # (at, spoken seconds)


@dataclass(frozen=True)
class Shot:
    """A frame shown for a while: plain, under the step's card, or with an element outlined."""

    frame: int
    cs: int  # centiseconds, the unit of an ASS script
    card: bool = False
    box: dict | None = None


def _cs(seconds: float) -> int:
    return round(seconds * 100)


def cut(
    stamps: list[float],
    begin: float,
    end: float,
    actions: list[tuple[float, float, dict]],
    said: list[tuple[float, float, int]],
    card_cs: int,
    tail: bool = False,
) -> tuple[list[Shot], list[int]]:
    """Cut one step: the frames stamped (ms) between begin and end, paced for people.

    The frame on screen as the step began is held card_cs under its caption card; then each
    frame is shown as long as it was on screen in the run, plus the holds. Each action (begun,
    on screen, box) where it began, on the frame on screen when it was shown, its element
    outlined (ACTION_SECONDS); each sentence said (added, on screen, hold in cs) likewise. (The
    frame may be one of the next step's.) A frame shown less than SHORTEST_SECONDS is left out
    (its time goes to the one before); the screen is shown PAGE_SECONDS at least after the
    card, the step MIN_STEP_SECONDS at least, and the last one TAIL_SECONDS more. Return the
    shots and where, from the step's start (cs), each sentence's hold begins.
    """
    if not stamps:
        raise ValueError("no frame to cut")
    first_action = min((moment for moment, _, _ in actions), default=end)
    settled = min(begin + SETTLE_MS, first_action, end)
    base = max(0, bisect.bisect_right(stamps, settled) - 1)
    start = max(begin, stamps[base])
    last = bisect.bisect_right(stamps, end)
    points: list[tuple[float, int, object]] = [(stamps[i], 0, i) for i in range(base + 1, last)]
    for moment, on_screen, box in actions:
        shown = max(base, bisect.bisect_right(stamps, on_screen) - 1)
        points.append((min(max(moment, start), end), 1, (box, shown)))
    for n, (added, on_screen, _) in enumerate(said):
        shown = max(base, bisect.bisect_right(stamps, on_screen) - 1)
        points.append((min(max(added, start), end), 2, (n, shown)))
    points.sort(key=lambda point: point[:2])

    shots = [Shot(base, card_cs, card=True)]
    said_at = [0] * len(said)
    frame, clock = base, 0  # clock: cs of the run shown so far, from start

    def run_to(moment: float) -> None:
        nonlocal clock
        shown = _cs((moment - start) / 1000) - clock
        clock += shown
        before = shots[-1]
        # Too short to be seen, the frame before stays instead; a used element stays outlined
        # until the screen changes.
        if shown < _cs(SHORTEST_SECONDS) or (before.box and before.frame == frame):
            shots[-1] = Shot(before.frame, before.cs + shown, before.card, before.box)
        else:
            shots.append(Shot(frame, shown))

    for moment, kind, what in points:
        run_to(moment)
        if kind == 0:
            frame = what
        elif kind == 1:
            box, shown = what
            frame = max(frame, shown)
            shots.append(Shot(frame, _cs(ACTION_SECONDS), box=box))
        else:
            n, shown = what
            frame = max(frame, shown)
            said_at[n] = sum(shot.cs for shot in shots)
            shots.append(Shot(frame, said[n][2]))
    run_to(end)

    def show_longer(cs: int) -> None:
        if cs > 0:  # the screen as the step ends (no outline), for longer
            shots.append(Shot(frame, cs))

    show_longer(_cs(PAGE_SECONDS) - sum(shot.cs for shot in shots[1:]))
    show_longer(_cs(MIN_STEP_SECONDS) - sum(shot.cs for shot in shots))
    if tail:
        show_longer(_cs(TAIL_SECONDS))
    return _merged(shots), said_at


def _merged(shots: list[Shot]) -> list[Shot]:
    """Join plain shots of the same frame that follow each other."""
    joined: list[Shot] = []
    for shot in shots:
        before = joined[-1] if joined else None
        if before and before.frame == shot.frame and not (before.card or before.box or shot.card
                                                           or shot.box):  # fmt: skip
            joined[-1] = Shot(shot.frame, before.cs + shot.cs)
        else:
            joined.append(shot)
    return joined


def _width(text: str, size: int) -> float:
    """Guess the width of text in pixels: a full-width character is one em, others 0.55."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.55 * size for c in text)


def _lines(text: str, size: int, width: int) -> list[str]:
    lines = [""]
    for char in text:
        if lines[-1] and _width(lines[-1] + char, size) > width:
            lines.append("")
        lines[-1] += char
    return lines


def _clipped(text: str, size: int, width: int) -> str:
    if _width(text, size) <= width:
        return text
    while text and _width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _ass_text(text: str) -> str:
    """Keep text from being read as ASS override tags or line breaks."""
    return text.replace("\\", "＼").replace("{", "｛").replace("}", "｝").replace("\n", " ")


def _rounded(x: float, y: float, w: float, h: float, r: float) -> str:
    """An ASS drawing of a rectangle with rounded corners."""
    x2, y2 = x + w, y + h
    return (
        f"m {x + r:.0f} {y:.0f} l {x2 - r:.0f} {y:.0f} b {x2:.0f} {y:.0f} {x2:.0f} {y:.0f} "
        f"{x2:.0f} {y + r:.0f} l {x2:.0f} {y2 - r:.0f} b {x2:.0f} {y2:.0f} {x2:.0f} {y2:.0f} "
        f"{x2 - r:.0f} {y2:.0f} l {x + r:.0f} {y2:.0f} b {x:.0f} {y2:.0f} {x:.0f} {y2:.0f} "
        f"{x:.0f} {y2 - r:.0f} l {x:.0f} {y + r:.0f} b {x:.0f} {y:.0f} {x:.0f} {y:.0f} "
        f"{x + r:.0f} {y:.0f}"
    )


def _clock(cs: int) -> str:
    minutes, rest = divmod(cs, 6000)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest // 100:02d}.{rest % 100:02d}"


def card_events(title: str, description: str) -> list[tuple[int, str]]:
    """Return the (layer, text) events that draw a caption card over the screen."""
    titles = _lines(_ass_text(title), 34, CARD_TEXT_WIDTH)
    descriptions = _lines(_ass_text(description), 20, CARD_TEXT_WIDTH) if description else []
    text_width = max(_width(line, size) for line, size in
                     [(t, 34) for t in titles] + [(d, 20) for d in descriptions])  # fmt: skip
    width = min(1024, max(480, text_width + 88))
    height = 62 + 48 * len(titles) + (10 + 29 * len(descriptions) if descriptions else 0)
    x, y = 640 - width / 2, CARD_TOP
    events = [
        (2, SHADOW + _rounded(x, y, width, height, 14)),
        (3, PANEL + _rounded(x, y, width, height, 14)),
        (4, BAR + _rounded(x, y, width, 6, 3)),
        (4, TITLE % (y + 34) + r"\N".join(titles)),
    ]
    if descriptions:
        events.append((4, DESCRIPTION % (y + 44 + 48 * len(titles)) + r"\N".join(descriptions)))
    return events


def overlays(steps: list[tuple[str, str, list[Shot]]]) -> str:
    """Return the ASS script of a segment: per step (caption, description, shots) its subtitle
    all along, its card over the card's shot, an outline over each action's shot."""
    events = []
    at = 0
    for n, (caption, description, shots) in enumerate(steps):
        step_cs = sum(shot.cs for shot in shots)
        # The film's last frame is stamped where its last step ends: the subtitle covers it.
        span = f"{_clock(at)},{_clock(at + step_cs + (n == len(steps) - 1))}"
        subtitle = _clipped(_ass_text(caption), 24, SUBTITLE_WIDTH)
        events += [
            f"Dialogue: 5,{span},Film,,0,0,0,,{SUBTITLE_BAR}m 0 668 l 1280 668 1280 720 0 720",
            f"Dialogue: 6,{span},Film,,0,0,0,,{SUBTITLE}{subtitle}",
        ]
        for shot in shots:
            held = f"{_clock(at)},{_clock(at + shot.cs)}"
            if shot.card:
                events += [f"Dialogue: {layer},{held},Film,,0,0,0,,{text}"
                           for layer, text in card_events(caption, description)]  # fmt: skip
            if shot.box:
                b = shot.box
                outline = _rounded(b["x"] - 4, b["y"] - 4, b["width"] + 8, b["height"] + 8, 6)
                events.append(f"Dialogue: 1,{held},Film,,0,0,0,,{OUTLINE}{outline}")
            at += shot.cs
    return ASS_HEAD + "\n".join(events) + "\n"


@dataclass
class Film:
    """Collect a page's frames and the moments that pace them; write a webm with chapters.

    Nothing waits for the video while the scenario runs: the moments are noted, and a
    background thread (`_Cutter`) cuts each step once its frames are in.
    """

    page: Page
    path: Path
    description: str = ""
    ffmpeg: str = ""  # find_ffmpeg() when not given
    frames: list[tuple[float, bytes]] = field(default_factory=list)  # (stamped at, ms; JPEG)
    chapters: list[Chapter] = field(default_factory=list)
    narrator: Speech | None = None  # None: a silent film
    home_url: str = ""  # where the softphone's sentences are served
    clock: Callable[[], float] = field(default=lambda: time.time() * 1000)  # ms, as stamps are
    said: list[tuple[float, str]] = field(default_factory=list)  # (added, ms; audio URL)
    used: list[tuple[float, dict]] = field(default_factory=list)  # (used, ms; its box)
    shown: dict[float, float] = field(default_factory=dict)  # a moment: when it is on screen
    _stamps: list[float] = field(default_factory=list, init=False)  # the frames' stamps
    _changed: threading.Condition = field(default_factory=threading.Condition, init=False)
    _closed: bool = field(default=False, init=False)  # the screencast has stopped
    _ended: float = field(default=0.0, init=False)  # when (ms since the epoch)
    _folder: Path = field(init=False)  # frames, scripts and segments while the film is cut
    _cutter: _Cutter = field(init=False)

    def narrate(self, home_url: str) -> bool:
        """Speak the captions and the IVR in the film; tell whether a voice is there."""
        narrator = Speech()
        if not narrator.available:
            return False
        self.narrator, self.home_url = narrator, home_url
        self.page.add_init_script(SAID_JS)
        return True

    def start(self) -> None:
        self.ffmpeg = self.ffmpeg or find_ffmpeg()
        self.page.on("console", self._on_console)
        self.page.add_init_script(TELL_JS)
        self.page.add_init_script(USED_JS)
        self._folder = Path(tempfile.mkdtemp(prefix="hikari-film-"))
        self._cutter = _Cutter(self)
        self._cutter.start()
        self.page.screencast.start(on_frame=self._on_frame, size=SIZE, quality=50)

    def _on_console(self, message) -> None:
        """Take what the page told (TELL_JS): a use, a sentence said, or when one is shown."""
        if message.type != "debug" or not message.text.startswith(TOLD):
            return
        kind, at, what = json.loads(message.text[len(TOLD) :])
        if kind == "shown":
            self.shown[at] = what
        else:
            self._note(self.used if kind == "used" else self.said, at, what)

    def _on_frame(self, frame) -> None:
        self._add_frame(frame["timestamp"], frame["data"])

    def _add_frame(self, stamp: float, data: bytes) -> None:
        with self._changed:
            at = bisect.bisect_right(self._stamps, stamp)  # in order, all but always
            self._stamps.insert(at, stamp)
            self.frames.insert(at, (stamp, data))
            self._changed.notify()

    def _note(self, moments: list, at: float, what) -> None:
        with self._changed:
            moments.append((at, what))

    def chapter(self, index: int, caption: str) -> None:
        """Begin a step: its card, subtitle and spoken caption come at the cut."""
        chapter = Chapter(index, caption, self.clock())
        if self.narrator is not None:  # synthesized while the run goes on
            chapter.speech = self.narrator.prepare(caption, NARRATOR)
        with self._changed:
            self.chapters.append(chapter)
            self._changed.notify()

    def finish(self) -> Path:
        """Stop the screencast, cut and encode what is left, and join the segments."""
        try:  # the film ends on the page as it is now, whether or not it painted since
            self._add_frame(self.clock(), self.page.screenshot(type="jpeg", quality=50))
        except PlaywrightError:  # the page is gone (a failed run): end on what was filmed
            pass
        try:
            self.page.screencast.stop()
        except PlaywrightError:
            pass
        with self._changed:
            self._ended, self._closed = self.clock(), True
            self._changed.notify()
        try:
            self._cutter.join()
            if self._cutter.error is not None:
                raise self._cutter.error
            if not self._cutter.segments:
                raise RuntimeError("the screencast delivered no frames")
            self._join()
            self._write_chapters(sum(cs for _, cs in self._cutter.segments) / 100)
        finally:
            self._cutter.abandon()
            shutil.rmtree(self._folder, ignore_errors=True)
        return self.path

    def _join(self) -> None:
        """Put the segments (and the sound) in one webm, without encoding them again."""
        lines = []
        for segment, cs in self._cutter.segments:
            lines += [f"file '{segment}'", f"duration {cs / 100:.2f}"]
        (self._folder / "segments.txt").write_text("\n".join(lines) + "\n")
        sound = self._cutter.close_sound()
        track = ["-i", str(sound), "-map", "0:v", "-map", "1:a"] if sound else []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [self.ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe",
             "0", "-i", str(self._folder / "segments.txt"), *track, "-c", "copy",
             str(self.path)],
            check=True,
        )  # fmt: skip

    def _write_chapters(self, total: float) -> None:
        """Write <video>.chapters.json and a WebVTT file with one cue per step."""
        chapters = [
            {"index": c.index, "caption": c.caption, "seconds": c.seconds}
            | ({"spoken_seconds": c.spoken} if c.spoken is not None else {})
            | (
                {"sentences": [{"seconds": at, "spoken_seconds": long} for at, long in c.sentences]}
                if c.sentences
                else {}
            )
            for c in self.chapters
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


@dataclass(frozen=True)
class _Step:
    """A step cut: its caption, the film's description, its shots and the frames they show."""

    caption: str
    description: str
    shots: list[Shot]
    frames: list[tuple[float, bytes]]


@dataclass(frozen=True)
class _Batch:
    """Steps whose frames are all in: when each ends, the sentences said, every frame so far."""

    chapters: list[Chapter]
    ends: list[float]
    said: list[tuple[float, str]]
    used: list[tuple[float, dict]]
    frames: list[tuple[float, bytes]]
    last: bool  # the film's last steps


class _Cutter(threading.Thread):
    """Cut each step as soon as its frames are in, and encode its sound; encode the video then
    too where the machine has CPUs to spare (BACKGROUND_CPUS), else once the run is over, in as
    many parallel parts as CPUs (at most 4)."""

    def __init__(self, film: Film) -> None:
        super().__init__(name="hikari-film", daemon=True)
        self.film = film
        self.error: BaseException | None = None
        self.segments: list[tuple[Path, int]] = []  # (webm, cs)
        cpus = len(os.sched_getaffinity(0))
        chosen = os.environ.get(ENCODE_ENV, "")
        self.background = chosen == "background" or (chosen != "end" and cpus >= BACKGROUND_CPUS)
        self._parts = min(cpus, 4)
        self._done = 0  # chapters cut
        self._said_taken = self._used_taken = 0  # the film's sentences and uses placed
        self._cut_cs = 0  # the length of the steps cut
        self._uncut: list[_Step] = []  # cut, not encoded yet
        self._written: set[Path] = set()  # frames on disk
        self._sound: subprocess.Popen | None = None
        self._feeding: threading.Thread | None = None
        self._env = _font_environment(film._folder)

    def run(self) -> None:
        try:
            while (batch := self._wait()) is not None:
                self._encode(batch)
        except BaseException as error:  # said by finish()
            self.error = error

    def _wait(self) -> _Batch | None:
        """Wait until steps can be cut (all their frames are in); None when all are."""
        film = self.film
        with film._changed:
            while True:
                chapters, stamps = film.chapters, film._stamps
                ready = self._done
                newest = stamps[-1] if stamps else float("-inf")
                while ready + 1 < len(chapters) and newest > chapters[ready + 1].at:
                    ready += 1
                last = film._closed and bool(stamps)
                if last:
                    ready = len(chapters)
                if ready > self._done:
                    ends = [c.at for c in chapters[self._done + 1 : ready]]
                    ends.append(film._ended if last else chapters[ready].at)
                    said = _until(film.said[self._said_taken :], ends[-1], last)
                    used = _until(film.used[self._used_taken :], ends[-1], last)
                    batch = _Batch(chapters[self._done : ready], ends, said, used,
                                   list(film.frames), last)  # fmt: skip
                    self._done = ready
                    self._said_taken += len(said)
                    self._used_taken += len(used)
                    return batch
                if film._closed:
                    return None
                film._changed.wait()

    def _encode(self, batch: _Batch) -> None:
        """Cut these steps and encode their sound; encode them now (background) or, at the
        end, all that are cut in parallel parts."""
        film = self.film
        stamps = [stamp for stamp, _ in batch.frames]
        steps, clips, at = [], [], 0
        said, used = sorted(batch.said), sorted(batch.used, key=lambda use: use[0])
        for n, (chapter, end) in enumerate(zip(batch.chapters, batch.ends, strict=True)):
            last = batch.last and n == len(batch.chapters) - 1
            mine, mine_used = _until(said, end, last), _until(used, end, last)
            said, used = said[len(mine) :], used[len(mine_used) :]
            actions = [(at, film.shown.get(at, at), box) for at, box in mine_used]
            voices = [self._fetch(url) for _, url in mine]
            card_cs = _cs(CHAPTER_SECONDS)
            narration = None
            if chapter.speech is not None:
                narration = film.narrator.wav(chapter.speech)
                chapter.spoken = round(wav_seconds(narration), 3)
                card_cs = max(card_cs, _cs(chapter.spoken + SPOKEN_GAP_SECONDS))
            holds = [(added, film.shown.get(added, added + SETTLE_MS),
                      _cs(wav_seconds(wav) + SPOKEN_GAP_SECONDS))
                     for (added, _), wav in zip(mine, voices, strict=True)]  # fmt: skip
            shots, said_at = cut(stamps, chapter.at, end, actions, holds, card_cs,
                                 tail=last)  # fmt: skip
            chapter.seconds = round((self._cut_cs + at) / 100, 2)
            if narration is not None:
                clips.append((at, narration))
            clips += [(at + offset, wav) for offset, wav in zip(said_at, voices, strict=True)]
            chapter.sentences = [
                (round((self._cut_cs + at + offset) / 100, 2), round(wav_seconds(wav), 3))
                for offset, wav in zip(said_at, voices, strict=True)
            ]
            steps.append(_Step(chapter.caption, film.description, shots, batch.frames))
            at += sum(shot.cs for shot in shots)
        self._cut_cs += at
        if film.narrator is not None:
            self._feed_sound(_mix(clips, at))
        self._uncut += steps
        if not (self.background or batch.last):
            return
        parts, self._uncut = _parts(self._uncut, self._parts if batch.last else 1), []
        encoding = []
        for part in parts:
            segment = film._folder / f"segment-{len(self.segments):03d}.webm"
            final = batch.last and part is parts[-1]
            encoding.append(self._encode_video(part, segment, final))
            self.segments.append((segment, sum(s.cs for step in part for s in step.shots)))
        for process in encoding:
            if process.wait() != 0:
                raise RuntimeError(f"ffmpeg could not encode the film: {process.args}")

    def _encode_video(self, steps: list[_Step], segment: Path, final: bool) -> subprocess.Popen:
        """Start encoding steps as the webm segment (the film's last, final)."""
        folder = self.film._folder
        lines = []
        for step in steps:
            for shot in step.shots:
                stamp, data = step.frames[shot.frame]
                name = folder / f"{stamp * 1000:.0f}.jpg"  # by stamp: a late frame shifts indexes
                if name not in self._written:
                    name.write_bytes(data)
                    self._written.add(name)
                # Read at 100 frames a second, each frame's time is kept to the centisecond.
                lines += [f"file '{name}'", "option framerate 100", f"duration {shot.cs / 100:.2f}"]
        if final:  # the last frame once more, so that its duration counts (a segment's next
            lines += lines[-3:-1]  # one starts where its duration says)
        listing = segment.with_suffix(".txt")
        listing.write_text("ffconcat version 1.0\n" + "\n".join(lines) + "\n")
        script = segment.with_suffix(".ass")
        script.write_text(
            overlays([(step.caption, step.description, step.shots) for step in steps]),
            encoding="utf-8",
        )
        return subprocess.Popen(
            [*self._nice(), self.film.ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
             "-threads", "1", "-filter_threads", "1", "-f", "concat", "-safe", "0", "-i",
             str(listing), "-vf",
             VIDEO_FILTER.format(script=script), "-fps_mode", "vfr", *VP8, str(segment)],
            env=self._env,
        )  # fmt: skip

    def _nice(self) -> list[str]:
        """While the run goes on, the cut takes only what CPU the run leaves."""
        return [] if self.film._closed else NICE

    def _fetch(self, url: str) -> bytes:
        with urllib.request.urlopen(self.film.home_url + url, timeout=120) as response:
            return response.read()

    def _feed_sound(self, pcm: bytes) -> None:
        """Give a batch's sound to the film's one Opus encoder (started at the first), from a
        thread of its own, so the video is encoded meanwhile."""
        if self._sound is None:
            self._sound = subprocess.Popen(
                [*self._nice(), self.film.ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                 "-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0", *OPUS,
                 str(self.film._folder / "sound.webm")],
                stdin=subprocess.PIPE,
            )  # fmt: skip
        if self._feeding is not None:
            self._feeding.join()  # the sound goes in in order
        self._feeding = threading.Thread(target=self._sound.stdin.write, args=(pcm,))
        self._feeding.start()

    def abandon(self) -> None:
        if self._sound is not None and self._sound.poll() is None:
            self._sound.kill()
            self._sound.wait()

    def close_sound(self) -> Path | None:
        if self._sound is None:
            return None
        self._feeding.join()
        self._sound.stdin.close()
        if self._sound.wait() != 0:
            raise RuntimeError("the film's sound could not be encoded")
        return self.film._folder / "sound.webm"


def _until(moments: list, until: float, everything: bool) -> list:
    """Return the moments, in the order they came, up to until (or all)."""
    if everything:
        return list(moments)
    return list(itertools.takewhile(lambda moment: moment[0] <= until, moments))


def _parts(steps: list, count: int) -> list[list]:
    """Split steps, in order, into at most count parts of about as many shots each."""
    total = sum(len(step.shots) for step in steps)
    parts: list[list] = [[]]
    shots_in = 0
    for step in steps:
        if parts[-1] and shots_in >= total * len(parts) / count:
            parts.append([])
        parts[-1].append(step)
        shots_in += len(step.shots)
    return parts


def _font_environment(folder: Path) -> dict:
    """Point libass at the CJK fonts alone (scanning every font costs each encode 0.15 s)."""
    if not browser.CJK_FONT_DIR.is_dir():
        return dict(os.environ)  # the system's fonts, whatever they are
    cache = cache_root() / "fontconfig"
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{browser.CJK_FONT_DIR}</dir><cachedir>{cache}</cachedir></fontconfig>\n"
    )
    return {**os.environ, "FONTCONFIG_FILE": str(config)}


def _mix(placed: list[tuple[int, bytes]], cs: int) -> bytes:
    """Return the 16-bit mono PCM of cs centiseconds with each clip at its start (cs; a clip that
    would overlap the one before starts when it ends), silence elsewhere.

    The silence is SILENCE, not zero: libopus takes 2.5 times as long over digital zeros
    (measured), and a 1/32768 offset is below anything heard (Opus filters it out: the film's
    silence decodes to about -130 dB)."""
    track = array("h", [SILENCE]) * (cs * RATE // 100)
    cursor = 0
    for start, wav in sorted(placed, key=lambda clip: clip[0]):
        with wave.open(io.BytesIO(wav)) as clip:
            if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) != (RATE, 1, 2):
                raise ValueError("narration clips are 48 kHz mono 16-bit, as Open JTalk writes")
            pcm = array("h", clip.readframes(clip.getnframes()))
        begin = max(start * RATE // 100, cursor)
        end = min(begin + len(pcm), len(track))
        track[begin:end] = pcm[: end - begin]
        cursor = end
    return track.tobytes()


def _vtt(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def find_ffmpeg() -> str:
    """Return Playwright's ffmpeg (linking the imageio-ffmpeg one there if need be)."""
    try:
        return str(browser.ensure_ffmpeg())
    except Exception:  # no wheel, no link: a system ffmpeg will do
        found = shutil.which("ffmpeg")
        if found is None:
            raise RuntimeError("no ffmpeg: run `make setup` (it links imageio-ffmpeg's)") from None
        return found
