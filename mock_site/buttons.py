"""Production's image buttons: every action is an <input type="image" alt="…" title="…">.

The real East site draws each action as an image found by its alt or title text
(domain-notes §1; S1 clicks input[alt=ログイン], S2 and S3 input[title=ログアウト]). The images
here are drawn by the mock itself, as SVG with the label in it, from the words in wording.py;
nothing is copied from production.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from flask import Blueprint, Response, abort, url_for

from . import wording

bp = Blueprint("buttons", __name__)

# A navigation button's form carries this field: its POST shows a screen and submits nothing.
NAV_FIELD = "disp"
HEIGHT = 30
FONT_PX = 14
PADDING_PX = 14
# Only the mock's own words are drawn: any other label is a 404, not an image of the URL's text.
LABELS = frozenset(value for value in vars(wording).values() if isinstance(value, str))


@dataclass(frozen=True)
class ButtonImage:
    """Where a label's image is and how large it is drawn."""

    src: str
    width: int
    height: int


def text_width(label: str) -> int:
    """Return the drawn width of label: full-width characters one em, the rest about half."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in label)
    return round(ems * FONT_PX)


def image(label: str) -> ButtonImage:
    """Return the image of a button labelled label, for the templates' image_button macro."""
    return ButtonImage(
        url_for("buttons.svg_file", label=label), text_width(label) + 2 * PADDING_PX, HEIGHT
    )


@cache
def svg(label: str) -> bytes:
    """Draw a rounded, shaded button with the label in white, in the look of the guide."""
    width = text_width(label) + 2 * PADDING_PX
    text = escape(label)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{HEIGHT}" '
        f'viewBox="0 0 {width} {HEIGHT}">'
        '<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">'
        '<stop offset="0" stop-color="#5b8fd0"/><stop offset="1" stop-color="#1d4f8a"/>'
        "</linearGradient></defs>"
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{HEIGHT - 1}" rx="5" '
        'fill="url(#g)" stroke="#163d6b"/>'
        f'<text x="{width / 2}" y="{HEIGHT / 2 + FONT_PX * 0.36:.1f}" text-anchor="middle" '
        f'font-size="{FONT_PX}" font-weight="bold" fill="#fff" '
        'font-family="Noto Sans CJK JP, Hiragino Sans, Yu Gothic, sans-serif">'
        f"{text}</text></svg>"
    ).encode()


@bp.get("/img/btn/<label>.svg")
def svg_file(label: str):
    """Serve the image of one button; a label the mock never shows is not found."""
    if label not in LABELS or len(label) > 40:
        abort(404)
    response = Response(svg(label), mimetype="image/svg+xml")
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
