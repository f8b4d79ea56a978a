"""Calls: who may call what, the call record with its duration and charge."""

from __future__ import annotations

import itertools
import math
import threading
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from .. import faults, wording
from ..errors import FieldError
from ..regions import REGIONS
from .ivr import TempPasswordIvr
from .voicewarp import VoiceWarpIvr

if TYPE_CHECKING:
    from ..parts import Parts

KEYS = frozenset("0123456789*#")
FULL_WIDTH_KEYS = str.maketrans("０１２３４５６７８９＊＃", "0123456789*#")
CHARGE_PERIOD_SECONDS = 180
MAX_KEYS_PER_PRESS = 64


class CallError(FieldError):
    """Refuse a phone action that makes no sense now; field names what was wrong (409: the
    line or the call is not in a state to do it)."""


@dataclass
class Call:
    """One call: who called what, what was said and pressed, and what it cost."""

    id: int
    caller: str
    dialled: str
    data: bool
    region: str | None
    started_at: datetime
    guidance: list[str] = field(default_factory=list)
    keys: str = ""
    ended_at: datetime | None = None
    connected: bool = False
    completed: bool = False
    dropped: bool = False  # cut off by a drop_call fault
    drop_after: int | None = field(default=None, repr=False)
    free: bool = False  # 142 costs nothing
    _ivr: TempPasswordIvr | VoiceWarpIvr | None = field(default=None, repr=False)
    _network: PhoneNetwork | None = field(default=None, repr=False)

    @property
    def active(self) -> bool:
        """Tell whether the call is still going on."""
        return self.ended_at is None

    def press(self, keys: str) -> list[str]:
        """Press keys (0–9, *, #) one after another; return what was said in answer."""
        return self._network.press(self, keys)

    def hang_up(self) -> None:
        """End the call (hanging up mid-flow leaves nothing half set)."""
        self._network.hang_up(self)

    @property
    def duration_seconds(self) -> int:
        """Return how long the call has lasted, by the mock's clock."""
        end = self.ended_at or self._network.env.clock.now()
        return max(0, int((end - self.started_at).total_seconds()))

    @property
    def charge_units(self) -> int:
        """Return the started 3-minute periods billed (none when it never connected)."""
        if not self.connected or self.region is None or self.free:
            return 0
        return max(1, math.ceil(self.duration_seconds / CHARGE_PERIOD_SECONDS))

    def as_json(self) -> dict:
        """Describe the call for the control API and the softphone."""
        units = self.charge_units
        settings = self._network.env.settings
        return {
            "id": self.id,
            "caller": self.caller,
            "dialled": self.dialled,
            "data": self.data,
            "region": self.region,
            "service": "voice_warp" if self.dialled == wording.VW_IVR_NUMBER else "temp_password",
            "state": "active" if self.active else "ended",
            "connected": self.connected,
            "completed": self.completed,
            "dropped": self.dropped,
            "guidance": list(self.guidance),
            "audio": self._network.audio(self),
            "keys": self.keys,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "duration_seconds": self.duration_seconds,
            "charge_yen": str(Decimal(settings.call_charge_yen) * units),
            "charge_yen_tax_included": str(Decimal(settings.call_charge_yen_tax_included) * units),
        }


