"""Ledgers written by every released schema open in this version, with their data intact."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from ledger_app.store import Ledger
from ledger_app.store.attachments import PRINT_SIZE
from ledger_app.store.errors import LedgerError
from ledger_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
# The organisation each released schema's fixture was written for.
ORG_NAMES = {1: "模板街道第一社区党支部", 2: "模板街道第二社区党支部", 3: "模板街道第三社区党支部"}


def copy_of(tmp_path: Path, version: int) -> Path:
    """A copy of the fixture written by schema ``version``, to open (and so upgrade)."""
    path = tmp_path / f"第{version}版台账.ledger"
    shutil.copy(FIXTURES / f"schema_v{version}.ledger", path)
    return path


def test_every_released_schema_has_a_fixture():
    assert sorted(p.name for p in FIXTURES.glob("schema_v*.ledger")) == [
        f"schema_v{v}.ledger" for v in range(1, SCHEMA_VERSION)]


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_released_schema_upgrades_with_a_backup_of_the_file_as_it_was(tmp_path, version):
    path = copy_of(tmp_path, version)
    original = path.read_bytes()
    with Ledger.open(path) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
        assert ledger.org_name == ORG_NAMES[version]
    backups = list(tmp_path.glob(f"*升级前备份-v{version}*"))
    assert len(backups) == 1 and backups[0].read_bytes() == original


def test_schema_1_ledger_keeps_everything(tmp_path):
    with Ledger.open(copy_of(tmp_path, 1)) as ledger:
        (member,) = ledger.records.list("roster")
        assert member["id_number"] == "11010519491231002X"
        (meeting,) = ledger.records.list("meeting")
        assert meeting["chair"] == member.id
        assert ledger.attendance.tally(meeting.id).present == 1
        (photo,) = ledger.attachments.of(meeting.id)
        assert ledger.attachments.print_rendition(photo.sha256) is None  # made before v2
        assert ledger.records.search("张伟")
        # printing falls back to the original for photos attached before the rendition existed
        from ledger_app.outputs.pdf.record_page import render_record
        out = tmp_path / "记录.pdf"
        render_record(ledger, meeting.id, out)
        assert sum(len(p.images) for p in PdfReader(out).pages) == 1
        # and the upgraded file takes new photos with their rendition
        big = io.BytesIO()
        Image.new("RGB", (4000, 3000), (20, 90, 160)).save(big, "JPEG")
        ledger.attachments.add(meeting.id, "photos", big.getvalue(), "新照片.jpg")
        new = ledger.attachments.of(meeting.id)[-1]
        rendition = Image.open(io.BytesIO(ledger.attachments.print_rendition(new.sha256)))
        assert max(rendition.size) == PRINT_SIZE and (new.width, new.height) == (4000, 3000)


def test_a_failed_upgrade_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    import sqlite3

    from ledger_app.store import schema

    path = copy_of(tmp_path, 1)
    before = list(sqlite3.connect(FIXTURES / "schema_v1.ledger").iterdump())
    monkeypatch.setitem(schema.UPGRADES, 1, schema.UPGRADES[1] + "\nTHIS IS NOT SQL;\n")
    with pytest.raises(LedgerError):
        Ledger.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert list(conn.iterdump()) == before          # not half upgraded
    conn.close()


def test_photo_bytes_are_stored_last_in_their_row(tmp_path, org):
    """SQLite reaches a column stored after a large value only by walking that value's
    overflow pages: thumbnails must come before the photo, in new and upgraded files."""
    for ledger in (Ledger.open(copy_of(tmp_path, 1)), Ledger.create(tmp_path / "新.ledger", org)):
        with ledger:
            columns = [row[1] for row in ledger.query("PRAGMA table_info(blobs)")]
            assert columns[-1] == "data" and {"thumb", "print_jpeg"} <= set(columns)
            assert ledger.query("PRAGMA foreign_key_check") == []
            assert ledger.query("PRAGMA integrity_check")[0][0] == "ok"


def test_schema_2_ledger_upgrades_and_takes_pending_checks(tmp_path):
    """A ledger from before 待核实 existed opens, keeps its records and can mark fields."""
    with Ledger.open(copy_of(tmp_path, 2)) as ledger:
        (member,) = ledger.records.list("roster")
        assert member["id_number"] == "110105198510120029"
        assert member["birth_date"] == "1985-10-12"
        assert ledger.pending.listing() == []
        new = ledger.records.insert("roster", {"name": "王五", "member_class": "正式党员",
                                               "status": "在册"},
                                    pending={"gender": "表中未填，待核实",
                                             "birth_date": "“1990.1”说不清是1月还是10月"},
                                    source="名册.xlsx 第 5 行")
        assert ledger.pending.of(new) == {"gender": "表中未填，待核实",
                                          "birth_date": "“1990.1”说不清是1月还是10月"}
        ledger.records.update(new, {"gender": "男"})   # filled in: no longer 待核实
        assert list(ledger.pending.of(new)) == ["birth_date"]


def test_schema_3_ledger_upgrades_and_keeps_its_import_batches(tmp_path):
    """A ledger whose import made the batches table on the side keeps its batch (撤销导入
    still works); the table is now a schema step every ledger has."""
    from ledger_app.store import import_batches

    with Ledger.open(copy_of(tmp_path, 3)) as ledger:
        (batch,) = import_batches.batches(ledger)
        assert batch.type_key == "roster" and len(batch.inserted) == 1
        import_batches.undo_import(ledger)
        assert ledger.records.list("roster") == []
    with Ledger.create(tmp_path / "新.ledger", {"org_name": "新支部"}) as fresh:
        assert import_batches.batches(fresh) == []
        assert fresh.query("SELECT count(*) FROM import_batches")[0][0] == 0
