"""One record per key: a record type's ``unique`` fields (党费: member + month), declared in
its TOML, checked by the loader and honoured by the store — with a message naming the
record that already holds the key — while duplicates already in a ledger stay readable."""

from __future__ import annotations

import sqlite3

import pytest
from test_declarations import GOOD_TYPE, line_of, make_pack

from ledger_app.forms.loader import DeclarationError, builtin_pack, load_pack
from ledger_app.store import Ledger
from ledger_app.store.errors import ValidationError


def member(ledger, name):
    return ledger.records.insert("roster", {
        "name": name, "gender": "女", "birth_date": "1980-02-03", "member_class": "正式党员",
        "status": "在册", "joined_date": "2005-07-01"})


def dues(ledger, member_id, month, **extra):
    return ledger.records.insert("dues", {"member": member_id, "month": month,
                                          "due": "20", "paid": "20", **extra})


def test_shipped_types_declare_their_keys():
    pack = builtin_pack()
    assert pack.record_type("dues").unique == ("member", "month")
    assert pack.record_type("evaluation").unique == ("for_year", "member")
    assert pack.record_type("meeting").unique == ()


def test_unique_naming_an_unknown_field_is_rejected_with_its_line(tmp_path):
    text = GOOD_TYPE.replace('date_field = "date"\n', 'date_field = "date"\nunique = ["topic", "venue"]\n')
    path = make_pack(tmp_path, text)
    with pytest.raises(DeclarationError) as info:
        load_pack(path.parent.parent)
    assert info.value.line == line_of(path, 'unique = ["topic", "venue"]')
    assert "'venue'" in str(info.value) and "unique" in str(info.value)


def test_unique_with_a_repeated_field_is_rejected(tmp_path):
    text = GOOD_TYPE.replace('date_field = "date"\n', 'date_field = "date"\nunique = ["date", "date"]\n')
    path = make_pack(tmp_path, text)
    with pytest.raises(DeclarationError, match="重复"):
        load_pack(path.parent.parent)


def test_a_second_record_for_the_same_member_and_month_is_refused(ledger):
    zhang = member(ledger, "张秀英")
    first = dues(ledger, zhang, "2025-03")
    with pytest.raises(ValidationError) as info:
        dues(ledger, zhang, "2025-03", paid="30")
    message = str(info.value)
    assert "张秀英 2025年3月" in message and f"编号 {first}" in message
    assert set(info.value.problems) == {"月份"}          # shown beside the month in the form
    assert ledger.records.count("dues") == 1              # nothing written
    # Another month, another member: fine.
    dues(ledger, zhang, "2025-04")
    dues(ledger, member(ledger, "李强"), "2025-03")
    assert ledger.records.count("dues") == 3


def test_changing_a_record_onto_another_records_key_is_refused(ledger):
    zhang = member(ledger, "张秀英")
    dues(ledger, zhang, "2025-03")
    april = dues(ledger, zhang, "2025-04")
    with pytest.raises(ValidationError, match="2025年3月"):
        ledger.records.update(april, {"month": "2025-03"})
    assert ledger.records.get(april)["month"] == "2025-04"
    ledger.records.update(april, {"paid": "25"})          # its own key is no conflict
    assert ledger.records.get(april)["paid"] == 2500


def test_a_record_in_the_recycle_bin_holds_no_key_but_cannot_come_back_over_a_new_one(ledger):
    zhang = member(ledger, "张秀英")
    old = dues(ledger, zhang, "2025-03")
    ledger.records.delete(old)
    new = dues(ledger, zhang, "2025-03")                  # the bin does not block
    with pytest.raises(ValidationError, match=f"编号 {new}"):
        ledger.records.restore(old)
    assert ledger.records.get(old, include_deleted=True).deleted_at is not None


def test_batch_insert_is_all_or_nothing_on_a_duplicate(ledger):
    zhang = member(ledger, "张秀英")
    rows = [{"member": zhang, "month": "2025-01", "due": "20"},
            {"member": zhang, "month": "2025-02", "due": "20"},
            {"member": zhang, "month": "2025-01", "due": "20"}]
    with pytest.raises(ValidationError):
        ledger.records.insert_many("dues", rows)
    assert ledger.records.count("dues") == 0


def test_incomplete_keys_are_not_compared(ledger):
    rt = ledger.pack.record_type("dues")
    assert rt.unique_key({"member": 3, "month": None}) is None
    assert rt.unique_key({"member": 3, "month": "2025-01"}) == (3, "2025-01")


def test_duplicates_already_in_a_ledger_open_and_are_listed(tmp_path, org):
    path = tmp_path / "旧台账.ledger"
    with Ledger.create(path, org) as ledger:
        zhang = member(ledger, "张秀英")
        first = dues(ledger, zhang, "2025-03")
        dues(ledger, zhang, "2025-04")
    # As an older program (or a hand edit) left it: a second March row.
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO entries(type_key, year, created_at, updated_at) "
                     "VALUES ('dues', 2025, '2025-04-01', '2025-04-01')")
        dup = conn.execute("SELECT max(id) FROM entries").fetchone()[0]
        conn.execute("INSERT INTO t_dues(id, member, month, due) VALUES (?, ?, '2025-03', 2000)",
                     (dup, zhang))
    conn.close()
    with Ledger.open(path) as ledger:
        assert ledger.records.duplicates("dues") == [((first, dup), "张秀英 2025年3月")]
        assert ledger.records.duplicates("dues", 2024) == []
        assert ledger.records.existing_keys("dues")[(zhang, "2025-03")] == first
        # Both stay editable in what does not touch the key.
        ledger.records.update(dup, {"note": "重复录入，待核对"})
        names = [r[1] for r in ledger.query("PRAGMA index_list(t_dues)")]
        assert "t_dues__unique" in names


def test_a_ledger_without_the_key_index_is_still_read(tmp_path, org):
    """A file written before the index existed and opened read-only (no sync) reads fine."""
    import datetime as dt

    from ledger_app.rules.check import check_ledger

    path = tmp_path / "无索引.ledger"
    with Ledger.create(path, org) as ledger:
        zhang = member(ledger, "张秀英")
        dues(ledger, zhang, "2025-03")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute('DROP INDEX "t_dues__unique"')
        conn.execute('DROP INDEX "t_evaluation__unique"')
    conn.close()
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.duplicates("dues") == []
        check_ledger(ledger, 2025, dt.date(2025, 12, 1))
