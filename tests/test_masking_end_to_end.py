"""Every output of a ledger seeded with ID and phone numbers, in their fields and typed
into free text (spaced, dashed, full-width, +86), scanned for the full numbers: none while
masked (the default), all of them with ``--unmasked``."""

from __future__ import annotations

import io
import re
import sqlite3
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pytest
from archive_support import jpeg, scan_texts
from pypdf import PdfReader

from ledger_app.cli.main import main
from ledger_app.store import Ledger
from ledger_app.store.attendance import Presence

# Numbers in sensitive fields.
ID_FIELD = "110101199003071233"
PHONE_FIELD = "13812345678"
LANDLINE_FIELD = "1234567"            # a 7-digit phone: masked everywhere, not only the window
# Numbers typed into free text, as people type them.
ID_TEXT = "４４０１０６１９８５０５０５２２２０"        # full-width
ID_SPACED = "320102 19720815 0046"
MOBILE_SPACED = "139 8765 4321"
MOBILE_DASHED = "159-0123-4567"
MOBILE_PLUS86 = "+86 186 0000 3333"
MOBILE_FULLWIDTH = "１３７０００１１１１２"
LANDLINE_TEXT = "0755-86543210"
MOBILE_CAPTION = "13600002222"
MOBILE_FILENAME = "18600003333"
MOBILE_TITLE = "010-62345678"

SECRETS = [ID_FIELD, PHONE_FIELD, LANDLINE_FIELD, ID_TEXT, ID_SPACED, MOBILE_SPACED, MOBILE_DASHED,
           MOBILE_PLUS86, MOBILE_FULLWIDTH, LANDLINE_TEXT, MOBILE_CAPTION, MOBILE_FILENAME,
           MOBILE_TITLE]
# What must survive masking untouched, written in the same free texts.
KEPT = ["2025年3月15日14:30", "1380.50元", "京组发〔2024〕3号"]


def digits(text: str) -> str:
    """Text with full-width forms folded and every space, dash and line break removed, so a
    number a PDF happened to wrap, or the search index split, is still found whole."""
    return re.sub(r"[\s\-－]", "", unicodedata.normalize("NFKC", text))


