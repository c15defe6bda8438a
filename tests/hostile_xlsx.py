"""Tiny workbooks made to exhaust a reader: written by hand (zip + XML), so each is a few
KB however much it would unpack to. Used by tests/test_xlsx_hostile.py and
benchmarks/bench_hostile.py."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
{shared_type}
</Types>"""
_SHARED_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="名册" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WB_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
{shared_rel}
</Relationships>"""
_SHARED_REL = ('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
               '2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
_SHEET = ('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.'
          'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>')


def workbook(path: Path, rows: str, shared: list[str] | None = None) -> Path:
    """A one-sheet workbook with this <sheetData> content and shared strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml",
                    _TYPES.format(shared_type=_SHARED_TYPE if shared is not None else ""))
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels",
                    _WB_RELS.format(shared_rel=_SHARED_REL if shared is not None else ""))
        zf.writestr("xl/worksheets/sheet1.xml", _SHEET.format(rows=rows))
        if shared is not None:
            items = "".join(f"<si><t>{escape(t)}</t></si>" for t in shared)
            zf.writestr("xl/sharedStrings.xml",
                        '<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.'
                        'openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="'
                        f'{len(shared)}">{items}</sst>')
    return path


def header_row() -> str:
    return ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>')


def column_xfd(path: Path, rows: int = 3000) -> Path:
    """Cells only in the last column (XFD): ~40 KB that a padding reader makes 16,384 wide."""
    body = "".join(f'<row r="{r}"><c r="XFD{r}"><v>{r}</v></c></row>' for r in range(2, rows))
    return workbook(path, header_row() + body)


def repeated_shared_string(path: Path, cells: int = 35_000, size: int = 60_000) -> Path:
    """One long shared string referenced by every cell. Random letters, so the file stays
    small without the compression ratio that the zip-bomb check already refuses (a 2 MB
    run of one character is refused that way)."""
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(size))
    body = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>'
                   for r in range(2, cells + 2))
    return workbook(path, header_row() + body, shared=[text])


def long_inline_cell(path: Path, size: int = 40_000) -> Path:
    body = f'<row r="2"><c r="A2" t="inlineStr"><is><t>{"长" * size}</t></is></c></row>'
    return workbook(path, header_row() + body)


def much_text(path: Path, cells: int = 2_200, size: int = 32_000) -> Path:
    """Each cell within Excel's limit, together past what any ledger holds."""
    body = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>'
                   for r in range(2, cells + 2))
    return workbook(path, header_row() + body, shared=["字" * size])


CASES = {
    "column XFD": (column_xfd, "第 XFD 列"),
    "long shared string in every cell": (repeated_shared_string, "超过 Excel 单元格最多能放的"),
    "40,000-character cell": (long_inline_cell, "超过 Excel 单元格最多能放的"),
    "text past 64M characters": (much_text, "的文字超过"),
}
