"""Rosters as branches really keep them (issue 11): month-only dates, phones with dashes,
学历 as people write it, no 人员类别 column, totals rows — every good row imported, with a
warning where something was completed or left 待核实, and nothing stored padded or guessed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ledger_app.forms.idcard import check_digit
from ledger_app.outputs.xlsx.importer import apply_import, plan_import
from ledger_app.store import Ledger


def ident(first17: str) -> str:
    return first17 + check_digit(first17)


# Born 1978-05-12 (man), 1990-11-03 (woman), 1985-10-21 (woman), 1970-03-09 (man).
ID_1978 = ident("43010519780512101")
ID_1990 = ident("43010519901103102")
ID_1985 = ident("43010519851021104")
ID_1970 = ident("11010519700309129")
assert ID_1970[-1] == "X"   # chosen so that its lowercase x and spaces are tested


def issue_roster(path: Path, extra: list[list] | None = None) -> Path:
    """The 党员花名册 of issue 11: a title row, headers merged over two rows, 出生年月 and
    入党时间 to the month, phones with dashes and +86, 学历 as people write it, no 人员类别
    column, and totals rows at the end."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws["A1"] = "某某社区党支部党员花名册（2025年）"
    ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "性别", "出生年月", "身份证号码", "文化程度", "时间", None,
               "联系电话", "所在党小组"])
    ws.append([None] * 6 + ["入党", "转正", None, None])
    for col in "ABCDEFIJ":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("G2:H2")
    rows = [
        [1, "张伟", "男", "1978.05", ID_1978, "本科", "2003年7月", "2004年7月",
         "138-0000-0001", "第一党小组"],
        [2, "李娜", "女", "1990年11月", ID_1990, "大专", "2015.06", None,
         "+86 139 0000 0002", "第一党小组"],
        # 1985.1 and 2010.1 are number cells: Excel shortened 1985.10 (or wrote 1985.1)
        [3, "王芳", None, 1985.1, ID_1985, "大学", 2010.1, "2011.10", "138-0000-0003",
         "第二党小组"],
        [4, "赵强", "男", "1970.3", " 110105 19700309 129x ", "硕士研究生", "1995-06",
         "1996-06", "１３８００００ ０００４", "第二党小组"],
        [5, "钱多多", "女", 2003.1, None, "博士研究生", "2024.3", None, "0731-8451 2345",
         "第二党小组"],
    ]
    for r in rows + (extra or []):
        ws.append(r)
    ws.append([None, "合计", None, None, None, None, None, None, None, None])
    ws.append(["5人"])
    ws.append(["其中：预备党员1人"])
    wb.save(path)
    return path


