"""Calls and FAXes to a number: where they end, by the settings, and the mails they send."""

from __future__ import annotations

import itertools
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .. import wording
from ..errors import FieldError
from ..mail.outbox import Letter
from ..mail.send import MailNotSent, compose
from ..store import Fax, Line, Number, format_number, is_valid_number
from . import rules

if TYPE_CHECKING:
    from ..config import Settings
    from ..parts import Parts

MAX_FAX_PAGES = 99


class IncomingError(FieldError):
    """Refuse a simulated call that cannot happen; field names what was wrong."""


@dataclass
class Incoming:
    """One simulated call or FAX to a number, and everything it caused."""

    id: int
    region: str
    number: str
    caller: str
    fax: bool
    answered: bool
    busy: bool
    pages: int
    at: datetime
    outcome: rules.Outcome
    fax_id: str | None = None
    log: list[str] = field(default_factory=list)
    mailed: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        """Describe it for the control API and the softphone."""
        return {
            "id": self.id,
            "region": self.region,
            "number": self.number,
            "caller": self.caller,
            "fax": self.fax,
            "answered": self.answered,
            "busy": self.busy,
            "pages": self.pages,
            "at": self.at.isoformat(),
            "result": self.outcome.result,
            "ring_seconds": self.outcome.ring_seconds,
            "forwarded_to": self.outcome.destination or None,
            "forwarded_entry": self.outcome.entry or None,
            "fax_id": self.fax_id,
            "log": list(self.log),
            "mails": list(self.mailed),
        }


@dataclass(frozen=True)
class Notices:
    """The 着信 or FAX notice mails a call wrote to the outbox, sent once the lock is let go."""

    service: str
    letters: list[Letter]


def caller_name(caller: str) -> str:
    """Name the caller as a mail or the log shows it: 03-1234-5678, 非通知, 公衆電話, 表示圏外."""
    return wording.SPECIAL_CALLERS.get(caller) or format_number(caller)


