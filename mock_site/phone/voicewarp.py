"""142: the ボイスワープ menu by phone (domain-notes §3), editing the state the web edits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import wording
from ..services import rules
from ..store import Line, Number

if TYPE_CHECKING:
    from ..parts import Parts

MODE_KEYS = {
    "1": wording.VW_UNCONDITIONAL,
    "2": wording.VW_NO_ANSWER,
    "3": wording.VW_BUSY,
    "4": wording.VW_NO_ANSWER_BUSY,
}
MAX_NUMBER_DIGITS = 11
MAX_WRONG = 3


class VoiceWarpIvr:
    """Walk the 142 menu: 0 stop, 1 start (mode 1–4), 2 register a destination, 3 ring time,
    4 → 0 choose the list entry, 5 another number of the line (number + ＃), 8 hear the settings.

    After each action 0 returns to the menu and any other key ends the call. A wrong entry is
    asked again; the third ends the call, as the 仮パスワード IVR does (assumed).
    """

    def __init__(self, env: Parts, line: Line, caller: Number) -> None:
        self.env = env
        self.line = line
        self.target = caller
        self.step = "menu"
        self.buffer = ""
        self.pending = ""
        self.wrong = 0
        self.ended = False
        self.completed = False

    def opening(self) -> list[str]:
        """Greet (naming the number when the line has several) and read the menu."""
        if wording.VOICE_WARP not in self.target.services:
            self.ended = True
            return [wording.VW_IVR_NOT_SUBSCRIBED]
        return [self._greeting(), wording.VW_IVR_MENU]

    def press(self, key: str) -> list[str]:
        """Take one key and return what the IVR says in answer."""
        if self.ended:
            return []
        return getattr(self, f"_on_{self.step}")(key)

    @property
    def warp(self):
        return self.target.voice_warp

    # Steps --------------------------------------------------------------------------------

    def _on_menu(self, key: str) -> list[str]:
        if key == "0":
            with self.env.store.transaction():
                self.warp.mode = wording.VW_STOP
            return self._after(wording.VW_IVR_STOPPING, wording.VW_IVR_STOPPED)
        if key == "1":
            if not self.warp.destination:
                return self._after(wording.VW_IVR_NO_DESTINATION)
            self.step = "mode"
            return [wording.VW_IVR_MODE_CHOICE]
        if key == "2":
            self.step = "destination"
            return [wording.VW_IVR_DESTINATION_ENTRY.format(entry=self.warp.selected)]
        if key == "3":
            self.step = "ring"
            return [wording.fill(wording.VW_IVR_RING_ENTRY, self.env.settings)]
        if key == "4":
            self.step = "other"
            return [wording.VW_IVR_OTHER_MENU]
        if key == "5":
            self.step = "number"
            return [wording.VW_IVR_OTHER_NUMBER]
        if key == "8":
            return self._after(self._status())
        return self._wrong()

    def _on_mode(self, key: str) -> list[str]:
        mode = MODE_KEYS.get(key)
        if mode is None:
            return self._wrong()
        with self.env.store.transaction():
            self.warp.mode = mode
        return self._after(wording.VW_IVR_STARTED.format(mode=wording.VW_MODES[mode]))

    def _on_destination(self, key: str) -> list[str]:
        entry = self._collect_number(key)
        if entry is None:
            return self._wrong()
        if not entry:
            return []
        errors = rules.destination_errors([entry], 1, self.target.number, wording.VW_STOP)
        if errors:
            return self._wrong()
        self.pending = entry
        self.step = "readback"
        return [wording.VW_IVR_DESTINATION_READBACK.format(destination=entry)]

    def _on_readback(self, key: str) -> list[str]:
        if key == "2":
            self.step = "destination"
            return [wording.VW_IVR_DESTINATION_ENTRY.format(entry=self.warp.selected)]
        if key != "1":
            return self._wrong()
        with self.env.store.transaction():
            self.warp.destinations[self.warp.selected - 1] = self.pending
        return self._after(
            wording.VW_IVR_UPDATING,
            wording.VW_IVR_DESTINATION_DONE.format(entry=self.warp.selected),
        )

    def _on_ring(self, key: str) -> list[str]:
        entry = self._collect_number(key)
        if entry is None:
            return self._wrong()
        if not entry:
            return []
        seconds = rules.parse_ring(entry, self.env.settings)
        if seconds is None:
            return self._wrong()
        with self.env.store.transaction():
            self.warp.ring_seconds = seconds
        return self._after(wording.VW_IVR_RING_DONE.format(seconds=seconds))

    def _on_other(self, key: str) -> list[str]:
        if key != "0":
            return self._wrong()
        self.step = "list"
        return [wording.VW_IVR_LIST_CHOICE]

    def _on_list(self, key: str) -> list[str]:
        if key not in "1234" or len(key) != 1:
            return self._wrong()
        entry = int(key)
        # The entry in use must hold a number while the service runs, as on the web.
        if not self.warp.destinations[entry - 1] and self.warp.mode != wording.VW_STOP:
            return self._wrong()
        with self.env.store.transaction():
            self.warp.selected = entry
        return self._after(wording.VW_IVR_LIST_DONE.format(entry=entry))

    def _on_number(self, key: str) -> list[str]:
        entered = self._collect_number(key)
        if entered is None:
            return self._wrong()
        if not entered:
            return []
        found = next((n for n in self.line.numbers if n.number == entered), None)
        if found is None or wording.VOICE_WARP not in found.services:
            return self._wrong()
        self.target = found
        self.step = "menu"
        return [self._greeting(always=True), wording.VW_IVR_MENU]

    def _on_after(self, key: str) -> list[str]:
        if key == "0":
            self.step = "menu"
            return [wording.VW_IVR_MENU]
        self.ended = True
        return []

    # Helpers ------------------------------------------------------------------------------

    def _greeting(self, always: bool = False) -> str:
        if always or len(self.line.numbers) > 1:
            return wording.VW_IVR_OPENING_FOR.format(number=self.target.number)
        return wording.VW_IVR_OPENING

    def _collect_number(self, key: str) -> str | None:
        """Gather digits up to ＃: the number at ＃, "" while keying, None on a wrong key."""
        if key == "#":
            entry, self.buffer = self.buffer, ""
            return entry or None
        if not key.isdigit():
            self.buffer = ""
            return None
        self.buffer += key
        if len(self.buffer) > MAX_NUMBER_DIGITS:
            self.buffer = ""
            return None
        return ""

    def _status(self) -> str:
        warp = self.warp
        destination = f"{warp.destination}番" if warp.destination else wording.VW_NOT_SET
        values = {
            "mode": wording.VW_MODES[warp.mode],
            "entry": warp.selected,
            "destination": destination,
            "seconds": rules.ring_seconds(warp, self.env.settings),
        }
        on = warp.mode != wording.VW_STOP
        return (wording.VW_IVR_STATUS_ON if on else wording.VW_IVR_STATUS_OFF).format(**values)

    def _after(self, *said: str) -> list[str]:
        self.completed = True
        self.step = "after"
        return [*said, wording.VW_IVR_AFTER]

    def _wrong(self) -> list[str]:
        self.buffer = ""
        self.wrong += 1
        if self.wrong >= MAX_WRONG:
            self.ended = True
            return [wording.IVR_WRONG_FINAL]
        return [wording.IVR_WRONG]
