"""Decode Japanese mail as Japanese mailers write it, without a single U+FFFD.

Python's iso2022_jp codecs lack the NEC and IBM extensions (①, ㈱, Ⅲ, 髙) that Japanese mailers
send (CP50220); this module reads ISO-2022-JP through CP932 instead, and falls back through the
usual Japanese charsets when a declared charset lies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import policy
from email.errors import MessageError
from email.header import decode_header
from email.message import Message
from email.parser import BytesHeaderParser

ESC = 0x1B
FALLBACKS = ("utf-8", "cp932", "euc_jis_2004")
ALIASES = {
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "cp932": "cp932",
    "euc-jp": "euc_jis_2004",
    "euc_jp": "euc_jis_2004",
    "x-euc-jp": "euc_jis_2004",
    "iso-2022-jp": "iso-2022-jp",
    "iso-2022-jp-ms": "iso-2022-jp",
    "csiso2022jp": "iso-2022-jp",
    "cp50220": "iso-2022-jp",
    "cp50221": "iso-2022-jp",
}


def iso2022jp_to_cp932(data: bytes) -> bytes:
    """Rewrite ISO-2022-JP bytes as Shift_JIS (CP932) bytes, row by row of JIS X 0208."""
    out = bytearray()
    mode = "ascii"
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == ESC and i + 2 < len(data) + 1:
            sequence = data[i + 1 : i + 3]
            if sequence in (b"$B", b"$@"):
                mode, i = "jis", i + 3
                continue
            if sequence in (b"(B", b"(J"):
                mode, i = "ascii", i + 3
                continue
            if sequence == b"(I":
                mode, i = "kana", i + 3
                continue
        if byte in (0x0A, 0x0D):
            mode = "ascii" if mode == "kana" else mode
            out.append(byte)
            i += 1
            continue
        if mode == "jis" and i + 1 < len(data) and 0x21 <= byte <= 0x7E:
            row, cell = byte, data[i + 1]
            # JIS X 0208 (row, cell) to Shift_JIS; rows 13 and 89–92 land on CP932's NEC and
            # NEC-selected IBM extensions, which is what CP50220 means by them.
            lead = ((row + 1) >> 1) + (0x70 if row <= 0x5E else 0xB0)
            if row % 2:
                trail = cell + (0x1F if cell <= 0x5F else 0x20)
            else:
                trail = cell + 0x7E
            out += bytes((lead, trail))
            i += 2
            continue
        if mode == "kana" and 0x21 <= byte <= 0x5F:
            out.append(byte + 0x80)
        else:
            out.append(byte)
        i += 1
    return bytes(out)


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode data in its declared charset, else the first Japanese charset that fits.

    Returns the text and a note when the declared charset was missing or wrong.
    """
    declared = (charset or "").strip().lower()
    codec = ALIASES.get(declared, declared)
    if b"\x1b$" in data or b"\x1b(" in data:
        codec = "iso-2022-jp" if codec in ("", "us-ascii", "ascii") else codec
    tried = [codec] if codec else []
    tried += [c for c in FALLBACKS if c not in tried]
    for name in tried:
        try:
            if name == "iso-2022-jp":
                text = iso2022jp_to_cp932(data).decode("cp932")
            else:
                text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
        note = None if name == codec else f"declared charset {declared or 'none'}; read as {name}"
        return text, note
    return data.decode("utf-8", errors="replace"), "undecodable bytes replaced"


def decode_header_value(value: str | bytes | None) -> str:
    """Decode a header, joining RFC 2047 words split across folded lines, in any charset."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return decode_bytes(value, None)[0]
    # Whitespace between encoded words does not count (RFC 2047 §6.2); unfold first.
    value = re.sub(r"\r?\n[ \t]+", " ", value)
    parts = []
    for chunk, charset in decode_header(value):
        if isinstance(chunk, str):
            parts.append(chunk)
        else:
            parts.append(decode_bytes(chunk, charset)[0])
    return "".join(parts)


RAW_NOTE = "{name}: not decodable as RFC 2047 words; shown raw"
HEADER_END = re.compile(rb"\r?\n\r?\n")


def readable_header(value: str) -> tuple[str, bool]:
    """Decode one raw header value; return it raw, with False, when it cannot be decoded.

    Raw 8-bit bytes are read in the first Japanese charset that fits (mailers send them).
    """
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        return decode_bytes(value.encode("ascii", "surrogateescape"), None)[0], True
    try:
        return decode_header_value(value), True
    # HeaderParseError (a broken base64 word) is a MessageError, not a ValueError.
    except (MessageError, ValueError, LookupError):
        return value, False


@dataclass(frozen=True)
class Head:
    """A mail's header block, each header decoded or kept raw, read apart from the body."""

    items: tuple[tuple[str, str], ...]
    raw_names: tuple[str, ...]  # the headers shown raw, undecodable

    def get(self, name: str) -> str:
        """Return the first header of this name, decoded ("" when there is none)."""
        wanted = name.lower()
        return next((value for key, value in self.items if key.lower() == wanted), "")

    @property
    def notes(self) -> list[str]:
        """Say which headers are shown raw."""
        return [RAW_NOTE.format(name=name) for name in self.raw_names]


def read_head(raw: bytes) -> Head:
    """Read the header block of raw (never the body, however large or deep), and decode it."""
    end = HEADER_END.search(raw)
    block = raw[: end.end()] if end else raw
    try:
        message = BytesHeaderParser(policy=policy.compat32).parsebytes(block)
        pairs = [(str(name), str(value)) for name, value in message.raw_items()]
    except (MessageError, ValueError, LookupError):
        return Head((), ())
    items, raw_names = [], []
    for name, value in pairs:
        text, readable = readable_header(value)
        items.append((name, text))
        if not readable:
            raw_names.append(name)
    return Head(tuple(items), tuple(raw_names))


def text_of(message: Message) -> tuple[str, list[str]]:
    """Return the message's plain text, and notes on what was guessed.

    HTML is never rendered: without a text/plain part, its source is the text.
    """
    parts = [
        part
        for part in (message.walk() if message.is_multipart() else [message])
        if not part.is_multipart()
        and part.get_content_maintype() == "text"
        and part.get_content_disposition() != "attachment"
    ]
    plain = [part for part in parts if part.get_content_subtype() == "plain"]
    texts, notes = [], []
    for part in plain or parts:
        payload = part.get_payload(decode=True) or b""
        text, note = decode_bytes(payload, part.get_content_charset())
        if note:
            notes.append(note)
        texts.append(text)
    return "\n".join(texts), notes
