"""A Film: a page's frames and the moments that pace them, written as a webm with chapters."""

from __future__ import annotations

import bisect
import json
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page

from mock_site.phone.speech import Speech

from .encoder import Cutter, find_ffmpeg
from .pace import SIZE, Chapter
from .told import SAID_JS, USED_JS, Told

NARRATOR = "narration"  # the "region" narration is kept under in the speech cache


@dataclass
class Film:
    """Collect a page's frames and the moments that pace them; write a webm with chapters.

    Nothing waits for the video while the scenario runs: the moments are noted, and a
    background thread (`Cutter`) cuts each step once its frames are in.
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
    told: Told | None = None  # what the page tells; the film's own when not shared
    said: list[tuple[float, str]] = field(default_factory=list)  # (added, ms; audio URL)
    used: list[tuple[float, dict]] = field(default_factory=list)  # (used, ms; its box)
    shown: dict[float, float] = field(default_factory=dict)  # a moment: when it is on screen
    _stamps: list[float] = field(default_factory=list, init=False)  # the frames' stamps
    _changed: threading.Condition = field(default_factory=threading.Condition, init=False)
    _closed: bool = field(default=False, init=False)  # the screencast has stopped
    _ended: float = field(default=0.0, init=False)  # when (ms since the epoch)
    _folder: Path = field(init=False)  # frames, scripts and segments while the film is cut
    _cutter: Cutter = field(init=False)

    def __post_init__(self) -> None:
        if self.told is None:
            self.told = Told(self.page)

    def narrate(self, home_url: str) -> bool:
        """Speak the captions and the IVR in the film; tell whether a voice is there."""
        narrator = Speech()
        if not narrator.available:
            return False
        self.narrator, self.home_url = narrator, home_url
        self.told.listen("said", lambda at, audio: self._note(self.said, at, audio), SAID_JS)
        return True

    def start(self) -> None:
        self.ffmpeg = self.ffmpeg or find_ffmpeg()
        self.told.listen("used", lambda at, box: self._note(self.used, at, box), USED_JS)
        self.told.listen("shown", self.shown.__setitem__)
        self._folder = Path(tempfile.mkdtemp(prefix="hikari-film-"))
        self._cutter = Cutter(self)
        self._cutter.start()
        self.page.screencast.start(on_frame=self._on_frame, size=SIZE, quality=50)

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


def _vtt(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"
