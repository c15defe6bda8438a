"""The audit trail (留痕) printed: one ruled table, the filter it was printed with on top.

Takes the rows ``outputs.audit_text`` made (already masked as chosen), so the printout
shows exactly what the window or ``ledger-app audit`` showed.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Paragraph, Spacer, Table, TableStyle

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import atomic_output, page_of_total, total_pages_canvas
from ledger_app.outputs.pdf.doc import make_template
from ledger_app.outputs.pdf.fonts import fonts

if TYPE_CHECKING:
    from ledger_app.outputs.audit_text import AuditRow


def render_audit(org_name: str, rows: list[AuditRow], scope: str,
                 out_path: str | os.PathLike[str]) -> int:
    """Print ``rows`` as the 留痕 of ``org_name``; ``scope`` says which lines they are."""
    fs = fonts()
    st = styles.paragraph_styles(fs)

    def p(text: str, style: str = "small") -> Paragraph:
        return Paragraph(fs.markup(text, "sans" if style == "cell_label" else "serif"),
                         st[style])

    width = styles.LANDSCAPE[0] - styles.LANDSCAPE_MARGINS["left"] \
        - styles.LANDSCAPE_MARGINS["right"]
    shares = (0.14, 0.08, 0.1, 0.12, 0.56)
    head = [p(t, "cell_label") for t in ("时间", "操作人", "操作", "记录", "内容与改动")]
    def lines(texts: list[str]) -> Paragraph:
        return Paragraph("<br/>".join(fs.markup(t, "serif") for t in texts), st["small"])

    body = [[p(r.at), p(r.actor), p(r.action), p(r.record), lines([r.summary, *r.changes])]
            for r in rows] if rows else [[p("（没有符合条件的留痕）")] + [p("")] * 4]
    table = Table([head, *body], colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fs.name("serif")),
        ("GRID", (0, 0), (-1, -1), 0.5, styles.GRID),
        ("BACKGROUND", (0, 0), (-1, 0), styles.HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    flow = [Paragraph(fs.markup(f"{org_name} 留痕记录", "sans"), st["title"]),
            Paragraph(fs.markup(f"{scope}　共 {len(rows)} 条　打印时间："
                                f"{datetime.now():%Y-%m-%d %H:%M}", "serif"), st["meta"]),
            Spacer(1, 3 * mm), table]
    pages = {"n": 0}

    def footer(canvas, number: int, total: int) -> None:
        pages["n"] = total
        page_of_total(fs, canvas, number, total)

    with atomic_output(out_path) as tmp:
        doc = BaseDocTemplate(str(tmp), pagesize=styles.LANDSCAPE, title="留痕记录",
                              author=org_name, creator="基层台账",
                              initialFontName=fs.name("serif"))
        doc.addPageTemplates([make_template("landscape")])
        doc.build(flow, canvasmaker=total_pages_canvas(footer))
    return pages["n"]
