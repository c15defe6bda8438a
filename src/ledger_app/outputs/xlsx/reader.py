"""Open a spreadsheet the user picked, refusing anything unsafe or unreadable with a plain
message, and read its rows with bounded memory.

Before any XML is parsed the file is sniffed: a password-protected workbook (an OLE
container holding ``EncryptedPackage``), an old .xls (read with xlrd), a Word document,
a PDF, a web page saved as .xls, a truncated zip, and a zip whose members would expand to
an absurd size (an XML bomb) are each told apart. openpyxl runs in read-only mode and
parses XML through defusedxml when it is installed (entity expansion is refused). Rows
are yielded one at a time, and reading stops at a row cap.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ledger_app.outputs.xlsx import long_text
from ledger_app.store.errors import LedgerError, plain_reason

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNPACKED_BYTES = 1024 * 1024 * 1024       # all members of the zip together
MAX_MEMBER_RATIO = 200                         # uncompressed / compressed, for members > 1 MiB
MAX_ROWS = 100_000                             # far more than any branch's table
# Limits checked while reading, each far beyond a real ledger table and each refused in
# seconds with bounded memory (benchmarks/bench_hostile.py):
# - columns: openpyxl pads every row to its last cell, so a sheet whose cells sit only in
#   column XFD (16,384) makes 16,384 cells a row: a 40 KB file took 5.7 GB;
# - cell text: Excel itself holds at most 32,767 characters in a cell, so a longer one was
#   not written by Excel (a 71 KB sheet repeating one 2 MB shared string ran past 10 GB);
# - text a sheet decodes in all, and the shared-string table openpyxl loads whole.
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 32_767
MAX_SHEET_TEXT = 64 * 1024 * 1024              # characters
MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024
PASSWORD_MESSAGE = ("工作簿设置了打开密码，请先在 Excel/WPS 中取消密码"
                    "（文件→信息→保护工作簿→用密码加密，清空密码后保存），再导入。")
SAVE_AS_XLSX = "请用 Excel 或 WPS 打开它，选择“文件→另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入另存的文件。"

# (value, number format): the format tells a year-month from a date, and 2005.10 from 2005.1.
Cell = tuple[Any, str | None]


class SpreadsheetError(LedgerError):
    """The file cannot be read as a spreadsheet; nothing was changed."""


@dataclass
class Source:
    """An opened workbook: its visible sheets and a way to read their rows."""

    path: Path
    kind: str                       # "xlsx" or "xls"
    sheet_names: list[str]
    notes: list[str] = field(default_factory=list)
    _book: Any = None
    max_rows: int = MAX_ROWS
    # (sheet, cell) -> whole text, from our export's 长文本 sheet (see long_text.py)
    long_texts: dict[tuple[str, str], str] = field(default_factory=dict)

    def rows(self, sheet: str) -> Iterator[list[Cell]]:
        if sheet not in self.sheet_names:
            raise SpreadsheetError(f"工作簿中没有名为“{sheet}”的工作表。"
                                   f"有：{'、'.join(self.sheet_names)}")
        reader = _xls_rows if self.kind == "xls" else _xlsx_rows
        count = 0
        whole = {ref: text for (name, ref), text in self.long_texts.items() if name == sheet}
        try:
            for row in reader(self._book, sheet):
                count += 1
                if whole:
                    row = _put_back(row, count, whole)
                if count > self.max_rows:
                    raise SpreadsheetError(
                        f"工作表“{sheet}”超过 {self.max_rows} 行，已停止读取，什么也没有导入。"
                        "这通常是表格下方有大量空行或无关内容：请删掉多余的行，"
                        "或把数据分成几个文件分别导入。")
                yield row
        except LedgerError:
            raise
        except Exception as exc:
            raise SpreadsheetError(f"读取工作表“{sheet}”时发现文件已损坏（{_brief(exc)}）。"
                                   + SAVE_AS_XLSX) from exc

    def close(self) -> None:
        if self._book is not None:
            close = getattr(self._book, "close", None) or self._book.release_resources
            close()
            self._book = None

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _brief(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:120]


def open_workbook(path: str | Path, max_rows: int = MAX_ROWS) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise SpreadsheetError(f"找不到文件 {path}。") from None
    except OSError as exc:
        raise SpreadsheetError(f"无法读取 {path.name}：{plain_reason(exc)}。") from exc
    if size == 0:
        raise SpreadsheetError(f"{path.name} 是空文件（0 字节），可能没有保存或复制完整。")
    if size > MAX_FILE_BYTES:
        raise SpreadsheetError(f"{path.name} 有 {size // (1024 * 1024)} MB，太大了，"
                               "不像是一份台账表格。请只保留需要导入的工作表后再试。")
    if head.startswith(ZIP_SIGNATURE):
        source = _open_xlsx(path)
    elif head.startswith(OLE_SIGNATURE):
        source = _open_ole(path)
    else:
        raise SpreadsheetError(_not_a_spreadsheet(path, head))
    source.max_rows = max_rows
    return source


def _not_a_spreadsheet(path: Path, head: bytes) -> str:
    with open(path, "rb") as fh:
        start = fh.read(2048)
    lowered = start.lstrip(b"\xef\xbb\xbf \r\n\t").lower()
    if head.startswith(b"%PDF"):
        what = "这是 PDF 文件，不是表格。"
    elif lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<meta")) or b"<html" in lowered:
        what = "这个文件其实是网页（HTML）格式，只是扩展名写成了表格。" + SAVE_AS_XLSX
        return f"{path.name}：{what}"
    elif lowered.startswith(b"<?xml"):
        what = "这是 XML 文件（可能是 Excel 2003 XML 表格），不能直接导入。" + SAVE_AS_XLSX
        return f"{path.name}：{what}"
    elif head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM")):
        what = "这是图片文件，不是表格。"
    elif head.startswith((b"Rar!", b"7z\xbc\xaf")):
        what = "这是压缩包，请先解压，再选择其中的表格文件。"
    elif _looks_like_text(start):
        what = "这是文本文件（如 CSV），不是 Excel 工作簿。" + SAVE_AS_XLSX
        return f"{path.name}：{what}"
    else:
        what = "它不是 Excel 或 WPS 表格文件（无法识别文件内容）。"
    return f"{path.name}：{what}请选择 .xlsx 或 .xls 表格文件。"


def _looks_like_text(data: bytes) -> bool:
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return False


# ---- .xlsx ---------------------------------------------------------------------------------

def check_zip(path: Path) -> list[str]:
    """Refuse a zip that is not a workbook or would unpack to an absurd size; returns notes."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError(f"{path.name} 已损坏或不完整（可能没有下载或复制完整），无法打开。"
                               "请重新获取文件，或在 Excel/WPS 中打开后另存为 .xlsx。") from exc
    names = {i.filename for i in infos}
    if "word/document.xml" in names:
        raise SpreadsheetError(f"{path.name} 是 Word 文档，不是表格。请选择 Excel 表格文件。")
    if "ppt/presentation.xml" in names:
        raise SpreadsheetError(f"{path.name} 是 PowerPoint 演示文稿，不是表格。")
    if "content.xml" in names and "mimetype" in names:
        raise SpreadsheetError(f"{path.name} 是 ODS 表格（WPS/LibreOffice 格式），不能直接导入。"
                               + SAVE_AS_XLSX)
    if "xl/workbook.bin" in names:
        raise SpreadsheetError(f"{path.name} 是二进制工作簿（.xlsb），不能直接导入。" + SAVE_AS_XLSX)
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise SpreadsheetError(f"{path.name} 是一个压缩包，但不是 Excel 工作簿。"
                               "请选择 .xlsx 表格文件。")
    total = 0
    for info in infos:
        if info.filename == "xl/sharedStrings.xml" and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise SpreadsheetError(
                f"{path.name} 的文字表有 {info.file_size // (1024 * 1024)} MB，远超任何台账表格，"
                "可能是恶意构造的文件，为保护电脑已拒绝读取。")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_UNPACKED_BYTES or (info.file_size > 1024 * 1024
                                          and ratio > MAX_MEMBER_RATIO):
            raise SpreadsheetError(
                f"{path.name} 解压后异常巨大（其中 {info.filename} 压缩比 {ratio:.0f} 倍），"
                "可能是恶意构造的文件（“压缩炸弹”），为保护电脑已拒绝读取。")
    notes = []
    if "xl/vbaProject.bin" in names or path.suffix.lower() in (".xlsm", ".xltm"):
        notes.append("这是带宏的工作簿：宏不会运行，只读取单元格中的数值。")
    return notes


