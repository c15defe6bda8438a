"""留痕 you can read: ledger-app audit, the window's 留痕 view (whole ledger and one record,
filtered, printable), and 显示敏感信息 asked once a run and written to the trail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ledger_app.cli.main import main
from ledger_app.store import Ledger

ORG = {"org_name": "留痕测试支部"}


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    path = tmp_path / "留痕.ledger"
    with Ledger.create(path, ORG) as ledger:
        base = {"birth_date": "1980-01-01", "member_class": "正式党员", "status": "在册"}
        member = ledger.records.insert("roster", {**base, "seq": 1, "name": "张三",
                                                  "gender": "男", "phone": "13812345678"})
        ledger.records.update(member, {"phone": "13987654321",
                                       "note": "新身份证 110101199003071233"})
        other = ledger.records.insert("roster", {**base, "seq": 2, "name": "李四",
                                                 "gender": "女"})
        ledger.records.delete(other)
    return path


def test_the_audit_command_lists_filters_and_masks(ledger_path: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ledger_path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert "删除（移入回收站）" in lines[0]           # newest first
    assert "联系电话：138****5678 → 139****4321" in out
    assert "110101********1233" in out and "13987654321" not in out
    assert "新建台账" in out
    assert main(["audit", str(ledger_path), "--action", "修改", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["action"] for r in rows] == ["修改"] and rows[0]["record"] == "党员名册 #1"
    assert main(["audit", str(ledger_path), "--record", "1", "--unmasked"]) == 0
    out = capsys.readouterr().out
    assert "13987654321" in out and "李四" not in out
    assert main(["audit", str(ledger_path), "--from", "2000-01-01", "--to", "2000-12-31"]) == 0
    assert "没有符合条件的留痕" in capsys.readouterr().out
    assert main(["audit", str(ledger_path), "--action", "打印"]) == 2
    assert "没有“打印”这类操作" in capsys.readouterr().err
    assert main(["audit", str(ledger_path), "--from", "去年"]) == 2
    pdf = tmp_path / "留痕.pdf"
    assert main(["audit", str(ledger_path), "-o", str(pdf)]) == 0
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "留痕测试支部 留痕记录" in text and "139****4321" in text and "13987654321" not in text


def test_the_window_shows_the_trail_and_asks_once_before_showing_numbers(
        ledger_path: Path, qtbot, tmp_path: Path, monkeypatch) -> None:
    import ledger_app.ui.main_window as mw
    import ledger_app.ui.record_pane as pane
    from ledger_app.ui.audit_view import AuditDialog
    from ledger_app.ui.tasks import TaskRunner

    monkeypatch.setattr(pane, "_sensitive_confirmed", False)   # a fresh run of the program
    runner = TaskRunner()
    ledger = Ledger.open(ledger_path)
    window = mw.MainWindow(ledger, runner)
    qtbot.addWidget(window)
    window.show()
    try:
        assert runner.wait_idle()
        window.tree.select_type("roster")
        assert runner.wait_idle()
        phone = [f.key for f in window.table_pane.model.fields].index("phone")
        # Asked first; 不显示 keeps the numbers hidden and writes nothing.
        window.table_pane.sensitive_box.setChecked(True)
        box = window.table_pane.sensitive_question
        assert box.isVisible() and not window.table_pane.sensitive_box.isChecked()
        [no] = [b for b in box.buttons() if b.text() == "不显示"]
        no.click()
        assert window.table_pane.model.data(window.table_pane.model.index(0, phone)) == "139****4321"
        # 显示: the numbers show, and the 留痕 says so.
        window.table_pane.sensitive_box.setChecked(True)
        [yes] = [b for b in window.table_pane.sensitive_question.buttons() if b.text() == "显示"]
        yes.click()
        assert runner.wait_idle()
        assert window.table_pane.model.data(window.table_pane.model.index(0, phone)) == "13987654321"
        assert next(line.action for line in ledger.audit.lines()) == "show_sensitive"
        # Not asked again in this run.
        window.table_pane.sensitive_box.setChecked(False)
        window.table_pane.sensitive_box.setChecked(True)
        assert window.table_pane.sensitive_box.isChecked()
        assert len(ledger.audit.search(actions=["show_sensitive"])) == 1
        window.table_pane.sensitive_box.setChecked(False)

        # The ledger's 留痕, masked as the table is, filtered by operation.
        window.menus.actions["audit"].trigger()
        dialog = window.dialogs.audit_dialog
        assert isinstance(dialog, AuditDialog)
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10000)
        assert runner.wait_idle()
        texts = [dialog.table.item(r, 4).text() for r in range(dialog.table.rowCount())]
        assert any("138****5678 → 139****4321" in t for t in texts)
        assert not any("13987654321" in t for t in texts)
        dialog.action.setCurrentIndex(dialog.action.findText("修改"))
        assert runner.wait_idle()
        assert dialog.table.rowCount() == 1 and dialog.count.text() == "共 1 条"
        dialog.grab().save(str(tmp_path / "audit.png"))
        out = tmp_path / "窗口留痕.pdf"
        dialog.print_pdf(out, open_after=False)
        assert runner.wait_idle() and out.exists()
        dialog.close()
        # One record's 留痕.
        window.table_pane.table.selectRow(window.table_pane.model.row_of(1))
        window.show_audit(True)
        record_dialog = window.dialogs.audit_dialog
        assert runner.wait_idle()
        actions = {record_dialog.table.item(r, 2).text()
                   for r in range(record_dialog.table.rowCount())}
        assert actions == {"新增", "修改"} and "党员名册 #1" in record_dialog.windowTitle()
        record_dialog.close()
    finally:
        window.close()
        runner.wait_idle()
        runner.shutdown()
        ledger.close()


def test_the_record_form_opens_its_records_trail(ledger_path: Path, qtbot) -> None:
    from ledger_app.ui.record_form import RecordDialog
    from ledger_app.ui.tasks import TaskRunner

    runner = TaskRunner()
    with Ledger.open(ledger_path) as ledger:
        try:
            new = RecordDialog(ledger, runner, "roster", None)
            qtbot.addWidget(new)
            assert runner.wait_idle() and not new.history_button.isEnabled()
            dialog = RecordDialog(ledger, runner, "roster", 1)
            qtbot.addWidget(dialog)
            assert runner.wait_idle() and dialog.history_button.isEnabled()
            dialog.history_button.click()
            assert runner.wait_idle()
            history = dialog.history_dialog
            assert runner.wait_idle()
            changes = [history.table.item(r, 4).text() for r in range(history.table.rowCount())]
            assert len(changes) == 2 and any("139****4321" in c for c in changes)
            history.close()
        finally:
            runner.wait_idle()
            runner.shutdown()
