"""A small ledger for archive tests: members with ID numbers and phones, meetings with
attendance and photos (two with clashing names), a 六有 item with evidence, a regulation
with a PDF attachment, and a record outside the period."""

from __future__ import annotations

import io
import random
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from ledger_app.forms.idcard import check_digit
from ledger_app.store import Ledger
from ledger_app.store.attendance import Presence


def id_number(n: int) -> str:
    first17 = f"11010119{80 + n % 20:02d}0{(n % 9) + 1}1{n % 10}{n:03d}"[:17]
    return first17 + check_digit(first17)


def phone(n: int) -> str:
    return f"139{n:04d}{(n * 37) % 10000:04d}"


def jpeg(seed: int, size: tuple[int, int] = (64, 48)) -> bytes:
    from PIL import Image

    rng = random.Random(seed)
    image = Image.new("RGB", size, (rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def fill(ledger: Ledger) -> dict[str, Any]:
    r = ledger.records
    members = []
    for n in range(1, 5):
        members.append(r.insert("roster", {
            "seq": n, "name": ["张三", "李四", "王五", "赵六"][n - 1], "gender": "男",
            "birth_date": "1980-01-01", "id_number": id_number(n), "phone": phone(n),
            "member_class": "正式党员", "joined_date": "2005-07-01", "status": "在册",
            "party_group": "第一党小组"}))
    meetings = []
    for date, kinds, topic in [("2025-03-15", ["支部委员会"], "研究发展党员工作"),
                               ("2025-03-15", ["支部委员会"], "研究发展党员工作"),
                               ("2025-06-28", ["支部党员大会", "党课"], "学习党章：第一课"),
                               ("2024-11-02", ["党小组会"], "上一年度的会议")]:
        mid = r.insert("meeting", {"kinds": kinds, "date": date, "topic": topic,
                                   "place": "党员活动室", "chair": members[0],
                                   "recorder": members[1], "content": "会议内容……"})
        ledger.attendance.set(mid, [Presence(m, "present") for m in members[:3]]
                              + [Presence(members[3], "leave", "出差")])
        meetings.append(mid)
    ledger.attachments.add(meetings[0], "photos", jpeg(1), "IMG_0001.jpg")
    ledger.attachments.add(meetings[0], "photos", jpeg(2), "IMG_0002.JPG")
    ledger.attachments.add(meetings[0], "photos", jpeg(3), "scan.png", caption="签到表")
    ledger.attachments.add(meetings[0], "photos", jpeg(4), "scan2.png", caption="签到表")
    ledger.attachments.add(meetings[1], "photos", jpeg(5), "a.jpg", caption='CON: 现场<1>?')
    ledger.attachments.add(meetings[2], "photos", jpeg(6), "x.jpg")
    ledger.attachments.add(meetings[3], "photos", jpeg(7), "old.jpg")
    six = r.insert("six_haves", {"for_year": 2025, "item": "有场所", "met": True,
                                 "description": "活动室 60 平方米", "checked_date": "2025-02-01"})
    ledger.attachments.add(six, "evidence", jpeg(8), "room.jpg")
    reg = r.insert("regulation", {"title": "三会一课制度", "category": "三会一课制度"})
    ledger.attachments.add(reg, "attachments", b"%PDF-1.4\n%fake\n", "制度.pdf")
    return {"members": members, "meetings": meetings, "six": six, "regulation": reg,
            "ids": [id_number(n) for n in range(1, 5)], "phones": [phone(n) for n in range(1, 5)]}


def make_ledger(folder: Path, org: dict[str, Any]) -> tuple[Path, dict[str, Any]]:
    path = folder / "测试台账.ledger"
    with Ledger.create(path, org) as ledger:
        facts = fill(ledger)
    return path, facts


ORG = {"org_name": "测试街道第一社区党支部", "org_type": "党支部",
       "parent_org": "测试街道党工委", "secretary": "王建国", "term_start": "2024-01-01",
       "term_years": 5, "party_groups": ["第一党小组", "第二党小组"]}


def build(ledger_path: Path, out: Path, year: int = 2025, **options: Any) -> Any:
    from ledger_app.outputs.archive import build_archive

    with Ledger.open(ledger_path, readonly=True) as ledger:
        return build_archive(ledger, out, year, **options)


def rewrite_zip(src: Path, dst: Path, change: Any) -> None:
    """Copy a zip entry by entry; ``change(name, data)`` returns (name, data) or None to drop."""
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            result = change(info.filename, zin.read(info))
            if result is not None:
                zout.writestr(result[0], result[1])


def _texts_of(name: str, data: bytes) -> list[str]:
    """Everything a reader could see in one file: PDF text, workbook cells, raw bytes."""
    texts = [data.decode("utf-8", errors="ignore")]
    if name.endswith(".pdf") and data.startswith(b"%PDF") and len(data) > 100:
        from pypdf import PdfReader

        texts += [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    elif name.endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        texts += [str(cell) for sheet in book.worksheets
                  for row in sheet.iter_rows(values_only=True) for cell in row if cell]
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            texts += [inner.read(n).decode("utf-8", errors="ignore") for n in inner.namelist()]
    elif name.endswith(".ledger"):
        texts.append(data.decode("latin-1"))
    return texts


def scan_texts(archive: Path, tmp_path: Path) -> str:
    """All text a masked archive must not leak from: PDF text, cells, raw bytes, snapshot rows."""
    found = []
    with zipfile.ZipFile(archive) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            found += _texts_of(name, data)
            if name.endswith(".ledger"):
                (tmp_path / "scan.ledger").write_bytes(data)
                conn = sqlite3.connect(tmp_path / "scan.ledger")
                for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'"):
                    for row in conn.execute(f'SELECT * FROM "{table}"'):
                        found += [str(v) for v in row if not isinstance(v, bytes)]
                conn.close()
    return "\n".join(found)