class Switchboard:
    """Deliver simulated calls and FAXes to the lines' numbers; keep a record of each."""

    def __init__(self, env: Parts) -> None:
        self.env = env
        self._lock = threading.Lock()
        self._records: list[Incoming] = []
        self._ids = itertools.count(1)

    def reset(self) -> None:
        """Forget every record."""
        with self._lock:
            self._records.clear()

    def records(self) -> list[Incoming]:
        """Return every record, oldest first."""
        with self._lock:
            return list(self._records)

    def receive(
        self,
        region: str,
        number: str,
        caller: str,
        *,
        answered: bool = False,
        busy: bool = False,
        fax: bool = False,
        pages: int = 1,
    ) -> Incoming:
        """Ring number from caller; forward, store the FAX and mail as the settings say."""
        if caller not in wording.SPECIAL_CALLERS and not is_valid_number(caller):
            raise IncomingError("caller", wording.IN_ERR_CALLER)
        pages_ok = isinstance(pages, int) and not isinstance(pages, bool)
        if fax and not (pages_ok and 1 <= pages <= MAX_FAX_PAGES):
            raise IncomingError("pages", wording.IN_ERR_PAGES)
        env = self.env
        found = env.store.find_number(region, number)
        if found is None:
            raise IncomingError("number", wording.IN_ERR_NUMBER, 404)
        if caller == number:
            raise IncomingError("caller", wording.IN_ERR_SELF)
        line, target = found
        notices = None
        with env.store.transaction():
            uses = target.services
            warp = target.voice_warp if wording.VOICE_WARP in uses else None
            # A FAX machine answers unless it is busy.
            outcome = rules.route_call(warp, answered or fax, busy, env.settings)
            with self._lock:
                record = Incoming(
                    next(self._ids),
                    region,
                    number,
                    caller,
                    fax,
                    answered or fax,
                    busy,
                    pages if fax else 0,
                    env.clock.now(),
                    outcome,
                )
                self._records.append(record)
            record.log.append(self._opening(record))
            if not (fax and outcome.result == rules.ANSWERED):  # the FAX line says it all
                record.log.append(self._ending(record))
            if fax and outcome.result == rules.ANSWERED:
                notices = self._receive_fax(record, line, target)
            elif not fax and wording.CALL_NOTICE in uses:
                special = caller in ("anonymous", "payphone")
                if rules.should_notify(target.call_notice, outcome, special):
                    notices = self._post(record, wording.CALL_NOTICE, target.call_notice.addresses)
        if notices is not None:  # after the lock: a slow mail server holds nothing else
            self._deliver(record, notices)
        return record

    def _opening(self, record: Incoming) -> str:
        template = wording.IN_FAX if record.fax else wording.IN_CALL
        return template.format(
            caller=caller_name(record.caller), number=format_number(record.number)
        )

    def _ending(self, record: Incoming) -> str:
        outcome = record.outcome
        if outcome.result == rules.FORWARDED:
            mode = self.env.store.find_number(record.region, record.number)[1].voice_warp.mode
            values = {
                "entry": wording.VW_ENTRY_NAME.format(entry=outcome.entry),
                "destination": format_number(outcome.destination),
                "mode": wording.VW_MODES[mode],
                "seconds": outcome.ring_seconds,
            }
            template = wording.IN_FORWARDED_AFTER if outcome.ring_seconds else wording.IN_FORWARDED
            return template.format(**values)
        if outcome.result == rules.BUSY:
            return wording.IN_BUSY
        if outcome.result == rules.MISSED:
            return wording.IN_MISSED.format(seconds=outcome.ring_seconds)
        return wording.IN_ANSWERED

    def _receive_fax(self, record: Incoming, line: Line, target: Number) -> Notices | None:
        if wording.FAX_NOTICE not in target.services:
            record.log.append(wording.IN_FAX_NOT_STORED.format(pages=record.pages))
            return None
        fax = Fax(secrets.token_urlsafe(16), record.at, record.caller, record.pages)
        target.faxes.append(fax)
        record.fax_id = fax.id
        record.log.append(wording.IN_FAX_STORED.format(pages=record.pages))
        return self._post(record, wording.FAX_NOTICE, target.fax_notice.addresses)

    def _post(self, record: Incoming, service: str, addresses: list[str]) -> Notices:
        """Write the notice mails to the outbox (under the store's lock)."""
        env = self.env
        values = {
            "when": record.at.strftime("%Y/%m/%d %H:%M"),
            "caller": caller_name(record.caller),
            "number": format_number(record.number),
            "pages": record.pages,
            "outcome": wording.MAIL_CALL_OUTCOMES[record.outcome.result],
            "url": f"{env.site_urls[record.region]}/FNR_Disp.do"
            if record.region in env.site_urls
            else "",
        }
        if service == wording.FAX_NOTICE:
            subject = wording.MAIL_FAX_SUBJECT
            body = wording.fill(wording.MAIL_FAX_BODY, env.settings, **values)
        else:
            subject, body = wording.MAIL_CALL_SUBJECT, wording.MAIL_CALL_BODY.format(**values)
        letters = [env.outbox.post(a, compose(env, a, subject, body)) for a in addresses]
        return Notices(service, letters)

    def _deliver(self, record: Incoming, notices: Notices) -> None:
        """Send the notice mails, and log each one's fate."""
        service, name, sent = notices.service, wording.SERVICE_NAMES[notices.service], 0
        for letter in notices.letters:
            try:
                self.env.outbox.deliver(letter)
            except MailNotSent:
                record.log.append(wording.IN_MAIL_FAILED.format(service=name, address=letter.to))
                record.mailed.append({"service": service, "to": letter.to, "sent": False})
                continue
            sent += 1
            record.mailed.append({"service": service, "to": letter.to, "sent": True})
        if sent:
            record.log.append(wording.IN_MAILS_SENT.format(service=name, count=sent))


def kept_faxes(number: Number, now: datetime, settings: Settings) -> list[Fax]:
    """Return the FAXes kept fax_retention_days, newest first; older ones go."""
    since = now - timedelta(days=settings.fax_retention_days)
    number.faxes[:] = [fax for fax in number.faxes if fax.received_at > since]
    return sorted(number.faxes, key=lambda fax: fax.received_at, reverse=True)