def test_issue_roster_imports_all_five_good_rows(ledger, tmp_path):
    plan = plan_import(ledger, issue_roster(tmp_path / "花名册.xlsx"), "roster")
    assert plan.header_row == 2 and plan.header_rows == 2
    assert [(r.row, r.status, r.level) for r in plan.rows] == [
        (4, "new", "ok"), (5, "new", "ok"), (6, "new", "warning"), (7, "new", "ok"),
        (8, "new", "warning"), (9, "skip", "ok"), (10, "skip", "ok"), (11, "skip", "ok")]
    assert [r.message for r in plan.rows[5:]] == ["合计行，不导入", "合计行，不导入",
                                                 "表尾说明，不导入"]
    assert any("人员类别" in n and "待核实" in n for n in plan.notes)   # named once
    zhang, li, wang, zhao, qian = (r.values for r in plan.rows[:5])

    # A year-month that agrees with the ID number is completed from it, and says so.
    assert zhang["birth_date"] == "1978-05-12"
    assert "出生日期：1978年5月与身份证号码一致，已补全为1978年5月12日" in plan.rows[0].message
    # 入党/转正 to the month stay months: never padded to the 1st.
    assert (zhang["joined_date"], zhang["confirmed_date"]) == ("2003-07", "2004-07")
    assert zhang["education"] == "大学本科" and zhang["phone"] == "13800000001"
    assert (li["birth_date"], li["education"], li["phone"]) == ("1990-11-03", "大学专科",
                                                                "13900000002")
    assert li["joined_date"] == "2015-06"

    # 1985.1: January or October — the ID number settles it. 性别 comes from the ID too.
    assert wang["birth_date"] == "1985-10-21" and wang["gender"] == "女"
    assert ("出生日期：原写法可能是1985年1月或1985年10月，按身份证号码确定为1985年10月21日"
            in plan.rows[2].message)
    assert "性别：按身份证号码填为“女”" in plan.rows[2].message
    # 学历 "大学" is 本科 or 专科, 入党 2010.1 has no ID to settle it: blank and 待核实.
    assert wang["education"] is None and wang["joined_date"] is None
    assert plan.rows[2].pending["education"] == "“大学”可能是大学本科或大学专科，留空待核实"
    assert "说不清是 2010 年 1 月还是 10 月" in plan.rows[2].pending["joined_date"]
    assert wang["confirmed_date"] == "2011-10"           # typed as text: what it says

    # Spaces and a lowercase x in the ID; full-width phone digits; 硕士研究生 → 研究生.
    assert zhao["id_number"] == ID_1970 and zhao["birth_date"] == "1970-03-09"
    assert zhao["phone"] == "13800000004" and zhao["education"] == "研究生"

    # No ID: 2003.1 stays unknown (never January); a landline keeps its area code.
    assert qian["birth_date"] is None and "birth_date" in plan.rows[4].pending
    assert qian["phone"] == "0731-84512345" and qian["joined_date"] == "2024-03"
    assert qian["education"] == "研究生"
    # No 人员类别 column: blank, 待核实 on every row; 状态 takes its declared default.
    assert all(r.values["member_class"] is None and "member_class" in r.pending
               for r in plan.rows[:5])
    assert all(r.values["status"] == "在册" for r in plan.rows[:5])

    result = apply_import(ledger, plan)                 # no error rows: all five, no option
    assert len(result.inserted) == 5
    stored = {r["name"]: r for r in ledger.records.list("roster")}
    assert stored["王芳"]["birth_date"] == "1985-10-21"
    assert stored["钱多多"]["birth_date"] is None
    assert stored["张伟"]["joined_date"] == "2003-07"
    marks = {(p.entry_id, p.field_key) for p in ledger.pending.listing("roster")}
    assert (stored["王芳"].id, "education") in marks and (stored["钱多多"].id, "birth_date") in marks
    assert all(p.source.startswith("花名册.xlsx（花名册）第 ") for p in ledger.pending.listing())