def _open_xlsx(path: Path) -> Source:
    notes = check_zip(path)
    try:
        book = _load_read_only(path)
    except Exception as exc:
        raise SpreadsheetError(_xml_problem(path, exc)) from exc
    visible = [ws.title for ws in book.worksheets
               if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:
        book.close()
        raise SpreadsheetError(f"{path.name} 中没有可见的工作表。")
    longest = max((len(str(t)) for t in getattr(book, "shared_strings", ()) or ()), default=0)
    if longest > MAX_CELL_CHARS:
        book.close()
        raise SpreadsheetError(_too_long(path.name, longest))
    source = Source(path, "xlsx", visible, notes, book)
    if long_text.SHEET in visible:
        # Our export's continuation sheet: its pieces go back into their cells.
        source.long_texts = long_text.read_pieces(
            [value for value, _ in row] for row in source.rows(long_text.SHEET))
        source.sheet_names = [n for n in visible if n != long_text.SHEET]
    return source


def _put_back(row: list[Cell], number: int, whole: dict[str, str]) -> list[Cell]:
    from openpyxl.utils import get_column_letter

    for i, (value, fmt) in enumerate(row):
        text = whole.get(f"{get_column_letter(i + 1)}{number}") if isinstance(value, str) else None
        if text is not None:
            row[i] = (text, fmt)
    return row


def _too_long(name: str, length: int) -> str:
    return (f"{name} 中有一个单元格的文字长达 {length} 个字符，超过 Excel 单元格最多能放的 "
            f"{MAX_CELL_CHARS} 个字符，不是 Excel 或 WPS 保存的正常表格，为保护电脑已拒绝读取，"
            "什么也没有导入。")


_LOAD_LOCK = threading.Lock()


def _load_read_only(path: Path) -> Any:
    """openpyxl's read-only load, without its hunt for a <dimension> element.

    When a sheet has no <dimension> (some generators leave it out), openpyxl parses the
    whole sheet just to find out, at load time: minutes for a million rows. The rows are
    read without the dimension anyway (``reset_dimensions``), so the hunt is skipped.
    """
    import openpyxl
    import openpyxl.reader.excel as excel_reader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class _Sheet(ReadOnlyWorksheet):
        text_read = 0   # characters decoded from this sheet so far (reset per reading)

        def _get_size(self) -> None:
            pass

        def _get_row(self, row: Any, min_col: int = 1, max_col: int | None = None,
                     values_only: bool = False) -> Any:
            # Checked on the parsed cells, before openpyxl pads the row to its last column.
            self.text_read += _check_cells(self.title, row)
            if self.text_read > MAX_SHEET_TEXT:
                raise SpreadsheetError(
                    f"工作表“{self.title}”的文字超过 {MAX_SHEET_TEXT // (1024 * 1024)}M 个字符，"
                    "远超任何台账表格，已停止读取，什么也没有导入。")
            return super()._get_row(row, min_col, max_col, values_only)

    with _LOAD_LOCK:
        original = excel_reader.ReadOnlyWorksheet
        excel_reader.ReadOnlyWorksheet = _Sheet
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
        finally:
            excel_reader.ReadOnlyWorksheet = original


def _xml_problem(path: Path, exc: BaseException) -> str:
    try:
        from defusedxml.common import DefusedXmlException
    except ImportError:  # pragma: no cover - defusedxml is a dependency
        DefusedXmlException = ()
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(e, DefusedXmlException) for e in chain):
        return (f"{path.name} 中含有不安全的 XML 内容（实体定义，可能是恶意构造的文件），"
                "为保护电脑已拒绝读取。")
    return f"{path.name} 已损坏，无法读取（{_brief(exc)}）。" + SAVE_AS_XLSX


