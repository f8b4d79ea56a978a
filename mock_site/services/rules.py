"""The services' rules (SPEC §10, domain-notes §2, §7–8) as pure functions over plain values."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import wording
from ..config import Settings
from ..store import VOICE_WARP_ENTRIES, NoticeMail, VoiceWarp

# Assumed (domain-notes §2): from the area code, half-width digits, 10 or 11 of them.
DESTINATION = re.compile(r"0[1-9][0-9]{8,9}")
# Assumed (domain-notes §7): a plain address, at most 128 characters, half-width.
ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
MAX_ADDRESS_LENGTH = 128
MAX_RING_TEXT = 3


def is_special_number(text: str) -> bool:
    """Tell whether text is a three-digit number: 110, 118, 119 and the other 1XY numbers."""
    return len(text) == 3 and text.isascii() and text.isdigit() and text[0] == "1"


def ring_seconds(voice_warp: VoiceWarp, settings: Settings) -> int:
    """Return the 呼出秒数 in effect (the setting's default until one is chosen)."""
    return voice_warp.ring_seconds or settings.voice_warp_default_ring_seconds


def destination_errors(
    entries: Sequence[str], selected: int | None, own_number: str, mode: str
) -> list[str]:
    """Return what is wrong with a destination list and its chosen entry, in field order.

    An entry may be empty; the chosen one may be empty only while every entry is empty and the
    service is stopped. A number may not forward to itself.
    """
    errors = []
    for entry, text in enumerate(entries, start=1):
        if not text:
            continue
        if is_special_number(text):
            errors.append(wording.ERR_VW_DEST_SPECIAL.format(entry=entry))
        elif not DESTINATION.fullmatch(text) or not text.isascii():
            errors.append(wording.ERR_VW_DEST_FORMAT.format(entry=entry))
        elif text == own_number:
            errors.append(wording.ERR_VW_DEST_SELF.format(entry=entry))
    if selected is None or not 1 <= selected <= VOICE_WARP_ENTRIES:
        errors.append(wording.ERR_VW_CHOICE)
    elif not entries[selected - 1] and (any(entries) or mode != wording.VW_STOP):
        errors.append(wording.ERR_VW_SELECTED_EMPTY.format(entry=selected))
    return errors


@dataclass(frozen=True)
class SwitchChoice:
    """A checked サービス開始／停止 choice: the mode and, where it rings first, the seconds."""

    mode: str
    ring_seconds: int | None


def switch_errors(
    mode: str | None, ring_text: str | None, voice_warp: VoiceWarp, settings: Settings
) -> tuple[SwitchChoice | None, list[str]]:
    """Check a サービス開始／停止 choice against the list; return the choice or the errors."""
    if mode not in wording.VW_MODES:
        return None, [wording.ERR_VW_MODE]
    seconds = None
    if mode in wording.VW_MODES_WITH_RING:
        seconds = parse_ring(ring_text, settings)
        if seconds is None:
            field = wording.VW_RING_FOR.format(mode=wording.VW_MODES[mode])
            return None, [ring_error(field, settings)]
    if mode != wording.VW_STOP and not voice_warp.destination:
        return None, [wording.ERR_VW_NO_DESTINATION]
    return SwitchChoice(mode, seconds), []


def parse_ring(text: str | None, settings: Settings) -> int | None:
    """Return the 呼出秒数 typed, or None unless it is half-width digits within the bounds."""
    text = (text or "").strip()
    if not (0 < len(text) <= MAX_RING_TEXT and text.isascii() and text.isdigit()):
        return None
    seconds = int(text)
    if not settings.voice_warp_min_ring_seconds <= seconds <= settings.voice_warp_max_ring_seconds:
        return None
    return seconds


def ring_error(field: str, settings: Settings) -> str:
    """Return the 呼出秒数 error naming the field."""
    return wording.fill(wording.ERR_VW_RING, settings, field=field)


def address_errors(addresses: Sequence[str], settings: Settings) -> list[str]:
    """Return what is wrong with the notification addresses, in field order.

    Empty fields are skipped; at least one address, at most notification_max_addresses, each
    well formed and different from the others (compared without regard to case).
    """
    limit = settings.notification_max_addresses
    errors = []
    filled = [(n, text) for n, text in enumerate(addresses, start=1) if text]
    if not filled:
        return [wording.ERR_NOTICE_NONE]
    if len(filled) > limit or len(addresses) > limit:
        errors.append(wording.fill(wording.ERR_NOTICE_TOO_MANY, settings))
    seen: dict[str, int] = {}
    for n, text in filled:
        if len(text) > MAX_ADDRESS_LENGTH or not ADDRESS.fullmatch(text) or not text.isascii():
            errors.append(wording.ERR_NOTICE_ADDRESS.format(n=n))
        elif text.lower() in seen:
            errors.append(wording.ERR_NOTICE_DUPLICATE.format(n=n, first=seen[text.lower()]))
        else:
            seen[text.lower()] = n
    return errors


def condition_errors(condition: str | None) -> list[str]:
    """Return the error of a 送信条件 outside the offered ones."""
    return [] if condition in wording.NOTICE_CONDITIONS else [wording.ERR_NOTICE_CONDITION]


# What an incoming call or FAX does (SPEC §10, domain-notes §2) ------------------------------

ANSWERED, MISSED, BUSY, FORWARDED = "answered", "missed", "busy", "forwarded"


@dataclass(frozen=True)
class Outcome:
    """Where an incoming call ends: answered, missed, busy or forwarded (after ring seconds)."""

    result: str
    ring_seconds: int = 0
    destination: str = ""
    entry: int = 0


def route_call(
    voice_warp: VoiceWarp | None, answered: bool, busy: bool, settings: Settings
) -> Outcome:
    """Follow the ボイスワープ mode: 無条件 forwards at once, 無応答時 after the ring time,
    話中時 when busy, both for both; otherwise the number rings (answered, missed or busy).

    voice_warp is None when the number does not use ボイスワープ.
    """
    mode = voice_warp.mode if voice_warp else wording.VW_STOP
    seconds = ring_seconds(voice_warp, settings) if voice_warp else 0
    forward = (
        Outcome(FORWARDED, 0, voice_warp.destination, voice_warp.selected) if voice_warp else None
    )
    if mode == wording.VW_UNCONDITIONAL:
        return forward
    if busy:
        if mode in (wording.VW_BUSY, wording.VW_NO_ANSWER_BUSY):
            return forward
        return Outcome(BUSY)
    if answered:
        return Outcome(ANSWERED)
    if mode in (wording.VW_NO_ANSWER, wording.VW_NO_ANSWER_BUSY):
        return Outcome(FORWARDED, seconds, voice_warp.destination, voice_warp.selected)
    return Outcome(MISSED, seconds or settings.voice_warp_default_ring_seconds)


def should_notify(notice: NoticeMail, outcome: Outcome, caller_is_special: bool) -> bool:
    """Tell whether 着信お知らせメール goes out: every call, or only those not answered here."""
    if caller_is_special and notice.skip_anonymous:
        return False
    return notice.condition == "all" or outcome.result != ANSWERED
