"""Walkthrough videos: frames from page.screencast, paced for people, encoded once by ffmpeg.

The run itself goes at full speed. Every frame the screencast delivers is kept with its stamp.
At each step a caption card is drawn until a frame showing it has come in (a few frames) and
the step's subtitle goes up (a page.screencast overlay); before each action the element is
outlined. When the film is cut, the frame showing the card is *held* CHAPTER_SECONDS and the
outlined ones ACTION_SECONDS, so the video has a pace a person can follow while recording
costs little more than the run.

Narrated (`narrate()`), each step's caption is spoken by the IVR's voice (Open JTalk, see
mock_site/phone/speech.py) while its card is held, and each sentence the softphone says is heard
where it appears; a card or a sentence is held as long as it is spoken, so the pace waits for
the voice. The sound goes in as an Opus track.
"""

from __future__ import annotations

import bisect
import io
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
import wave
from array import array
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from mock_site.phone.speech import Speech

SIZE = {"width": 1280, "height": 720}
FPS = 25  # the shortest a frame is shown
CHAPTER_SECONDS = 2.2  # a caption card, read in full
ACTION_SECONDS = 0.7  # a highlighted field or button before it is used
MIN_STEP_SECONDS = 2.5  # no step flashes by
PAGE_SECONDS = 0.5  # the screen itself, after a step's caption card
TAIL_SECONDS = 1.5
SPOKEN_GAP_SECONDS = 0.4  # after a spoken caption or sentence, before the film goes on
NARRATOR = "narration"  # the "region" narration is kept under in the speech cache
# Tells the film each sentence the softphone logs with its audio, and when (on every page).
SAID_JS = """new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.dataset && node.dataset.audio && window.hikariSaid) {
      window.hikariSaid(node.dataset.audio, performance.timeOrigin + performance.now());
    }
  }
}).observe(document, {childList: true, subtree: true});"""
# Frames are stamped a frame or three after the page changed (measured: 30–60 ms later).
HIGHLIGHT_LAG_MS = 40
# A frame shows the card when its left margin at mid-height, which the mock's pages leave
# white, is dimmed: under the card it is at most 0.45 × 255 + 0.55 × 19 ≈ 125 of 255.
CARD_PROBE = "crop=iw/20:ih/6:0:ih*5/12"
CARD_MAX_GRAY = 150
CARD_WAIT_SECONDS = 3.0  # past this the card comes down filmed or not (the cut takes the darkest)
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
    '<div id="hikari-bar" style="height:4px;background:#0a5cab;margin-top:16px"></div>'
    "</div></div>"
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
# The caption card is drawn in the page itself and stays until a frame the screencast delivered
# shows it (its dimmed margin says so: `card_in`), then it is taken away; each answer is a
# moment on the clock the screencast stamps its frames with (ms since the epoch). Under load the
# screencast skips frames, so a card up for a set number of frames could be missed. (A
# page.screencast overlay would do, but it reaches the page a frame or two after show_overlay
# returns, at no moment one can know; the subtitle, which lasts the whole step, is one.)
CARD_UP_JS = """(html) => {
  const card = document.createElement("div");
  card.id = "hikari-card";
  card.setAttribute("aria-hidden", "true");
  card.style.cssText = "position:fixed;inset:0;z-index:2147483647;pointer-events:none";
  card.innerHTML = html;
  // Styles and the animation go in through the CSSOM, which a Content-Security-Policy
  // leaves alone (the inbox's mail page forbids inline styles in markup).
  for (const element of card.querySelectorAll("[style]")) {
    element.style.cssText = element.getAttribute("style");
  }
  card.querySelector("#hikari-bar").animate(
    [{width: "0"}, {width: "100%"}], {duration: 1000, iterations: Infinity});
  document.documentElement.appendChild(card);
  return performance.timeOrigin + performance.now();
}"""
CARD_DOWN_JS = """() => {
  document.getElementById("hikari-card").remove();
  return performance.timeOrigin + performance.now();
}"""
# Resolves at the page's next frame: whether the card is (still) in it.
NEXT_FRAME_JS = """() => new Promise(resolve => requestAnimationFrame(
  () => resolve(document.getElementById("hikari-card") !== null)))"""


class CardLost(Exception):
    """The page navigated away while its caption card was up."""


