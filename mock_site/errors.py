"""The one refusal every part of the mock raises: it names the field that was wrong and the HTTP
status the control API answers with; one handler (home.api.bad_field) turns it into JSON, and
the control client raises the same type (ControlError) from the answer."""

from __future__ import annotations


class FieldError(ValueError):
    """A refusal naming its field (a rule between fields names the one to change)."""

    def __init__(self, field: str | None, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.field = field
        self.status = status