def test_birth_date_that_disagrees_with_the_id_is_a_warning_showing_both(ledger, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生年月", "身份证号码", "人员类别"])
    ws.append(["张伟", "女", "1979.05", ID_1978, "正式党员"])
    wb.save(tmp_path / "r.xlsx")
    (row,) = plan_import(ledger, tmp_path / "r.xlsx", "roster").rows
    assert row.status == "new" and row.level == "warning"
    assert row.values["birth_date"] is None and row.values["gender"] is None
    assert row.pending == {
        "birth_date": "写的是1979年5月，身份证号码表明是1978年5月12日，请核实",
        "gender": "写的是“女”，身份证号码表明是“男”，请核实"}


@pytest.mark.parametrize("cell", ["2003.1"])
def test_text_2003_1_means_january_but_the_number_is_unknown(ledger, tmp_path, cell):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生年月", "人员类别"])
    ws.append(["甲", "男", cell, "正式党员"])
    ws.append(["乙", "男", float(cell), "正式党员"])
    wb.save(tmp_path / "r.xlsx")
    text, number = plan_import(ledger, tmp_path / "r.xlsx", "roster").rows
    assert text.values["birth_date"] == "2003-01" and text.level == "ok"
    assert number.values["birth_date"] is None and number.level == "warning"


def test_errors_only_where_a_wrong_value_would_be_stored(ledger, tmp_path):
    path = issue_roster(tmp_path / "r.xlsx", extra=[
        [6, "孙丽", "女", "1990.02", 4.30105199002011e17, "本科", None, None, None, None],
        [7, "周杰", "男", "1990-02-30", None, "本科", None, None, None, None],
        [8, None, "男", "1990-02", None, "本科", None, None, None, None],
    ])
    plan = plan_import(ledger, path, "roster")
    errors = {r.row: r for r in plan.rows if r.status == "error"}
    assert list(errors) == [9, 10, 11]
    assert errors[9].reasons[0].field == "id_number" and "15 位有效数字" in errors[9].message
    assert errors[10].reasons[0].field == "birth_date" and "没有这一天" in errors[10].message
    assert errors[11].message == "姓名：必填，表中未填"
    assert plan.levels() == {"ok": 3, "warning": 2, "error": 3}


def test_same_id_twice_is_one_record_with_its_differences_as_warnings(ledger, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生年月", "身份证号码", "人员类别", "联系电话", "学历"])
    ws.append(["张伟", "男", "1978.05", ID_1978, "正式党员", None, "本科"])
    ws.append(["张 伟", None, "1978-05-12", ID_1978.lower(), "正式党员", "13800000001", "大专"])
    wb.save(tmp_path / "r.xlsx")
    first, second = plan_import(ledger, tmp_path / "r.xlsx", "roster").rows
    assert second.status == "skip" and second.level == "warning"
    assert second.message.startswith("与第 2 行是同一条记录（公民身份号码相同），已合并为一条")
    assert first.values["phone"] == "13800000001"          # filled from the second row
    assert first.values["education"] is None               # they differ: 待核实
    assert first.pending["education"] == "第 2 行写“大学本科”，第 3 行写“大学专科”，留空待核实"
    assert first.level == "warning"


def test_reimport_updates_or_skips_never_duplicates(ledger, tmp_path):
    path = issue_roster(tmp_path / "r.xlsx")
    apply_import(ledger, plan_import(ledger, path, "roster"))
    again = plan_import(ledger, path, "roster")
    assert [r.status for r in again.rows[:5]] == ["skip"] * 5
    assert apply_import(ledger, again).inserted == []
    assert ledger.records.count("roster") == 5
    # 身份证号码 is declared unique for the roster: the store refuses a second record too
    from ledger_app.store.errors import ValidationError

    with pytest.raises(ValidationError, match="已有一条党员名册记录"):
        ledger.records.insert("roster", {"name": "张伟", "gender": "男", "birth_date": "1978-05",
                                         "id_number": ID_1978, "member_class": "正式党员",
                                         "status": "在册"})


def test_sequence_numbers_assigned_when_missing_or_repeated(ledger, tmp_path):
    ledger.records.insert("roster", {"seq": 7, "name": "老党员", "gender": "男",
                                     "birth_date": "1950-01", "member_class": "正式党员",
                                     "status": "在册"})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "姓名", "性别", "出生年月", "人员类别"])
    ws.append([1, "甲", "男", "1980-01", "正式党员"])
    ws.append([1, "乙", "女", "1981-02", "正式党员"])
    wb.save(tmp_path / "r.xlsx")
    plan = plan_import(ledger, tmp_path / "r.xlsx", "roster")
    assert [r.values["seq"] for r in plan.rows] == [8, 9]
    assert "序号表中有重复，或与台账中已有的重复，新增的 2 条按表中顺序编为 8–9。" in plan.notes


