"""The workbook's pages as HTML (evidence.html, opens from disk) printed by Chromium to
evidence.pdf: the cover, then each scenario's steps with their screenshots, failures in red."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .layout import COLUMNS, FAILED_COLOR, FAILED_TEXT_COLOR, HEAD_COLOR, RESULT_WORDS, TITLE
from .record import ScenarioRecord

HTML, PDF = "evidence.html", "evidence.pdf"
STYLE = f"""body{{font-family:'Noto Sans CJK JP',sans-serif;font-size:9pt;margin:0}}
h1{{font-size:15pt}}h2{{font-size:12pt;break-before:page}}
table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #999;padding:2px 4px;vertical-align:top}}th{{background:#{HEAD_COLOR}}}
tr{{break-inside:avoid}}.failed td{{background:#{FAILED_COLOR};color:#{FAILED_TEXT_COLOR}}}
img{{width:62mm}}.sub{{color:#555;font-size:8pt}}"""


def html(records: list[ScenarioRecord], versions: dict[str, str]) -> str:
    passed = sum(r.status == "passed" for r in records)
    parts = [
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">',
        f"<title>{TITLE}</title><style>{STYLE}</style></head><body>",
        f"<h1>{TITLE}</h1>",
        f"<p>実施シナリオ数 {len(records)}（OK {passed}・NG {len(records) - passed}）",
        "<br>" + "<br>".join(f"{escape(k)}：{escape(v)}" for k, v in versions.items()) + "</p>",
        "<table><tr><th>No</th><th>シナリオ</th><th>地域</th><th>結果</th><th>実施日時</th></tr>",
    ]
    for n, r in enumerate(records, 1):
        mark = ' class="failed"' if r.status == "failed" else ""
        parts.append(f"<tr{mark}><td>{n}</td><td>{escape(r.title)}</td><td>{r.where}</td>"
                     f"<td>{RESULT_WORDS[r.status]}</td><td>{r.when}</td></tr>")  # fmt: skip
    parts.append("</table>")
    for n, r in enumerate(records, 1):
        parts.append(f"<h2>{n}. {escape(r.title)}（{r.where}）</h2>")
        heads = [COLUMNS[i] for i in (0, 1, 2, 3, 5, 6)]
        parts.append("<table><tr>" + "".join(f"<th>{h}</th>" for h in heads) + "</tr>")
        for s in r.steps:
            mark = ' class="failed"' if s.status == "failed" else ""
            subs = "".join(f"<br><span class=sub>・{escape(c)}</span>" for c in s.substeps)
            error = f"<br>{escape(s.error)}" if s.error else ""
            shot = f'<img src="{escape(s.screenshot)}" alt="">' if s.screenshot else ""
            parts.append(
                f"<tr{mark}><td>{s.index}</td><td>{escape(s.words)}{subs}</td>"
                f"<td>{escape(s.expected)}</td><td>{RESULT_WORDS[s.status]}{error}</td>"
                f"<td>{s.seconds:.1f}</td><td>{shot}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write(records: list[ScenarioRecord], folder: Path, versions: dict[str, str], browser) -> Path:
    """Write folder/evidence.html and print it to folder/evidence.pdf with browser (A4)."""
    page_html = Path(folder) / HTML
    page_html.write_text(html(records, versions), "utf-8")
    context = browser.new_context()
    try:
        printer = context.new_page()
        printer.goto(page_html.resolve().as_uri())
        printer.wait_for_load_state("load")
        margin = {"top": "10mm", "bottom": "10mm", "left": "8mm", "right": "8mm"}
        pdf = Path(folder) / PDF
        printer.pdf(path=str(pdf), format="A4", landscape=True, print_background=True,
                    margin=margin)  # fmt: skip
    finally:
        context.close()
    return pdf
