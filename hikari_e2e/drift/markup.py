"""What a screen's markup promises to a script, read from its HTML: the forms (action, method),
the fields (name, id, type, maxlength), the hidden fields, the image buttons (alt and title, in
order) and the classes. The same reading serves the replica and production, so the two compare
fact by fact (drift.compare)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Field:
    """A field a script types into or reads: text, password, radio, checkbox, select…"""

    name: str
    id: str = ""
    type: str = "text"
    maxlength: int | None = None


@dataclass(frozen=True)
class Button:
    """An image button (production's every action): its alt, and its title when it has one."""

    alt: str
    title: str = ""


@dataclass(frozen=True)
class Markup:
    """One screen's markup, as facts a script can rely on."""

    forms: tuple[tuple[str, str], ...] = ()  # (action's last path part, method)
    fields: tuple[Field, ...] = ()
    hidden: tuple[str, ...] = ()  # hidden fields' names
    buttons: tuple[Button, ...] = ()  # in document order
    classes: frozenset[str] = frozenset()


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, str]] = []
        self.fields: list[Field] = []
        self.hidden: list[str] = []
        self.buttons: list[Button] = []
        self.classes: set[str] = set()
        self.inputs: list[tuple[str, list[dict[str, str]]]] = []  # per form: action, inputs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        self.classes.update(a.get("class", "").split())
        if tag == "form":
            action = urlsplit(a.get("action", "")).path.rsplit("/", 1)[-1]
            self.forms.append((action, a.get("method", "get").lower()))
            self.inputs.append((a.get("action", ""), []))
        if tag == "input" and self.inputs:
            self.inputs[-1][1].append(a)
        if tag in ("input", "select", "textarea"):
            kind = a.get("type", "text").lower() if tag == "input" else tag
            if kind == "image":
                self.buttons.append(Button(a.get("alt", ""), a.get("title", "")))
            elif kind == "hidden":
                self.hidden.append(a.get("name", ""))
            elif kind not in ("submit", "button", "reset"):
                length = a.get("maxlength", "")
                self.fields.append(Field(a.get("name", ""), a.get("id", ""), kind,
                                         int(length) if length.isdigit() else None))  # fmt: skip


META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.I)


def decoded(body: bytes, charset: str | None = None) -> str:
    """A page's text: by the charset its header names, else its <meta>'s (production's older
    pages may be Shift_JIS), else UTF-8."""
    found = META_CHARSET.search(body[:4096])
    for name in (charset, found.group(1).decode() if found else None, "utf-8"):
        if name:
            try:
                return body.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return body.decode("utf-8", "replace")


def _reader(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def forms_of(html: str) -> list[tuple[str, list[dict[str, str]]]]:
    """Each form's action as written and its inputs' attributes, to submit one as a browser does."""
    return _reader(html).inputs


def read(html: str) -> Markup:
    """Read a screen's markup from its HTML."""
    reader = _reader(html)
    return Markup(
        tuple(reader.forms), tuple(reader.fields), tuple(sorted(set(reader.hidden))),
        tuple(reader.buttons), frozenset(reader.classes),
    )  # fmt: skip
