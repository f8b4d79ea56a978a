"""A small client for the control API, so tests and scripts drive any running environment alike."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .config import SettingError, Settings
from .errors import FieldError
from .mail import extract
from .mail.sink import MailTimeout
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


@dataclass(frozen=True)
class Mail:
    """A mail as the inbox API describes it, with the helpers tests read codes and links by."""

    id: int
    to: tuple[str, ...]
    subject: str
    text: str
    headers: tuple[tuple[str, str], ...] = ()

    def link(self, contains: str | None = None) -> str:
        """Return the one URL in the text containing contains."""
        return extract.link(self.text, contains)

    def otp(self) -> str:
        """Return the one-time password in the text."""
        return extract.otp(self.text)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mail:
        return cls(
            data["id"],
            tuple(data["to"]),
            data["subject"],
            data.get("text", ""),
            tuple(tuple(h) for h in data.get("headers", ())),
        )


class ControlClient:
    """Talk to an environment's /api/ over HTTP, given the home URL; with space, to that
    space's API (/api/spaces/ID/), so that nothing it does reaches another space."""

    def __init__(self, home_url: str, timeout: float = 10.0, space: str | None = None) -> None:
        self.home_url = home_url.rstrip("/")
        self.timeout = timeout
        self.space = space
        self._parts: dict[str, Any] | None = None

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

    def now(self) -> datetime:
        """Return the mock's time."""
        return datetime.fromisoformat(self._call("GET", "/clock")["now"])

    def advance(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0, days: float = 0):
        """Move the mock's clock forward and return the new time."""
        total = seconds + 60 * minutes + 3600 * hours + 86400 * days
        return datetime.fromisoformat(
            self._call("POST", "/clock", {"advance_seconds": total})["now"]
        )

    def set_now(self, when: datetime) -> datetime:
        """Move the mock's clock to when."""
        return datetime.fromisoformat(
            self._call("POST", "/clock", {"now": when.isoformat()})["now"]
        )

    def freeze(self, at: datetime | None = None) -> datetime:
        """Stop the mock's clock (at a given time, or where it stands) until advanced."""
        payload: dict[str, Any] = {"frozen": True}
        if at is not None:
            payload["now"] = at.isoformat()
        return datetime.fromisoformat(self._call("POST", "/clock", payload)["now"])

    def unfreeze(self) -> datetime:
        """Let the mock's clock run on from where it stands."""
        return datetime.fromisoformat(self._call("POST", "/clock", {"frozen": False})["now"])

    def server_errors(self) -> list[dict[str, str]]:
        """Return what the views raised unexpectedly since the last reset (each answered a 500
        with the header X-Hikari-Server-Error): id, method, path, exception, traceback."""
        return self._call("GET", "/errors")["errors"]

    def settings(self, **changes: Any) -> dict[str, Any]:
        """Change settings until the next reset (none: just read them); return them all."""
        if changes:
            return self._call("POST", "/settings", changes)["settings"]
        return self._call("GET", "/settings")["settings"]

    def add_line(self, line: LineToSeed) -> dict[str, Any]:
        """Seed a line (POST /api/lines) and return it as stored."""
        return self._call("POST", "/lines", line.to_wire())

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
        return RemoteCall(self, self._call("POST", "/phone/calls", fields))

    def incoming(
        self,
        region: str,
        number: str,
        caller: str = "anonymous",
        *,
        answered: bool = False,
        busy: bool = False,
        fax: bool = False,
        pages: int = 1,
    ) -> dict[str, Any]:
        """Ring number from caller (a number, anonymous, payphone or unavailable), or FAX it.

        Returns the outcome: result (answered, missed, busy, forwarded), forwarded_to, the log
        sentences and the mails sent.
        """
        fields = {"region": region, "number": number, "caller": caller, "answered": answered}
        fields.update(busy=busy, fax=fax, pages=pages)
        return self._call("POST", "/phone/incoming", fields)

    def incoming_calls(self) -> list[dict[str, Any]]:
        """Return every simulated incoming call and FAX, oldest first."""
        return self._call("GET", "/phone/incoming")["incoming"]

    def services(self, region: str, number: str) -> dict[str, Any]:
        """Return a number's ボイスワープ, 着信お知らせメール, FAXお知らせメール and kept FAXes."""
        return self._call("GET", f"/services/{region}/{number}")

    def set_services(self, region: str, number: str, **parts: dict[str, Any]) -> dict[str, Any]:
        """Set voice_warp=, call_notice= and/or fax_notice= of a number (the site's rules)."""
        return self._call("POST", f"/services/{region}/{number}", parts)

    def calls(self) -> list[dict[str, Any]]:
        """Return the call record: every call with its duration and charge."""
        return self._call("GET", "/phone/calls")["calls"]

    def wait_for_mail(
        self,
        to: str,
        subject: str | None = None,
        timeout: float = 5.0,
        count: int = 1,
        after: int = 0,
    ) -> list[Mail]:
        """Return the moment count mails to exactly `to` have landed (a long-poll, no polling).

        Raises MailTimeout listing what did arrive.
        """
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

    def mails(self, to: str | None = None) -> list[dict[str, Any]]:
        """Return the mails, newest first (to exactly `to`, when given)."""
        query = f"?{urllib.parse.urlencode({'to': to})}" if to else ""
        return self._call("GET", f"/mail{query}")["mails"]

    def raw_mail(self, mail_id: int) -> bytes:
        """Return a mail's bytes as the sink received them."""
        request = urllib.request.Request(f"{self.api_url}/mail/{mail_id}/raw")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return response.read()

    def mail_fault(self, to: str, **fault: Any) -> dict[str, Any]:
        """Make the sink fail for one recipient (stage, code, message, delay_seconds, drop)."""
        return self._call("POST", "/mail/faults", {"to": to, **fault})

    def fault(self, channel: str, kind: str, **scope: Any) -> dict[str, Any]:
        """Set a fault: fault("site", "maintenance", number=...), fault("phone", "drop_call",
        number=caller, after_sentences=2), fault("mail", "refuse", to=...); uses=N to end it
        after N plays (else at the reset). Return it, with its id."""
        return self._call("POST", "/faults", {"channel": channel, "kind": kind, **scope})

    def faults(self) -> list[dict[str, Any]]:
        """Return every fault in play, with how often each has played."""
        return self._call("GET", "/faults")["faults"]

    def end_faults(self, fault_id: int | None = None) -> None:
        """End one site or phone fault, or every fault of every channel."""
        self._call("DELETE", "/faults" if fault_id is None else f"/faults/{fault_id}")

    def lines(self, region: str | None = None) -> list[dict[str, Any]]:
        """Return the lines, of one region when given."""
        query = f"?region={region}" if region else ""
        return self._call("GET", f"/lines{query}")["lines"]


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