class PhoneNetwork:
    """Connect calls from the lines' numbers; one call at a time per calling number."""

    def __init__(self, env: Parts) -> None:
        self.env = env
        self._lock = threading.RLock()
        self._calls: list[Call] = []
        self._ids = itertools.count(1)

    def audio(self, call: Call) -> list[dict | None]:
        """Return, per sentence of the call, where its audio is and how long it lasts (seconds
        None while it is synthesized); an empty list when the phone is silent."""
        speech = self.env.speech
        if not self.env.settings.ivr_speech or not speech.available:
            return []
        described = [speech.describe(text, call.region) for text in call.guidance]
        return [
            {"url": f"/phone/speech/{d['key']}.wav", "seconds": d["seconds"]} if d else None
            for d in described
        ]

    def reset(self) -> None:
        """Forget every call."""
        with self._lock:
            self._calls.clear()

    def calls(self) -> list[Call]:
        """Return every call, oldest first."""
        with self._lock:
            return list(self._calls)

    def get(self, call_id: int) -> Call | None:
        """Return the call with this id, or None."""
        with self._lock:
            return next((c for c in self._calls if c.id == call_id), None)

    def call(
        self, caller: str, dialled: str, data: bool = False, region: str | None = None
    ) -> Call:
        """Dial a number from caller; the call says its first guidance at once.

        region says which region's line the caller is on; it is needed only for 142 from a
        number that both regions have (the access numbers name their region themselves).
        """
        dialled = dialled.translate(FULL_WIDTH_KEYS).replace("-", "")
        if not dialled or not dialled.isascii() or not dialled.isdigit() or len(dialled) > 20:
            raise CallError("dialled", wording.PHONE_BAD_DIALLED)
        with self._lock:
            if any(c.active and c.caller == caller for c in self._calls):
                raise CallError("caller", wording.PHONE_BUSY, 409)
            ivr: type[TempPasswordIvr | VoiceWarpIvr] = TempPasswordIvr
            if dialled == wording.VW_IVR_NUMBER:
                ivr, region = VoiceWarpIvr, self._caller_region(caller, region)
            else:
                region = next((r.key for r in REGIONS.values() if r.access_number == dialled), None)
            call = Call(next(self._ids), caller, dialled, data, region, self.env.clock.now())
            call.free = ivr is VoiceWarpIvr
            call._network = self
            self._calls.append(call)
            fault = self.env.faults.take(faults.PHONE, region, caller)
            if fault is not None and fault.kind == faults.DROP_CALL:
                call.drop_after = fault.after_sentences
            if data:
                self._end(call, [wording.PHONE_DATA_CALL])
            elif fault is not None and fault.kind == faults.BUSY:
                self._end(call, [wording.PHONE_ACCESS_BUSY])
            elif region is None and ivr is VoiceWarpIvr:
                self._end(call, [wording.VW_IVR_NOT_SUBSCRIBED])
            elif region is None:
                self._end(call, [wording.PHONE_NO_SUCH_NUMBER])
            else:
                self._connect_ivr(call, region, ivr)
            return call

    def _caller_region(self, caller: str, region: str | None) -> str | None:
        """Return the region of the caller's line; ask for one when both regions have it."""
        regions = [key for key in REGIONS if self.env.store.find_number(key, caller)]
        if region is not None:
            return region if region in regions else None
        if len(regions) > 1:
            raise CallError("region", wording.PHONE_REGION_AMBIGUOUS)
        return regions[0] if regions else None

    def _connect_ivr(self, call: Call, region: str, ivr: type) -> None:
        call.connected = True
        found = self.env.store.find_number(region, call.caller)
        if found is None:
            self._end(call, [wording.IVR_NOT_CONTRACTED])
            return
        call._ivr = ivr(self.env, *found)
        call.guidance += call._ivr.opening()
        if self._dropping(call):
            return
        if call._ivr.ended:
            self._end(call, [])

    def press(self, call: Call, keys: str) -> list[str]:
        """Feed keys to the call's IVR in order; refuse keys outside 0–9 * # as a whole."""
        keys = keys.translate(FULL_WIDTH_KEYS)
        if not keys or len(keys) > MAX_KEYS_PER_PRESS or not set(keys) <= KEYS:
            raise CallError("keys", wording.PHONE_BAD_KEYS)
        with self._lock:
            if not call.active:
                raise CallError("keys", wording.PHONE_NO_CALL, 409)
            before = len(call.guidance)
            for key in keys:  # a drop cuts the call between two keys: the later ones are lost
                call.keys += key
                call.guidance += call._ivr.press(key) if call._ivr else []
                if call._ivr and call._ivr.ended:
                    call.completed = call._ivr.completed
                if self._dropping(call):
                    return call.guidance[before:]
                if call._ivr and call._ivr.ended:
                    break
            said = call.guidance[before:]
            if call._ivr and call._ivr.ended:
                self._end(call, [])
            return said

    def _dropping(self, call: Call) -> bool:
        """Cut the call off after its drop_after-th sentence, when a fault says so. What the
        IVR had not finished stays undone, as when the customer hangs up; what it had (a
        仮パスワード set just before its last sentence) stays done."""
        if call.drop_after is None or len(call.guidance) < call.drop_after:
            return False
        del call.guidance[call.drop_after :]
        call.dropped = True
        self._end(call, [wording.PHONE_CALL_DROPPED])
        return True

    def hang_up(self, call: Call) -> None:
        """End the call; ending an ended call does nothing."""
        with self._lock:
            if call.active:
                self._end(call, [])

    def _end(self, call: Call, said: list[str]) -> None:
        call.guidance += said
        call.ended_at = self.env.clock.now()
