"""The Excel commands run as a user would run them, and the exported workbook opened by
LibreOffice (when installed) shows the same values."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from ledger_app.forms.idcard import check_digit
from ledger_app.store import Ledger

ID = "43010519800701123" + check_digit("43010519800701123")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ledger_app.cli.main", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def ledger_file(tmp_path, org) -> Path:
    path = tmp_path / "台账.ledger"
    with Ledger.create(path, org) as ledger:
        a = ledger.records.insert("roster", {
            "seq": 1, "name": "张伟", "gender": "男", "birth_date": "1980-07-01", "id_number": ID,
            "member_class": "正式党员", "status": "在册", "phone": "13812345678",
            "dues_base": 523456})
        ledger.records.insert("dues", {"member": a, "month": "2025-03", "base": 523456,
                                       "due": 7852, "paid": 7852, "paid_date": "2025-03-05"})
    return path


def roster_file(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["党员花名册"])
    ws.append(["姓 名", "性别", "出生年月", "身份证号码", "党员类别", "民族"])
    ws.append(["李 娜", "女", "1975.03.08", None, "正式", "汉"])
    ws.append(["张伟", "男", datetime(1980, 7, 1), ID, "正式党员", "汉"])
    ws.append(["王芳", "女", "1990.01", None, "预备党员", "回"])
    ws.append(["赵强", "男", "1985.08.15", 4.30105198001011e17, "正式党员", "汉"])
    wb.save(path)
    return path


def test_dry_run_json_shows_every_row_and_writes_nothing(ledger_file, tmp_path):
    done = cli("import-xlsx", ledger_file, roster_file(tmp_path / "r.xlsx"), "--type", "党员名册",
               "--dry-run", "--json")
    assert done.returncode == 1, done.stderr        # a row has an error
    data = json.loads(done.stdout)
    assert data["written"] is False and data["header_row"] == 2
    assert [(r["row"], r["status_label"], r["level"]) for r in data["rows"]] == [
        (3, "新增", "ok"), (4, "跳过", "ok"), (5, "新增", "ok"), (6, "错误", "error")]
    assert data["rows"][0]["values"]["name"] == "李娜"
    assert data["rows"][0]["values"]["ethnicity"] == "汉族"
    assert data["rows"][2]["values"]["birth_date"] == "1990-01"    # a month, not padded
    assert data["rows"][3]["reasons"][0]["field"] == "id_number"
    assert data["rows"][3]["reasons"][0]["level"] == "error"
    assert "15 位有效数字" in data["rows"][3]["reasons"][0]["message"]
    assert data["levels"] == {"ok": 3, "warning": 0, "error": 1}
    with Ledger.open(ledger_file) as ledger:
        assert ledger.records.count("roster") == 1


def test_import_refuses_on_errors_then_skip_errors_then_undo(ledger_file, tmp_path):
    path = roster_file(tmp_path / "r.xlsx")
    done = cli("import-xlsx", ledger_file, path, "--type", "roster")
    assert done.returncode == 1 and "什么也没有导入" in done.stderr
    done = cli("import-xlsx", ledger_file, path, "--type", "roster", "--skip-errors")
    assert done.returncode == 0 and "新增 2 条" in done.stdout, done.stderr
    with Ledger.open(ledger_file) as ledger:
        assert ledger.records.count("roster") == 3
    done = cli("undo-import", ledger_file)
    assert done.returncode == 0 and "已撤销" in done.stdout
    with Ledger.open(ledger_file) as ledger:
        assert ledger.records.count("roster") == 1


def test_update_and_map_options(ledger_file, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "性别", "出生日期", "公民身份号码", "人员类别", "手机号"])
    ws.append(["张伟", "男", "1980-07-01", ID, "正式党员", "13900001111"])
    wb.save(tmp_path / "u.xlsx")
    done = cli("import-xlsx", ledger_file, tmp_path / "u.xlsx", "--type", "roster", "--update",
               "--map", "手机号=联系电话", "--json")
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["written"] and data["counts"]["update"] == 1
    with Ledger.open(ledger_file) as ledger:
        assert ledger.records.list("roster")[0]["phone"] == "13900001111"


def test_export_and_template_commands(ledger_file, tmp_path):
    out = tmp_path / "导出.xlsx"
    done = cli("export-xlsx", ledger_file, "-o", out, "--type", "roster")
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(out)["党员名册"]
    assert ws["F3"].value == ID[:6] + "********" + ID[-4:]
    done = cli("export-xlsx", ledger_file, "-o", out, "--unmasked")
    assert openpyxl.load_workbook(out).sheetnames == ["党员名册", "党费收缴"]
    assert openpyxl.load_workbook(out)["党员名册"]["F3"].value == ID
    done = cli("template-xlsx", "--type", "dues", "-o", tmp_path / "模板.xlsx")
    assert done.returncode == 0 and (tmp_path / "模板.xlsx").exists()


def test_bad_type_and_bad_file_exit_2_with_message(ledger_file, tmp_path):
    done = cli("export-xlsx", ledger_file, "-o", tmp_path / "x.xlsx", "--type", "nope")
    assert done.returncode == 2 and "没有“nope”这种记录类型" in done.stderr
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"%PDF-1.4")
    done = cli("import-xlsx", ledger_file, bad, "--type", "roster")
    assert done.returncode == 2 and "PDF" in done.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_reads_the_export_with_the_same_values(ledger_file, tmp_path):
    out = tmp_path / "all.xlsx"
    assert cli("export-xlsx", ledger_file, "-o", out, "--unmasked").returncode == 0
    folder = tmp_path / "csv"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
         "--outdir", str(folder), str(out)], capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    with open(folder / "all-党员名册.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header, first = rows[1], rows[2]
    row = dict(zip(header, first))
    assert row["姓名"] == "张伟"
    assert row["出生日期"] == "1980-07-01"
    assert row["公民身份号码"] == ID
    assert row["联系电话"] == "13812345678"
    assert row["党费计算基数"] == "5234.56"
    with open(folder / "all-党费收缴.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    row = dict(zip(rows[1], rows[2]))
    assert row == {"党员": "张伟", "月份": "2025-03", "计算基数": "5234.56", "比例": "",
                   "应交金额": "78.52", "实交金额": "78.52", "交纳日期": "2025-03-05", "备注": ""}
