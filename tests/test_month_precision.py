"""Dates known to the month only (出生年月, 入党时间): typed, stored, shown, exported and
printed as a month — never padded to the 1st — and settled by the ID number where one is
given."""

from __future__ import annotations

import openpyxl
import pytest

from ledger_app.forms import settle
from ledger_app.forms import values as fv
from ledger_app.forms.display import display
from ledger_app.forms.idcard import check_digit, gender
from ledger_app.forms.loader import builtin_pack
from ledger_app.store.errors import ValidationError

ROSTER = builtin_pack().record_type("roster")
BIRTH = ROSTER.field("birth_date")
ARRIVED = ROSTER.field("arrived_date")      # a day is needed: no month precision
ID_1985 = "43010519851021104" + check_digit("43010519851021104")


@pytest.mark.parametrize("typed,stored", [
    ("2024年3月", "2024-03"), ("2024.3", "2024-03"), ("2024-03", "2024-03"),
    ("2024/3/5", "2024-03-05"), ("2024年3月5日", "2024-03-05"), ("２０２４．３", "2024-03"),
])
def test_forms_accept_what_import_accepts(typed, stored):
    assert fv.coerce(BIRTH, typed) == stored
    assert fv.check(BIRTH, stored) is None


def test_a_field_that_needs_the_day_refuses_a_month_with_a_reason():
    with pytest.raises(ValueError, match="只有年月，转入本支部日期须写到日"):
        fv.coerce(ARRIVED, "2024年3月")
    assert fv.check(ARRIVED, "2024-03") == "日期格式应为 YYYY-MM-DD"
    assert fv.coerce(ARRIVED, "2024/3/5") == "2024-03-05"


def test_a_month_is_shown_as_a_month_everywhere():
    assert display(BIRTH, "2003-07") == "2003年7月"
    assert display(BIRTH, "2003-07-15") == "2003-07-15"


@pytest.mark.parametrize("typed,stored", [
    ("138-0000-0003", "13800000003"), ("+86 138 0000 0003", "13800000003"),
    ("0086-138-0000-0003", "13800000003"), ("１３８ ００００ ０００３", "13800000003"),
    ("(0731)84512345", "0731-84512345"), ("0731 8451 2345", "0731-84512345"),
    ("+86 731 8451 2345", "0731-84512345"), ("01012345678", "010-12345678"),
    ("010-1234-5678", "010-12345678"),
])
def test_phones_have_one_spelling(typed, stored):
    assert fv.normalise_phone(typed) == stored
    assert fv.coerce(ROSTER.field("phone"), typed) == stored


def test_store_keeps_the_month_and_the_workbook_and_table_show_it(ledger, tmp_path):
    from ledger_app.outputs.xlsx.export import export_workbook

    member = ledger.records.insert("roster", {
        "name": "张伟", "gender": "男", "birth_date": "1978年5月", "member_class": "正式党员",
        "status": "在册", "joined_date": "2003.7", "confirmed_date": "2004-07-01"})
    stored = ledger.records.get(member)
    assert (stored["birth_date"], stored["joined_date"]) == ("1978-05", "2003-07")
    out = export_workbook(ledger, tmp_path / "名册.xlsx", ["roster"], masked=False)
    ws = openpyxl.load_workbook(out)["党员名册"]
    header = next(r for r in ws.iter_rows(values_only=True) if r and "出生日期" in r)
    row = next(r for r in ws.iter_rows(values_only=True) if r and "张伟" in r)
    cells = dict(zip(header, row))
    assert cells["出生日期"] == "1978年5月" and cells["入党日期"] == "2003年7月"
    assert cells["转正日期"].date().isoformat() == "2004-07-01"


def test_a_required_field_may_be_blank_only_while_pending(ledger):
    with pytest.raises(ValidationError, match="出生日期"):
        ledger.records.insert("roster", {"name": "李四", "gender": "男",
                                         "member_class": "正式党员", "status": "在册"})
    new = ledger.records.insert("roster", {"name": "李四", "gender": "男",
                                           "member_class": "正式党员", "status": "在册"},
                                pending={"birth_date": "“1990.1”说不清是1月还是10月"})
    assert ledger.records.get(new)["birth_date"] is None
    ledger.records.update(new, {"birth_date": "1990-10"})
    assert ledger.pending.of(new) == {}
    with pytest.raises(ValidationError):       # settled: blank is no longer allowed
        ledger.records.update(new, {"birth_date": None})


def test_settle_by_id_number():
    assert gender(ID_1985) == "女"
    done = settle.settle_with_id(ROSTER, {"id_number": ID_1985, "birth_date": "1985-10"})
    assert done.filled == {"birth_date": "1985-10-21", "gender": "女"}
    assert [n.level for n in done.notes] == ["info", "info"]
    done = settle.settle_with_id(ROSTER, {"id_number": ID_1985, "birth_date": None},
                                 {"birth_date": ("1985-01", "1985-10")})
    assert done.filled["birth_date"] == "1985-10-21"
    done = settle.settle_with_id(ROSTER, {"id_number": ID_1985, "birth_date": None},
                                 {"birth_date": ("1986-01", "1986-10")})
    assert "birth_date" not in done.filled
    assert done.doubtful["birth_date"] == "可能是1986年1月或1986年10月，身份证号码表明是1985年10月21日，请核实"
    done = settle.settle_with_id(ROSTER, {"id_number": ID_1985, "birth_date": "1985-10-21",
                                          "gender": "男"})
    assert done.filled == {} and list(done.doubtful) == ["gender"]
    # no valid number: nothing settled
    broken = ID_1985[:-1] + ("0" if ID_1985[-1] != "0" else "1")
    assert settle.settle_with_id(ROSTER, {"id_number": broken, "birth_date": None}).filled == {}