def test_import_xlsx_command_imports_the_issue_roster(tmp_path, org):
    path = tmp_path / "台账.ledger"
    Ledger.create(path, org).close()
    sheet = issue_roster(tmp_path / "花名册.xlsx", extra=[
        [6, "孙丽", "女", "1990.02", 4.30105199002011e17, "本科", None, None, None, None]])

    def cli(*args: object) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ledger_app.cli.main", *map(str, args)],
                              capture_output=True, text=True, timeout=120, check=False)

    done = cli("import-xlsx", path, sheet, "--type", "roster", "--json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["written"] is False and data["levels"] == {"ok": 3, "warning": 2, "error": 1}
    wang = data["rows"][2]
    assert wang["level"] == "warning" and wang["pending"]["education"].startswith("“大学”")
    assert {"field": "gender", "label": "性别", "level": "info",
            "message": "按身份证号码填为“女”"} in wang["reasons"]
    done = cli("import-xlsx", path, sheet, "--type", "roster", "--skip-errors")
    assert done.returncode == 0 and "新增 5 条" in done.stdout, done.stderr
    assert "有提示" in done.stdout and "待核实" in done.stdout
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.count("roster") == 5


def test_pending_checks_are_listed_filtered_and_a_finding(ledger, tmp_path):
    from ledger_app.rules.check import check_ledger

    apply_import(ledger, plan_import(ledger, issue_roster(tmp_path / "r.xlsx"), "roster"))
    every = ledger.records.ids("roster")
    waiting = ledger.records.ids("roster", pending_only=True)
    assert len(every) == 5 and len(waiting) == 5            # 人员类别 missing on every row
    names = {ledger.records.get(i)["name"]: i for i in every}
    ledger.records.update(names["张伟"], {"member_class": "正式党员"})
    assert names["张伟"] not in ledger.records.ids("roster", pending_only=True)
    (finding,) = [f for f in check_ledger(ledger, 2025).findings
                  if f.rule == "records.roster.pending"]
    assert finding.severity == "warn" and set(finding.records) == set(every) - {names["张伟"]}
    assert finding.why.startswith("党员名册中有 4 条记录的出生日期、学历、人员类别、入党日期待核实")


def test_old_xls_roster_with_title_row_merged_header_and_messy_cells(ledger, tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    ws = book.add_sheet("花名册")
    ws.write_merge(0, 0, 0, 5, "某某社区党支部党员花名册")
    for c, h in enumerate(["序号", "姓名", "出生年月", "身份证号码", "文化程度", "联系电话"]):
        ws.write_merge(1, 2, c, c, h)                      # headers merged over two rows
    rows = [[1, "张伟", "1978.05", ID_1978, "本科", "138-0000-0001"],
            [2, "王芳", 1985.1, f" {ID_1985[:6]} {ID_1985[6:]} ", "大学", "+86 138 0000 0003"],
            ["2人"]]
    for r, row in enumerate(rows, 3):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    book.save(str(tmp_path / "旧名册.xls"))
    plan = plan_import(ledger, tmp_path / "旧名册.xls", "roster")
    assert [(r.status, r.level) for r in plan.rows] == [("new", "ok"), ("new", "warning"),
                                                        ("skip", "ok")]
    zhang, wang = plan.rows[0].values, plan.rows[1].values
    assert (zhang["birth_date"], zhang["gender"], zhang["phone"]) == ("1978-05-12", "男",
                                                                      "13800000001")
    assert (wang["birth_date"], wang["gender"], wang["id_number"]) == ("1985-10-21", "女",
                                                                       ID_1985)
    assert wang["education"] is None and "education" in plan.rows[1].pending


def test_sheet_without_gender_column_still_gets_gender_from_the_id(ledger, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "出生年月", "身份证号码", "人员类别"])
    ws.append(["张伟", "1978.05", ID_1978, "正式党员"])
    ws.append(["钱多多", "2003-01", None, "正式党员"])
    wb.save(tmp_path / "r.xlsx")
    plan = plan_import(ledger, tmp_path / "r.xlsx", "roster")
    zhang, qian = plan.rows
    assert zhang.values["gender"] == "男" and "gender" not in zhang.pending
    assert qian.values["gender"] is None
    assert qian.pending == {"gender": "表中没有“性别”这一列，待核实"}
    assert any("性别" in n for n in plan.notes)


@pytest.mark.parametrize("cells,kind", [
    ([("共6人", None)], "total"), ([("4人", None)], "total"), ([(None, None), ("合计：12名", None)],
                                                               "total"),
    ([("其中：预备党员1人", None)], "footer"), ([("合计", None), ("5人", None)], "total"),
    ([("制表人：王建国", None)], "footer"),
])
def test_totals_and_notes_rows_are_recognised(cells, kind):
    from ledger_app.outputs.xlsx.rows import row_kind

    assert row_kind(cells, [], set()) == kind


def test_six_haves_one_record_per_year_and_item_in_store_and_import(ledger, tmp_path):
    from ledger_app.store.errors import ValidationError

    ledger.records.insert("six_haves", {"for_year": 2025, "item": "有场所", "met": True})
    with pytest.raises(ValidationError, match="已有一条六有建设记录"):
        ledger.records.insert("six_haves", {"for_year": 2025, "item": "有场所", "met": False})
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["年度", "检查项目", "是否达标"])
    ws.append([2025, "有场所", "否"])
    ws.append([2025, "有设施", "是"])
    wb.save(tmp_path / "六有.xlsx")
    plan = plan_import(ledger, tmp_path / "六有.xlsx", "six_haves", on_match="update")
    assert [r.status for r in plan.rows] == ["update", "new"]
    apply_import(ledger, plan)
    assert ledger.records.count("six_haves") == 2
