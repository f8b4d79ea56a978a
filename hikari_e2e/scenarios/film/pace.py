"""How a film is paced: the steps' chapters, the shots they are cut into, and the cut itself.

A step's caption card is held CHAPTER_SECONDS over the screen as the step began, each used
element is outlined and held ACTION_SECONDS, and each frame is shown as long as it was on
screen in the run (`cut`).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

SIZE = {"width": 1280, "height": 720}
SHORTEST_SECONDS = 0.1  # a frame the run showed for less is left out (the one before stays)
CHAPTER_SECONDS = 2.2  # a caption card, read in full
ACTION_SECONDS = 0.7  # a highlighted field or button before it is used
MIN_STEP_SECONDS = 2.5  # no step flashes by
PAGE_SECONDS = 0.5  # the screen itself, after a step's caption card
TAIL_SECONDS = 1.5
SPOKEN_GAP_SECONDS = 0.4  # after a spoken caption or sentence, before the film goes on
# Frames are stamped 5–30 ms after the page changed (measured; more under load). The screen a
# step begins on is the last frame stamped this long after it began (or before its first action).
SETTLE_MS = 40


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


def centiseconds(seconds: float) -> int:
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
    reel = _Reel(base, max(begin, stamps[base]), card_cs, len(said))
    for moment, kind, what in _moments(stamps, base, reel.start, end, actions, said):
        reel.run_to(moment)
        if kind == 0:
            reel.frame = what
        elif kind == 1:
            box, shown = what
            reel.frame = max(reel.frame, shown)
            reel.shots.append(Shot(reel.frame, centiseconds(ACTION_SECONDS), box=box))
        else:
            n, shown = what
            reel.frame = max(reel.frame, shown)
            reel.said_at[n] = sum(shot.cs for shot in reel.shots)
            reel.shots.append(Shot(reel.frame, said[n][2]))
    reel.run_to(end)
    reel.show_longer(centiseconds(PAGE_SECONDS) - sum(shot.cs for shot in reel.shots[1:]))
    reel.show_longer(centiseconds(MIN_STEP_SECONDS) - sum(shot.cs for shot in reel.shots))
    if tail:
        reel.show_longer(centiseconds(TAIL_SECONDS))
    return _merged(reel.shots), reel.said_at


def _moments(stamps, base, start, end, actions, said) -> list[tuple[float, int, object]]:
    """The moments of a step, in order: each new frame (0, its index), each action (1, (box,
    the frame it is shown on)) and each sentence said (2, (its number, the frame))."""
    last = bisect.bisect_right(stamps, end)
    points: list[tuple[float, int, object]] = [(stamps[i], 0, i) for i in range(base + 1, last)]
    for moment, on_screen, box in actions:
        shown = max(base, bisect.bisect_right(stamps, on_screen) - 1)
        points.append((min(max(moment, start), end), 1, (box, shown)))
    for n, (added, on_screen, _) in enumerate(said):
        shown = max(base, bisect.bisect_right(stamps, on_screen) - 1)
        points.append((min(max(added, start), end), 2, (n, shown)))
    points.sort(key=lambda point: point[:2])
    return points


class _Reel:
    """The shots of a step as it is cut: the frame on screen, and how much of the run is shown
    so far (cs, from start)."""

    def __init__(self, base: int, start: float, card_cs: int, sentences: int) -> None:
        self.shots = [Shot(base, card_cs, card=True)]
        self.said_at = [0] * sentences
        self.frame, self.start, self.clock = base, start, 0

    def run_to(self, moment: float) -> None:
        shown = centiseconds((moment - self.start) / 1000) - self.clock
        self.clock += shown
        before = self.shots[-1]
        # Too short to be seen, the frame before stays instead; a used element stays outlined
        # until the screen changes.
        if shown < centiseconds(SHORTEST_SECONDS) or (before.box and before.frame == self.frame):
            self.shots[-1] = Shot(before.frame, before.cs + shown, before.card, before.box)
        else:
            self.shots.append(Shot(self.frame, shown))

    def show_longer(self, cs: int) -> None:
        if cs > 0:  # the screen as the step ends (no outline), for longer
            self.shots.append(Shot(self.frame, cs))


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


def until(moments: list, until: float, everything: bool) -> list:
    """Return the moments, in the order they came, up to until (or all)."""
    if everything:
        return list(moments)
    return list(itertools.takewhile(lambda moment: moment[0] <= until, moments))


def split_parts(steps: list, count: int) -> list[list]:
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
