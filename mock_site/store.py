"""Lines, numbers, credentials and sessions: the mock's whole state, thread-safe, resettable."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from . import wording
from .errors import FieldError

TEMPORARY = "temporary"
PASSWORD = "password"


class StoreError(FieldError):
    """Refuse a change that would make the state inconsistent; field names the culprit."""


@dataclass
class Credential:
    """Hold a hashed 仮パスワード or パスワード and its failure count."""

    kind: str
    password_hash: str
    issued_at: datetime
    failures: int = 0
    void: bool = False


class OtpChoice(StrEnum):
    """What a number chose on ワンタイムパスワード利用選択 (None until it chooses)."""

    USE = "use"
    DECLINE = "decline"


@dataclass(frozen=True)
class OtpDraft:
    """A ワンタイムパスワード registration between its input and 確認 screens (the session's only:
    the 確認用パスワード is hashed when 「登録」 mails the URL)."""

    address: str
    verify_id: str
    verify_password: str


@dataclass(frozen=True)
class PendingRegistration:
    """A registration whose 本登録 URL was mailed: the URL's token and the 確認用パスワード as
    hashes, until expires."""

    address: str
    verify_id: str
    verify_password_hash: str
    token_hash: str
    expires: datetime


@dataclass
class OtpAccount:
    """Hold a number's ワンタイムパスワード state: the choice, the addresses, the pending secrets.

    Secrets (確認用パスワード, the URL token, the code) are kept only as hashes.
    """

    choice: OtpChoice | None = None  # None until chosen
    address: str | None = None
    verify_id: str | None = None
    verify_password_hash: str | None = None
    pending: PendingRegistration | None = None
    ticket_hash: str | None = None  # the 本登録完了 screen's one send
    code_hash: str | None = None
    code_expires: datetime | None = None
    code_failures: int = 0


VOICE_WARP_ENTRIES = 4


@dataclass
class VoiceWarp:
    """Hold a number's ボイスワープ: destination list entries 1–4, the one in use, the mode.

    ring_seconds None means the setting voice_warp_default_ring_seconds.
    """

    destinations: list[str] = field(default_factory=lambda: [""] * VOICE_WARP_ENTRIES)
    selected: int = 1
    mode: str = wording.VW_STOP
    ring_seconds: int | None = None

    @property
    def destination(self) -> str:
        """Return the selected entry's number ("" when it is empty)."""
        return self.destinations[self.selected - 1]


@dataclass
class NoticeMail:
    """Hold the addresses of 着信お知らせメール or FAXお知らせメール and when to send."""

    addresses: list[str] = field(default_factory=list)
    condition: str = "all"  # "all" or "missed" (着信お知らせメール only)
    skip_anonymous: bool = False


@dataclass
class Fax:
    """One received FAX, kept for the retention period and shown as a PDF."""

    id: str
    received_at: datetime
    sender: str
    pages: int


@dataclass
class Number:
    """Describe one telephone number of a line, the services it uses and their settings."""

    number: str
    is_contract: bool
    services: set[str] = field(default_factory=set)
    credential: Credential | None = None
    otp: OtpAccount = field(default_factory=OtpAccount)
    voice_warp: VoiceWarp = field(default_factory=VoiceWarp)
    call_notice: NoticeMail = field(default_factory=NoticeMail)
    fax_notice: NoticeMail = field(default_factory=NoticeMail)
    faxes: list[Fax] = field(default_factory=list)

    @property
    def display(self) -> str:
        """Return the number with hyphens, as the site shows it (03-0000-1111)."""
        return format_number(self.number)


@dataclass
class Line:
    """Describe a 回線: one 契約者回線番号 and its 追加番号, in one region."""

    id: str
    region: str
    numbers: list[Number]
    auth_unit: str | None = None
    label: str = ""

    @property
    def contract(self) -> Number:
        """Return the 契約者回線番号."""
        return self.numbers[0]

    @property
    def additional(self) -> list[Number]:
        """Return the 追加番号 (マイナンバー on the East site)."""
        return self.numbers[1:]


READY = "ready"
MUST_CHANGE = "must_change"
NOTICE = "notice"
OTP_CHOICE = "otp_choice"
OTP_CODE = "otp_code"


@dataclass(frozen=True)
class DestinationsChange:
    """転送先電話番号設定 confirmed: the entries 1–4 and the one in use."""

    entries: list[str]
    selected: int

    def apply_to(self, warp: VoiceWarp) -> None:
        warp.destinations[:] = self.entries
        warp.selected = self.selected


@dataclass(frozen=True)
class SwitchChange:
    """サービス開始／停止 confirmed: the mode (or 停止) and, for a mode that rings first, the
    呼出秒数 (None keeps the one set)."""

    mode: str
    ring: int | None

    def apply_to(self, warp: VoiceWarp) -> None:
        warp.mode = self.mode
        if self.ring:
            warp.ring_seconds = self.ring


