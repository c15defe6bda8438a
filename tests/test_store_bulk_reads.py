"""A field (or a whole record type) declared after a ledger was last opened for writing:
a read-only open (``ledger-app check``, printing, export, an inspector's copy) never adds
its column or table, so every read gives None for it — as for an empty field — instead of
failing with "no such column" / "no such table". Real ledger files."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from contextlib import closing

from ledger_app.cli.main import main as cli
from ledger_app.rules.check import check_ledger
from ledger_app.store import Ledger


def _written_before(path, *statements: str) -> None:
    """Make the file look as a program from before the declaration left it."""
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()


def test_a_field_without_its_column_reads_as_empty(tmp_path, org):
    path = tmp_path / "旧台账.ledger"
    with Ledger.create(path, org) as ledger:
        first = ledger.records.insert("development", {
            "name": "张三", "stage": "入党积极分子", "application_date": "2025-03-01",
            "last_review_date": "2025-09-01"})
    _written_before(path, 'DROP INDEX IF EXISTS "t_development_last_review_date"',
                    'ALTER TABLE "t_development" DROP COLUMN "last_review_date"')
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with Ledger.open(path, readonly=True) as old:
        assert old.records.fields_of("development", ["name", "last_review_date"]) == [
            (first, {"name": "张三", "last_review_date": None})]
        record = old.records.get(first)                       # the whole record, too
        assert record["name"] == "张三" and record["last_review_date"] is None
        assert [r.id for r in old.records.list("development")] == [first]
        check_ledger(old, 2025, dt.date(2025, 12, 31))           # reads it without failing
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # nothing written
    with Ledger.open(path) as upgraded:                          # writing adds the column
        assert upgraded.records.fields_of("development", ["last_review_date"]) == [
            (first, {"last_review_date": None})]


def test_a_record_type_without_its_table_reads_as_empty(tmp_path, org, capsys):
    path = tmp_path / "旧台账.ledger"
    with Ledger.create(path, org) as ledger:
        ledger.records.insert("development", {"name": "张三", "stage": "入党积极分子",
                                              "application_date": "2025-03-01"})
    _written_before(path, 'DROP TABLE "t_talk"')
    with Ledger.open(path, readonly=True) as old:
        assert old.records.list("talk") == []
        assert old.records.fields_of("talk", ["date"]) == []
        check_ledger(old, 2025, dt.date(2025, 12, 31))
    out = tmp_path / "装订册.pdf"
    assert cli(["print", "binder", str(path), "--year", "2025", "-o", str(out)]) == 0
    assert out.stat().st_size > 10_000


def test_stored_values_by_id_and_the_recycle_bin_count(tmp_path, org, capsys):
    """What a printed table reads (chosen fields of given records, as stored) and what
    ``ledger-app info`` counts in the 回收站, both asked of the store."""
    import json

    path = tmp_path / "台账.ledger"
    with Ledger.create(path, org) as ledger:
        first = ledger.records.insert("development", {
            "name": "张三", "stage": "入党积极分子", "application_date": "2025-03-01"})
        second = ledger.records.insert("development", {
            "name": "李四", "stage": "入党申请人", "application_date": "2025-04-01"})
        ledger.records.delete(second)
        assert ledger.records.stored_values("development", [second, first], ["stage", "name"]) \
            == {first: ("入党积极分子", "张三"), second: ("入党申请人", "李四")}
        assert ledger.records.stored_values("development", [], ["name"]) == {}
        assert ledger.records.deleted_count() == 1
    capsys.readouterr()
    assert cli(["info", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recycle_bin"] == 1
