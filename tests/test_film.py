"""Films without a browser: how a step is cut, what is drawn over it, and a whole film encoded.

The frames are JPEGs made by ffmpeg and the page is a stand-in, so the pacing rules and the
encoding (both ways: at the end, and while the run goes on) are checked in a second or two.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from hikari_e2e.scenarios import film as F
from hikari_e2e.scenarios.film import Shot, cut, encoder, pace, sound
from hikari_e2e.scenarios.film import drawing as drawn

CARD = 220  # cs
BOX = {"x": 100.0, "y": 300.0, "width": 200.0, "height": 50.0}


def test_the_card_holds_the_screen_as_the_step_began_then_the_run_goes_at_its_pace():
    shots, _ = cut([0, 100, 1000], begin=150, end=2000, actions=[], said=[], card_cs=CARD)

    assert shots == [Shot(1, CARD, card=True), Shot(1, 85), Shot(2, 100)]


def test_a_frame_painted_as_the_step_began_is_the_cards():
    shots, _ = cut([0, 170], begin=150, end=2000, actions=[], said=[], card_cs=CARD)

    assert shots[0] == Shot(1, CARD, card=True)  # stamped within SETTLE_MS of the start


def test_a_frame_too_short_to_be_seen_is_left_out():
    shots, _ = cut([0, 1000, 1030, 2000], 0, 3000, [], [], CARD)

    assert [shot.frame for shot in shots] == [0, 0, 2, 3]
    assert sum(shot.cs for shot in shots) == CARD + 300  # its time went to the frame before


def test_a_used_element_is_outlined_on_the_screen_it_was_used_on_until_the_screen_changes():
    shots, _ = cut([0, 500], 0, 2000, [(300, 300, BOX)], [], CARD)

    assert shots == [
        Shot(0, CARD, card=True),
        Shot(0, 30),
        Shot(0, pace.centiseconds(pace.ACTION_SECONDS) + 20, box=BOX),
        Shot(1, 150),
    ]


def test_a_press_is_held_on_the_frame_on_screen_when_the_page_showed_it():
    shots, _ = cut([0, 320, 900], 0, 2000, [(300, 340, BOX)], [], CARD)

    held = [shot for shot in shots if shot.box]
    assert [shot.frame for shot in held] == [1]  # painted after the press began, before shown


def test_a_sentence_is_held_as_long_as_it_is_spoken_on_the_frame_that_shows_it():
    shots, said_at = cut([0, 420], 0, 2000, [], [(400, 450, 300)], CARD)

    assert said_at == [CARD + 40]
    held = [shot for shot in shots if shot.cs >= 300 and not shot.card]
    assert held and held[0].frame == 1


def test_the_screen_after_the_card_and_the_step_last_long_enough():
    shots, _ = cut([0], 0, 10, [], [], 100)

    page = sum(shot.cs for shot in shots[1:])
    assert page >= pace.centiseconds(pace.PAGE_SECONDS)
    assert sum(shot.cs for shot in shots) == pace.centiseconds(pace.MIN_STEP_SECONDS)


def test_the_last_step_ends_on_its_screen_a_while():
    plain, _ = cut([0], 0, 5000, [], [], CARD)
    last, _ = cut([0], 0, 5000, [], [], CARD, tail=True)

    assert sum(s.cs for s in last) - sum(s.cs for s in plain) == pace.centiseconds(
        pace.TAIL_SECONDS
    )
    assert not last[-1].box and not last[-1].card


def test_a_step_ends_on_its_last_screen_even_if_the_run_showed_it_only_briefly():
    shots, _ = cut([0, 500, 1530, 1560, 1590], 0, 1600, [(600, 600, BOX)], [], CARD, tail=True)

    assert shots[-1] == Shot(4, pace.centiseconds(pace.TAIL_SECONDS))


def test_the_overlays_name_the_step_all_along_and_draw_the_card_and_outlines_on_their_shots():
    shots = [Shot(0, CARD, card=True), Shot(0, 70, box=BOX), Shot(1, 30)]
    script = F.overlays([("手順1 {波括弧}\\N", "説明", shots), ("手順2", "説明", [Shot(1, 250)])])

    dialogues = [line for line in script.splitlines() if line.startswith("Dialogue:")]
    subtitles = [line for line in dialogues if "\\an4" in line]
    assert [line.split(",")[1:3] for line in subtitles] == [
        ["0:00:00.00", "0:00:03.20"],
        ["0:00:03.20", "0:00:05.71"],  # and the film's last frame, stamped at its end
    ]
    assert "手順1 ｛波括弧｝＼N" in subtitles[0]  # read as text, not as ASS tags or a line break
    card = [line for line in dialogues if "手順1" in line and "\\an8" in line]
    assert card and card[0].split(",")[1:3] == ["0:00:00.00", "0:00:02.20"]
    outline = [line for line in dialogues if "\\3c&H007AFF&" in line]
    assert len(outline) == 1 and outline[0].split(",")[1:3] == ["0:00:02.20", "0:00:02.90"]
    assert "m 102 296" in outline[0] and "l 96 302" in outline[0]  # 4 px round the box


def test_a_subtitle_too_long_for_the_bar_ends_in_an_ellipsis():
    script = F.overlays([("手順" + "あ" * 80, "", [Shot(0, 100)])])

    subtitle = next(line for line in script.splitlines() if "\\an4" in line)
    assert (
        subtitle.endswith("…") and drawn._width(subtitle.split("}")[-1], 24) <= drawn.SUBTITLE_WIDTH
    )


def test_steps_are_split_in_order_into_parts_of_about_as_many_shots():
    steps = [
        encoder._Step(str(n), "", [Shot(0, 10)] * size, []) for n, size in enumerate([5, 1, 4, 6])
    ]

    parts = pace.split_parts(steps, 2)

    assert [[step.caption for step in part] for part in parts] == [["0", "1", "2"], ["3"]]
    assert pace.split_parts(steps, 1) == [steps]


def test_clips_are_placed_where_they_start_and_never_overlap():
    def clip(seconds: float, level: int) -> bytes:
        import io
        import wave

        out = io.BytesIO()
        with wave.open(out, "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(sound.RATE)
            audio.writeframes(level.to_bytes(2, "little", signed=True) * int(seconds * sound.RATE))
        return out.getvalue()

    pcm = sound.mix([(0, clip(0.5, 1000)), (20, clip(0.5, 2000))], 200)

    samples = memoryview(pcm).cast("h")
    assert len(samples) == 2 * sound.RATE
    assert samples[sound.RATE // 10] == 1000 and samples[int(0.55 * sound.RATE)] == 2000
    assert (
        samples[int(0.99 * sound.RATE)] == 2000 and samples[int(1.01 * sound.RATE)] == sound.SILENCE
    )


class _Screencast:
    def start(self, on_frame, size, quality):
        self.on_frame = on_frame

    def stop(self):
        pass


class _Page:
    """What a film asks of a page, the last screen a white one."""

    def __init__(self, screen: bytes) -> None:
        self.screencast, self.screen = _Screencast(), screen

    def on(self, event, callback):
        pass

    def add_init_script(self, script):
        pass

    def screenshot(self, type, quality):
        return self.screen


def _jpeg(ffmpeg: str, colour: str) -> bytes:
    return subprocess.run(
        [ffmpeg, "-v", "error", "-f", "lavfi", "-i", f"color={colour}:s=1280x720", "-frames:v",
         "1", "-f", "image2pipe", "-c:v", "mjpeg", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip


def _pixels(ffmpeg: str, video, x: int, y: int) -> list[tuple[int, int, int]]:
    """Return the colour at (x, y) every tenth of a second of the video."""
    raw = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(video), "-vf",
         f"fps=10,crop=w=2:h=2:x={x}:y={y},format=rgb24", "-f", "rawvideo", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    return [tuple(raw[i : i + 3]) for i in range(0, len(raw), 12)]


def _near(colour, wanted, within=40) -> bool:
    return all(abs(a - b) <= within for a, b in zip(colour, wanted, strict=True))


@pytest.mark.parametrize("encode", ["end", "background"])
def test_a_film_is_encoded_with_its_cards_outlines_and_chapters(tmp_path, monkeypatch, encode):
    monkeypatch.setenv(F.ENCODE_ENV, encode)
    ffmpeg = F.find_ffmpeg()
    white, grey = _jpeg(ffmpeg, "white"), _jpeg(ffmpeg, "0x808080")
    now = [1_000.0]
    film = F.Film(_Page(white), tmp_path / "film.webm", "説明", clock=lambda: now[0])
    film.start()
    film.chapter(1, "手順1 はじめ")
    film._on_frame({"timestamp": 1_010.0, "data": white})
    film._note(film.used, 1_300.0, BOX)
    film._on_frame({"timestamp": 1_500.0, "data": grey})
    now[0] = 2_000.0
    film.chapter(2, "手順2 つぎ")
    film._on_frame({"timestamp": 2_100.0, "data": white})
    now[0] = 3_000.0

    video = film.finish()

    meta = json.loads(video.with_suffix(".chapters.json").read_text(encoding="utf-8"))
    assert [c["caption"] for c in meta["chapters"]] == ["手順1 はじめ", "手順2 つぎ"]
    second = meta["chapters"][1]["seconds"]
    assert second == pytest.approx(2.2 + 0.3 + 0.9 + 0.5, abs=0.02)  # card, run, hold, run
    assert meta["seconds"] == pytest.approx(second + 2.2 + 0.1 + 0.9 + 1.5, abs=0.02)
    assert "手順2 つぎ" in video.with_suffix(".vtt").read_text(encoding="utf-8")
    bar = _pixels(ffmpeg, video, 640, F.CARD_TOP + 2)
    for start in (0.0, second):  # each card is up from its chapter's start, and then gone
        assert _near(bar[int(start * 10) + 5], F.CARD_BAR_COLOUR)
        assert not _near(bar[int((start + 2.2) * 10) + 2], F.CARD_BAR_COLOUR)
    outline = _pixels(ffmpeg, video, int(BOX["x"]) - 6, int(BOX["y"]) + 20)  # the 4 px line
    assert _near(outline[28], F.OUTLINE_COLOUR)  # the element outlined at 2.5–3.2 s
    assert not _near(outline[20], F.OUTLINE_COLOUR) and not _near(outline[36], F.OUTLINE_COLOUR)
    screen = _pixels(ffmpeg, video, 1000, 600)
    assert _near(screen[36], (128, 128, 128)) and _near(screen[int(second * 10) - 2], (128,) * 3)
    assert _near(screen[int(meta["seconds"] * 10) - 3], (255, 255, 255))
    assert not film._folder.exists()  # the frames and segments are cleared away