@dataclass(frozen=True)
class NoticeChange:
    """A お知らせメール's addresses confirmed, with the 送信条件 (着信お知らせメール only)."""

    addresses: list[str]
    condition: str
    skip_anonymous: bool

    def apply_to(self, notice: NoticeMail) -> None:
        notice.addresses[:] = self.addresses
        notice.condition = self.condition
        notice.skip_anonymous = self.skip_anonymous


@dataclass(frozen=True)
class ServiceDraft:
    """A service change between its input and 確認 screens: which screen (kind) of which
    number, the settings as they were (to notice a change made by phone meanwhile), the change."""

    kind: str
    number: str
    before: dict
    change: DestinationsChange | SwitchChange | NoticeChange


@dataclass
class Session:
    """Track one logged-in browser on the server side, and which screen it must see next.

    stage is READY (logged in), MUST_CHANGE (the forced password change; reason says why) or
    NOTICE (the パスワード期限予告), OTP_CHOICE (ワンタイムパスワード利用選択) or OTP_CODE (its
    entry). form_token is the one form this browser may submit next.
    """

    sid: str
    region: str
    number: str
    created_at: datetime
    last_seen: datetime
    stage: str = READY
    reason: str | None = None
    form_token: str | None = None
    draft: OtpDraft | None = None  # the OTP registration between its input and 確認 screens
    target: str | None = None  # the number whose services are being set
    service_draft: ServiceDraft | None = None  # a service change between input and 確認


def format_number(number: str) -> str:
    """Return a number with hyphens after its area code, as the guide writes them.

    11-digit numbers (090…, 050…, 0120… is 10) are written 3-4-4.
    """
    if not (number.isascii() and number.isdigit()):
        return number
    if len(number) == 11:
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    if len(number) != 10:
        return number
    if number.startswith(("0120", "0800")):
        return f"{number[:4]}-{number[4:7]}-{number[7:]}"
    if number.startswith(("03", "06")):
        return f"{number[:2]}-{number[2:6]}-{number[6:]}"
    return f"{number[:3]}-{number[3:6]}-{number[6:]}"


def is_valid_number(number: str) -> bool:
    """Tell whether number is 10 half-width digits starting with 0."""
    return len(number) == 10 and number.isascii() and number.isdigit() and number[0] == "0"


DEFAULT_SPACE = "default"
SPACE_HEADER = "X-Hikari-Space"  # a space for one request: Playwright's extra_http_headers
# On a 500 page that a view raised (not a fault's): the error's number in GET /api/errors.
SERVER_ERROR_HEADER = "X-Hikari-Server-Error"
SPACE_COOKIE = "hikari_space"  # a browser's space before login, set by the home's /space/ID


def in_space(address: str, space: str) -> str:
    """Return a mail address tagged with its space (local+SPACE@domain), as the sink reads a
    sender: the default space's addresses stay as they are."""
    if space == DEFAULT_SPACE:
        return address
    local, _, domain = address.rpartition("@")
    return f"{local}+{space}@{domain}"


class SpaceError(FieldError):
    """Refuse a space that cannot be had: status is the HTTP answer, field what was wrong."""


