"""Text longer than an Excel cell holds, and characters a workbook cannot carry.

Excel keeps at most 32,767 characters in a cell; cutting a longer 会议内容 there would lose
the rest without a word. So the cell keeps the beginning and says where the rest is, and
the whole text goes, in pieces, to a sheet named 长文本 (工作表, 单元格, 段, 内容). Reading
such a workbook back (``outputs.xlsx.reader``) puts the pieces together again in place of
the cell, so an export re-imports whole.

Workbook XML cannot hold control characters, U+FFFE/U+FFFF or lone surrogates (one
U+FFFE in a name made an export no program could open), and the Unicode non-characters
(U+FDD0–U+FDEF, U+nFFFE/U+nFFFF) are meant never to be interchanged: they are removed
from what is written, and the export says how many and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

EXCEL_CELL_LIMIT = 32_767
PIECE = 32_000
SHEET = "长文本"
HEADER = ("工作表", "单元格", "段", "内容")
NOTE = "〔全文较长，见“长文本”工作表 {ref}〕"

_NOT_CARRIED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{p:04x}fffe\\U{p:04x}ffff" for p in range(1, 17)) + "]")


def clean_text(text: str) -> str:
    """``text`` without the characters a workbook cannot carry."""
    return _NOT_CARRIED.sub("", text)


def removed_count(text: str) -> int:
    return len(_NOT_CARRIED.findall(text))


@dataclass
class LongTexts:
    """What an export had to move or remove, for the 长文本 sheet and the warnings."""

    pieces: list[tuple[str, str, int, str]] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)      # "党员名册!F12"
    removed: dict[str, int] = field(default_factory=dict)

    def fit(self, sheet: str, ref: str, text: str) -> str:
        """The cell's text: ``text`` itself, or its beginning and where the rest is."""
        if _NOT_CARRIED.search(text):
            self.removed[f"{sheet}!{ref}"] = removed_count(text)
            text = clean_text(text)
        if len(text) <= EXCEL_CELL_LIMIT:
            return text
        self.moved.append(f"{sheet}!{ref}")
        for n, start in enumerate(range(0, len(text), PIECE), 1):
            self.pieces.append((sheet, ref, n, text[start:start + PIECE]))
        note = NOTE.format(ref=f"{sheet}!{ref}")
        return text[:EXCEL_CELL_LIMIT - len(note)] + note

    def write(self, wb: Any) -> None:
        if not self.pieces:
            return
        ws = wb.create_sheet(SHEET)
        ws.append(list(HEADER))
        for row in self.pieces:
            ws.append(list(row))

    def warnings(self) -> list[str]:
        out = []
        if self.moved:
            shown = "、".join(self.moved[:5]) + ("等" if len(self.moved) > 5 else "")
            out.append(f"有 {len(self.moved)} 个单元格的文字超过 Excel 一格最多 {EXCEL_CELL_LIMIT} 个字符"
                       f"（{shown}）：格中是开头部分，全文分段放在“{SHEET}”工作表，"
                       "用本程序导入时会自动拼回全文。")
        if self.removed:
            shown = "、".join(list(self.removed)[:5]) + ("等" if len(self.removed) > 5 else "")
            out.append(f"有 {sum(self.removed.values())} 个 Excel 无法保存的特殊字符（控制字符、"
                       f"U+FFFE 等非字符）没有写入工作簿（{shown}）。台账中的原文不变。")
        return out


def read_pieces(rows: Any) -> dict[tuple[str, str], str]:
    """``(sheet, cell) -> whole text`` from the 长文本 sheet's rows (values only)."""
    parts: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for i, row in enumerate(rows):
        if i == 0:
            if tuple(row[:4]) != HEADER:
                return {}
            continue
        if len(row) < 4 or not isinstance(row[3], str) or not isinstance(row[2], int):
            continue
        parts.setdefault((str(row[0]), str(row[1])), []).append((row[2], row[3]))
    return {key: "".join(text for _, text in sorted(pieces)) for key, pieces in parts.items()}
