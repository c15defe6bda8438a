"""Attachments in the record dialog: dropped and chosen files, thumbnails, captions, opening,
and a meeting saved with its attendance and photos in one piece."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PIL import Image
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ledger_app.ui.errors import LEDGER_ERROR_BOX, open_error_dialogs
from ledger_app.ui.record_form import RecordDialog

RED = (200, 30, 30)


@pytest.fixture
def photo(tmp_path) -> Path:
    path = tmp_path / "会议现场.png"
    Image.new("RGB", (640, 480), RED).save(path)
    return path


@pytest.fixture
def scan(tmp_path) -> Path:
    path = tmp_path / "签到表.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return path


@pytest.fixture
def members(ledger) -> list[int]:
    return [ledger.records.insert("roster", {
        "name": name, "gender": "男", "birth_date": "1970-01-01", "member_class": "正式党员",
        "status": "在册", "party_group": "第一党小组", "joined_date": "2000-01-01"})
        for name in ("张伟", "李娜", "王芳")]


def open_dialog(qtbot, ledger, runner, entry_id=None) -> RecordDialog:
    dialog = RecordDialog(ledger, runner, "meeting", entry_id)
    qtbot.addWidget(dialog, before_close_func=lambda d: d.discard_and_close())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert runner.wait_idle()
    return dialog


def drop_files(widget, paths: list[Path], text: str | None = None) -> bool:
    """Drag files over a widget and drop them, as a file manager does; True if taken."""
    mime = QMimeData()
    if paths:
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    if text is not None:
        mime.setText(text)
    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def fill_meeting(dialog, runner, qtbot) -> None:
    form = dialog.form
    form.editors["kinds"].boxes[0].setChecked(True)
    form.editors["topic"].edit.setText("学习贯彻全会精神")
    date = form.editors["date"].edit
    date.setText("2025-03-15")
    attendance = form.attendance_editor()
    with qtbot.waitSignal(attendance.roster_loaded, timeout=3000):
        form.editors["date"].changed.emit()
    assert runner.wait_idle()


def centre_colour(icon) -> tuple[int, int, int]:
    image = icon.pixmap(64, 64).toImage()
    colour = image.pixelColor(image.width() // 2, image.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def test_meeting_with_attendance_and_a_dropped_photo_saves_all_of_it(
        qtbot, ledger, runner, members, photo, scan):
    dialog = open_dialog(qtbot, ledger, runner)
    fill_meeting(dialog, runner, qtbot)
    attendance = dialog.form.attendance_editor()
    attendance.mark_all_present()
    row = attendance.row_for(members[2])
    row.radios["absent"].click()
    row.reason.setText("住院")
    row.reason.textEdited.emit("住院")
    assert attendance.tally_label.text() == "应到 3 人　实到 2 人　请假 0 人　缺席 1 人"

    panel = dialog.form.attachment_panels()["photos"]
    # Dropped on the thumbnails list; the panel underneath takes the files.
    assert drop_files(panel.list.viewport(), [photo])
    assert panel.add_files([scan, scan.parent]) == 1      # a folder is skipped
    items = panel.items()
    assert [i.text() for i in items] == ["会议现场.png", "签到表.pdf"]
    assert centre_colour(items[0].icon()) == pytest.approx(RED, abs=12)  # a real thumbnail
    panel.set_caption(items[0], "全体党员集中学习")
    assert items[0].text() == "全体党员集中学习"

    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    entry_id = saved.args[0]
    record = ledger.records.get(entry_id)
    assert record["topic"] == "学习贯彻全会精神" and record["date"] == "2025-03-15"
    tally = ledger.attendance.tally(entry_id)
    assert (tally.due, tally.present, tally.leave, tally.absent) == (3, 2, 0, 1)
    stored = ledger.attachments.of(entry_id, "photos")
    assert [(a.filename, a.caption) for a in stored] == [("会议现场.png", "全体党员集中学习"),
                                                         ("签到表.pdf", "")]
    assert ledger.attachments.data(stored[0].sha256) == photo.read_bytes()
    assert ledger.attachments.thumbnail(stored[0].sha256) is not None
    assert (stored[0].width, stored[0].height) == (640, 480)


def test_a_drop_without_files_is_refused(qtbot, ledger, runner, tmp_path):
    dialog = open_dialog(qtbot, ledger, runner)
    panel = dialog.form.attachment_panels()["photos"]
    assert not drop_files(panel.list.viewport(), [], text="只是一段文字")
    assert not drop_files(panel, [tmp_path])             # a folder alone
    assert panel.items() == [] and not dialog.is_dirty()


def test_cancelling_a_new_record_stores_no_files(qtbot, ledger, runner, photo):
    dialog = open_dialog(qtbot, ledger, runner)
    panel = dialog.form.attachment_panels()["photos"]
    assert drop_files(panel, [photo])
    assert dialog.is_dirty()
    dialog.discard_and_close()
    assert ledger.query("SELECT count(*) FROM attachments")[0][0] == 0
    assert ledger.query("SELECT count(*) FROM blobs")[0][0] == 0


def test_a_failed_save_stores_nothing_and_keeps_the_form(
        qtbot, ledger, runner, members, photo, tmp_path):
    dialog = open_dialog(qtbot, ledger, runner)
    fill_meeting(dialog, runner, qtbot)
    dialog.form.attendance_editor().mark_all_present()
    vanishing = tmp_path / "将被删除.jpg"
    Image.new("RGB", (50, 50), RED).save(vanishing)
    panel = dialog.form.attachment_panels()["photos"]
    panel.add_files([photo, vanishing])
    vanishing.unlink()           # gone before the save: the file cannot be read

    dialog.save()
    assert runner.wait_idle()
    boxes = [d for d in open_error_dialogs() if d.objectName() == LEDGER_ERROR_BOX]
    assert boxes and "无法读取 将被删除.jpg" in boxes[0].text()
    # All or nothing: no record, no attendance, no photo.
    assert ledger.records.count("meeting") == 0
    assert ledger.query("SELECT count(*) FROM attendance")[0][0] == 0
    assert ledger.query("SELECT count(*) FROM attachments")[0][0] == 0
    assert dialog.isVisible() and len(panel.items()) == 2
    assert dialog.form.editors["topic"].edit.text() == "学习贯彻全会精神"

    panel.list.setCurrentItem(panel.items()[1])
    panel.remove_selected()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.save()
    assert len(ledger.attachments.of(saved.args[0])) == 1
    assert ledger.attendance.tally(saved.args[0]).present == 3


class _Viewer(QObject):
    """Stands in for the system viewer: Qt hands it the file URL to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


