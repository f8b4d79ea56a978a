"""An aiosmtpd sink on 127.0.0.1 that keeps every message's raw bytes in a thread-safe inbox."""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from email import policy
from email.parser import BytesParser
from functools import cached_property
from typing import Protocol

from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession

from . import extract
from .decode import Head, read_head, text_of

MAX_SOURCE_BYTES = 200_000  # what a page shows of a mail's source
DEEP_NOTE = "the MIME structure is nested too deep to read; shown as its raw source"
UNPARSED_NOTE = "could not parse the MIME ({error}); shown as its raw source"


@dataclass(frozen=True)
class ReceivedMail:
    """Hold one delivered message: its envelope, its raw bytes, its header block read, and when
    it arrived. Nothing a mail holds makes reading it fail: what cannot be decoded is shown raw."""

    id: int
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    received_at: datetime
    head: Head = field(compare=False, repr=False)

    def header(self, name: str) -> str:
        """Return a header decoded: RFC 2047 words in any charset, raw 8-bit bytes, or as sent."""
        return self.head.get(name)

    @property
    def headers(self) -> list[tuple[str, str]]:
        """Return every header, decoded where it can be, in order."""
        return list(self.head.items)

    @property
    def subject(self) -> str:
        """Return the decoded subject."""
        return self.head.get("Subject")

    @cached_property
    def _text_and_notes(self) -> tuple[str, list[str]]:
        try:
            text, notes = text_of(BytesParser(policy=policy.compat32).parsebytes(self.raw))
        except RecursionError:  # a multipart nested deeper than the parser recurses
            text, notes = self.source(readable=True), [DEEP_NOTE]
        # The standard library's MIME parser has raised more kinds than it documents on hostile
        # input; one mail must never stop the inbox from listing, waiting or showing the rest.
        except Exception as error:
            text = self.source(readable=True)
            notes = [UNPARSED_NOTE.format(error=type(error).__name__)]
        return text, self.head.notes + notes

    def source(self, readable: bool = False) -> str:
        """Return the raw source, at most MAX_SOURCE_BYTES of it: escaped byte for byte, or
        read as UTF-8 (readable) where it stands in for a text that could not be parsed."""
        head = self.raw[:MAX_SOURCE_BYTES]
        text = (
            head.decode("utf-8", "replace")
            if readable
            else head.decode("ascii", "backslashreplace")
        )
        if len(self.raw) > MAX_SOURCE_BYTES:
            text += f"\n… ({len(self.raw):,} bytes in all)"
        return text

    @property
    def text(self) -> str:
        """Return the decoded plain text (the raw source when the structure cannot be read)."""
        return self._text_and_notes[0]

    @property
    def notes(self) -> list[str]:
        """Return what had to be guessed while decoding (a missing or lying charset, a header
        shown raw, a structure too deep...)."""
        return self._text_and_notes[1]

    @property
    def raw_headers(self) -> tuple[str, ...]:
        """Return the names of the headers shown raw because they cannot be decoded."""
        return self.head.raw_names

    def link(self, contains: str | None = None) -> str:
        """Return the one URL in the text containing contains."""
        return extract.link(self.text, contains)

    def otp(self) -> str:
        """Return the one-time password in the text."""
        return extract.otp(self.text)

    def sent_to(self, address: str) -> bool:
        """Tell whether the mail went to exactly this address (case of the domain ignored)."""
        return any(same_address(address, rcpt) for rcpt in self.rcpt_tos)

    def summary(self) -> str:
        return f"#{self.id} to {', '.join(self.rcpt_tos)}: {self.subject!r}"

    def as_json(self, full: bool = False) -> dict:
        data = {
            "id": self.id,
            "mail_from": self.mail_from,
            "to": list(self.rcpt_tos),
            "subject": self.subject,
            "raw_headers": list(self.raw_headers),
            "received_at": self.received_at.isoformat(),
        }
        if full:
            data |= {
                "headers": self.headers,
                "text": self.text,
                "notes": self.notes,
                "links": extract.links(self.text),
                "size": len(self.raw),
            }
        return data


