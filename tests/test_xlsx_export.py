"""Exported workbooks and entry templates, read back with openpyxl."""

from __future__ import annotations

import zipfile
from datetime import datetime

import openpyxl
import pytest

from ledger_app.forms.idcard import check_digit
from ledger_app.outputs.xlsx.export import export_workbook
from ledger_app.outputs.xlsx.importer import apply_import, plan_import
from ledger_app.outputs.xlsx.template import write_template
from ledger_app.store.attendance import Presence
from ledger_app.store.errors import LedgerError

ID = "43010519800701123" + check_digit("43010519800701123")


@pytest.fixture
def filled(ledger):
    a = ledger.records.insert("roster", {
        "seq": 1, "name": "张伟", "gender": "男", "ethnicity": "汉族", "birth_date": "1980-07-01",
        "id_number": ID, "member_class": "正式党员", "status": "在册", "phone": "13812345678",
        "dues_base": 523456, "is_mobile": True, "note": "=SUM(A1:A3)", "education": "大学本科"})
    b = ledger.records.insert("roster", {"seq": 2, "name": "李娜", "gender": "女",
                                         "birth_date": "1975-03-08", "member_class": "预备党员",
                                         "status": "在册"})
    ledger.records.insert("dues", {"member": a, "month": "2025-03", "base": 523456, "rate": "1.5%",
                                   "due": 7852, "paid": 7852, "paid_date": "2025-03-05"})
    m = ledger.records.insert("meeting", {"kinds": ["支部党员大会", "党课"], "date": "2025-03-01",
                                          "topic": "学习党章", "chair": a, "recorder": b})
    ledger.attendance.set(m, [Presence(a, "present"), Presence(b, "leave", "出差")])
    return ledger


def test_whole_ledger_one_sheet_per_type_with_formatting(filled, tmp_path):
    out = export_workbook(filled, tmp_path / "台账.xlsx", masked=False)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["党员名册", "会议记录", "党费收缴"]
    ws = wb["党员名册"]
    assert ws["A1"].value == "测试街道第一社区党支部 党员名册"
    assert "A1:Z1" in {str(r) for r in ws.merged_cells.ranges} or ws.merged_cells.ranges
    headers = [c.value for c in ws[2]]
    assert headers[:6] == ["序号", "姓名", "性别", "民族", "出生日期", "公民身份号码"]
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == f"A2:{openpyxl.utils.get_column_letter(len(headers))}4"
    assert ws.print_title_rows == "$2:$2"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.column_dimensions["F"].width >= 21
    row = {h: c for h, c in zip(headers, ws[3])}
    assert row["出生日期"].value == datetime(1980, 7, 1)
    assert row["出生日期"].number_format == "yyyy-mm-dd"
    assert row["公民身份号码"].value == ID and row["公民身份号码"].data_type == "s"
    assert row["公民身份号码"].number_format == "@"
    assert row["联系电话"].value == "13812345678" and row["联系电话"].number_format == "@"
    assert row["党费计算基数"].value == 5234.56 and row["党费计算基数"].number_format == "0.00"
    assert row["流动党员"].value == "是"
    assert row["备注"].value == "=SUM(A1:A3)" and row["备注"].data_type == "s"  # text, not a formula
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["C3:C1048576"] == '"男,女"'
    assert '"正式党员,预备党员"' in lists.values()
    dues = wb["党费收缴"]
    cells = {h.value: c for h, c in zip(dues[2], dues[3])}
    assert cells["党员"].value == "张伟"
    assert cells["月份"].value == datetime(2025, 3, 1) and cells["月份"].number_format == "yyyy-mm"
    meeting = wb["会议记录"]
    cells = {h.value: c for h, c in zip(meeting[2], meeting[3])}
    assert cells["会议类型"].value == "支部党员大会、党课"
    assert cells["主持人"].value == "张伟" and cells["记录人"].value == "李娜"
    assert cells["出席情况"].value == "应到 2 人，实到 1 人，请假 1 人，缺席 0 人"
    assert "照片与签到表" not in cells


