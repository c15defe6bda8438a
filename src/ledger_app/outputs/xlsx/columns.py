"""Which columns a record type has in Excel, and what a stored value looks like in a cell.

Every stored field becomes a column, in declaration order (also fields hidden from
printed tables: a workbook is for data, and a round trip must keep everything).
Detached fields: attendance gets a read-only summary column (出席情况: 应到/实到),
ignored on import; attachments are left out (files do not fit in a cell).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ledger_app.forms.display import display
from ledger_app.forms.model import Field, RecordType

DATE_FORMAT = "yyyy-mm-dd"
MONTH_FORMAT = "yyyy-mm"
MONEY_FORMAT = "0.00"
INTEGER_FORMAT = "0"
TEXT_FORMAT = "@"
# Excel's day 1 is 1900-01-01 and it believes 1900 was a leap year: earlier dates go as text.
FIRST_EXCEL_DATE = date(1900, 3, 1)
# Integers past this lose digits as Excel numbers: they go as text.
EXACT_INTEGER_LIMIT = 10 ** 15


@dataclass(frozen=True)
class Column:
    field: Field
    header: str
    width: float            # Excel character units
    number_format: str
    summary: bool = False   # a derived column (attendance) that import ignores

    @property
    def key(self) -> str:
        return self.field.key

    @property
    def in_print(self) -> bool:
        return self.field.in_table


def width_for(field: Field) -> float:
    """Excel width (characters) from the declared print width (mm), wide enough for the header."""
    by_print = field.print_width / 1.9 * 1.15
    by_header = 2.2 * len(field.label) + 2
    if field.format == "idcard":
        by_print = max(by_print, 21)
    elif field.type == "date":
        by_print = max(by_print, 13)
    elif field.type == "longtext":
        by_print = max(by_print, 30)
    return round(min(max(by_print, by_header, 6), 60), 1)


def number_format_for(field: Field) -> str:
    if field.type == "date":
        return DATE_FORMAT
    if field.type == "month":
        return MONTH_FORMAT
    if field.type == "money":
        return MONEY_FORMAT
    if field.type == "integer":
        return INTEGER_FORMAT
    if field.type in ("text", "choice") and field.format in ("idcard", "phone"):
        return TEXT_FORMAT
    return "General"


def columns_for(rt: RecordType) -> list[Column]:
    """The columns of the printed table first (declaration order), then the other stored
    fields: the print area covers the first group, so a printout looks like the ledger's
    printed table while the workbook still holds every field."""
    columns = []
    for f in rt.fields:
        if f.type == "attachments":
            continue
        columns.append(Column(f, f.label, width_for(f), number_format_for(f),
                              summary=f.type == "attendance"))
    return [c for c in columns if c.in_print] + [c for c in columns if not c.in_print]


def printed_count(columns: list[Column]) -> int:
    return sum(1 for c in columns if c.in_print)


def importable_fields(rt: RecordType) -> list[Field]:
    return [f for f in rt.stored_fields]


def clean_text(text: str) -> str:
    from ledger_app.outputs.xlsx.long_text import clean_text as without_uncarried

    return without_uncarried(text)


def cell_value(field: Field, value: Any, member_name: Callable[[int], str],
               masked: bool) -> Any:
    """What goes in the cell for a stored value (None: leave the cell empty)."""
    if value is None or value == [] or value == "":
        return None
    t = field.type
    if t == "date" and len(value) == 7:
        # A month-only date goes as the text people read ("2003年7月"): a date cell would
        # hold an invented 1st of the month. Importing the workbook reads it back as a month.
        return display(field, value, masked, member_name)
    if t == "date":
        day = date.fromisoformat(value)
        return day if day >= FIRST_EXCEL_DATE else value
    if t == "month":
        day = date.fromisoformat(value + "-01")
        return day if day >= FIRST_EXCEL_DATE else value
    if t == "money":
        return value / 100 if abs(value) < EXACT_INTEGER_LIMIT else f"{value / 100:.2f}"
    if t == "integer":
        return value if abs(value) < EXACT_INTEGER_LIMIT else str(value)
    # Everything else is text, shown (and masked) as every other output shows it; the
    # export removes what a workbook cannot carry (long_text.LongTexts.fit), counting it.
    return display(field, value, masked, member_name)