def same_address(a: str, b: str) -> bool:
    """Compare two addresses exactly, but for the case of the domain."""
    local_a, _, domain_a = a.strip().rpartition("@")
    local_b, _, domain_b = b.strip().rpartition("@")
    return local_a == local_b and domain_a.lower() == domain_b.lower()


class MailTimeout(AssertionError):
    """Say what was awaited and list what did arrive."""


class MailboxClosing(RuntimeError):
    """Say that the environment is stopping, so a wait ends without its mail."""


class Mailbox:
    """Keep received mail in arrival order and wake waiters when mail lands."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._mails: list[ReceivedMail] = []
        self._ids = itertools.count(1)
        self._changed = threading.Condition()
        self._closing = False

    def close(self, closing: bool = True) -> None:
        """End every wait now (the servers are stopping); close(False) lets waits wait again."""
        with self._changed:
            self._closing = closing
            self._changed.notify_all()

    def deliver(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> ReceivedMail:
        """Store a message as the sink received it (its header block read before the lock)."""
        head = read_head(raw)
        with self._changed:
            mail = ReceivedMail(next(self._ids), mail_from, tuple(rcpt_tos), raw, self._now(), head)
            self._mails.append(mail)
            self._changed.notify_all()
            return mail

    def all(self) -> list[ReceivedMail]:
        """Return every message, oldest first."""
        with self._changed:
            return list(self._mails)

    def get(self, mail_id: int) -> ReceivedMail | None:
        """Return the message with this id, or None."""
        with self._changed:
            return next((m for m in self._mails if m.id == mail_id), None)

    def clear(self) -> None:
        """Forget every message."""
        with self._changed:
            self._mails.clear()
            self._changed.notify_all()

    def matching(
        self, to: str | None = None, subject: str | None = None, after: int = 0
    ) -> list[ReceivedMail]:
        """Return the mails to exactly this address whose subject contains subject."""
        with self._changed:
            return [
                m
                for m in self._mails
                if m.id > after
                and (to is None or m.sent_to(to))
                and (subject is None or subject in m.subject)
            ]

    def wait_for(
        self,
        to: str | None = None,
        subject: str | None = None,
        timeout: float = 5.0,
        count: int = 1,
        after: int = 0,
    ) -> list[ReceivedMail]:
        """Return the moment count matching mails have landed; more than count is an error too.

        Raises MailTimeout listing every mail that did arrive.
        """
        with self._changed:
            self._changed.wait_for(
                lambda: self._closing or len(self.matching(to, subject, after)) >= count,
                timeout=timeout,
            )
            if self._closing:
                raise MailboxClosing("the environment is stopping; no more mail will come")
            found = self.matching(to, subject, after)
            if len(found) != count:
                arrived = "\n".join(f"  {m.summary()}" for m in self._mails) or "  (none)"
                raise MailTimeout(
                    f"expected {count} mail(s) to {to!r} with subject containing {subject!r} "
                    f"within {timeout}s, got {len(found)}; arrived:\n{arrived}"
                )
            return found


@dataclass(frozen=True)
class Fault:
    """A failure the sink plays for one recipient: refuse at RCPT or DATA, delay, or hang up."""

    to: str
    stage: str = "rcpt"  # rcpt or data
    code: int = 550
    message: str = "Mailbox unavailable"
    delay_seconds: float = 0.0
    drop: bool = False
    uses: int | None = None  # None: until the reset
    used: int = 0

    def reply(self) -> str:
        return f"{self.code} {self.message}"


class Faults:
    """Hold the faults by recipient, so parallel tests each break only their own mail."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_address: dict[str, Fault] = {}

    def set(self, fault: Fault) -> None:
        with self._lock:
            self._by_address[fault.to.lower()] = fault

    def clear(self) -> None:
        with self._lock:
            self._by_address.clear()

    def take(self, address: str, stage: str) -> Fault | None:
        """Return the fault for address at this stage, spending one use (gone when spent)."""
        with self._lock:
            fault = self._by_address.get(address.lower())
            if fault is None or fault.stage != stage:
                return None
            spent = replace(fault, used=fault.used + 1)
            if fault.uses is not None and spent.used >= fault.uses:
                del self._by_address[address.lower()]
            else:
                self._by_address[address.lower()] = spent
            return spent

    def all(self) -> list[Fault]:
        with self._lock:
            return list(self._by_address.values())


