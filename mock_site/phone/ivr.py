"""The 仮パスワード IVR (SPEC §4) as a state machine, one key at a time, apart from any web page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import wording
from ..store import TEMPORARY, Credential, Line, Number

if TYPE_CHECKING:
    from ..parts import Parts

UNIT_KEYS = {"1": wording.UNIT_LINE, "2": wording.UNIT_NUMBER, "3": wording.UNIT_ADMIN}
MAX_NUMBER_DIGITS = 10


class TempPasswordIvr:
    """Walk the guide's guidance: unit, number (for units 2 and 3), password twice, done.

    A 仮パスワード entry is complete at its 8th digit; ＊ or ＃ before that is a wrong entry, as is
    an unknown unit key, a number not of this line or a confirmation that differs. The third wrong
    entry of a call ends it.
    """

    def __init__(self, env: Parts, line: Line, caller: Number) -> None:
        self.env = env
        self.line = line
        self.caller = caller
        self.step = "unit"
        self.buffer = ""
        self.wrong = 0
        self.unit: str | None = None
        self.target: Number | None = None
        self.first_entry = ""
        self.ended = False
        self.completed = False

    def opening(self) -> list[str]:
        """Return the first guidance of the call."""
        return [wording.IVR_UNIT_CHOICE]

    def press(self, key: str) -> list[str]:
        """Take one key (0–9, *, #) and return what the IVR says in answer, if anything."""
        if self.ended:
            return []
        return getattr(self, f"_on_{self.step}")(key)

    # Steps --------------------------------------------------------------------------------

    def _on_unit(self, key: str) -> list[str]:
        unit = UNIT_KEYS.get(key)
        if unit is None:
            return self._wrong()
        self.unit = unit
        contract = self.line.contract
        if unit == wording.UNIT_NUMBER or (unit == wording.UNIT_ADMIN and self.caller.is_contract):
            self.step = "number"
            return [wording.IVR_NUMBER_ENTRY]
        if unit == wording.UNIT_ADMIN:
            return self._ask_password(self.caller)
        if self.caller.is_contract or self.env.settings.line_unit_any_caller_sets_contract:
            return self._ask_password(contract)
        return self._wrong()

    def _on_number(self, key: str) -> list[str]:
        if key == "#":
            entered, self.buffer = self.buffer, ""
            found = next((n for n in self.line.numbers if n.number == entered), None)
            return self._wrong() if found is None else self._ask_password(found)
        if not key.isdigit():
            return self._wrong()
        self.buffer += key
        return self._wrong() if len(self.buffer) > MAX_NUMBER_DIGITS else []

    def _on_password(self, key: str) -> list[str]:
        entry = self._collect(key)
        if entry is None:
            return self._wrong()
        if not entry:
            return []
        self.first_entry = entry
        self.step = "confirm"
        return [wording.IVR_CONFIRM_ENTRY]

    def _on_confirm(self, key: str) -> list[str]:
        entry = self._collect(key)
        if entry is None or (entry and entry != self.first_entry):
            return self._wrong()
        if not entry:
            return []
        self._complete(entry)
        return [wording.IVR_DONE.format(number=self.target.number)]

    # Helpers ------------------------------------------------------------------------------

    def _collect(self, key: str) -> str | None:
        """Add a digit; return the entry when complete, "" while short, None on ＊ or ＃."""
        if not key.isdigit():
            self.buffer = ""
            return None
        self.buffer += key
        if len(self.buffer) < self.env.settings.temp_password_digits:
            return ""
        entry, self.buffer = self.buffer, ""
        return entry

    def _ask_password(self, target: Number) -> list[str]:
        self.target = target
        self.step = "password"
        return [wording.IVR_PASSWORD_ENTRY.format(number=target.number)]

    def _wrong(self) -> list[str]:
        self.buffer = ""
        self.wrong += 1
        if self.wrong >= 3:
            self.ended = True
            return [wording.IVR_WRONG_FINAL]
        return [wording.IVR_WRONG]

    def _complete(self, password: str) -> None:
        """Set the line's unit and the target's 仮パスワード, valid temp_password_valid_hours."""
        env, line = self.env, self.line
        with env.store.transaction():
            if line.auth_unit != self.unit and env.settings.unit_change_voids_passwords:
                for number in line.numbers:
                    number.credential = None
            line.auth_unit = self.unit
            self.target.credential = Credential(TEMPORARY, env.hash(password), env.clock.now())
        self.completed = True
        self.ended = True
