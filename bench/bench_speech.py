"""What the IVR's voice costs: every sentence of both IVRs synthesized into an empty cache, then
described again (what every later call, test and film does).

Prints synthesis time per sentence (p50, max, and the real-time factor: audio seconds per
second of synthesis) and the second pass's hit rate and time. Needs `make setup` (Open JTalk
and the voice).

    .venv/bin/python bench/bench_speech.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile, print_table  # noqa: E402
from mock_site import wording  # noqa: E402
from mock_site.phone import speech  # noqa: E402


def sentences() -> list[str]:
    """Every IVR sentence of the wording, with its placeholders filled as a call fills them."""
    found = []
    for name in dir(wording):
        value = getattr(wording, name)
        if name.startswith(("IVR_", "VW_IVR_")) and isinstance(value, str) and "。" in value:
            found.append(value.replace("{number}", "0312345678").replace("{", "").replace("}", ""))
    return found


def main() -> None:
    if speech.missing():
        raise SystemExit(f"the IVR is silent here: {speech.missing()}")
    texts = sentences()
    with tempfile.TemporaryDirectory() as cold:
        voice = speech.Speech(Path(cold))
        took, audio = [], []
        for text in texts:
            began = time.perf_counter()
            key = voice.describe(text, "east")["key"]
            wav = voice.wav(key)
            took.append(time.perf_counter() - began)
            audio.append(speech.wav_seconds(Path(cold) / f"{key}.wav"))
            assert wav
        again = speech.Speech(Path(cold))  # another process, the cache now full
        began = time.perf_counter()
        for text in texts:
            assert again.describe(text, "east")["seconds"] is not None
        second = time.perf_counter() - began
    print(f"{len(texts)} IVR sentences, {sum(audio):.0f} s of speech")
    print_table(
        [
            ("synthesis per sentence, p50 / max",
             f"{percentile(took, 0.5):.2f} / {max(took):.2f} s", "—",
             f"{sum(audio) / sum(took):.1f}× real time"),
            ("the same sentences again (cache), hit rate", f"{again.stats()['hit_rate']:.0%}",
             "100 %", f"{second * 1000 / len(texts):.1f} ms a sentence"),
        ]
    )  # fmt: skip


if __name__ == "__main__":
    main()