def _check_cells(sheet: str, row: Any) -> int:
    """Refuse a cell past MAX_COLUMNS or longer than Excel allows; the row's text length."""
    from openpyxl.utils import get_column_letter

    text = 0
    for cell in row:
        if cell["column"] > MAX_COLUMNS:
            raise SpreadsheetError(
                f"工作表“{sheet}”在第 {get_column_letter(cell['column'])} 列（第 {cell['column']} 列）"
                f"有内容，台账表格最多读 {MAX_COLUMNS} 列。请删掉右侧多余的列后再导入；"
                "什么也没有导入。")
        value = cell["value"]
        if isinstance(value, str):
            if len(value) > MAX_CELL_CHARS:
                raise SpreadsheetError(_too_long(f"工作表“{sheet}”", len(value)))
            text += len(value)
    return text


def _xlsx_rows(book: Any, sheet: str) -> Iterator[list[Cell]]:
    ws = book[sheet]
    ws.text_read = 0
    # Some programs write a wrong <dimension>; without it openpyxl reads what is there.
    ws.reset_dimensions()
    for row in ws.iter_rows():
        cells: list[Cell] = []
        for c in row:
            value = c.value
            if value is None or isinstance(value, str):
                cells.append((value, None))
            else:
                cells.append((value, c.number_format))
        yield cells


