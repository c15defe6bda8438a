"""The English window, looked at: each dialog of printing, Excel, archives, 留痕, 回收站,
attachments, backups and 组织设置 opened in English on the demo ledger shows no Chinese
in its titles, labels, buttons, choices, headers and hints — except data: the pack's
labels, the organisation's settings, record values and the core's own messages.

The widgets are real and filled by the real worker; the compiled catalogue is the one
the program loads (scripts/i18n_update.py --compile, as setup does).
"""

from __future__ import annotations

from pathlib import Path

from english_support import CJK, chinese_left, shown_texts
from PySide6.QtWidgets import (
    QMessageBox,
)

from ledger_app.store import Ledger


def pack_words(ledger: Ledger) -> set[str]:
    """What a ledger holds as data: the pack's labels and choices, the settings, the
    组织类型 the packs serve."""
    from ledger_app.forms.packs import org_types

    pack = ledger.pack
    words = {pack.label, pack.member_noun, pack.basis, *dict(pack.org_labels).values()}
    words |= {c.label for c in pack.categories}
    for rt in pack.record_types:
        words.add(rt.label)
        for f in rt.fields:
            words.add(f.label)
            words.update(str(c) for c in (f.choices or ()))
    words |= {org_type for org_type, _key in org_types()}
    if pack.development is not None:                  # 发展党员 steps and their rules
        for step, check in pack.development.settings():
            words |= {step.label, check.rule}
    for req in pack.cadence:
        words |= {req.label, req.source}
    for value in ledger.settings().values():
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, list):
            words.update(str(v) for v in value)
    return {w for w in words if w}


def test_the_print_window_in_english(qtbot, english, demo, runner) -> None:
    from ledger_app.ui.print_choice import PRODUCTS
    from ledger_app.ui.print_dialog import PrintDialog

    meeting = demo.records.ids("meeting")[0]
    dialog = PrintDialog(demo, runner, type_key="meeting", record_id=meeting, product="table")
    qtbot.addWidget(dialog)
    dialog.show()
    assert runner.wait_idle(15000)
    assert dialog.windowTitle() == "Print"
    assert set(dialog.choice.alternative_buttons) == {"record", "signin"}
    data = pack_words(demo)
    for product in PRODUCTS:                    # each printout's own option rows
        if dialog.choice.product.model().item(dialog.choice._product_index(product.key)) \
                .isEnabled():
            dialog.choice.choose_product(product.key)
            assert runner.wait_idle(15000)
            # The record list holds records (data); the rest is the window's words.
            texts = shown_texts(dialog, skip=[dialog.choice.record_box])
            assert chinese_left(texts, data) == [], product.key
    assert dialog.choice.options()["retention"] == "永久"    # printed as the document says
    dialog.close()


def test_the_excel_dialogs_in_english(qtbot, english, demo, runner, tmp_path: Path) -> None:
    from ledger_app.outputs.xlsx.export import export_workbook
    from ledger_app.ui.xlsx_dialogs import ExportDialog
    from ledger_app.ui.xlsx_import_dialog import ImportDialog

    data = pack_words(demo)
    export = ExportDialog(demo, runner, "roster", 2025)
    qtbot.addWidget(export)
    export.show()
    assert chinese_left(shown_texts(export, skip=[export.path_edit]), data) == []
    assert export.windowTitle() == "Export to Excel"
    export.close()

    workbook = export_workbook(demo, tmp_path / "名册.xlsx", ["roster"], None, masked=False)
    dialog = ImportDialog(demo, runner, "roster")
    qtbot.addWidget(dialog)
    dialog.show()
    assert chinese_left(shown_texts(dialog), data) == []
    dialog.choose_file(Path(workbook))
    assert runner.wait_idle(15000)
    dialog.make_plan()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=30000)
    assert dialog.pages.currentIndex() == 1
    # Sheet names, the spreadsheet's own headers and the importer's notes are data.
    data |= {*(c.header for c in dialog.plan.columns if c.header), *dialog.plan.notes,
             *(dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count()))}
    left = chinese_left(shown_texts(dialog, skip=[dialog.file_edit]), data)
    assert left == []
    assert dialog.summary.text().endswith("with errors.") or "notes" in dialog.summary.text()
    # Each row's status in the window's words (every row of the workbook is already there).
    statuses = {dialog.model.data(dialog.model.index(row, 1))
                for row in range(dialog.model.rowCount())}
    assert statuses and statuses <= {"New", "Update", "Skip", "Error", "Skip (with notes)",
                                     "Update (with notes)", "New (with notes)"}, statuses
    dialog.close()


