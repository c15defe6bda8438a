"""Files that are not what they claim: each gets a plain Chinese message, bounded memory,
and the ledger is left exactly as it was."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ledger_app.outputs.xlsx.importer import apply_import, plan_import
from ledger_app.outputs.xlsx.reader import SpreadsheetError, open_workbook
from ledger_app.store.errors import LedgerError


def good_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "党员名册"
    ws.append(["姓名", "性别", "出生日期", "人员类别", "状态"])
    ws.append(["张伟", "男", "1980-07-01", "正式党员", "在册"])
    wb.save(path)
    return path


def state(ledger) -> tuple:
    return (ledger.records.count("roster"), len(ledger.audit.lines()),
            ledger.query("SELECT count(*) FROM sqlite_master")[0][0])


def refused(ledger, path: Path, pattern: str) -> str:
    before = state(ledger)
    with pytest.raises(LedgerError, match=pattern) as info:
        plan = plan_import(ledger, path, "roster")
        apply_import(ledger, plan)
    assert state(ledger) == before
    return str(info.value)


def test_truncated_file(ledger, tmp_path):
    data = good_workbook(tmp_path / "g.xlsx").read_bytes()
    bad = tmp_path / "截断.xlsx"
    bad.write_bytes(data[: len(data) // 2])
    refused(ledger, bad, "已损坏或不完整")


def test_damaged_sheet_xml(ledger, tmp_path):
    src = good_workbook(tmp_path / "g.xlsx")
    bad = tmp_path / "坏.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    refused(ledger, bad, "已损坏")


def test_password_protected_workbook(ledger, tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from msoffcrypto.format.ooxml import OOXMLFile

    src = good_workbook(tmp_path / "g.xlsx")
    encrypted = io.BytesIO()
    with open(src, "rb") as fh:
        OOXMLFile(fh).encrypt("secret", encrypted)
    bad = tmp_path / "加密.xlsx"
    bad.write_bytes(encrypted.getvalue())
    assert bad.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    message = refused(ledger, bad, "工作簿设置了打开密码，请先在 Excel/WPS 中取消密码")
    assert msoffcrypto  # the file really is an encrypted OOXML package
    assert "加密.xlsx" in message


def test_macro_workbook_reads_values_and_says_macros_are_ignored(ledger, tmp_path):
    src = good_workbook(tmp_path / "g.xlsx")
    macro = tmp_path / "宏.xlsm"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(macro, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item))
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\0" * 512)
    plan = plan_import(ledger, macro, "roster")
    assert [r.status for r in plan.rows] == ["new"]
    assert any("宏不会运行" in n for n in plan.notes)


def test_zip_bomb_is_refused_before_parsing(ledger, tmp_path):
    src = good_workbook(tmp_path / "g.xlsx")
    bomb = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * (60 * 1024 * 1024))
            zout.writestr(item.filename, data)
    assert bomb.stat().st_size < 1024 * 1024
    refused(ledger, bomb, "压缩炸弹")


def test_entity_expansion_is_refused(ledger, tmp_path):
    src = good_workbook(tmp_path / "g.xlsx")
    bad = tmp_path / "实体.xlsx"
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
              b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/workbook.xml":
                data = laughs + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)
            zout.writestr(item, data)
    refused(ledger, bad, "不安全的 XML")


def _million_row_workbook(path: Path, rows: int) -> Path:
    """A real sheet of ``rows`` rows, streamed into the zip (openpyxl would take minutes)."""
    src = good_workbook(path.with_name("base.xlsx"))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(item, zin.read(item))
        with zout.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                     b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            fh.write('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" '
                     't="inlineStr"><is><t>性别</t></is></c></row>'.encode())
            chunk = []
            for r in range(2, rows + 1):
                chunk.append(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>张{r}</t></is></c>'
                             f'<c r="B{r}"><v>{r}</v></c></row>')
                if len(chunk) == 10000:
                    fh.write("".join(chunk).encode())
                    chunk = []
            fh.write("".join(chunk).encode())
            fh.write(b"</sheetData></worksheet>")
    return path


@pytest.mark.slow
def test_a_million_rows_stop_at_the_cap_with_bounded_memory(tmp_path, org):
    from ledger_app.store import Ledger

    path = _million_row_workbook(tmp_path / "百万行.xlsx", 1_000_000)
    Ledger.create(tmp_path / "t.ledger", org).close()
    # The whole import, run as the command line does, in its own process: its peak memory
    # is then the child's high-water mark.
    # ru_maxrss would carry over the forking test process's own size (Linux keeps it across
    # exec), so the child reports VmHWM: the high-water mark of its own memory only.
    wrapper = ("import re, sys\n"
               "from ledger_app.cli.main import main\n"
               "code = main(sys.argv[1:])\n"
               "status = open('/proc/self/status').read()\n"
               "print('PEAK_KB', re.search(r'VmHWM:\\s+(\\d+)', status).group(1))\n"
               "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", wrapper, "import-xlsx",
                           str(tmp_path / "t.ledger"), str(path), "--type", "roster"],
                          capture_output=True, text=True, timeout=120, check=False)
    peak_kb = int(done.stdout.split("PEAK_KB")[1].split()[0])
    assert done.returncode == 2
    assert "超过 100000 行，已停止读取" in done.stderr and "分成几个文件" in done.stderr
    assert peak_kb < 300 * 1024
    with Ledger.open(tmp_path / "t.ledger") as ledger:
        assert ledger.records.count("roster") == 0


@pytest.mark.parametrize("name,content,pattern", [
    ("报告.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "这是 PDF 文件"),
    ("照片.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "这是图片文件"),
    ("名单.xlsx", "姓名,性别\n张伟,男\n".encode("gb18030"), "文本文件（如 CSV）"),
    ("导出.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "网页（HTML）"),
    ("空.xlsx", b"", "空文件"),
    ("乱码.xlsx", bytes(range(256)) * 4, "无法识别文件内容"),
])
def test_not_a_spreadsheet(ledger, tmp_path, name, content, pattern):
    path = tmp_path / name
    path.write_bytes(content)
    message = refused(ledger, path, pattern)
    assert name in message


def test_word_document_and_plain_zip(ledger, tmp_path):
    doc = tmp_path / "通知.xlsx"
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    refused(ledger, doc, "Word 文档")
    other = tmp_path / "资料.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "hello")
    refused(ledger, other, "不是 Excel 工作簿")


def test_ole_file_that_is_not_a_workbook(ledger, tmp_path):
    olefile = pytest.importorskip("olefile")
    assert olefile
    path = tmp_path / "旧文档.xls"
    # A compound file with no Workbook stream: header only, as a broken or Word-like OLE file.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b"\xff" * 512)
    message = refused(ledger, path, "旧文档.xls")
    assert "不是 Excel 表格" in message or "已损坏" in message


def test_missing_file_and_missing_sheet(ledger, tmp_path):
    refused(ledger, tmp_path / "没有.xlsx", "找不到文件")
    good = good_workbook(tmp_path / "g.xlsx")
    with pytest.raises(LedgerError, match="没有名为“别的表”的工作表"):
        plan_import(ledger, good, "roster", sheet="别的表")


def test_reader_closes_cleanly(tmp_path):
    with open_workbook(good_workbook(tmp_path / "g.xlsx")) as source:
        assert source.sheet_names == ["党员名册"]
        assert len(list(source.rows("党员名册"))) == 2
    with pytest.raises(SpreadsheetError):
        open_workbook(tmp_path)
