"""A small client for the control API, so tests and scripts drive any running environment alike."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from .config import SettingError, Settings
from .errors import FieldError
from .mail.sink import MailTimeout
from .records import (
    CallRecord,
    FaultRecord,
    IncomingRecord,
    LineRecord,
    Mail,
    ServerError,
    ServicesRecord,
)
from .seed import LineToSeed
from .store import in_space


class ControlError(FieldError):
    """The API's refusal, as the mock raised it in-process: the field it names (None when the
    answer named none), its message and the HTTP status."""

    def __str__(self) -> str:
        field = f" (field {self.field})" if self.field else ""
        return f"{self.status}: {self.args[0]}{field}"


class RemoteCall:
    """A call placed through the phone API, shaped like mock_site.phone.Call."""

    def __init__(self, client: ControlClient, state: dict[str, Any]) -> None:
        self._client = client
        self.state = state

    @property
    def id(self) -> int:
        return self.state["id"]

    @property
    def guidance(self) -> list[str]:
        """Return everything said on the call so far, in order."""
        return self.state["guidance"]

    @property
    def active(self) -> bool:
        return self.state["state"] == "active"

    @property
    def completed(self) -> bool:
        return self.state["completed"]

    def press(self, keys: str) -> list[str]:
        """Press keys (0–9, *, #) in order and return what was said in answer."""
        self.state = self._client._call("POST", f"/phone/calls/{self.id}/keys", {"keys": keys})
        return self.state["said"]

    def hang_up(self) -> None:
        """End the call."""
        self.state = self._client._call("POST", f"/phone/calls/{self.id}/hangup", {})


class ControlClient:
    """Talk to an environment's /api/ over HTTP, given the home URL; with space, to that
    space's API (/api/spaces/ID/), so that nothing it does reaches another space."""

    def __init__(self, home_url: str, timeout: float = 10.0, space: str | None = None) -> None:
        self.home_url = home_url.rstrip("/")
        self.timeout = timeout
        self.space = space
        self._parts: dict[str, Any] | None = None
        self.clock = Clock(self)
        self.lines = Lines(self)
        self.mail = MailPart(self)
        self.phone = Phone(self)
        self.faults = Faults(self)
        self.services = Services(self)

    @property
    def api_url(self) -> str:
        """Return the base URL of this client's API: the space's, or the default space's."""
        if self.space:
            return f"{self.home_url}/api/spaces/{urllib.parse.quote(self.space, safe='')}"
        return f"{self.home_url}/api"

    def create_space(self, name: str | None = None, **settings: Any) -> ControlClient:
        """Make a space of its own (settings as --set takes them) and return its client."""
        body: dict[str, Any] = {"name": name} if name else {}
        if settings:
            body["settings"] = settings
        made = ControlClient(self.home_url, self.timeout)._call("POST", "/spaces", body)
        return ControlClient(self.home_url, self.timeout, made["id"])

    def delete_space(self) -> None:
        """End this client's space (its sessions end, its numbers are freed)."""
        if not self.space:
            raise ValueError("the default space cannot be deleted; reset() it")
        root = ControlClient(self.home_url, self.timeout)
        root._call("DELETE", f"/spaces/{urllib.parse.quote(self.space, safe='')}")

    def sender(self, address: str) -> str:
        """Return address as the envelope sender of a mail for this client's space: tagged
        local+SPACE@domain, so that the sink keeps the mail in this space's inbox."""
        return in_space(address, self.space) if self.space else address

    def spaces(self) -> list[dict[str, Any]]:
        """Return every live space."""
        return ControlClient(self.home_url, self.timeout)._call("GET", "/spaces")["spaces"]

    def _call(
        self,
        method: str,
        path: str,
        payload: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Any:
        if payload is None and method == "POST":
            payload = {}  # the API takes only JSON posts, even with nothing to say
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(
            f"{self.api_url}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"} if data is not None else {},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout or self.timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            try:
                body = json.load(error)
            except ValueError:
                body = {"error": error.reason, "field": None}
            raise ControlError(body.get("field"), body.get("error", ""), error.code) from None

    def describe(self) -> dict[str, Any]:
        """Return where each part listens."""
        if self._parts is None:
            self._parts = self._call("GET", "/")
        return self._parts

    def site_url(self, region: str) -> str:
        """Return a region's site base URL, without a trailing slash."""
        return self.describe()["urls"][region]

    def reset(self) -> None:
        """Return the environment to its seeded state."""
        self._call("POST", "/reset", {})

    def server_errors(self) -> list[ServerError]:
        """Return what the views raised unexpectedly since the last reset (each answered a 500
        with the header X-Hikari-Server-Error)."""
        return [ServerError.from_json(e) for e in self._call("GET", "/errors")["errors"]]

    def settings(self, **changes: Any) -> Settings:
        """Change settings until the next reset (none: just read them); return those in force."""
        if changes:
            answer = self._call("POST", "/settings", changes)["settings"]
        else:
            answer = self._call("GET", "/settings")["settings"]
        return Settings().with_overrides(answer)


class _Part:
    """A part of the control API, reached through its client (hikari.clock, hikari.lines…)."""

    def __init__(self, client: ControlClient) -> None:
        self._client = client

    def _call(self, method: str, path: str, payload: dict[str, Any] | None = None, **kw) -> Any:
        return self._client._call(method, path, payload, **kw)


class Clock(_Part):
    """The mock's clock: the `clock` fixture. Nothing in a test waits: move it instead."""

    def now(self) -> datetime:
        return datetime.fromisoformat(self._call("GET", "/clock")["now"])

    def advance(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0, days: float = 0):
        """Move the clock forward; return the new time."""
        total = seconds + 60 * minutes + 3600 * hours + 86400 * days
        return self._move({"advance_seconds": total})

    def set(self, when: datetime) -> datetime:
        """Move the clock to when."""
        return self._move({"now": when.isoformat()})

    def freeze(self, at: datetime | None = None) -> datetime:
        """Stop the clock (at a given time, or where it stands) until advanced."""
        return self._move({"frozen": True} | ({"now": at.isoformat()} if at else {}))

    def _move(self, change: dict[str, Any]) -> datetime:
        return datetime.fromisoformat(self._call("POST", "/clock", change)["now"])


class Lines(_Part):
    """The lines: seed one, list them."""

    def add(self, line: LineToSeed) -> LineRecord:
        """Seed a line (POST /api/lines) and return it as stored."""
        return LineRecord.from_json(self._call("POST", "/lines", line.to_wire()))

    def list(self, region: str | None = None) -> list[LineRecord]:
        """Return the lines, of one region when given."""
        query = f"?region={region}" if region else ""
        return [LineRecord.from_json(line) for line in self._call("GET", f"/lines{query}")["lines"]]


class MailPart(_Part):
    """The SMTP sink's inbox (a test reads it through the `mailbox` fixture)."""

    def wait_for(
        self, to: str, subject: str | None = None, timeout: float = 5.0, count: int = 1,
        after: int = 0,
    ) -> list[Mail]:  # fmt: skip
        """Return the moment count mails to exactly `to` (after mail id after) have landed (a
        long-poll, no polling). Raises MailTimeout listing what did arrive."""
        query = urllib.parse.urlencode(
            {"to": to, "timeout": timeout, "count": count, "after": after}
            | ({"subject": subject} if subject else {})
        )
        try:
            answer = self._call("GET", f"/mail/wait?{query}", timeout=timeout + 10)
        except ControlError as error:
            if error.status == 408:
                raise MailTimeout(str(error)) from None
            raise
        return [Mail.from_json(m) for m in answer["mails"]]

    def list(self, to: str | None = None) -> list[Mail]:
        """Return the mails, newest first (to exactly `to`, when given), without their text."""
        query = f"?{urllib.parse.urlencode({'to': to})}" if to else ""
        return [Mail.from_json(m) for m in self._call("GET", f"/mail{query}")["mails"]]

    def raw(self, mail_id: int) -> bytes:
        """Return a mail's bytes as the sink received them."""
        request = urllib.request.Request(f"{self._client.api_url}/mail/{mail_id}/raw")
        with urllib.request.urlopen(request, timeout=self._client.timeout) as response:
            return response.read()


class Phone(_Part):
    """The phone network: place a call (the IVRs), ring or FAX a number, read the records."""

    def call(
        self, caller: str, dialled: str, data: bool = False, region: str | None = None
    ) -> RemoteCall:
        """Dial dialled from caller, as a phone of the line would; the call answers at once.

        region names the caller's line's region; needed only to dial 142 from a number that
        both regions have.
        """
        fields = {"caller": caller, "dialled": dialled, "data": data}
        if region is not None:
            fields["region"] = region
        return RemoteCall(self._client, self._call("POST", "/phone/calls", fields))

    def calls(self) -> list[CallRecord]:
        """Return the call record: every call with its duration and charge."""
        return [CallRecord.from_json(c) for c in self._call("GET", "/phone/calls")["calls"]]

    def incoming(
        self, region: str, number: str, caller: str = "anonymous", *, answered: bool = False,
        busy: bool = False, fax: bool = False, pages: int = 1,
    ) -> IncomingRecord:  # fmt: skip
        """Ring number from caller (a number, anonymous, payphone or unavailable), or FAX it;
        return what came of it (result, forwarded_to, the log, the mails sent)."""
        fields = {"region": region, "number": number, "caller": caller, "answered": answered}
        fields.update(busy=busy, fax=fax, pages=pages)
        return IncomingRecord.from_json(self._call("POST", "/phone/incoming", fields))

    def incoming_calls(self) -> list[IncomingRecord]:
        """Return every simulated incoming call and FAX, oldest first."""
        answer = self._call("GET", "/phone/incoming")["incoming"]
        return [IncomingRecord.from_json(record) for record in answer]


class Faults(_Part):
    """Production misbehaving on purpose (the `faults` fixture): they end at the next reset,
    after uses=N plays, or by end()."""

    def site(self, kind: str, number: str | None = None, **scope: Any) -> FaultRecord:
        """maintenance, latency (latency_ms=, latency_max_ms=), drop_session or error, for
        number (line=True: its whole line; none: every number), path= one path only."""
        return self.set("site", kind, **({"number": number} if number else {}), **scope)

    def phone(self, kind: str, number: str | None = None, **scope: Any) -> FaultRecord:
        """busy, or drop_call (after_sentences=N), for calls from number."""
        return self.set("phone", kind, **({"number": number} if number else {}), **scope)

    def mail(self, kind: str, to: str, **play: Any) -> FaultRecord:
        """refuse (code=, stage=), delay (delay_seconds=) or drop, for mail to one address."""
        return self.set("mail", kind, to=to, **play)

    def set(self, channel: str, kind: str, **scope: Any) -> FaultRecord:
        """Set a fault of any channel (the three above say it shorter)."""
        fields = {"channel": channel, "kind": kind, **scope}
        return FaultRecord.from_json(self._call("POST", "/faults", fields))

    def list(self) -> list[FaultRecord]:
        """Every fault in play, with how often each has played."""
        return [FaultRecord.from_json(f) for f in self._call("GET", "/faults")["faults"]]

    def end(self, fault_id: int | None = None) -> None:
        """End one site or phone fault, or every fault of every channel."""
        self._call("DELETE", "/faults" if fault_id is None else f"/faults/{fault_id}")


class Services(_Part):
    """A number's ボイスワープ, 着信お知らせメール and FAXお知らせメール."""

    def get(self, region: str, number: str) -> ServicesRecord:
        """Return a number's services and the FAXes it keeps."""
        return ServicesRecord.from_json(self._call("GET", f"/services/{region}/{number}"))

    def set(self, region: str, number: str, **parts: dict[str, Any]) -> ServicesRecord:
        """Set voice_warp=, call_notice= and/or fax_notice= of a number (the site's rules)."""
        return ServicesRecord.from_json(self._call("POST", f"/services/{region}/{number}", parts))


@contextmanager
def controlled_environment(
    url: str | None = None, space: str | None = None, **settings: Any
) -> Iterator[ControlClient]:
    """Control the running environment at url (checked to answer), or, without one, start a
    whole environment in-process on free 127.0.0.1 ports for the block and stop it afterwards;
    settings as `hikari-mock serve --set` takes them (kept across resets). With url, space names
    the space to control (see create_space for a fresh one). Raise SettingError
    for a bad setting, or for settings given with a url."""
    if url:
        if settings:
            raise SettingError(
                next(iter(settings)), "a running environment keeps the settings it was served "
                "with: start it with `hikari-mock serve --set NAME=VALUE`",
            )  # fmt: skip
        client = ControlClient(url, space=space)
        client.describe()
        yield client
        return
    from .environment import FREE_PORTS, Environment  # in-process only: the servers' imports

    env = Environment(Settings().with_overrides(settings)).start(FREE_PORTS)
    try:
        yield ControlClient(env.url("home"))
    finally:
        env.stop()
