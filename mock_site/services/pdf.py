"""A received FAX as a small, valid PDF: one A4 page per FAX page, in plain ASCII text."""

from __future__ import annotations

from ..store import Fax


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def fax_pdf(fax: Fax, number: str) -> bytes:
    """Return the FAX as PDF 1.4 bytes; the text names sender, receiver, time and page."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(fax.pages)]
    font_id = 3 + 2 * fax.pages
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {fax.pages} >>".encode())
    when = fax.received_at.strftime("%Y-%m-%d %H:%M")
    for page in range(1, fax.pages + 1):
        lines = [
            "hikari-e2e mock FAX",
            f"From: {fax.sender}",
            f"To: {number}",
            f"Received: {when}",
            f"Page {page} / {fax.pages}",
        ]
        text = " ".join(f"({_escape(line)}) Tj 0 -28 Td" for line in lines)
        stream = f"BT /F1 20 Tf 72 760 Td {text} ET".encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
            f"/Contents {page_ids[page - 1] + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number_, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number_ + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
