"""Mail: the SMTP sink the site sends to, the inbox that keeps what arrived, and sending."""

from .sink import Fault, Faults, Mailbox, MailTimeout, ReceivedMail, SmtpSink

__all__ = ["Fault", "Faults", "MailTimeout", "Mailbox", "ReceivedMail", "SmtpSink"]
