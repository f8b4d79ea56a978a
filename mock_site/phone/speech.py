"""The IVR's voice: every guidance sentence spoken in Japanese by Open JTalk, offline.

A sentence is synthesized when its audio is first asked for (the softphone plays it, a film
mixes it; `prepare` starts it ahead), in the background at low priority, so keys are still read
at once and the sites keep the CPU; each WAV is kept on disk by sentence and region, shared by
every process of a suite run: no sentence is synthesized twice. Without
open_jtalk, its dictionary or a voice (or with the setting ivr_speech off) the phone is silent,
as before: every sentence still in the log, no audio.

Open JTalk and naist-jdic come from Debian (open-jtalk, open-jtalk-mecab-naist-jdic); the voice
is HTS Voice "Mei" (CC BY 3.0, Nagoya Institute of Technology / MMDAgent Project Team), which
`python -m hikari_e2e.voice` takes from pyopenjtalk's sdist by its hash.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import tempfile
import threading
import time
import wave
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

DICTIONARY = Path("/var/lib/mecab/dic/open-jtalk/naist-jdic")
VOICE_ENV = "HIKARI_VOICE"
CACHE_ENV = "HIKARI_SPEECH_CACHE"  # another folder for the WAVs (a cold cache, say)
SYNTHESIS_TIMEOUT_SECONDS = 60


def cache_root() -> Path:
    """Return where hikari-e2e keeps what it downloads and makes ($XDG_CACHE_HOME/hikari-e2e)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hikari-e2e"


def default_voice() -> Path:
    """Return where the provisioned voice lives (HIKARI_VOICE names another)."""
    return Path(os.environ.get(VOICE_ENV) or cache_root() / "voice" / "mei_normal.htsvoice")


def missing() -> str | None:
    """Say what synthesis lacks on this machine, or None when it can speak."""
    if shutil.which("open_jtalk") is None:
        return "open_jtalk is not installed (apt-get install open-jtalk)"
    if not DICTIONARY.is_dir():
        return f"no dictionary at {DICTIONARY} (apt-get install open-jtalk-mecab-naist-jdic)"
    if not default_voice().is_file():
        return f"no voice at {default_voice()} (python -m hikari_e2e.voice)"
    return None


def wav_seconds(wav: Path | bytes) -> float:
    """Return how long a WAV (a file, or its bytes) lasts."""
    with wave.open(io.BytesIO(wav) if isinstance(wav, bytes) else str(wav)) as audio:
        return audio.getnframes() / audio.getframerate()


class Speech:
    """Synthesize sentences once, in the background, and keep each WAV by sentence and region."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or Path(os.environ.get(CACHE_ENV) or cache_root() / "speech")
        self.reason_silent = missing()
        self._voice = default_voice()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hikari-speech")
        self._lock = threading.Lock()
        self._pending: dict[str, Future] = {}
        self._text: dict[str, str] = {}
        self.hits = self.synthesized = 0
        self.seconds_synthesizing = 0.0

    @property
    def available(self) -> bool:
        return self.reason_silent is None

    def key(self, text: str, region: str | None) -> str:
        """Name the audio of text said in region by this voice."""
        voice = f"{self._voice.name}:{self._voice.stat().st_size}" if self.available else ""
        return hashlib.sha256(f"{voice}|{region}|{text}".encode()).hexdigest()[:32]

    def describe(self, text: str, region: str | None) -> dict | None:
        """Return {key, seconds} for text (seconds None until its audio is made); None when
        the phone is silent."""
        if not self.available:
            return None
        key = self.key(text, region)
        path = self.folder / f"{key}.wav"
        with self._lock:
            self._text[key] = text
            if path.exists():
                if key not in self._pending:
                    self.hits += 1
                    self._pending[key] = _done()
                return {"key": key, "seconds": round(wav_seconds(path), 3)}
        return {"key": key, "seconds": None}

    def prepare(self, text: str, region: str | None) -> str | None:
        """Describe text and start making its audio now (a film's captions); return its key."""
        described = self.describe(text, region)
        if described is not None:
            self._start(described["key"])
        return described and described["key"]

    def _start(self, key: str) -> Future | None:
        path = self.folder / f"{key}.wav"
        with self._lock:
            if key not in self._pending and key in self._text:
                self._pending[key] = self._pool.submit(self._synthesize, self._text[key], path)
            return self._pending.get(key)

    def wav(self, key: str) -> bytes | None:
        """Return the WAV named key, making it first if need be; None for a key never described."""
        future = self._start(key)
        path = self.folder / f"{key}.wav"
        if future is None and not path.exists():
            return None
        if future is not None:
            future.result(timeout=SYNTHESIS_TIMEOUT_SECONDS)
        return path.read_bytes()

    def stats(self) -> dict:
        described = self.hits + self.synthesized
        return {
            "available": self.available,
            "silent_because": self.reason_silent,
            "voice": str(self._voice),
            "cache_hits": self.hits,
            "synthesized": self.synthesized,
            "hit_rate": round(self.hits / described, 4) if described else None,
            "seconds_synthesizing": round(self.seconds_synthesizing, 3),
        }

    def _synthesize(self, text: str, path: Path) -> None:
        started = time.perf_counter()
        self.folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=self.folder) as work:
            source, made = Path(work) / "text.txt", Path(work) / "speech.wav"
            source.write_text(text, encoding="utf-8")
            subprocess.run(  # niced: the sites and the browsers come first
                ["nice", "-n", "15", "open_jtalk", "-x", str(DICTIONARY), "-m", str(self._voice),
                 "-ow", str(made), str(source)],
                check=True, capture_output=True, timeout=SYNTHESIS_TIMEOUT_SECONDS,
            )  # fmt: skip
            os.replace(made, path)  # whole or not at all, for the other processes reading it
        with self._lock:
            self.synthesized += 1
            self.seconds_synthesizing += time.perf_counter() - started


def _done() -> Future:
    future: Future = Future()
    future.set_result(None)
    return future