class Inbox(Protocol):
    """Where a mail goes: a space's mailbox, and the faults its sink plays."""

    mailbox: Mailbox
    mail_faults: Faults

    def record_error(self, method: str, path: str, error: BaseException) -> str: ...


NO_SPACE = "550 No such space: it was deleted or has expired"
LOCAL_ERROR = "451 4.3.0 The sink could not keep the mail (GET /api/errors says why)"


class _Handler:
    def __init__(self, route: Callable[[str], Inbox | None]) -> None:
        self.route = route

    async def _play(self, server: SMTP, fault: Fault) -> str | None:
        if fault.delay_seconds:
            await asyncio.sleep(fault.delay_seconds)
        if fault.drop:
            server.transport.close()
            return "421 Closing connection"
        return fault.reply() if fault.code >= 400 else None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        inbox = self.route(envelope.mail_from or "")
        if inbox is None:
            return NO_SPACE
        fault = inbox.mail_faults.take(address, "rcpt")
        if fault is not None:
            reply = await self._play(server, fault)
            if reply:
                return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        inbox = self.route(envelope.mail_from or "")
        if inbox is None:
            return NO_SPACE
        for address in envelope.rcpt_tos:
            fault = inbox.mail_faults.take(address, "data")
            if fault is not None:
                reply = await self._play(server, fault)
                if reply:
                    return reply
        try:
            inbox.mailbox.deliver(
                envelope.mail_from or "", list(envelope.rcpt_tos), envelope.original_content or b""
            )
        except Exception as error:  # the sink's own bug: kept for the test that sent the mail
            inbox.record_error("SMTP", f"DATA to {', '.join(envelope.rcpt_tos)}", error)
            return LOCAL_ERROR
        return "250 Message accepted for delivery"


MAX_MAIL_BYTES = 64 * 2**20  # a 30 MiB attachment is 41 MiB in base64; aiosmtpd's default is 32


class _SMTP(SMTP):
    # RFC 5321 caps a line at 1000 bytes; mailers break that, so keep lines up to 1 MiB.
    line_length_limit = 2**20

    def connection_made(self, transport) -> None:
        # Replies go out line by line; without TCP_NODELAY each waits ~40 ms for an ACK.
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


class SmtpSink:
    """Run an SMTP server in its own event-loop thread; port 0 picks a free port. route names
    the inbox of a mail by its envelope sender (each space has its own), None to refuse it."""

    def __init__(
        self,
        route: Callable[[str], Inbox | None],
        host: str = "127.0.0.1",
        port: int = 2525,
    ) -> None:
        self.route = route
        self.host = host
        self.port = port
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.AbstractServer | None = None

    def start(self) -> None:
        """Bind the socket (raising OSError if the port is taken) and start serving."""
        sock = socket.create_server((self.host, self.port))
        self.port = sock.getsockname()[1]
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._thread = threading.Thread(target=loop.run_forever, name="smtp-sink", daemon=True)
        self._thread.start()
        handler = _Handler(self.route)

        def factory() -> SMTP:
            # server_hostname avoids getfqdn(), which can block the loop for seconds.
            return _SMTP(
                handler,
                hostname="hikari-mock.localhost",
                decode_data=False,
                enable_SMTPUTF8=True,
                data_size_limit=MAX_MAIL_BYTES,
                loop=loop,
            )

        future = asyncio.run_coroutine_threadsafe(loop.create_server(factory, sock=sock), loop)
        self._server = future.result(timeout=5)

    def stop(self) -> None:
        """Close the server and end its thread."""
        if self._loop is None or self._server is None:
            return
        loop, server = self._loop, self._server

        async def close() -> None:
            server.close()
            # End the open sessions too, so no task is destroyed while pending (a client that
            # said EHLO and waits would otherwise be left behind when the loop closes).
            sessions = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
            for task in sessions:
                task.cancel()
            await asyncio.gather(*sessions, return_exceptions=True)
            await server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
        loop.close()
        self._loop = self._server = self._thread = None
