"""Cutting and encoding as the run goes: a thread cuts each step once its frames are in, encodes
its sound, and encodes the video (at once where CPUs are to spare, else at the end in parts)."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mock_site.phone.speech import cache_root, wav_seconds

from ... import browser
from .drawing import overlays
from .pace import (
    CHAPTER_SECONDS,
    SETTLE_MS,
    SPOKEN_GAP_SECONDS,
    Chapter,
    Shot,
    centiseconds,
    cut,
    split_parts,
    until,
)
from .sound import OPUS, RATE, mix

if TYPE_CHECKING:
    from .recording import Film

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
NICE = ["nice", "-n", "19"]
# Encoding the video while the run goes on pays where CPUs are to spare. On 2 CPUs it slowed the
# run more than it saved, even at the lowest priority (docs/performance.md): there the steps are
# cut as the run goes (and their sound encoded), and the video is encoded at the end in parallel
# parts. HIKARI_FILM_ENCODE=background or =end chooses for any machine.
BACKGROUND_CPUS = 4
ENCODE_ENV = "HIKARI_FILM_ENCODE"


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


class Cutter(threading.Thread):
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
        self._env = font_environment(film._folder)

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
                    said = until(film.said[self._said_taken :], ends[-1], last)
                    used = until(film.used[self._used_taken :], ends[-1], last)
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
            mine, mine_used = until(said, end, last), until(used, end, last)
            said, used = said[len(mine) :], used[len(mine_used) :]
            actions = [(at, film.shown.get(at, at), box) for at, box in mine_used]
            voices = [self._fetch(url) for _, url in mine]
            card_cs = centiseconds(CHAPTER_SECONDS)
            narration = None
            if chapter.speech is not None:
                narration = film.narrator.wav(chapter.speech)
                chapter.spoken = round(wav_seconds(narration), 3)
                card_cs = max(card_cs, centiseconds(chapter.spoken + SPOKEN_GAP_SECONDS))
            holds = [(added, film.shown.get(added, added + SETTLE_MS),
                      centiseconds(wav_seconds(wav) + SPOKEN_GAP_SECONDS))
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
            self._feed_sound(mix(clips, at))
        self._uncut += steps
        if not (self.background or batch.last):
            return
        parts, self._uncut = split_parts(self._uncut, self._parts if batch.last else 1), []
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


def font_environment(folder: Path) -> dict:
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


def find_ffmpeg() -> str:
    """Return Playwright's ffmpeg (linking the imageio-ffmpeg one there if need be)."""
    try:
        return str(browser.ensure_ffmpeg())
    except Exception:  # no wheel, no link: a system ffmpeg will do
        found = shutil.which("ffmpeg")
        if found is None:
            raise RuntimeError("no ffmpeg: run `make setup` (it links imageio-ffmpeg's)") from None
        return found