def test_sensitive_fields_masked_by_default(filled, tmp_path):
    out = export_workbook(filled, tmp_path / "m.xlsx", type_keys=["党员名册"])
    ws = openpyxl.load_workbook(out)["党员名册"]
    row = {h.value: c.value for h, c in zip(ws[2], ws[3])}
    assert row["公民身份号码"] == ID[:6] + "********" + ID[-4:]
    assert row["联系电话"] == "138****5678"
    assert row["姓名"] == "张伟"


def test_year_filter_and_empty_type(filled, tmp_path):
    out = export_workbook(filled, tmp_path / "y.xlsx", type_keys=["dues", "funds"], year=2024)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["党费收缴", "经费收支"]
    assert wb["党费收缴"].max_row == 2 and "2024年" in wb["党费收缴"]["A1"].value


def test_unknown_type_is_a_plain_error(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(LedgerError, match="没有“foo”这种记录类型"):
        export_workbook(filled, folder / "x.xlsx", type_keys=["foo"])
    assert not list(folder.iterdir())


class Stop(Exception):
    pass


def test_failed_export_leaves_no_file(filled, tmp_path):
    def cancel(done, total, message):
        raise Stop

    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(Stop):
        export_workbook(filled, folder / "x.xlsx", progress=cancel)
    assert not list(folder.iterdir())


def test_existing_file_replaced_whole(filled, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "x.xlsx"
    target.write_text("old")
    export_workbook(filled, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in folder.iterdir()] == ["x.xlsx"]


def test_template_has_instructions_dropdowns_and_text_id_column(ledger, tmp_path):
    out = write_template(ledger.pack, "党员名册", tmp_path / "模板.xlsx")
    ws = openpyxl.load_workbook(out)["党员名册"]
    assert ws["A1"].value.startswith("填写说明")
    assert [c.value for c in ws[2]][:3] == ["序号", "姓名", "性别"]
    assert ws["F3"].number_format == "@"
    assert ws.max_row == 202 and all(c.value is None for c in ws[3])
    assert any(str(dv.sqref) == "C3:C1048576" for dv in ws.data_validations.dataValidation)


def test_filled_template_imports_without_mapping(ledger, tmp_path):
    out = write_template(ledger.pack, "roster", tmp_path / "模板.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["党员名册"]
    values = {"姓名": "王芳", "性别": "女", "出生日期": datetime(1990, 1, 1),
              "公民身份号码": "11010519900101331" + check_digit("11010519900101331"),
              "人员类别": "预备党员", "状态": "在册", "流动党员": "否", "党费计算基数": 3200.5}
    headers = [c.value for c in ws[2]]
    for col, header in enumerate(headers, 1):
        if header in values:
            ws.cell(row=3, column=col, value=values[header])
    wb.save(out)
    plan = plan_import(ledger, out, "roster")
    assert all(c.field_key == c.auto_key for c in plan.columns)
    assert {c.header for c in plan.columns if c.field_key is None} == set()
    assert [r.status for r in plan.rows] == ["new"]
    result = apply_import(ledger, plan)
    record = ledger.records.get(result.inserted[0])
    assert record["dues_base"] == 320050 and record["is_mobile"] is False


def test_choices_too_long_for_an_inline_list_use_a_hidden_sheet(ledger, tmp_path):
    from dataclasses import replace

    from ledger_app.outputs.xlsx import styles

    rt = ledger.pack.record_type("regulation")
    long_field = replace(rt.field("category"), choices=tuple(f"制度类别{i:02d}很长很长很长" for i in range(30)))
    assert styles.needs_options_sheet(long_field)
    from ledger_app.forms.model import Category, Pack

    new_rt = replace(rt, fields=tuple(long_field if f.key == "category" else f for f in rt.fields))
    pack = Pack("p", "p", "roster", (Category("rules", "基本制度", 1, (new_rt,)),))
    out = write_template(pack, "regulation", tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["制度文汇", "选项"] and wb["选项"].sheet_state == "hidden"
    formulas = [dv.formula1 for dv in wb["制度文汇"].data_validations.dataValidation]
    assert "'选项'!$A$1:$A$30" in formulas
    assert wb["选项"]["A30"].value == "制度类别29很长很长很长"