class NumberBook:
    """Know which space each number of each region belongs to: a number is in one space only,
    so a login, a call from it or a call to it finds its space by the number alone."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owners: dict[tuple[str, str], str] = {}

    def claim(self, region: str, numbers: list[str], space: str) -> None:
        """Give these numbers to space, all or none; refuse one another space holds."""
        with self._lock:
            for number in numbers:
                owner = self._owners.get((region, number))
                if owner is not None and owner != space:
                    raise StoreError("contract_number", f"{number} is already used in {region}")
            for number in numbers:
                self._owners[(region, number)] = space

    def owner(self, region: str, number: str) -> str | None:
        """Return the space the number belongs to, or None."""
        with self._lock:
            return self._owners.get((region, number))

    def owners(self, number: str) -> set[str]:
        """Return the spaces the number belongs to in any region."""
        with self._lock:
            return {space for (_, n), space in self._owners.items() if n == number}

    def release(self, space: str, keep: Iterable[tuple[str, str]] = ()) -> None:
        """Free every number of space but the (region, number) pairs of keep."""
        kept = set(keep)
        with self._lock:
            for key in [k for k, owner in self._owners.items() if owner == space]:
                if key not in kept:
                    del self._owners[key]


class Store:
    """Keep every region's lines and sessions behind one re-entrant lock."""

    def __init__(self, book: NumberBook | None = None, space: str = DEFAULT_SPACE) -> None:
        self.book = book or NumberBook()
        self.space = space
        self.lock = threading.RLock()
        self._lines: dict[str, Line] = {}
        self._sessions: dict[str, Session] = {}
        self._timed_out: set[str] = set()

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Hold the lock for a read-modify-write spanning several calls."""
        with self.lock:
            yield self

    def reset(self, keep: Iterable[tuple[str, str]] = ()) -> None:
        """Forget every line and session, and free their numbers but those of keep ((region,
        number) pairs about to be seeded again, so no other space takes them meanwhile)."""
        with self.lock:
            self.book.release(self.space, keep)
            self._lines.clear()
            self._sessions.clear()
            self._timed_out.clear()

    # Lines -------------------------------------------------------------------------------

    def add_line(
        self,
        region: str,
        contract_number: str,
        additional_numbers: Iterable[str] = (),
        services: dict[str, Iterable[str]] | None = None,
        auth_unit: str | None = None,
        label: str = "",
    ) -> Line:
        """Add a line, refusing malformed or already used numbers and unknown services."""
        numbers = [contract_number, *additional_numbers]
        for index, number in enumerate(numbers):
            name = "contract_number" if index == 0 else "additional_numbers"
            if not isinstance(number, str) or not is_valid_number(number):
                raise StoreError(name, f"{number!r} is not 10 half-width digits starting with 0")
        if len(set(numbers)) != len(numbers):
            raise StoreError("additional_numbers", "a number appears twice in the line")
        if auth_unit is not None and auth_unit not in wording.UNIT_NAMES:
            raise StoreError(
                "auth_unit",
                f"unknown auth unit {auth_unit!r}; use one of {', '.join(wording.UNIT_NAMES)}",
            )
        services = services or {}
        for number, keys in services.items():
            if number not in numbers:
                raise StoreError("services", f"{number} is not a number of this line")
            unknown = set(keys) - set(wording.SERVICE_NAMES)
            if unknown:
                raise StoreError(
                    "services",
                    f"unknown service(s) {sorted(unknown)}; use {', '.join(wording.SERVICE_NAMES)}",
                )
        with self.lock:
            for number in numbers:
                if self.find_number(region, number) is not None:
                    raise StoreError("contract_number", f"{number} is already used in {region}")
            self.book.claim(region, numbers, self.space)
            line = Line(
                id=secrets.token_hex(4),
                region=region,
                numbers=[
                    Number(n, is_contract=(i == 0), services=set(services.get(n, ())))
                    for i, n in enumerate(numbers)
                ],
                auth_unit=auth_unit,
                label=label,
            )
            self._lines[line.id] = line
            return line

    def lines(self, region: str | None = None) -> list[Line]:
        """Return the lines, of one region or of all, in the order they were added."""
        with self.lock:
            return [line for line in self._lines.values() if region in (None, line.region)]

    def find_number(self, region: str, number: str) -> tuple[Line, Number] | None:
        """Return the line and number entry for a number in a region, or None."""
        with self.lock:
            for line in self._lines.values():
                if line.region != region:
                    continue
                for entry in line.numbers:
                    if entry.number == number:
                        return line, entry
        return None

    # Sessions ----------------------------------------------------------------------------

    def open_session(
        self, region: str, number: str, now: datetime, stage: str = READY, reason: str | None = None
    ) -> Session:
        """Create a server-side session with a fresh unguessable id."""
        with self.lock:
            session = Session(secrets.token_urlsafe(32), region, number, now, now, stage, reason)
            self._sessions[session.sid] = session
            return session

    def expire_sessions(self, idle_since: datetime) -> list[Session]:
        """End the sessions last used at or before idle_since, and return them."""
        with self.lock:
            expired = [s for s in self._sessions.values() if s.last_seen <= idle_since]
            for session in expired:
                del self._sessions[session.sid]
                self._timed_out.add(session.sid)
            return expired

    def timed_out(self, sid: str) -> bool:
        """Tell whether the session with this id ended because it stood idle."""
        with self.lock:
            return sid in self._timed_out

    def session(self, sid: str) -> Session | None:
        """Return the session with this id, or None."""
        with self.lock:
            return self._sessions.get(sid)

    def sessions_for(self, region: str, number: str) -> list[Session]:
        """Return the live sessions of a number."""
        with self.lock:
            return [s for s in self._sessions.values() if s.region == region and s.number == number]

    def drop_session(self, sid: str) -> None:
        """End a session as the server losing it would: to its customer, a timeout."""
        with self.lock:
            if self._sessions.pop(sid, None) is not None:
                self._timed_out.add(sid)

    def close_session(self, sid: str) -> None:
        """End a session; closing an unknown id does nothing."""
        with self.lock:
            self._sessions.pop(sid, None)
