"""The film's sound: the narration and the IVR's sentences, mixed and encoded to Opus."""

from __future__ import annotations

import io
import wave
from array import array

RATE = 48_000  # the sound's sample rate: Open JTalk's
SILENCE = 1  # the sample between clips (see mix)
# Opus's least effort, 24 kHz and 60 ms frames: the voice sounds the same, encoded 5× faster
# than at the defaults.
OPUS = ["-ar", "24000", "-c:a", "libopus", "-b:a", "32k", "-compression_level", "0",
        "-frame_duration", "60"]  # fmt: skip


def mix(placed: list[tuple[int, bytes]], cs: int) -> bytes:
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