UNHIGHLIGHT_JS = '() => document.getElementById("hikari-highlight")?.remove()'


@dataclass
class Chapter:
    """A step: the frame that shows its caption card, and where that is in the video."""

    index: int
    caption: str
    frame: int = 0
    seconds: float = 0.0  # in the finished video
    spoken: float | None = None  # how long its caption is spoken, narrated


@dataclass(frozen=True)
class Card:
    """A caption card: when it went up and came down (ms since the epoch)."""

    up: float
    down: float


def card_in(gray: int) -> bool:
    """Tell whether a frame whose probed brightness is gray shows a caption card."""
    return gray < CARD_MAX_GRAY


@dataclass
class Film:
    """Collect a page's frames and the holds that pace them; write a webm with chapters.

    Nothing waits for the video while the scenario runs: the moments are noted, and frames
    are matched to them when the film is cut.
    """

    page: Page
    path: Path
    description: str = ""
    ffmpeg: str = ""  # find_ffmpeg() when not given
    frames: list[tuple[float, bytes]] = field(default_factory=list)  # (painted at, ms; JPEG)
    holds: list[tuple[float, float]] = field(default_factory=list)  # (painted at or after, s)
    cards: list[Card] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    gray: dict[float, int] = field(default_factory=dict)  # a decoded frame's CARD_PROBE
    narrator: Speech | None = None  # None: a silent film
    home_url: str = ""  # where the softphone's sentences are served
    spoken: dict[int, str] = field(default_factory=dict)  # chapter position: its speech key
    said: list[tuple[float, str]] = field(default_factory=list)  # (said at, ms; audio URL)
    card_hold: dict[int, float] = field(default_factory=dict)  # chapter position: seconds

    def narrate(self, home_url: str) -> bool:
        """Speak the captions and the IVR in the film; tell whether a voice is there."""
        narrator = Speech()
        if not narrator.available:
            return False
        self.narrator, self.home_url = narrator, home_url
        self.page.expose_binding("hikariSaid", lambda _source, url, at: self.said.append((at, url)))
        self.page.add_init_script(SAID_JS)
        return True

    def start(self) -> None:
        self.ffmpeg = self.ffmpeg or find_ffmpeg()
        self.page.screencast.start(on_frame=self._on_frame, size=SIZE, quality=50)

    def _on_frame(self, frame) -> None:
        self.frames.append((frame["timestamp"], frame["data"]))

    def chapter(self, index: int, caption: str) -> None:
        """Put up the step's subtitle, and hold CHAPTER_SECONDS the frame showing its card."""
        # Each subtitle is opaque and covers the one before: none needs taking down.
        self.page.screencast.show_overlay(SUBTITLE.format(title=escape(caption)))
        card = CARD.format(title=escape(caption), description=escape(self.description))
        try:
            self.cards.append(self._show_card(card))
        except (PlaywrightError, CardLost):  # the page was navigating: draw it on the new one
            self.page.wait_for_load_state()
            self.cards.append(self._show_card(card))
        self.chapters.append(Chapter(index, caption))
        if self.narrator is not None:  # synthesized while the run goes on
            self.spoken[len(self.chapters) - 1] = self.narrator.prepare(caption, NARRATOR)

    def _show_card(self, html: str) -> Card:
        """Put the card up, keep it until a delivered frame shows it, and take it down."""
        up = self.page.evaluate(CARD_UP_JS, html)
        self._await_frame(up, card_in, card_up=True)
        return Card(up, self.page.evaluate(CARD_DOWN_JS))

    def _await_frame(self, since: float, wanted, card_up: bool = False) -> bool:
        """Wait (CARD_WAIT_SECONDS at most) for the newest frame to be stamped after `since`
        and have a wanted brightness; tell whether it came. (The newest alone is decoded: the
        card stays as it is while this waits, so the newest frame shows it if any does.)
        With card_up, raise CardLost if the card left the page (a navigation took it)."""
        give_up = time.monotonic() + CARD_WAIT_SECONDS
        while True:
            newest = self.frames[-1] if self.frames else None
            if newest and newest[0] >= since:
                self._decode([newest])
                if wanted(self.gray[newest[0]]):
                    return True
            if time.monotonic() > give_up:
                return False
            # Waiting for the page's next frame also lets the screencast's frames come in.
            if not self.page.evaluate(NEXT_FRAME_JS) and card_up:
                raise CardLost

    def _decode(self, frames: list[tuple[float, bytes]]) -> None:
        """Note the brightness of CARD_PROBE in each frame not decoded yet."""
        new = [frame for frame in frames if frame[0] not in self.gray]
        if new:
            means = _mean_gray(self.ffmpeg, [data for _, data in new])
            self.gray.update(zip([stamp for stamp, _ in new], means, strict=True))

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

    def _card_frames(self) -> list[range]:
        """Find, for each caption card, the frames that show it (the first, and those after).

        Frames are stamped a frame or three after the page changed, by a varying lag; so the
        frames stamped from the card going up until well after it came down are looked at. The
        first whose left margin is dimmed (`card_in`) is the card's, and so are those right after
        it that are (the darkest alone, if none is).
        """
        times = [t for t, _ in self.frames]
        windows = [
            range(
                bisect.bisect_left(times, card.up),
                bisect.bisect_right(times, card.down + CARD_LAG_MS),
            )
            for card in self.cards
        ]
        self._decode([self.frames[i] for window in windows for i in window])  # in one run
        found = []
        for card, window in zip(self.cards, windows, strict=True):
            if not window:
                first = min(bisect.bisect_left(times, card.up), len(times) - 1)
                found.append(range(first, first + 1))
                continue
            shown = [i for i in window if card_in(self.gray[times[i]])]
            if not shown:
                darkest = min(window, key=lambda i: self.gray[times[i]])
                found.append(range(darkest, darkest + 1))
                continue
            last = shown[0]
            while last + 1 in window and card_in(self.gray[times[last + 1]]):
                last += 1
            found.append(range(shown[0], last + 1))
        return found

    def _cut(self, cards: list[range]) -> list[float]:
        """Return each frame's duration in the video: its time in the run plus its holds.

        A card's first frame is held CHAPTER_SECONDS, plus the time of the card's other
        frames (shown not at all, so the page never flashes back to the card); after it the
        page is shown PAGE_SECONDS at least, and each step lasts MIN_STEP_SECONDS at least.
        """
        times = [t for t, _ in self.frames]
        durations = [max(0.0, b - a) / 1000 for a, b in zip(times, times[1:], strict=False)]
        durations.append(0.0)

        def first_after(moment: float) -> int:
            return min(bisect.bisect_left(times, moment), len(times) - 1)

        for moment, seconds in self.holds:
            durations[first_after(moment)] += seconds
        for n, (chapter, card) in enumerate(zip(self.chapters, cards, strict=True)):
            hold = self.card_hold.get(n, CHAPTER_SECONDS)
            durations[card.start] += hold + sum(durations[card.start + 1 : card.stop])
            for i in card[1:]:
                durations[i] = 0.0
            chapter.frame = card.start
        ends = [card.start for card in cards[1:]] + [len(times)] if cards else []
        for card, end in zip(cards, ends, strict=True):
            page = sum(durations[card.stop : end])
            if end > card.stop and page < PAGE_SECONDS:
                durations[end - 1] += PAGE_SECONDS - page
            shown = sum(durations[card.start : end])
            if end > card.start and shown < MIN_STEP_SECONDS:
                durations[end - 1] += MIN_STEP_SECONDS - shown
        durations[-1] += TAIL_SECONDS
        return durations

    def finish(self) -> Path:
        """Stop the screencast and encode the paced frames as VP8 webm at 1280×720."""
        try:  # the film ends on the page, not on the last card
            if self.cards:
                self._await_frame(self.cards[-1].down, lambda gray: not card_in(gray))
        except PlaywrightError:  # the page is gone (a failed run): end on what was filmed
            pass
        self.page.screencast.stop()
        if not self.frames:
            raise RuntimeError("the screencast delivered no frames")
        self.frames.sort(key=lambda frame: frame[0])
        voices = self._voices() if self.narrator is not None else None
        # A frame shown for less than 1/FPS would never be seen: the one before stays instead.
        durations = self._cut(self._card_frames())
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
        sound = None
        if voices is not None:
            times = [t for t, _ in self.frames]
            narrations, said = voices
            placed = [(self.chapters[n].seconds, wav) for n, wav in narrations.items()]
            placed += [
                (start_of[min(bisect.bisect_left(times, moment), len(times) - 1)], wav)
                for moment, wav in said
            ]
            sound = _mix(placed, at)
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
            track = []
            if sound is not None:
                (folder / "sound.wav").write_bytes(sound)
                # Opus's least effort: speech at 32 kb/s sounds the same, encoded 4× faster.
                track = ["-i", str(folder / "sound.wav"), "-map", "0:v", "-map", "1:a",
                         "-c:a", "libopus", "-b:a", "32k", "-compression_level", "0"]  # fmt: skip
            command = [
                self.ffmpeg, "-hide_banner", "-loglevel", "error", "-y",
                "-f", "concat", "-safe", "0", "-i", str(folder / "list.txt"), *track,
                "-vf", VIDEO_FILTER, "-fps_mode", "vfr",
                "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "16", "-b:v", "1200k",
                "-lag-in-frames", "0", "-auto-alt-ref", "0", "-threads", "2", str(self.path),
            ]  # fmt: skip
            subprocess.run(command, check=True)
        self._write_chapters(at)
        return self.path

    def _voices(self) -> tuple[dict[int, bytes], list[tuple[float, bytes]]]:
        """Fetch every spoken caption and sentence, and hold each as long as it is spoken."""
        narrations = {n: self.narrator.wav(key) for n, key in self.spoken.items()}
        for n, wav in narrations.items():
            self.chapters[n].spoken = round(_seconds(wav), 3)
            self.card_hold[n] = max(CHAPTER_SECONDS, self.chapters[n].spoken + SPOKEN_GAP_SECONDS)
        said = []
        for moment, url in self.said:
            with urllib.request.urlopen(self.home_url + url, timeout=120) as response:
                wav = response.read()
            said.append((moment, wav))
            self.holds.append((moment, _seconds(wav) + SPOKEN_GAP_SECONDS))
        return narrations, said

    def _write_chapters(self, total: float) -> None:
        """Write <video>.chapters.json and a WebVTT file with one cue per step."""
        chapters = [
            {"index": c.index, "caption": c.caption, "seconds": c.seconds}
            | ({"spoken_seconds": c.spoken} if c.spoken is not None else {})
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


def _mean_gray(ffmpeg: str, jpegs: list[bytes], region: str = CARD_PROBE) -> list[int]:
    """Return the mean brightness (0–255) of each JPEG's region, decoding all in one ffmpeg run."""
    result = subprocess.run(
        [ffmpeg, "-hide_banner", "-loglevel", "error", "-f", "image2pipe", "-c:v", "mjpeg",
         "-i", "-", "-vf", f"{region},scale=1:1:flags=area,format=gray", "-f", "rawvideo", "-"],
        input=b"".join(jpegs), capture_output=True, check=True,
    )  # fmt: skip
    return list(result.stdout)


def _seconds(wav: bytes) -> float:
    with wave.open(io.BytesIO(wav)) as audio:
        return audio.getnframes() / audio.getframerate()


def _mix(placed: list[tuple[float, bytes]], seconds: float) -> bytes:
    """Return one mono WAV of `seconds` with each clip at its start (a clip that would overlap
    the one before starts when it ends), silence elsewhere."""
    rate = 48_000
    track = array("h", bytes(2 * (int(seconds * rate) + 1)))
    cursor = 0
    for start, wav in sorted(placed, key=lambda clip: clip[0]):
        with wave.open(io.BytesIO(wav)) as clip:
            if (clip.getframerate(), clip.getnchannels(), clip.getsampwidth()) != (rate, 1, 2):
                raise ValueError("narration clips are 48 kHz mono 16-bit, as Open JTalk writes")
            pcm = array("h", clip.readframes(clip.getnframes()))
        begin = max(int(start * rate), cursor)
        end = min(begin + len(pcm), len(track))
        track[begin:end] = pcm[: end - begin]
        cursor = end
    out = io.BytesIO()
    with wave.open(out, "wb") as mixed:
        mixed.setnchannels(1)
        mixed.setsampwidth(2)
        mixed.setframerate(rate)
        mixed.writeframes(track.tobytes())
    return out.getvalue()


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