# ---- OLE: old .xls, or an encrypted .xlsx ----------------------------------------------------

def _open_ole(path: Path) -> Source:
    data = path.read_bytes()
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise SpreadsheetError(f"{path.name}：{PASSWORD_MESSAGE}")
    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a dependency
        raise SpreadsheetError(f"{path.name} 是旧版 .xls 表格，本程序不能直接读取。"
                               + SAVE_AS_XLSX) from None
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:
        text = str(exc).lower()
        if "encrypt" in text or "password" in text:
            raise SpreadsheetError(f"{path.name}：{PASSWORD_MESSAGE}") from exc
        if "can't find workbook" in text or ("workbook" in text and "ole2" in text):
            raise SpreadsheetError(f"{path.name} 不是 Excel 表格（可能是 Word 等其他 Office 文件）。"
                                   "请选择 .xlsx 或 .xls 表格文件。") from exc
        raise SpreadsheetError(f"{path.name} 已损坏，无法读取（{_brief(exc)}）。"
                               + SAVE_AS_XLSX) from exc
    visible = [book.sheet_by_index(i).name for i in range(book.nsheets)
               if book.sheet_by_index(i).visibility == 0]
    return Source(path, "xls", visible, ["旧版 .xls 表格：已按原格式读取。"], book)


def _xls_rows(book: Any, sheet: str) -> Iterator[list[Cell]]:
    import xlrd

    ws = book.sheet_by_name(sheet)
    formats = book.format_map
    for r in range(ws.nrows):
        cells: list[Cell] = []
        for c in ws.row(r):
            if c.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                cells.append((None, None))
            elif c.ctype == xlrd.XL_CELL_TEXT:
                cells.append((c.value, None))
            else:
                fmt = formats.get(book.xf_list[c.xf_index].format_key)
                fmt_text = fmt.format_str if fmt else "General"
                if c.ctype == xlrd.XL_CELL_DATE:
                    try:
                        value: Any = xlrd.xldate.xldate_as_datetime(c.value, book.datemode)
                    except Exception:
                        value = c.value
                elif c.ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(c.value)
                elif c.ctype == xlrd.XL_CELL_ERROR:
                    value = xlrd.error_text_from_code.get(c.value, "#错误")
                else:
                    value = c.value
                    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
                        value = int(value)
                cells.append((value, fmt_text))
        yield cells


def is_datetime(value: Any) -> bool:
    return isinstance(value, datetime)
