"""`python -m hikari_e2e.provision` (make setup, and so every make job): the browser and
ffmpeg (hikari_e2e.browser), then the IVR's voice (hikari_e2e.voice), in one process. Each
module also runs alone with `python -m`."""

from __future__ import annotations

import sys

from . import browser, voice


def main() -> int:
    return browser.main() or voice.main()


if __name__ == "__main__":
    sys.exit(main())
