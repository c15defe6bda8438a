"""A field declared after a ledger was last opened for writing: a read-only open (``ledger-app
check``, printing, export) never adds its column, so bulk reads give None for it — as for
an empty field — instead of failing with "no such column". Real ledger files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

from ledger_app.rules.check import check_ledger
from ledger_app.store import Ledger


def test_a_field_without_its_column_reads_as_empty(tmp_path, org):
    path = tmp_path / "旧台账.ledger"
    with Ledger.create(path, org) as ledger:
        first = ledger.records.insert("development", {
            "name": "张三", "stage": "入党积极分子", "application_date": "2025-03-01",
            "last_review_date": "2025-09-01"})
    # As written by a program from before 最近一次培养考察日期 was declared.
    with closing(sqlite3.connect(path)) as conn:
        conn.execute('DROP INDEX IF EXISTS "t_development_last_review_date"')
        conn.execute('ALTER TABLE "t_development" DROP COLUMN "last_review_date"')
        conn.commit()
    with Ledger.open(path, readonly=True) as old:
        assert old.records.fields_of("development", ["name", "last_review_date"]) == [
            (first, {"name": "张三", "last_review_date": None})]
        check_ledger(old, 2025, dt.date(2025, 12, 31))           # reads it without failing
    with Ledger.open(path) as upgraded:                          # writing adds the column
        assert upgraded.records.fields_of("development", ["last_review_date"]) == [
            (first, {"last_review_date": None})]
