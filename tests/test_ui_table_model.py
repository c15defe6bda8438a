"""The generic record table model, without widgets, on a real ledger of a few thousand rows."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ledger_app.forms import idcard
from ledger_app.ui.table_model import (
    RawValueRole,
    RecordIdRole,
    RecordTableModel,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华"
ROWS = 3000


def valid_idcard(birth: str, n: int) -> str:
    first17 = f"430102{birth.replace('-', '')}{n % 1000:03d}"
    return first17 + idcard.check_digit(first17)


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory):
    from ledger_app.store import Ledger

    path = tmp_path_factory.mktemp("big") / "大台账.ledger"
    org = {"org_name": "测试党支部", "org_type": "党支部", "party_groups": ["第一党小组"]}
    rng = random.Random(7)
    rows = []
    for n in range(ROWS):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if n % 3 else "")
        birth = f"{1950 + n % 50}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        rows.append({"seq": n + 1, "name": name, "gender": "男" if n % 2 else "女",
                     "birth_date": birth, "member_class": "正式党员", "status": "在册",
                     "id_number": valid_idcard(birth, n), "phone": f"138{n:08d}",
                     "dues_base": 350000 + n})
    rows[0]["name"] = "张伟"
    rows[1]["name"] = "张伟明"
    with Ledger.create(path, org) as ledger:
        ledger.records.insert_many("roster", rows)
    ledger = Ledger.open(path)
    reader = ledger.reader()
    yield ledger, reader, rows
    reader.close()
    ledger.close()


@pytest.fixture
def model(big_ledger, qapp):
    ledger, reader, _ = big_ledger
    model = RecordTableModel(ledger, "roster", reader)
    model.set_filter(None, "")
    return model


def cell(model: RecordTableModel, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    column = [f.key for f in model.fields].index(key)
    return model.data(model.index(row, column), role)


def test_columns_come_from_the_declaration(model, big_ledger):
    ledger, _, _ = big_ledger
    rt = ledger.pack.record_type("roster")
    assert model.columnCount() == len(rt.table_fields)
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert labels[:3] == ["序号", "姓名", "性别"]
    assert "学位" not in labels  # in_table = false


def test_row_count_and_lazy_pages(model):
    assert model.rowCount() == ROWS
    assert model.page_reads == 0  # nothing read until a cell is asked for
    assert cell(model, 0, "seq") == "1"  # roster sorts by 序号 by default
    assert model.page_reads == 1
    cell(model, 150, "name")
    assert model.page_reads == 1  # same page
    cell(model, ROWS - 1, "name")
    assert model.page_reads == 2
    # The cache keeps only a few pages: reading every page once stays bounded.
    for row in range(0, ROWS, model.page_size):
        cell(model, row, "name")
    assert len(model._pages) <= model.cached_pages
    assert model.data(model.index(0, 0), RecordIdRole) == model.ids[0]
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert model.data(QModelIndex()) is None


def test_sort_requeries_in_sql(model, big_ledger):
    _, _, rows = big_ledger
    seq_column = [f.key for f in model.fields].index("seq")
    model.sort(seq_column, Qt.SortOrder.DescendingOrder)
    assert cell(model, 0, "seq") == str(ROWS)
    birth_column = [f.key for f in model.fields].index("birth_date")
    model.sort(birth_column, Qt.SortOrder.AscendingOrder)
    births = [cell(model, r, "birth_date") for r in range(0, ROWS, 97)]
    assert births == sorted(births)
    assert cell(model, 0, "birth_date") == min(r["birth_date"] for r in rows)


def test_filter_by_two_character_name(model, big_ledger):
    _, _, rows = big_ledger
    model.set_filter(None, "张伟")
    expected = sum("张伟" in r["name"] for r in rows)
    assert model.rowCount() == expected >= 2
    names = {cell(model, r, "name") for r in range(model.rowCount())}
    assert {"张伟", "张伟明"} <= names
    assert all("张伟" in n for n in names)
    model.set_filter(None, "没有这个人")
    assert model.rowCount() == 0
    model.set_filter(None, "")
    assert model.rowCount() == ROWS


def test_sensitive_fields_masked_until_shown(model):
    row = model.row_of(model.ids[0])
    raw_id = cell(model, row, "id_number", RawValueRole)
    assert cell(model, row, "id_number") == raw_id[:6] + "********" + raw_id[-4:]
    assert cell(model, row, "phone") == "138****0000"
    model.set_show_sensitive(True)
    assert cell(model, row, "id_number") == raw_id
    assert cell(model, row, "phone") == "13800000000"
    model.set_show_sensitive(False)
    assert cell(model, row, "phone") == "138****0000"


def test_numbers_in_free_text_masked_until_shown(ledger, qapp):
    ledger.records.insert("meeting", {"kinds": ["党课"], "date": "2025-03-15",
                                      "topic": "联系人 139 8765 4321 讲党课"})
    reader = ledger.reader()
    try:
        model = RecordTableModel(ledger, "meeting", reader)
        model.set_filter(2025, "")
        assert cell(model, 0, "topic") == "联系人 139 **** 4321 讲党课"
        model.set_show_sensitive(True)
        assert cell(model, 0, "topic") == "联系人 139 8765 4321 讲党课"
    finally:
        reader.close()


def test_display_of_money_bool_members_and_multichoice(ledger, qapp):
    member = ledger.records.insert("roster", {"name": "李娜", "gender": "女",
                                              "birth_date": "1980-05-01",
                                              "member_class": "正式党员", "status": "在册"})
    ledger.records.insert("meeting", {"kinds": ["支部党员大会", "党课"], "date": "2025-03-15",
                                      "topic": "学习党章", "chair": member})
    reader = ledger.reader()
    try:
        meetings = RecordTableModel(ledger, "meeting", reader)
        meetings.set_filter(2025, "")
        assert meetings.rowCount() == 1
        assert cell(meetings, 0, "kinds") == "支部党员大会、党课"
        assert cell(meetings, 0, "chair") == "李娜"
        meetings.set_filter(2024, "")
        assert meetings.rowCount() == 0
        chair_column = [f.key for f in meetings.fields].index("chair")
        assert not meetings.is_sortable(chair_column)

        dues_type = ledger.pack.record_type("dues")
        money = [f for f in dues_type.table_fields if f.type == "money"]
        assert money, "dues declares a money column"
        dues = RecordTableModel(ledger, "dues", reader)
        assert dues.format(money[0], 123456) == "1234.56"
        assert "元" in dues.headerData(dues.fields.index(money[0]), Qt.Orientation.Horizontal)
        flag = next((f for rt in ledger.pack.record_types for f in rt.fields
                     if f.type == "bool"), None)
        assert flag is not None
        assert dues.format(flag, True) == "是" and dues.format(flag, False) == "否"
    finally:
        reader.close()


def test_changes_show_after_reload(ledger, qapp):
    reader = ledger.reader()
    try:
        model = RecordTableModel(ledger, "roster", reader)
        model.set_filter(None, "")
        assert model.rowCount() == 0
        new_id = ledger.records.insert("roster", {"name": "赵敏", "gender": "女",
                                                  "birth_date": "1990-01-01",
                                                  "member_class": "预备党员", "status": "在册"})
        model.reload()
        assert model.rowCount() == 1 and model.row_of(new_id) == 0
        ledger.records.update(new_id, {"name": "赵敏敏"})
        model.invalidate()
        assert cell(model, 0, "name") == "赵敏敏"
        ledger.records.delete(new_id)
        model.reload()
        assert model.rowCount() == 0
    finally:
        reader.close()