def test_the_archive_dialog_and_inspection_window_in_english(
        qtbot, english, demo, runner, tmp_path: Path) -> None:
    from archive_support import ORG, build, make_ledger

    from ledger_app.ui.archive_dialog import ArchiveDialog
    from ledger_app.ui.inspection_window import open_archive

    dialog = ArchiveDialog(demo, runner, 2025)
    qtbot.addWidget(dialog)
    dialog.show()
    data = pack_words(demo)
    assert chinese_left(shown_texts(dialog, skip=[dialog.output]), data) == []
    dialog.masked.setChecked(False)       # the warning shown
    assert dialog.mask_warning.isVisible() and not CJK.search(dialog.mask_warning.text())
    dialog.close()

    ledger_path, _facts = make_ledger(tmp_path, ORG)
    archive = build(ledger_path, tmp_path / "档案.zip").path
    window = open_archive(archive, None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.archive is not None or window.error is not None,
                    timeout=30000)
    assert window.archive is not None
    small = Ledger.open(ledger_path, readonly=True)
    try:
        data = pack_words(small)
    finally:
        small.close()
    report = window.archive.report
    manifest = window.archive.manifest
    # The verification's lines are the core's; the period's label is the manifest's.
    data |= {report.summary(), *report.lines(), manifest.get("period", {}).get("label", "")}
    assert chinese_left(shown_texts(window, skip=[window.overview, window.detail]), data) == []
    overview = window.overview.toPlainText()
    assert "Inspection archive overview" in overview and "Verification" in overview
    checklist = next(window.tree.topLevelItem(i) for i in range(window.tree.topLevelItemCount())
                     if window.tree.topLevelItem(i).text(0).startswith("Checklist: "))
    window.tree.setCurrentItem(checklist)
    headers = [window.checklist.horizontalHeaderItem(c).text()
               for c in range(window.checklist.columnCount())]
    assert headers == ["Item", "Met", "Current state", "Evidence"]
    window.show_type("meeting")
    window.table.selectRow(0)
    assert "Expected 4, present 3, on leave 1, absent 0." in window.detail.toPlainText()
    window.close()


def test_audit_trail_and_recycle_bin_in_english(qtbot, english, demo, runner) -> None:
    from ledger_app.ui.audit_view import AuditDialog
    from ledger_app.ui.recycle_bin import RecycleBinDialog

    demo.records.delete(demo.records.ids("meeting")[0])
    data = pack_words(demo)
    audit = AuditDialog(demo, runner)
    qtbot.addWidget(audit)
    qtbot.waitUntil(lambda: audit.table.rowCount() > 0, timeout=15000)
    # The action names in the filter are the audit trail's own (core) words.
    actions = {audit.action.itemText(i) for i in range(1, audit.action.count())}
    users = {audit.user.itemText(i) for i in range(1, audit.user.count())}
    assert chinese_left(shown_texts(audit, cells=False), data | actions | users) == []
    assert audit.count.text() == f"Total: {audit.table.rowCount()}"
    audit.close()

    bin_dialog = RecycleBinDialog(demo, runner)
    qtbot.addWidget(bin_dialog)
    qtbot.waitUntil(lambda: bin_dialog.table.rowCount() == 1, timeout=15000)
    assert bin_dialog.count.text() == "Records in the recycle bin: 1."
    assert chinese_left(shown_texts(bin_dialog, cells=False), data) == []
    assert bin_dialog.windowTitle() == "Recycle bin"
    bin_dialog.close()


def test_settings_and_attachments_in_english(qtbot, english, demo, runner) -> None:
    from ledger_app.ui.attachments_panel import AttachmentsPanel
    from ledger_app.ui.settings_dialog import SettingsDialog

    data = pack_words(demo)
    dialog = SettingsDialog(demo, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert runner.wait_idle(15000)
    assert dialog.form.isEnabled()
    assert chinese_left(shown_texts(dialog), data) == []
    assert dialog.form.dues_rounding.currentText() == "To the fen"
    assert dialog.form.values()["dues_rounding"] == "分"       # stored as before
    dialog.form.term_start.setText("2024-13-45")
    assert not CJK.search("".join(dialog.form.problems()).replace("2024-13-45", ""))
    dialog.close()

    rt = demo.pack.type_for("meetings")
    field = next(f for f in rt.fields if f.type == "attachments")
    panel = AttachmentsPanel(demo, runner, field.key)
    qtbot.addWidget(panel)
    assert chinese_left(shown_texts(panel), data) == []


def test_backup_actions_and_the_damaged_ledger_box_in_english(
        qtbot, english, demo, main_window) -> None:
    window = main_window(demo)
    safety = window.menus.safety
    assert [a.text() for a in safety.actions.values()] == [
        "Back up", "Restore from backup...", "Save as...", "Backup folder..."]
    message = "台账文件有 3 处损坏。"          # the core's words, passed through
    box = safety.show_damaged(message)
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "The ledger file is damaged"
    assert chinese_left([box.text(), *(b.text() for b in box.buttons())], {message}) == []
    box.close()
