"""Walkthrough videos: the screencast's frames, paced for people, cut as the run goes.

The run goes at full speed and nothing is drawn in its page (nothing waits for the video). Every
frame the screencast delivers is kept with its stamp, and the page tells the film, without a
round trip, the moments that pace it: a field or button used (with its box), a sentence the
softphone says; a step begins when the runner says. As soon as all of a step's frames are in
(one stamped after the next step began has arrived), a background thread cuts it (`cut`): its
caption card is held CHAPTER_SECONDS over the screen as the step began, each used element is
outlined and held ACTION_SECONDS, and the step's subtitle runs along the bottom. The card, the
outlines and the subtitle are drawn by libass from an ASS script (`overlays`) as ffmpeg
encodes the steps as VP8 segments, which finishing joins without encoding them again.

Narrated (`narrate()`), each step's caption is spoken by the IVR's voice (Open JTalk, see
mock_site/phone/speech.py) while its card is held, and each sentence the softphone says is heard
where it appears; a card or a sentence is held as long as it is spoken, so the pace waits for
the voice. The sound goes to one Opus encoder as each step is cut.
"""

from .drawing import CARD_BAR_COLOUR, CARD_TOP, OUTLINE_COLOUR, overlays
from .encoder import ENCODE_ENV, find_ffmpeg
from .pace import SIZE, Chapter, Shot, cut
from .recording import Film

__all__ = [
    "CARD_BAR_COLOUR", "CARD_TOP", "ENCODE_ENV", "OUTLINE_COLOUR", "SIZE", "Chapter", "Film",
    "Shot", "cut", "find_ffmpeg", "overlays",
]  # fmt: skip