def secret_digits(secret: str) -> str:
    return digits(secret).removeprefix("+86")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("masking")
    path = folder / "号码台账.ledger"
    org = {"org_name": "测试社区党支部", "org_type": "党支部", "secretary": "王建国",
           "party_groups": ["第一党小组"]}
    with Ledger.create(path, org) as ledger:
        r = ledger.records
        zhang = r.insert("roster", {
            "seq": 1, "name": "张三", "gender": "男", "birth_date": "1990-03-07",
            "id_number": ID_FIELD, "phone": PHONE_FIELD, "member_class": "正式党员",
            "status": "在册", "note": f"备用手机 {MOBILE_DASHED}"})
        li = r.insert("roster", {
            "seq": 2, "name": "李四", "gender": "女", "birth_date": "1985-05-05",
            "phone": LANDLINE_FIELD, "member_class": "正式党员", "status": "在册"})
        meeting = r.insert("meeting", {
            "kinds": ["支部党员大会"], "date": "2025-03-15", "place": "党员活动室",
            "topic": f"联系人 {MOBILE_SPACED} 讲党课", "chair": zhang, "recorder": li,
            "content": (f"会议于{KEPT[0]}召开。张三（身份证 {ID_TEXT}）发言；"
                        f"王五身份证 {ID_SPACED}；电话 {MOBILE_PLUS86}，座机 {LANDLINE_TEXT}。"
                        f"收党费{KEPT[1]}，传达{KEPT[2]}文件。")})
        ledger.attendance.set(meeting, [
            Presence(zhang, "present"),
            Presence(li, "leave", f"出差（电话 {MOBILE_FULLWIDTH}）")])
        ledger.attachments.add(meeting, "photos", jpeg(1), f"张三{MOBILE_FILENAME}.jpg")
        ledger.attachments.add(meeting, "photos", jpeg(2), "b.jpg",
                               caption=f"现场照片 {MOBILE_CAPTION}")
        r.insert("regulation", {"title": f"值班制度（值班电话 {MOBILE_TITLE}）",
                                "category": "三会一课制度"})
    return path, meeting


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def workbook_text(path: Path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(str(cell) for sheet in book.worksheets
                     for row in sheet.iter_rows(values_only=True) for cell in row if cell)


def archive_text(path: Path, tmp_path: Path) -> str:
    """PDF text, cells, raw bytes and snapshot rows of every file, and every entry name."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        index = zf.read("00_目录/index.html").decode("utf-8") if "00_目录/index.html" in names \
            else next(zf.read(n).decode("utf-8") for n in names if n.endswith("index.html"))
        snapshot = next(zf.read(n) for n in names if n.endswith(".ledger"))
    (tmp_path / "copy.ledger").write_bytes(snapshot)
    conn = sqlite3.connect(tmp_path / "copy.ledger")
    try:
        search_rows = [str(v) for row in conn.execute("SELECT body FROM search_index")
                       for v in row]
    finally:
        conn.close()
    return "\n".join([scan_texts(path, tmp_path), *names, index, *search_rows,
                      snapshot.decode("utf-8", errors="ignore")])


def outputs(ledger: Path, meeting: int, folder: Path, unmasked: bool) -> dict[str, str]:
    """Each product made as a user makes it (the command line), read back as text."""
    flag = ["--unmasked"] if unmasked else []
    folder.mkdir()
    texts = {}
    for product, extra in [("table", ["--type", "roster"]), ("table", ["--type", "meeting"]),
                           ("table", ["--type", "regulation"]),
                           ("record", ["--record", str(meeting)]),
                           # filled: the leave reasons, where a number was typed, print
                           ("signin", ["--record", str(meeting), "--filled"]),
                           ("binder", ["--year", "2025"])]:
        out = folder / f"{product}_{extra[1]}.pdf"
        assert main(["print", product, str(ledger), *extra, *flag, "-o", str(out)]) == 0
        texts[out.name] = pdf_text(out)
    book = folder / "台账.xlsx"
    assert main(["export-xlsx", str(ledger), *flag, "-o", str(book)]) == 0
    texts[book.name] = workbook_text(book)
    archive = folder / "档案.zip"
    assert main(["archive", str(ledger), "--year", "2025", *flag, "-o", str(archive)]) == 0
    texts[archive.name] = archive_text(archive, folder)
    return texts


def test_masked_outputs_hold_no_full_number(seeded, tmp_path: Path) -> None:
    ledger, meeting = seeded
    texts = outputs(ledger, meeting, tmp_path / "masked", unmasked=False)
    leaks = [(name, secret) for name, text in texts.items() for secret in SECRETS
             if secret_digits(secret) in digits(text)]
    assert not leaks
    # The masked forms are there (the scan reads what it should), by the one rule.
    roster = texts["table_roster.pdf"]
    assert "110101********1233" in roster and "138****5678" in roster and "****567" in roster
    assert "139 **** 4321" in texts["table_meeting.pdf"]
    record = digits(texts["record_" + str(meeting) + ".pdf"])
    for shown in ["440106********2220", "320102********0046", "+86186****3333",
                  "0755****3210", "136****2222", "186****3333"]:
        assert digits(shown) in record, shown
    assert "137****1112" in digits(texts["signin_" + str(meeting) + ".pdf"])
    sheet = texts["台账.xlsx"]
    assert "****567" in sheet and "159-****-4567" in sheet
    assert "值班电话 010-****5678" in texts["档案.zip"]
    # Dates, amounts and document numbers in the same texts are left alone.
    for kept in KEPT:
        assert kept in sheet and digits(kept) in record, kept


def test_unmasked_outputs_show_every_number(seeded, tmp_path: Path) -> None:
    ledger, meeting = seeded
    texts = outputs(ledger, meeting, tmp_path / "full", unmasked=True)
    for secret in [ID_FIELD, PHONE_FIELD]:
        assert secret in texts["table_roster.pdf"]
    record = digits(texts["record_" + str(meeting) + ".pdf"])
    for secret in [ID_TEXT, ID_SPACED, MOBILE_PLUS86, LANDLINE_TEXT, MOBILE_CAPTION]:
        assert secret_digits(secret) in record, secret
    sheet = texts["台账.xlsx"]
    for secret in [ID_FIELD, PHONE_FIELD, LANDLINE_FIELD, ID_TEXT, MOBILE_DASHED, MOBILE_TITLE]:
        assert secret in sheet, secret
    archive = digits(texts["档案.zip"])
    missing = [s for s in SECRETS if secret_digits(s) not in archive]
    assert not missing


def test_free_text_is_masked_in_the_snapshot_search_index(seeded, tmp_path: Path) -> None:
    """Search inside the masked archive's snapshot finds the masked number, never the
    full one (the index is made of the same masked text)."""
    ledger, _ = seeded
    archive = tmp_path / "档案.zip"
    assert main(["archive", str(ledger), "--year", "2025", "-o", str(archive)]) == 0
    with zipfile.ZipFile(archive) as zf:
        data = next(zf.read(n) for n in zf.namelist() if n.endswith(".ledger"))
    (tmp_path / "s.ledger").write_bytes(data)
    with Ledger.open(tmp_path / "s.ledger", readonly=True) as copy:
        assert copy.records.ids("meeting", search="4321")
        assert not copy.records.ids("meeting", search="8765")
        assert not copy.records.ids("meeting", search="86543210")
    assert b"8765" not in data and io.BytesIO(data).read(16) == b"SQLite format 3\x00"
