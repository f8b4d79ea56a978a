"""What a screen's markup promises to a script, read from its HTML: the forms (action, method),
the fields (name, id, type, maxlength), the hidden fields, the image buttons (alt and title, in
order) and the classes. The same reading serves the replica and production, so the two compare
fact by fact (drift.compare)."""

from __future__ import annotations

from dataclasses import dataclass, field
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

    def as_json(self) -> dict:
        return {
            "forms": [list(form) for form in self.forms],
            "fields": [vars(f) for f in self.fields],
            "hidden": list(self.hidden),
            "buttons": [vars(b) for b in self.buttons],
            "classes": sorted(self.classes),
        }


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, str]] = []
        self.fields: list[Field] = []
        self.hidden: list[str] = []
        self.buttons: list[Button] = []
        self.classes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        self.classes.update(a.get("class", "").split())
        if tag == "form":
            action = urlsplit(a.get("action", "")).path.rsplit("/", 1)[-1]
            self.forms.append((action, a.get("method", "get").lower()))
        elif tag in ("input", "select", "textarea"):
            kind = a.get("type", "text").lower() if tag == "input" else tag
            if kind == "image":
                self.buttons.append(Button(a.get("alt", ""), a.get("title", "")))
            elif kind == "hidden":
                self.hidden.append(a.get("name", ""))
            elif kind not in ("submit", "button", "reset"):
                length = a.get("maxlength", "")
                self.fields.append(Field(a.get("name", ""), a.get("id", ""), kind,
                                         int(length) if length.isdigit() else None))  # fmt: skip


def read(html: str) -> Markup:
    """Read a screen's markup from its HTML."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return Markup(
        tuple(reader.forms), tuple(reader.fields), tuple(sorted(set(reader.hidden))),
        tuple(reader.buttons), frozenset(reader.classes),
    )  # fmt: skip


@dataclass
class Screens:
    """Markup by screen key, as read from one site (the replica or production)."""

    by_key: dict[str, Markup] = field(default_factory=dict)
