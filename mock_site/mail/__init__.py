"""Mail: the SMTP sink the site sends to, and the inbox that keeps what arrived."""

from .sink import Mailbox, ReceivedMail, SmtpSink

__all__ = ["Mailbox", "ReceivedMail", "SmtpSink"]