def test_editing_shows_thumbnails_applies_changes_and_opens_files(
        qtbot, ledger, runner, photo, scan):
    entry_id = ledger.records.insert("meeting", {
        "kinds": ["党课"], "date": "2025-04-10", "topic": "党课：党史学习"})
    ledger.attendance.set(entry_id, [])
    photo_id = ledger.attachments.add(entry_id, "photos", photo, caption="讲课现场")
    ledger.attachments.add(entry_id, "photos", scan)
    dialog = open_dialog(qtbot, ledger, runner, entry_id)
    panel = dialog.form.attachment_panels()["photos"]
    items = panel.items()
    assert [i.text() for i in items] == ["讲课现场", "签到表.pdf"]
    assert centre_colour(items[0].icon()) == pytest.approx(RED, abs=12)
    assert centre_colour(items[1].icon()) != pytest.approx(RED, abs=12)  # a file icon

    viewer = _Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        panel.list.setCurrentItem(items[0])
        panel.open_selected()
        assert runner.wait_idle()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(viewer.opened) == 1 and viewer.opened[0].read_bytes() == photo.read_bytes()
    assert viewer.opened[0].name.endswith("会议现场.png")

    panel.set_caption(items[0], "党史学习教育现场")
    panel.list.setCurrentItem(items[1])
    panel.remove_selected()
    assert dialog.is_dirty()
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    stored = ledger.attachments.of(entry_id)
    assert [(a.id, a.caption) for a in stored] == [(photo_id, "党史学习教育现场")]
    actions = [line.action for line in ledger.audit.lines(entry_id)]
    assert "detach" in actions and "caption" in actions

