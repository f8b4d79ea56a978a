"""What the control API answers, as typed records: the control client returns these, never dicts.

Each record takes the fields it names from the API's JSON and leaves any others (a newer
environment may say more); `docs/environment.md` and `/api/openapi.json` describe the JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, TypeVar

from .mail import extract
from .store import Fax

R = TypeVar("R")


def _known(cls: type[R], data: dict[str, Any], **converted: Any) -> R:
    """Build cls from the keys of data it declares, with converted values in place."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names} | converted)


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# Lines -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credential:
    """A number's 仮パスワード or パスワード, as far as the API tells it (never the secret)."""

    kind: str  # temporary or password
    void: bool
    issued_at: datetime
    failures: int


@dataclass(frozen=True)
class NumberRecord:
    """One number of a seeded line: its services, its ワンタイムパスワード state, its credential."""

    number: str
    display: str
    kind: str  # contract or additional
    services: tuple[str, ...]
    otp_choice: str | None  # use, decline, or None (not chosen yet)
    otp_address: str | None
    credential: Credential | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NumberRecord:
        held = data.get("credential")
        credential = None if held is None else _known(
            Credential, held, issued_at=datetime.fromisoformat(held["issued_at"])
        )  # fmt: skip
        otp = data.get("otp") or {}
        return cls(
            data["number"], data.get("display", data["number"]), data.get("kind", "contract"),
            tuple(data.get("services", ())), otp.get("choice"), otp.get("address"), credential,
        )  # fmt: skip


@dataclass(frozen=True)
class LineRecord:
    """A line as the environment holds it: the contract number first."""

    id: int
    region: str
    label: str
    auth_unit: str | None
    numbers: tuple[NumberRecord, ...]

    @property
    def contract(self) -> NumberRecord:
        return self.numbers[0]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineRecord:
        numbers = tuple(NumberRecord.from_json(n) for n in data["numbers"])
        return _known(cls, data, numbers=numbers)


# Services ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VoiceWarpState:
    destinations: tuple[str, ...]  # 転送先1–4 ("" where none)
    selected: int
    mode: str
    ring_seconds: int


@dataclass(frozen=True)
class CallNoticeState:
    addresses: tuple[str, ...]
    condition: str
    skip_anonymous: bool


@dataclass(frozen=True)
class FaxNoticeState:
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class ServicesRecord:
    """A number's ボイスワープ, 着信お知らせメール and FAXお知らせメール, and the FAXes it keeps."""

    number: str
    services: tuple[str, ...]
    voice_warp: VoiceWarpState
    call_notice: CallNoticeState
    fax_notice: FaxNoticeState
    faxes: tuple[Fax, ...]  # the store's own record of a kept FAX

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ServicesRecord:
        warp, call, fax = data["voice_warp"], data["call_notice"], data["fax_notice"]
        return cls(
            data["number"],
            tuple(data.get("services", ())),
            _known(VoiceWarpState, warp, destinations=tuple(warp["destinations"])),
            _known(CallNoticeState, call, addresses=tuple(call["addresses"])),
            FaxNoticeState(tuple(fax["addresses"])),
            tuple(_known(Fax, f, received_at=datetime.fromisoformat(f["received_at"]))
                  for f in data.get("faxes", ())),
        )  # fmt: skip


# The phone ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncomingRecord:
    """A simulated call or FAX to a number and what came of it."""

    id: int
    region: str
    number: str
    caller: str
    fax: bool
    answered: bool
    busy: bool
    pages: int
    at: datetime
    result: str  # answered, missed, busy or forwarded
    ring_seconds: int | None
    forwarded_to: str | None
    forwarded_entry: int | None
    fax_id: str | None
    log: tuple[str, ...]
    mails: tuple[Any, ...]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IncomingRecord:
        return _known(cls, data, at=datetime.fromisoformat(data["at"]),
                      log=tuple(data["log"]), mails=tuple(data["mails"]))  # fmt: skip


@dataclass(frozen=True)
class CallRecord:
    """A call placed on the phone network, with its duration and charge."""

    id: int
    caller: str
    dialled: str
    data: bool
    region: str | None
    service: str
    state: str
    connected: bool
    completed: bool
    dropped: bool
    guidance: tuple[str, ...]
    keys: str
    started_at: datetime
    ended_at: datetime | None
    duration_seconds: float
    charge_yen: str
    charge_yen_tax_included: str
    audio: tuple[dict[str, Any], ...] = ()  # per sentence: its speech's url and seconds

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CallRecord:
        return _known(cls, data, guidance=tuple(data["guidance"]),
                      audio=tuple(data.get("audio", ())),
                      started_at=datetime.fromisoformat(data["started_at"]),
                      ended_at=_when(data.get("ended_at")))  # fmt: skip


# Mail, faults, errors ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Mail:
    """A mail as the inbox API describes it, with the helpers tests read codes and links by.
    The inbox's list (`mail.list()`) gives no text: wait_for() does."""

    id: int
    to: tuple[str, ...]
    subject: str
    text: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    mail_from: str = ""
    received_at: datetime | None = None

    def link(self, contains: str | None = None) -> str:
        """Return the one URL in the text containing contains."""
        return extract.link(self.text, contains)

    def otp(self) -> str:
        """Return the one-time password in the text."""
        return extract.otp(self.text)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mail:
        return cls(
            data["id"], tuple(data["to"]), data["subject"], data.get("text", ""),
            tuple(tuple(h) for h in data.get("headers", ())), data.get("mail_from", ""),
            _when(data.get("received_at")),
        )  # fmt: skip


@dataclass(frozen=True)
class FaultRecord:
    """A fault in play: where (channel), what (kind), for which numbers or address, and how
    often it has played (used) of how many times (uses; None: until the reset)."""

    channel: str
    kind: str
    id: int = 0  # 0: a mail fault (ended with the others)
    used: int = 0
    uses: int | None = None
    region: str | None = None
    numbers: tuple[str, ...] = ()
    path: str | None = None
    to: str | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FaultRecord:
        return _known(cls, data, numbers=tuple(data.get("numbers", ())))


@dataclass(frozen=True)
class ServerError:
    """What a view raised unexpectedly (its 500 carried X-Hikari-Server-Error: id)."""

    id: str
    method: str
    path: str
    exception: str
    traceback: str

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ServerError:
        return _known(cls, data)
