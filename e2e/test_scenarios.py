"""The scenario runner as QA and support staff use it: run, film, illustrate, fail loudly."""

from __future__ import annotations

import json
import math
import os
import re
import struct
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from hikari_e2e.scenarios import load
from hikari_e2e.scenarios.film import CARD_BAR_COLOUR, CARD_TOP, OUTLINE_COLOUR, find_ffmpeg
from mock_site import wording as W

ROOT = Path(__file__).resolve().parent.parent
STEP_LINE = re.compile(r"^\[\s*(\d+)\] (.+?) … (✓|✗)", re.M)


def hikari_e2e(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "hikari_e2e.scenarios", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def probe(ffmpeg: str, video: Path) -> tuple[str, int, float]:
    """Decode the whole video; return its stream line, frames decoded and the last time."""
    result = subprocess.run(
        [ffmpeg, "-hide_banner", "-i", str(video), "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    stream = re.search(r"Stream #0:0.*Video: .*", result.stderr).group(0)
    frames = int(re.findall(r"frame=\s*(\d+)", result.stderr)[-1])
    hours, minutes, seconds = re.findall(r"time=(\d+):(\d+):([\d.]+)", result.stderr)[-1]
    return stream, frames, int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def card_bar(ffmpeg: str, video: Path):
    """Return shown(moment): whether a caption card's bar is on screen then."""
    raw = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(video), "-vf",
         f"fps=10,crop=w=2:h=2:x=640:y={CARD_TOP + 2},format=rgb24", "-f", "rawvideo", "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip

    def shown(moment: float) -> bool:
        colour = raw[int(moment * 10) * 12 :][:3]
        return all(abs(a - b) <= 40 for a, b in zip(colour, CARD_BAR_COLOUR, strict=True))

    return shown


def outlines(ffmpeg: str, video: Path):
    """Return outlined(from_s, to_s): whether an element is outlined on screen in between (the
    film's outline colour in any of five frames a second, each counted at 160×90)."""
    r, g, b = OUTLINE_COLOUR
    near = f"between(r(X,Y),{r - 35},255)*between(g(X,Y),{g - 25},{g + 25})*lte(b(X,Y),{b + 40})"
    mask = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(video), "-vf",
         f"fps=5,format=rgb24,geq=r='255*{near}':g=0:b=0,scale=160:90:flags=area,format=gray",
         "-f", "rawvideo", "-"], capture_output=True, check=True,
    ).stdout  # fmt: skip
    size = 160 * 90

    def outlined(start: float, end: float) -> bool:
        frames = range(math.ceil(start * 5), int(end * 5))
        return any(sum(x > 10 for x in mask[n * size : (n + 1) * size]) > 20 for n in frames)

    return outlined


def png_size(path: Path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


def test_scenarios_lists_every_scenario_with_its_description():
    result = hikari_e2e("scenarios")

    assert result.returncode == 0
    listed = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert {name: s.description for name, s in load().items()} == listed


def loudness(ffmpeg: str, video: Path):
    """Return rms(from_s, to_s): the RMS (0–32767) of the film's sound between two moments."""
    pcm = subprocess.run(
        [ffmpeg, "-v", "error", "-i", str(video), "-vn", "-ac", "1", "-ar", "8000",
         "-f", "s16le", "-"], capture_output=True, check=True,
    ).stdout  # fmt: skip
    samples = array("h", pcm)

    def rms(start: float, end: float) -> float:
        window = samples[int(start * 8000) : int(end * 8000)]
        return math.sqrt(sum(x * x for x in window) / max(1, len(window)))

    return rms


def test_recording_gives_a_captioned_720p_video_and_an_illustrated_guide(tmp_path, hikari):
    """One filmed and illustrated run (it takes a while), checked concern by concern."""
    videos, guides = tmp_path / "videos", tmp_path / "guide"

    result = hikari_e2e("run", "otp-decline", "--region", "west", "--video", str(videos),
                        "--guide", str(guides), "--hikari-url", hikari.home_url)  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    printed = [caption for _, caption, _ in STEP_LINE.findall(result.stdout)]
    # The feature's steps walk the guide's 2, 3, 14–16; its ならば is a chapter of its own.
    assert printed == [login_caption(n) for n in (2, 3, 14, 15, 16)] + [
        "確認：トップ画面が表示される"
    ]
    video = videos / "otp-decline-west.webm"
    meta = json.loads(video.with_suffix(".chapters.json").read_text(encoding="utf-8"))
    assert [c["caption"] for c in meta["chapters"]] == printed
    assert "手順14" in video.with_suffix(".vtt").read_text(encoding="utf-8")
    film_is_720p_with_a_card_per_chapter(video, meta)
    film_outlines_what_is_used(video, meta)
    film_speaks_each_caption_under_its_card(video, meta)
    guide = guides / "otp-decline-west"
    guide_shows_each_step_with_its_marks(guide, printed)
    guide_prints_to_a_pdf(guide, printed)
    assert "guide (PDF): " in result.stdout


def film_is_720p_with_a_card_per_chapter(video: Path, meta: dict) -> None:
    """VP8 at 1280×720, as long as its chapters say; each step's caption card is on screen
    where its chapter starts, and gone before the next."""
    ffmpeg = find_ffmpeg()
    stream, frames, seconds = probe(ffmpeg, video)
    assert "1280x720" in stream and "vp8" in stream
    assert abs(seconds - meta["seconds"]) < 1.0
    assert frames >= 2 * len(meta["chapters"])  # a caption card and the screen, at least
    card = card_bar(ffmpeg, video)
    starts = [c["seconds"] for c in meta["chapters"]] + [meta["seconds"]]
    for start, following in zip(starts, starts[1:], strict=False):
        assert card(start + 0.3), f"no caption card at {start:.1f} s"
        assert not card(following - 0.2), f"the caption card still up at {following:.1f} s"


def film_outlines_what_is_used(video: Path, meta: dict) -> None:
    """Each field and button used is outlined: 手順3 fills two fields and logs in; under a
    card (nothing used yet) there is none."""
    outlined = outlines(find_ffmpeg(), video)
    starts = [c["seconds"] for c in meta["chapters"]]
    assert outlined(starts[1] + 2.3, starts[2])
    assert not outlined(starts[1], starts[1] + 2.0)


def film_speaks_each_caption_under_its_card(video: Path, meta: dict) -> None:
    """An Opus track; each caption spoken while its card is held, silence after it until the
    next (this scenario has no phone call, so nothing else speaks)."""
    ffmpeg = find_ffmpeg()
    described = subprocess.run([ffmpeg, "-hide_banner", "-i", str(video)], capture_output=True,
                               text=True).stderr  # fmt: skip
    assert "Audio: opus" in described
    sound = loudness(ffmpeg, video)
    ends = [c["seconds"] for c in meta["chapters"][1:]] + [meta["seconds"]]
    for chapter, end in zip(meta["chapters"], ends, strict=True):
        start, spoken = chapter["seconds"], chapter["spoken_seconds"]
        assert sound(start + 0.1, start + min(1.0, spoken)) > 500, chapter["caption"]
        assert end - (start + spoken) > 0.5  # the pace waited for the voice, and then some
        assert sound(start + spoken + 0.15, end - 0.1) < 50, f"noise after {chapter['caption']}"


def guide_shows_each_step_with_its_marks(guide: Path, printed: list[str]) -> None:
    """Every step has its 1280×720 screenshots in the page; 手順3's last is marked ❶❷❸; the
    region and unit are named as the guide names them; nothing is loaded from the network."""
    steps = json.loads((guide / "steps.json").read_text(encoding="utf-8"))
    assert [s["caption"] for s in steps["steps"]] == printed
    html = (guide / "index.html").read_text(encoding="utf-8")
    for step in steps["steps"]:
        assert step["shots"], f"no screenshot for {step['caption']}"
        for shot in step["shots"]:
            assert png_size(guide / shot["file"]) == (1280, 720)
            assert f'src="{shot["file"]}"' in html
    login = steps["steps"][1]["shots"][-1]
    assert login["marks"] == 3  # ❶ 電話番号, ❷ パスワード, ❸ ログイン
    assert "❶" in html and "http" not in html.split("<main>")[0]
    assert "（NTT西日本・回線単位）" in html


def guide_prints_to_a_pdf(guide: Path, printed: list[str]) -> None:
    """The same page as an A4 PDF for a support desk to mail: a page holds a few steps and
    every screenshot is in it."""
    steps = json.loads((guide / "steps.json").read_text(encoding="utf-8"))
    pdf = (guide / "guide.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    shots = sum(len(step["shots"]) for step in steps["steps"])
    assert pdf.startswith(b"%PDF") and 1 <= pages < len(printed)
    assert len(re.findall(rb"/Subtype\s*/Image", pdf)) >= shots


def test_a_filmed_call_lets_the_ivr_be_heard_where_it_speaks(tmp_path, hikari):
    result = hikari_e2e("run", "temp-password", "--video", str(tmp_path), "--hikari-url",
                        hikari.home_url)  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    video = tmp_path / "temp-password-east.webm"
    meta = json.loads(video.with_suffix(".chapters.json").read_text(encoding="utf-8"))
    sentences = [s for c in meta["chapters"] for s in c.get("sentences", [])]
    # 回線単位: the unit to choose, the password to key, to key again, done (guide p.5–7).
    assert len(sentences) == 4
    sound = loudness(find_ffmpeg(), video)
    spoken = [(c["seconds"], c["spoken_seconds"]) for c in meta["chapters"]]
    for sentence in sentences:
        start, long = sentence["seconds"], sentence["spoken_seconds"]
        assert long > 1.5 and sound(start + 0.2, start + long - 0.2) > 500
        assert all(start >= at + said or start + long <= at for at, said in spoken)
    ordered = sorted((s["seconds"], s["spoken_seconds"]) for s in sentences)
    for (start, long), (following, _) in zip(ordered, ordered[1:], strict=False):
        assert following >= start + long  # one at a time, each heard in full


def test_a_failing_step_exits_non_zero_and_names_the_step(tmp_path, hikari):
    result = hikari_e2e(
        "run",
        "broken-login",
        "--hikari-url",
        hikari.home_url,
        "--guide",
        str(tmp_path),
        env={"HIKARI_SCENARIOS": "e2e.scenarios_for_tests"},
    )

    assert result.returncode == 1
    steps = STEP_LINE.findall(result.stdout)
    assert [(n, mark) for n, _, mark in steps] == [("1", "✓"), ("2", "✗")]
    assert f"✗ 手順 [2] 「{login_caption(3)}」 failed" in result.stdout
    assert W.TOP_TITLE in result.stdout  # what was expected is said
    guide = json.loads((tmp_path / "broken-login-east" / "steps.json").read_text("utf-8"))
    assert "手順 [2]" in guide["failed"]


def test_an_unknown_scenario_is_refused_with_the_list():
    result = hikari_e2e("run", "no-such-thing")

    assert result.returncode == 2
    assert "otp-registration" in result.stderr


@pytest.mark.parametrize("unit", ["number", "admin"])
def test_service_scenarios_run_under_each_unit(hikari, unit):
    result = hikari_e2e(
        "run", "call-notice", "--unit", unit, "--region", "west", "--hikari-url", hikari.home_url
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert ("設定する電話番号を選択します。" in result.stdout) is (unit == "admin")


def login_caption(n: int) -> str:
    return W.STEP.format(n=n, title=W.GUIDE_LOGIN_STEPS[n])


def test_the_readme_example_feature_is_the_example_file_and_runs(hikari):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = ROOT / "examples" / "features" / "busy-forward.feature"
    block = re.search(r"\*\*Adding a scenario\*\*.*?```gherkin\n(.*?)```", readme, re.S).group(1)
    assert example.read_text(encoding="utf-8").startswith(block)

    result = hikari_e2e(
        "run", "busy-forward-ja", "--region", "west", "--hikari-url", hikari.home_url,
        env={"HIKARI_FEATURES": str(example)},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "  ならば ボイスワープの状態が「開始」になっている" in result.stdout


def test_the_python_example_scenario_runs_as_docs_show_it(hikari):
    doc = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    example = (ROOT / "hikari_e2e" / "scenarios" / "example.py").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", doc, re.S).group(1)
    assert (
        code.replace("from playwright", "from __future__ import annotations\n\nfrom playwright", 1)
        in example
    )

    result = hikari_e2e(
        "run", "busy-forward", "--hikari-url", hikari.home_url,
        env={"HIKARI_SCENARIOS": "hikari_e2e.scenarios.example"},
    )  # fmt: skip

    assert result.returncode == 0, result.stdout + result.stderr
    assert "確認：サービスの状態が「開始」になっています。 … ✓" in result.stdout
