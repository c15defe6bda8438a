"""The Excel dialogs driven with real widgets: export, and import from file to undo."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ledger_app.forms.idcard import check_digit
from ledger_app.ui.errors import open_error_dialogs
from ledger_app.ui.xlsx_dialogs import ExportDialog
from ledger_app.ui.xlsx_import_dialog import ImportDialog

ID = "43010519800701123" + check_digit("43010519800701123")
SHOTS = os.environ.get("XLSX_UI_SHOTS")   # a folder: save screenshots there to look at


def roster_file(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["某某社区党支部党员花名册"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "姓 名", "性别", "出生年月", "身份证号码", "党员类别", "生辰八字"])
    ws.append([1, "张 伟", "男", datetime(1980, 7, 1), ID, "正式党员", "x"])
    ws.append([2, "李娜", "女", "1975.03.08", None, "预备", "y"])
    ws.append([3, "赵强", "男", "1985.08.15", 4.30105198001011e17, "正式党员", None])
    ws.append(["合计", "3人"])
    wb.save(path)
    return path


def save_shot(widget, name: str) -> None:
    if SHOTS:   # the bundled CJK font, as the program installs it, so the shot is readable
        from PySide6.QtWidgets import QApplication

        from ledger_app.ui.qt_fonts import install_ui_font

        install_ui_font(QApplication.instance())
        widget.setFont(QApplication.font())
    image = widget.grab()
    assert not image.isNull() and image.width() > 300
    if SHOTS:
        Path(SHOTS).mkdir(exist_ok=True)
        image.save(str(Path(SHOTS) / name))


def test_import_dialog_from_file_to_preview_to_import_to_undo(qtbot, runner, ledger, tmp_path):
    dialog = ImportDialog(ledger, runner, "roster")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.undo_button.isEnabled()
    dialog.choose_file(roster_file(tmp_path / "名册.xlsx"))
    assert runner.wait_idle()
    assert dialog.sheet_combo.currentText() == "花名册" and dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    assert dialog.pages.currentIndex() == 1
    model = dialog.model
    statuses = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert statuses == ["新增", "新增", "错误", "跳过"]
    assert "15 位有效数字" in model.index(2, 3).data()
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fbdcdc"
    assert "错误 1 条" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()          # all or nothing by default
    save_shot(dialog, "import-preview.png")

    # The column mapping table: 生辰八字 is not imported; point it at 备注 and it is re-planned.
    combos = [dialog.mapping_table.cellWidget(r, 1) for r in range(dialog.mapping_table.rowCount())]
    assert all(isinstance(c, QComboBox) for c in combos)
    labels = [dialog.mapping_table.cellWidget(r, 0).text() for r in range(len(combos))]
    extra = combos[labels.index("生辰八字")]
    assert extra.currentData() is None
    extra.setCurrentIndex(extra.findData("note"))
    assert runner.wait_idle()
    assert [c.field_key for c in dialog.plan.columns][6] == "note"

    dialog.only_valid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    assert dialog.pages.currentIndex() == 2
    assert "新增 2 条" in dialog.result_label.text()
    assert sorted(r["note"] or "" for r in ledger.records.list("roster")) == ["x", "y"]
    save_shot(dialog, "import-result.png")

    with qtbot.waitSignal(dialog.undone, timeout=5000):
        qtbot.mouseClick(dialog.result_undo, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    assert ledger.records.count("roster") == 0
    assert "已撤销" in dialog.result_label.text()


def test_matches_can_be_updated_row_by_row(qtbot, runner, ledger, tmp_path):
    ledger.records.insert("roster", {"name": "张伟", "gender": "男", "birth_date": "1980-07-01",
                                     "id_number": ID, "member_class": "预备党员", "status": "在册"})
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "性别", "出生日期", "公民身份号码", "人员类别"])
    wb.active.append(["张伟", "男", "1980-07-01", ID, "正式党员"])
    wb.save(tmp_path / "u.xlsx")
    dialog = ImportDialog(ledger, runner, "roster")
    qtbot.addWidget(dialog)
    dialog.choose_file(tmp_path / "u.xlsx")
    assert runner.wait_idle()
    dialog.make_plan()
    assert runner.wait_idle()
    model = dialog.model
    assert model.index(0, 1).data() == "跳过"
    assert not dialog.import_button.isEnabled()
    assert model.setData(model.index(0, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.index(0, 1).data() == "更新"
    dialog._update_summary()
    assert dialog.import_button.isEnabled()
    dialog.start_import()
    assert runner.wait_idle()
    assert ledger.records.list("roster")[0]["member_class"] == "正式党员"


def test_bad_file_shows_the_problem_in_the_dialog(qtbot, runner, ledger, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"))
    dialog = ImportDialog(ledger, runner, "roster")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_file(bad)
    assert runner.wait_idle()
    assert dialog.problem.isVisible() and "取消密码" in dialog.problem.text()
    assert not dialog.next_button.isEnabled()
    assert open_error_dialogs() == []


def test_template_download(qtbot, runner, ledger, tmp_path):
    dialog = ImportDialog(ledger, runner, "dues")
    qtbot.addWidget(dialog)
    dialog.download_template(tmp_path / "模板.xlsx")
    assert runner.wait_idle()
    assert openpyxl.load_workbook(tmp_path / "模板.xlsx").sheetnames == ["党费收缴"]


def test_export_dialog_this_type_or_whole_ledger(qtbot, runner, ledger, tmp_path):
    ledger.records.insert("roster", {"name": "张伟", "gender": "男", "birth_date": "1980-07-01",
                                     "id_number": ID, "member_class": "正式党员", "status": "在册"})
    ledger.records.insert("study_material", {"title": "党章", "kind": "书籍",
                                             "received_date": "2025-01-02"})
    dialog = ExportDialog(ledger, runner, "roster", 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.path_edit.text().endswith("2025年党员名册.xlsx")
    save_shot(dialog, "export.png")
    with qtbot.waitSignal(dialog.exported, timeout=5000):
        dialog.start_export(tmp_path / "one")
    assert runner.wait_idle()
    assert dialog.result_path == tmp_path / "one.xlsx"
    wb = openpyxl.load_workbook(dialog.result_path)
    assert wb.sheetnames == ["党员名册"]
    assert wb["党员名册"]["F3"].value == ID[:6] + "********" + ID[-4:]

    dialog = ExportDialog(ledger, runner, "roster", 2025)
    qtbot.addWidget(dialog)
    dialog.whole.setChecked(True)
    dialog.masked.setChecked(False)
    dialog.start_export(tmp_path / "all.xlsx")
    assert runner.wait_idle()
    wb = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert wb.sheetnames == ["党员名册", "学习资料"]
    assert wb["党员名册"]["F3"].value == ID


def test_main_window_menu_opens_both_dialogs(qtbot, runner, ledger, tmp_path):
    from ledger_app.ui.main_window import MainWindow

    window = MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    assert runner.wait_idle()
    outputs = window.menus.outputs
    outputs.actions["export"].trigger()
    assert isinstance(outputs.dialog, ExportDialog) and outputs.dialog.isVisible()
    outputs.dialog.reject()
    outputs.actions["import"].trigger()
    dialog = outputs.dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.choose_file(roster_file(tmp_path / "名册.xlsx"))
    assert runner.wait_idle()
    dialog.make_plan()
    assert runner.wait_idle()
    dialog.only_valid.setChecked(True)
    dialog.start_import()
    assert runner.wait_idle()
    dialog.accept()
    assert runner.wait_idle()
    assert ledger.records.count("roster") == 2
    window.close()
    assert runner.wait_idle()


def test_issue_roster_preview_shows_warnings_per_cell_and_imports_all_good_rows(
        qtbot, runner, ledger, tmp_path):
    from test_xlsx_messy import issue_roster

    dialog = ImportDialog(ledger, runner, "roster")
    qtbot.addWidget(dialog)
    dialog.resize(1200, 640)
    dialog.show()
    dialog.choose_file(issue_roster(tmp_path / "花名册.xlsx"))
    assert runner.wait_idle()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    model = dialog.model
    statuses = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert statuses == ["新增", "新增", "新增（有提示）", "新增", "新增（有提示）",
                        "跳过", "跳过", "跳过"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    education = headers.index("文化程度")
    cell = model.index(2, education)                       # 王芳: 学历 "大学"
    assert cell.data() == "大学"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f9d98a"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "“大学”可能是大学本科或大学专科，留空待核实"
    birth = model.index(2, headers.index("出生年月"))      # 1985.1 settled by the ID number
    assert birth.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#eaf3d6"
    assert "按身份证号码确定为1985年10月21日" in birth.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fdf0c8"
    assert "其中 2 行有提示" in dialog.summary.text()
    assert dialog.import_button.isEnabled()               # warnings do not stop the import
    save_shot(dialog, "import-preview-warnings.png")
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert runner.wait_idle()
    assert "新增 5 条" in dialog.result_label.text()
    assert ledger.records.count("roster") == 5
