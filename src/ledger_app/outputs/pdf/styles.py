"""Page sizes, margins, colours and type sizes of the printed ledger (RULES.md §8)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from ledger_app.outputs.pdf.fonts import FontSet

PORTRAIT = A4
LANDSCAPE = landscape(A4)

# 公文 margins (GB/T 9704-2012): top 37 mm, left 28 mm, text block 156 x 225 mm.
DOC_MARGINS = dict(top=37 * mm, left=28 * mm, right=26 * mm, bottom=35 * mm)
# Tables and forms use the page more fully; they are bound on the left.
FORM_MARGINS = dict(top=15 * mm, left=20 * mm, right=12 * mm, bottom=14 * mm)
LANDSCAPE_MARGINS = dict(top=14 * mm, left=15 * mm, right=15 * mm, bottom=12 * mm)

PARTY_RED = colors.HexColor("#C8102E")
EMBLEM_GOLD = colors.HexColor("#FFD700")
GRID = colors.HexColor("#333333")
HEADER_FILL = colors.HexColor("#F2F2F2")
MUTED = colors.HexColor("#555555")

# Type sizes (号 -> points).
SIZE_2 = 22.0     # 二号: titles
SIZE_3 = 16.0     # 三号: body of 公文
SIZE_4 = 14.0     # 四号: page numbers, headings
SIZE_SMALL_4 = 12.0
SIZE_5 = 10.5     # 五号: forms
TABLE_SIZE = 9.0  # tables: smaller type, as RULES.md §8 allows
# 公文 text block: 22 lines of 28 characters (GB/T 9704-2012 §5.2.2): 225 mm / 22 lines.
DOC_LEADING = 225 * mm / 22


def paragraph_styles(fs: FontSet) -> dict[str, ParagraphStyle]:
    serif, sans, fang, kai = fs.name("serif"), fs.name("sans"), fs.name("fang"), fs.name("kai")
    title = fs.name("title")
    return {
        # A document (公文 style, RULES.md §8): 2号 小标宋 title, 3号 仿宋 body.
        "doc_title": ParagraphStyle("doc_title", fontName=title, fontSize=SIZE_2,
                                    leading=SIZE_2 * 1.45, alignment=TA_CENTER,
                                    spaceAfter=DOC_LEADING * 0.5),
        "doc_number": ParagraphStyle("doc_number", fontName=fang, fontSize=SIZE_3,
                                     leading=DOC_LEADING, alignment=TA_CENTER,
                                     spaceAfter=DOC_LEADING * 0.5),
        "doc_body": ParagraphStyle("doc_body", fontName=fang, fontSize=SIZE_3,
                                   leading=DOC_LEADING, alignment=TA_JUSTIFY,
                                   firstLineIndent=2 * SIZE_3),
        "doc_sign": ParagraphStyle("doc_sign", fontName=fang, fontSize=SIZE_3,
                                   leading=DOC_LEADING, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", fontName=sans, fontSize=SIZE_2 - 4, leading=SIZE_2 + 2,
                                alignment=TA_CENTER, spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", fontName=sans, fontSize=SIZE_4, leading=SIZE_4 * 1.5,
                                  spaceBefore=3 * mm, spaceAfter=1.5 * mm),
        "subheading": ParagraphStyle("subheading", fontName=kai, fontSize=SIZE_SMALL_4,
                                     leading=SIZE_SMALL_4 * 1.5, spaceBefore=2 * mm),
        "body": ParagraphStyle("body", fontName=fang, fontSize=SIZE_SMALL_4,
                               leading=SIZE_SMALL_4 * 1.6, alignment=TA_JUSTIFY,
                               firstLineIndent=2 * SIZE_SMALL_4, wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=serif, fontSize=SIZE_5, leading=SIZE_5 * 1.35,
                               wordWrap="CJK"),
        "cell_label": ParagraphStyle("cell_label", fontName=sans, fontSize=SIZE_5,
                                     leading=SIZE_5 * 1.35, alignment=TA_CENTER,
                                     wordWrap="CJK"),
        "small": ParagraphStyle("small", fontName=serif, fontSize=9, leading=12,
                                wordWrap="CJK"),
        "caption": ParagraphStyle("caption", fontName=kai, fontSize=9, leading=11.5,
                                  alignment=TA_CENTER, wordWrap="CJK"),
        "meta": ParagraphStyle("meta", fontName=serif, fontSize=SIZE_5, leading=SIZE_5 * 1.4,
                               wordWrap="CJK"),
        "toc1": ParagraphStyle("toc1", fontName=sans, fontSize=SIZE_SMALL_4, leading=20),
        "toc2": ParagraphStyle("toc2", fontName=serif, fontSize=SIZE_5 + 0.5, leading=17,
                               leftIndent=8 * mm),
    }
