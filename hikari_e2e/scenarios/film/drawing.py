"""The film's overlays, drawn by libass in the film's own pixels (1280×720): the caption card,
the subtitle along the bottom and the outline round an element used, as one ASS script."""

from __future__ import annotations

import unicodedata

from .pace import Shot


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
