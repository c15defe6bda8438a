"""The 移交单: one A4 page that binds a signed paper to the electronic archive.

The binder inside an archive cannot print the archive's own manifest digest (the binder is
one of the files the manifest lists), so the digest goes on this separate page, printed
after the archive is made. The secretary signs it and hands it over with the zip; the
receiver checks that ``ledger-app verify`` (or the inspection window) shows the same key
fingerprint, and that the manifest digest and the zip's SHA-256 are the ones printed here.
The page takes plain facts (``HandoverFacts``), never a ledger: it is printed from the
archive alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ledger_app.outputs.pdf import styles
from ledger_app.outputs.pdf.common import atomic_output
from ledger_app.outputs.pdf.doc import make_template
from ledger_app.outputs.pdf.fonts import fonts


@dataclass(frozen=True)
class HandoverFacts:
    org_name: str
    period: str
    archive_name: str
    archive_size: int
    archive_sha256: str
    manifest_sha256: str
    fingerprint: str
    files: int
    exported_at: str
    masked: bool
    encrypted: bool
    counts: list[tuple[str, int]]     # category label, records


def grouped(hex_digest: str, group: int = 8) -> str:
    """``70945585 ff0c8e80 …``: a 64-digit digest in groups a person can compare aloud."""
    return " ".join(hex_digest[i:i + group] for i in range(0, len(hex_digest), group))


def render_handover(facts: HandoverFacts, out_path: str | os.PathLike[str]) -> int:
    """Print the 移交单; returns the number of pages (1)."""
    from reportlab.platypus import BaseDocTemplate

    fs = fonts()
    st = styles.paragraph_styles(fs)
    cell = st["cell"]
    label = st["cell_label"]

    def p(text: str, style=cell) -> Paragraph:
        return Paragraph(fs.markup(text, "serif" if style is cell else "sans"), style)

    size_mb = facts.archive_size / 1024 / 1024
    counts = "；".join(f"{name} {n} 条" for name, n in facts.counts) or "—"
    rows = [
        ("移交单位", facts.org_name),
        ("档案名称", facts.archive_name),
        ("期间", facts.period),
        ("内容", f"{facts.files} 个文件，{size_mb:.1f} MB；{counts}"),
        ("导出时间", facts.exported_at.replace("T", " ")),
        ("个人信息", "已隐藏部分身份证号、电话号码" if facts.masked else "未隐藏（完整号码，请妥善保管）"),
        ("加密", "已加密（AES-256），密码另行告知" if facts.encrypted else "未加密"),
        ("签名密钥指纹", facts.fingerprint),
        ("清单摘要（SHA-256）", grouped(facts.manifest_sha256)),
        ("压缩包 SHA-256", grouped(facts.archive_sha256)),
    ]
    width = styles.PORTRAIT[0] - 48 * mm
    # The two values the receiver compares by eye are printed large.
    big = ParagraphStyle("big", parent=st["cell"], fontName=fs.name("sans"), fontSize=13,
                         leading=17)
    compared = {"签名密钥指纹", "清单摘要（SHA-256）"}
    table = Table([[p(k, label), Paragraph(fs.markup(v, "sans"), big) if k in compared
                    else p(v)] for k, v in rows],
                  colWidths=[width * 0.27, width * 0.73])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fs.name("serif")),   # else reportlab adds Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, styles.GRID),
        ("BACKGROUND", (0, 0), (0, -1), styles.HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    steps = [
        "接收人核对方法：",
        "1. 用基层台账程序 文件 → 打开检查档案包…，或在命令行运行 "
        f"ledger-app verify {facts.archive_name} --expect-key {facts.fingerprint}；"
        "应显示“校验通过”和“签名有效”，且签名密钥指纹与上表一致。",
        "2. 指纹也印在该台账装订册的备考表上，以后每次移交都应相同；指纹不同说明档案不是由该台账导出的。",
        "3. 需要时可核对压缩包的 SHA-256（Windows：certutil -hashfile 文件名 SHA256；"
        "Linux：sha256sum 文件名）。",
    ]
    sign = Table([[p("移交人（签字）：", label), p(""), p("接收人（签字）：", label), p("")],
                  [p("日期：", label), p(""), p("日期：", label), p("")]],
                 colWidths=[width * 0.22, width * 0.28, width * 0.22, width * 0.28],
                 rowHeights=[14 * mm, 10 * mm])
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fs.name("serif")),
                              ("LINEBELOW", (1, 0), (1, -1), 0.6, styles.GRID),
                              ("LINEBELOW", (3, 0), (3, -1), 0.6, styles.GRID),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    flow = [Paragraph(fs.markup("检查档案移交单", "sans"), st["title"]),
            Paragraph(fs.markup(f"打印时间：{datetime.now():%Y-%m-%d %H:%M}", "serif"),
                      st["meta"]),
            Spacer(1, 3 * mm), table, Spacer(1, 5 * mm)]
    flow += [Paragraph(fs.markup(t, "serif"), st["small"]) for t in steps]
    flow += [Spacer(1, 8 * mm), sign]
    with atomic_output(out_path) as tmp:
        doc = BaseDocTemplate(str(tmp), pagesize=styles.PORTRAIT, title="检查档案移交单",
                              author=facts.org_name, creator="基层台账",
                              initialFontName=fs.name("serif"),
                              leftMargin=24 * mm, rightMargin=24 * mm)
        doc.addPageTemplates([make_template("form")])
        doc.build(flow)
        pages = doc.page
    return pages
