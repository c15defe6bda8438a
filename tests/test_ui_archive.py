"""The archive dialog and the read-only inspection window, with real widgets."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from typing import ClassVar

import pytest

pytest.importorskip("pytestqt")

from archive_support import ORG, build, make_ledger
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ledger_app.outputs.archive import verify_archive
from ledger_app.store import Ledger
from ledger_app.ui.errors import open_error_dialogs


@pytest.fixture
def made(tmp_path: Path):
    return make_ledger(tmp_path, ORG)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_dialog_exports_a_verified_archive(qtbot, runner, made, tmp_path: Path) -> None:
    from ledger_app.ui.archive_dialog import ArchiveDialog

    ledger_path, _ = made
    with Ledger.open(ledger_path) as ledger:
        dialog = ArchiveDialog(ledger, runner, 2025)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.grab().save(str(tmp_path / "archive_dialog.png"))
        assert dialog.output.text().endswith("测试街道第一社区党支部_2025年度检查档案.zip")
        out = tmp_path / "窗口导出.zip"
        dialog.output.setText(str(out))
        dialog.categories["funding"].setChecked(False)
        dialog.password.setText("abc")
        dialog.password_again.setText("abd")
        dialog.export()
        assert "不一致" in dialog.problem.text() and not out.exists()
        dialog.password.clear()
        dialog.password_again.clear()
        dialog.part.setChecked(True)
        dialog.date_from.setDate(dialog.date_from.date().fromString("2025-01-01", "yyyy-MM-dd"))
        dialog.date_to.setDate(dialog.date_to.date().fromString("2025-03-31", "yyyy-MM-dd"))
        dialog.export()
        assert runner.wait_idle(30000)
        assert dialog.archive_result is not None and out.exists()
    report = verify_archive(out)
    assert report.ok
    manifest = report.manifest
    assert manifest["period"]["to"] == "2025-03-31" and manifest["counts"]["meeting"] == 2
    assert "funding" not in {c["key"] for c in manifest["categories"]}
    # The message offers to show the folder, through the system's file manager.
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    class Opened(QObject):
        urls: ClassVar[list[str]] = []

        @Slot("QUrl")
        def open(self, url) -> None:
            self.urls.append(url.toLocalFile())

    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        box = dialog.done_box
        assert box.isVisible() and "窗口导出.zip" in box.text()
        box.findChild(QPushButton, "showFolderButton").click()
        assert opened.urls == [str(tmp_path)]
    finally:
        QDesktopServices.unsetUrlHandler("file")
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "archiveDoneBox":
            box.close()


def test_cancel_leaves_no_file(qtbot, runner, made, tmp_path: Path) -> None:
    from ledger_app.ui.archive_dialog import ArchiveDialog

    ledger_path, _ = made
    out_dir = tmp_path / "输出"
    out_dir.mkdir()
    with Ledger.open(ledger_path) as ledger:
        dialog = ArchiveDialog(ledger, runner, 2025)
        qtbot.addWidget(dialog)
        dialog.output.setText(str(out_dir / "取消.zip"))
        dialog.export()
        from PySide6.QtWidgets import QPushButton

        cancel = next(b for b in dialog.progress.findChildren(QPushButton) if b.text() == "取消")
        cancel.click()  # as the secretary would; the job stops at its next report
        assert runner.wait_idle(30000)
        assert dialog.archive_result is None
        assert list(out_dir.iterdir()) == []
        assert not open_error_dialogs()


def test_inspection_window_is_read_only_and_leaves_the_file_untouched(
        qtbot, made, tmp_path: Path) -> None:
    from ledger_app.ui.inspection_window import AttachmentViewer, open_archive

    ledger_path, facts = made
    archive = build(ledger_path, tmp_path / "交来的档案.zip", password="口令").path
    before = sha(archive), archive.stat().st_mtime_ns
    asked = []
    window = open_archive(archive, None)
    window.ask_password = lambda: asked.append(1) or "口令"
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.archive is not None or window.error is not None,
                    timeout=30000)
    assert asked == [1] and window.archive is not None
    assert "校验通过" in window.banner.text()
    folder = window.archive.folder.path
    assert folder.is_dir()
    window.grab().save(str(tmp_path / "overview.png"))

    labels = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert labels[0] == "概况与校验结果" and "基本活动" in labels
    assert "检查清单：六有建设" in labels
    window.show_type("meeting")
    assert window.model.rowCount() == 3
    assert window.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    row = window.model.row_of(facts["meetings"][0])
    window.table.selectRow(row)
    assert "研究发展党员工作" in window.detail.toPlainText()
    detail = window.detail.toPlainText()
    assert "应到 4 人，实到 3 人，请假 1 人，缺席 0 人" in detail
    assert "出席：张三、李四、王五" in detail
    assert "请假、缺席：赵六（请假：出差）" in detail
    assert window.attachments.count() == 4
    window.grab().save(str(tmp_path / "meeting.png"))
    viewer = window.view_attachment(window.attachments.item(0))
    assert isinstance(viewer, AttachmentViewer) and not viewer.image.isNull()
    viewer.close()
    window.show_type("roster")
    window.table.selectRow(0)
    text = window.detail.toPlainText()
    assert facts["ids"][0][:6] + "********" in text and facts["ids"][0] not in text

    checklist_item = next(window.tree.topLevelItem(i) for i in range(window.tree.topLevelItemCount())
                      if window.tree.topLevelItem(i).text(0).startswith("检查清单"))
    window.tree.setCurrentItem(checklist_item)
    assert window.checklist.rowCount() == 6
    assert window.checklist.item(0, 1).text() == "✔ 达标"
    assert window.checklist.item(1, 1).text() == "无记录"
    # Double-clicking a line leads to its record and its evidence photo.
    window.open_checklist_row(1)                        # 无记录: nowhere to go
    assert window.pages.currentIndex() == 1
    window.open_checklist_row(0)
    assert window.pages.currentIndex() == 2 and window.model.type_key == "six_haves"
    assert "活动室 60 平方米" in window.detail.toPlainText()
    assert window.attachments.count() == 1
    assert window.tree.currentItem().text(0).startswith("六有建设")
    window.close()
    assert not folder.exists()
    assert (sha(archive), archive.stat().st_mtime_ns) == before
    assert sorted(p.name for p in archive.parent.iterdir() if p.suffix == ".zip") == [archive.name]


def test_a_tampered_archive_opens_with_a_red_banner(qtbot, made, tmp_path: Path) -> None:
    from archive_support import rewrite_zip

    from ledger_app.ui.inspection_window import open_archive

    ledger_path, _ = made
    archive = build(ledger_path, tmp_path / "a.zip", categories=["activities"]).path
    tampered = tmp_path / "b.zip"
    rewrite_zip(archive, tampered, lambda n, d: (n, d + b"!" if n.endswith(".xlsx") else d))
    window = open_archive(tampered, None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.archive is not None or window.error is not None,
                    timeout=30000)
    assert "校验未通过" in window.banner.text() and "会议记录.xlsx" in window.banner.text()
    window.close()


def test_a_hostile_archive_is_refused(qtbot, tmp_path: Path) -> None:
    from ledger_app.ui.inspection_window import open_archive

    hostile = tmp_path / "hostile.zip"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("manifest.json", "{}")
        zf.writestr("../../evil.txt", "x")
    window = open_archive(hostile, None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.error is not None, timeout=30000)
    assert "不安全" in str(window.error)
    boxes = open_error_dialogs()
    assert boxes and "不安全" in boxes[0].text()
    for box in boxes:
        box.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.zip"]


def test_main_window_menu_opens_the_archive_dialog_and_an_archive(
        qtbot, runner, made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ledger_app.ui.archive_dialog import ArchiveDialog
    from ledger_app.ui.inspection_window import InspectionWindow
    from ledger_app.ui.main_window import MainWindow

    ledger_path, _ = made
    archive = build(ledger_path, tmp_path / "菜单.zip", categories=["venue"]).path
    with Ledger.open(ledger_path) as ledger:
        window = MainWindow(ledger, runner)
        qtbot.addWidget(window)
        window.show()
        assert runner.wait_idle()
        outputs = window.menus.outputs
        outputs.actions["archive"].trigger()
        assert isinstance(outputs.dialog, ArchiveDialog)
        outputs.dialog.close()
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *a, **k: (str(archive), "")))
        outputs.actions["open_archive"].trigger()
        inspection = window.findChild(InspectionWindow)
        assert inspection is not None
        qtbot.waitUntil(lambda: inspection.archive is not None, timeout=30000)
        assert "校验通过" in inspection.banner.text()
        inspection.close()
        window.close()
        assert runner.wait_idle()


def test_after_the_export_the_handover_sheet_prints_and_settings_show_the_key(
        qtbot, runner, made, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QPushButton

    from ledger_app.store.signing import ledger_fingerprint
    from ledger_app.ui.archive_dialog import ArchiveDialog
    from ledger_app.ui.settings_dialog import SettingsDialog

    ledger_path, _ = made
    with Ledger.open(ledger_path) as ledger:
        fp = ledger_fingerprint(ledger)
        settings = SettingsDialog(ledger, runner)
        qtbot.addWidget(settings)
        assert runner.wait_idle(10000)
        assert fp in settings.fingerprint.text()
        dialog = ArchiveDialog(ledger, runner, 2025)
        qtbot.addWidget(dialog)
        dialog.output.setText(str(tmp_path / "带移交单.zip"))
        for key in ("venue", "rules", "funding"):
            dialog.categories[key].setChecked(False)
        dialog.password.setText("口令123")
        dialog.password_again.setText("口令123")
        dialog.export()
        assert runner.wait_idle(30000) and dialog.archive_result is not None
        box = dialog.done_box
        assert fp in box.text() and box.findChild(QPushButton, "handoverButton") is not None
        out = dialog.handover_path()
        assert out.name == "带移交单_移交单.pdf"
        dialog.print_handover(out, open_after=False)
        assert runner.wait_idle(30000) and dialog.handover_printed == out
        box.close()
    text = PdfReader(out).pages[0].extract_text().replace("\n", "")
    assert fp in text and "已加密" in text


OPEN_ARCHIVE = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QInputDialog
from ledger_app.ui.inspection_window import run_inspection

app = QApplication(sys.argv[:1])

def look():
    asked = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QInputDialog) and w.isVisible()]
    texts = [asked[0].windowTitle(), *(b.text() for b in asked[0].findChildren(QAbstractButton))]
    print(json.dumps(texts), flush=True)
    os._exit(0)

QTimer.singleShot(1000, look)
run_inspection(Path(sys.argv[1]))
"""


@pytest.mark.parametrize("language, expected, never", [
    ("zh_CN", ["检查档案有密码", "确定", "取消"], ["OK", "Cancel"]),
    ("en", ["The archive has a password", "OK", "Cancel"], ["检查档案有密码"]),
])
def test_open_archive_from_the_command_line_speaks_the_window_s_language(
        made, tmp_path: Path, language, expected, never) -> None:
    """``ledger-app open-archive`` sets up its window as the program does: under LANG=C
    the password box's buttons are Qt's Chinese ones, and English when chosen."""
    import json
    import os
    import subprocess
    import sys

    from ledger_app.ui import i18n

    ledger_path, _facts = made
    archive = build(ledger_path, tmp_path / "交来的档案.zip", password="口令").path
    i18n.save_language(language)
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "LANGUAGE": "",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8",
           "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", OPEN_ARCHIVE, str(archive)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(expected) <= set(shown) and not set(never) & set(shown), shown
