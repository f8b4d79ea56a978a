"""An aiosmtpd sink on 127.0.0.1 that keeps every message's raw bytes in a thread-safe inbox."""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from functools import cached_property

from aiosmtpd.smtp import SMTP, Envelope
from aiosmtpd.smtp import Session as SmtpSession


@dataclass(frozen=True)
class ReceivedMail:
    """Hold one delivered message: its envelope, its raw bytes and when it arrived."""

    id: int
    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    received_at: datetime

    @cached_property
    def message(self) -> EmailMessage:
        """Return the parsed message."""
        return BytesParser(policy=policy.default).parsebytes(self.raw)

    @property
    def subject(self) -> str:
        """Return the decoded subject."""
        return str(self.message.get("Subject", ""))


class Mailbox:
    """Keep received mail in arrival order and wake waiters when mail lands."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._mails: list[ReceivedMail] = []
        self._ids = itertools.count(1)
        self._changed = threading.Condition()

    def deliver(self, mail_from: str, rcpt_tos: list[str], raw: bytes) -> ReceivedMail:
        """Store a message as the sink received it."""
        with self._changed:
            mail = ReceivedMail(next(self._ids), mail_from, tuple(rcpt_tos), raw, self._now())
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


class _Handler:
    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: Envelope) -> str:
        self.mailbox.deliver(
            envelope.mail_from or "", list(envelope.rcpt_tos), envelope.original_content or b""
        )
        return "250 Message accepted for delivery"


class SmtpSink:
    """Run an SMTP server in its own event-loop thread; port 0 picks a free port."""

    def __init__(self, mailbox: Mailbox, host: str = "127.0.0.1", port: int = 2525) -> None:
        self.mailbox = mailbox
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
        handler = _Handler(self.mailbox)

        def factory() -> SMTP:
            # server_hostname avoids getfqdn(), which can block the loop for seconds.
            return SMTP(
                handler,
                hostname="hikari-mock.localhost",
                decode_data=False,
                enable_SMTPUTF8=True,
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
            await server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=5)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
        loop.close()
        self._loop = self._server = self._thread = None
