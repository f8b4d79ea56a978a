"""The semantic diff of a screen's markup against the contract: what was added, removed or
changed, and which known scripts' selectors each change breaks."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .contract import Screen, needs, selectors_of
from .markup import Markup


@dataclass(frozen=True)
class Change:
    """One difference: kind is added, removed or changed; what is form, field, hidden, button,
    order or class."""

    kind: str
    what: str
    detail: str
    lost: frozenset[tuple[str, str]] = frozenset()  # the facts the contract had that went
    rename: str = ""  # the markup_renames pair that serves the change on the replica


@dataclass
class ScreenDrift:
    """A screen's result: same, drift, or not read (unreached, or not checked)."""

    key: str
    path: str
    status: str
    changes: list[Change] = field(default_factory=list)
    breaks: dict[str, list[str]] = field(default_factory=dict)  # change detail -> selectors
    note: str = ""

    def as_json(self) -> dict:
        return {
            "screen": self.key, "path": self.path, "status": self.status, "note": self.note,
            "changes": [{"kind": c.kind, "what": c.what, "detail": c.detail,
                         "breaks": self.breaks.get(c.detail, [])} for c in self.changes],
        }  # fmt: skip


def compare(screen: Screen, found: Markup) -> ScreenDrift:
    """Diff found against the screen's contract and name the selectors each change breaks."""
    promised = screen.markup
    changes = [
        *_forms(promised, found),
        *_fields(promised, found),
        *_sets("hidden", promised.hidden, found.hidden),
        *_buttons(promised, found),
        *[Change("removed", "class", f"class {c}", frozenset({("class", c)}))
          for c in sorted(promised.classes - found.classes)],
    ]  # fmt: skip
    known = selectors_of(screen.key)
    breaks = {
        change.detail: [f"{s} ({sources})" for s, sources in known if needs(s) & change.lost]
        for change in changes
    }
    return ScreenDrift(screen.key, screen.path, "drift" if changes else "same", changes, breaks)


def _forms(promised: Markup, found: Markup) -> list[Change]:
    was, now = dict(promised.forms), dict(found.forms)
    changes = [Change("removed", "form", f"form action {a} ({m})", frozenset({("action", a)}))
               for a, m in promised.forms if a not in now]  # fmt: skip
    changes += [Change("added", "form", f"form action {a} ({m})")
                for a, m in found.forms if a not in was]  # fmt: skip
    changes += [Change("changed", "form", f"form action {a}: method {was[a]} → {now[a]}")
                for a in was if a in now and was[a] != now[a]]  # fmt: skip
    return changes


def _fields(promised: Markup, found: Markup) -> list[Change]:
    was = Counter(promised.fields)
    now = Counter(found.fields)
    gone, came = list((was - now).elements()), list((now - was).elements())
    changes = []
    for old in gone:
        new = next((f for f in came if (f.name == old.name and old.name) or
                    (f.id == old.id and old.id)), None)  # fmt: skip
        if new is None:
            lost = {("name", old.name), ("id", old.id)} - {("name", ""), ("id", "")}
            changes.append(Change("removed", "field", _field(old), frozenset(lost)))
            continue
        came.remove(new)
        lost = set()
        if new.id != old.id:
            lost.add(("id", old.id))
        if new.name != old.name:
            lost.add(("name", old.name))
        rename = f"id:{old.id}={new.id}" if old.id and new.id and old.id != new.id else ""
        changes.append(Change("changed", "field", f"{_field(old)} → {_field(new)}",
                              frozenset(lost - {("id", ""), ("name", "")}), rename))  # fmt: skip
    changes += [Change("added", "field", _field(new)) for new in came]
    return changes


def _field(f) -> str:
    length = f" maxlength={f.maxlength}" if f.maxlength is not None else ""
    return f"field name={f.name or '—'} id={f.id or '—'} type={f.type}{length}"


def _sets(what: str, promised: tuple[str, ...], found: tuple[str, ...]) -> list[Change]:
    return [Change("removed", what, f"{what} {name}") for name in promised if name not in found] + [
        Change("added", what, f"{what} {name}") for name in found if name not in promised
    ]


def _buttons(promised: Markup, found: Markup) -> list[Change]:
    was = {b.alt: b for b in promised.buttons}
    now = {b.alt: b for b in found.buttons}
    first_was = promised.buttons[0].alt if promised.buttons else None
    first_now = found.buttons[0].alt if found.buttons else None
    changes = []
    new_alts = [b for b in found.buttons if b.alt not in was]
    for place, old in enumerate(promised.buttons):
        lost = {("alt", old.alt), ("title", old.title)} | (
            {("first-button", "")} if old.alt == first_was else set()
        )
        if old.alt in now:
            if now[old.alt].title != old.title:
                changes.append(Change(
                    "changed", "button", f"image button alt={old.alt}: title {old.title!r} → "
                    f"{now[old.alt].title!r}", frozenset({("title", old.title)})))  # fmt: skip
            continue
        there = found.buttons[place] if place < len(found.buttons) else None
        if there in new_alts:  # the same place holds a button the contract does not know
            new_alts.remove(there)
            changes.append(
                Change(
                    "changed",
                    "button",
                    f"image button alt={old.alt} → alt={there.alt} title={there.title}",
                    frozenset(lost),
                    f"alt:{old.alt}={there.alt}",
                )
            )
        else:
            changes.append(Change("removed", "button", f"image button alt={old.alt}",
                                  frozenset(lost)))  # fmt: skip
    changes += [Change("added", "button", f"image button alt={b.alt}") for b in new_alts]
    if first_was != first_now and first_was in now:
        changes.append(Change("changed", "order", f"first image button {first_was} → {first_now}",
                              frozenset({("first-button", "")})))  # fmt: skip
    return changes
