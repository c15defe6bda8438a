"""Look of exported workbooks and templates: one place for fonts, fills and print set-up."""

from __future__ import annotations

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from ledger_app.forms.model import Field, RecordType
from ledger_app.outputs.xlsx.columns import Column

FONT_NAME = "宋体"
TITLE_FONT = Font(name="黑体", size=14, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=10, color="FF555555")
HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True)
REQUIRED_HEADER_FONT = Font(name=FONT_NAME, size=11, bold=True, color="FFC00000")
BODY_FONT = Font(name=FONT_NAME, size=11)
HEADER_FILL = PatternFill("solid", fgColor="FFE7E6E6")
_THIN = Side(style="thin", color="FF808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
TOP_LEFT = Alignment(vertical="top", wrap_text=False)
WRAP = Alignment(vertical="top", wrap_text=True)

PAPER_A4 = "9"
# A4 portrait holds about this many Excel width units at 100 %; wider tables go landscape.
PORTRAIT_UNITS = 95
MAX_LIST_FORMULA = 250   # Excel's limit for an inline list is 255 characters


def landscape(rt: RecordType, columns: list[Column]) -> bool:
    if rt.orientation in ("portrait", "landscape"):
        return rt.orientation == "landscape"
    return sum(c.width for c in columns if c.in_print) > PORTRAIT_UNITS


def set_print(ws, rt: RecordType, columns: list[Column], header_row: int) -> None:
    """A4, fit to one page wide, header row repeated on every printed page."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if landscape(rt, columns) else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"


def choice_list(field: Field) -> list[str] | None:
    if field.type == "choice":
        return list(field.choices)
    if field.type == "bool":
        return ["是", "否"]
    return None


def validation_for(field: Field, options_ref: str | None) -> DataValidation | None:
    """A drop-down for a choice or yes/no column; long lists point at the hidden 选项 sheet."""
    choices = choice_list(field)
    if not choices:
        return None
    inline = ",".join(choices)
    if options_ref is None and (len(inline) > MAX_LIST_FORMULA or any("," in c for c in choices)):
        return None
    formula = options_ref or f'"{inline}"'
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    dv.error = f"请从下拉列表中选择：{'、'.join(choices)}"[:225]
    dv.errorTitle = field.label[:32]
    dv.prompt = (field.help or f"请选择{field.label}")[:250]
    dv.showErrorMessage = True
    dv.showInputMessage = bool(field.help)
    return dv


def needs_options_sheet(field: Field) -> bool:
    choices = choice_list(field) or []
    inline = ",".join(choices)
    return bool(choices) and (len(inline) > MAX_LIST_FORMULA or any("," in c for c in choices))


def safe_sheet_title(label: str, taken: set[str]) -> str:
    title = "".join("_" if ch in '[]:*?/\\' else ch for ch in label)[:31] or "Sheet"
    base, n = title, 2
    while title in taken:
        suffix = f"({n})"
        title = base[:31 - len(suffix)] + suffix
        n += 1
    taken.add(title)
    return title
