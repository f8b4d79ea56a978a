"""Write the site's mail in the configured charset, and send it by real SMTP to the sink."""

from __future__ import annotations

import smtplib
from email.charset import BASE64, SHORTEST, Charset
from email.message import Message
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid
from typing import TYPE_CHECKING

from ..store import in_space

if TYPE_CHECKING:
    from ..parts import Parts

SENDER_DOMAIN = "hikari-mock.localhost"


class MailNotSent(RuntimeError):
    """Say that the sink refused or could not be reached; nothing was delivered."""


def compose(env: Parts, to: str, subject: str, body: str) -> Message:
    """Write one plain-text mail, dated by the mock's clock as it is written."""
    charset = Charset(env.settings.mail_charset)
    if env.settings.mail_charset.lower() == "utf-8":
        charset.header_encoding, charset.body_encoding = SHORTEST, BASE64
    message = MIMEText(body, "plain", charset)
    message["Subject"] = charset.header_encode(subject)
    message["From"] = f"{env.settings.mail_sender_local_part}@{SENDER_DOMAIN}"
    message["To"] = to
    message["Date"] = format_datetime(env.clock.now())  # the mock's time, in Japan time
    message["Message-ID"] = make_msgid(domain=SENDER_DOMAIN)
    return message


def envelope_sender(env: Parts) -> str:
    """Return the envelope sender: the From address, tagged with the space, so that the sink
    keeps the mail in the space that sent it."""
    return in_space(f"{env.settings.mail_sender_local_part}@{SENDER_DOMAIN}", env.space_id)


def transmit(env: Parts, message: Message) -> None:
    """Send a written mail; raise MailNotSent when the SMTP server says no."""
    host, port = env.smtp_address()
    try:
        # local_hostname spares smtplib a getfqdn() lookup, which costs tens of ms per mail.
        with smtplib.SMTP(host, port, local_hostname=SENDER_DOMAIN, timeout=10) as smtp:
            smtp.send_message(message, from_addr=envelope_sender(env))
    except (smtplib.SMTPException, OSError) as error:
        raise MailNotSent(str(error)) from error
