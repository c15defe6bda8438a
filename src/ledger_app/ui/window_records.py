"""The dialogs the main window opens over its ledger: a record's edit form, the 对照表,
党费收缴表, 民主评议, 发展党员时间线, 留痕, recycle bin, 组织设置 and the print window.

``WindowDialogs`` is given what each one needs (a type, a year, a record) by whoever asks,
keeps the one open of each kind, and says what changed: ``record_saved`` after the edit
form saves, ``changed`` after anything else writes, ``settings_saved`` with the new
organisation settings, ``message`` for the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ledger_app.ui.i18n import tr

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


def _raised(dialog: QWidget | None) -> bool:
    """Bring ``dialog`` to the front if it is open; False if there is none."""
    if dialog is None or not isValid(dialog) or not dialog.isVisible():
        return False
    dialog.raise_()
    dialog.activateWindow()
    return True


class WindowDialogs(QObject):
    record_saved = Signal(int)
    changed = Signal()
    settings_saved = Signal(dict)
    message = Signal(str, int)

    def __init__(self, parent: QWidget, runner: TaskRunner):
        super().__init__(parent)
        self.parent_widget = parent
        self.runner = runner
        self.ledger: Ledger | None = None
        self.record_dialog: Any = None   # the open edit dialog, if any
        self.dialog: Any = None          # the last other dialog opened (tests look at it)
        self.checklist_dialog: Any = None
        self.dues_dialog: Any = None
        self.development_dialog: Any = None
        self.evaluation_dialog: Any = None
        self.audit_dialog: Any = None

    def set_ledger(self, ledger: Ledger | None) -> None:
        self.ledger = ledger

    # ---- records --------------------------------------------------------------------------

    def open_record(self, type_key: str, record_id: int | None, ids: list[int],
                    initial: dict[str, Any]) -> None:
        """Edit a record (stepping through ``ids``), or add one of ``type_key`` prefilled
        with ``initial`` (field keys): from the table, the home page and the checklists."""
        if self.ledger is None or _raised(self.record_dialog):
            return
        from ledger_app.ui.record_form import RecordDialog

        parent = self.parent_widget
        if record_id is not None:
            dialog = RecordDialog(self.ledger, self.runner, type_key, entry_id=record_id,
                                  parent=parent, ids=ids,
                                  index=ids.index(record_id) if record_id in ids else None)
        else:
            dialog = RecordDialog(self.ledger, self.runner, type_key, entry_id=None,
                                  parent=parent, initial=initial or None)
        dialog.saved.connect(self.record_saved)
        self.record_dialog = dialog
        dialog.open()

    def close_record_dialog(self) -> bool:
        """Close the edit dialog (it asks about unsaved changes); False if it stays open."""
        dialog = self.record_dialog
        if dialog is not None and isValid(dialog) and dialog.isVisible():
            dialog.close()
            return not dialog.isVisible()
        return True

    def reload_open_views(self) -> None:
        """After a save: the 对照表, 党费收缴表 and 时间线 still open show it too."""
        for shown in (self.checklist_dialog, self.dues_dialog, self.development_dialog):
            if shown is not None and isValid(shown) and shown.isVisible():
                shown.reload()

    def transfer_followup(self, record_id: int) -> None:
        """A saved 转入转出 record linked to a roster member: a 转入 fills her 转入本支部日期;
        a 转出 sets 状态 and 离开日期 once the person says yes."""
        ledger = self.ledger
        if ledger is None or ledger.pack.type_for("transfers") is None:
            return
        from ledger_app.rules.gather import transfer_roster_changes

        def updated(_result: object) -> None:
            self.message.emit(tr("已同步更新党员名册"), 5000)
            self.changed.emit()

        def apply(member_id: int, changes: dict[str, Any]) -> None:
            self.runner.run(lambda: ledger.records.update(member_id, changes), updated)

        def found(result: tuple[int | None, dict[str, Any], str]) -> None:
            member_id, changes, question = result
            if member_id is None or not changes:
                return
            if not question:
                apply(member_id, changes)
                return
            from ledger_app.ui.confirm import ask

            self.dialog = ask(self.parent_widget, tr("同步党员名册"), question,
                              lambda: apply(member_id, changes), yes_text=tr("修改名册"),
                              no_text=tr("暂不修改"))

        self.runner.run(lambda: transfer_roster_changes(ledger, record_id), found)

    # ---- views over a year ------------------------------------------------------------------

    def print_product(self, product: str, year: int, parent: QWidget | None = None) -> None:
        """The print window opened on one printout: the home page's 自查表, the dues
        grid's 党费收缴登记表 (Ctrl+P there)."""
        if self.ledger is None:
            return
        from ledger_app.ui.print_dialog import PrintDialog

        dialog = PrintDialog(self.ledger, self.runner, parent=parent or self.parent_widget,
                             year=year, product=product)
        self.dialog = dialog
        dialog.open()

    def show_checklist(self, checklist_key: str, year: int) -> None:
        """One year's 六有 / 五优 on one page."""
        if self.ledger is None:
            return
        from ledger_app.ui.checklist_view import ChecklistDialog

        dialog = ChecklistDialog(self.ledger, self.runner, checklist_key, year,
                                 self.parent_widget)
        dialog.record_wanted.connect(self.open_record)
        dialog.changed.connect(self.changed)
        self.dialog = dialog
        self.checklist_dialog = dialog
        dialog.show()

    def show_dues_grid(self, year: int, member: int | None = None, month: int = 1) -> None:
        """记录 → 党费收缴表（按月）: the year's dues, member × month, with 本月收缴; on
        ``member``'s row at ``month`` when given (a finding of months unpaid)."""
        if self.ledger is None or self.ledger.pack.type_for("dues") is None:
            return
        if _raised(self.dues_dialog):
            if member is not None:
                self.dues_dialog.go_to(year, member, month)
            return
        from ledger_app.ui.dues_grid_view import DuesGridDialog

        dialog = DuesGridDialog(self.ledger, self.runner, year, self.parent_widget)
        if member is not None:
            dialog.go_to(year, member, month)
        dialog.record_wanted.connect(self.open_record)
        dialog.filled.connect(self.changed)
        dialog.print_wanted.connect(lambda y, d=dialog: self.print_product("dues", y, d))
        self.dialog = dialog
        self.dues_dialog = dialog
        dialog.show()

    def show_evaluation_round(self, year: int) -> None:
        """记录 → 民主评议（按年度批量录入）: one table for the year's whole round."""
        if self.ledger is None or self.ledger.pack.type_for("evaluations") is None:
            return
        from ledger_app.ui.evaluation_grid import EvaluationRoundDialog

        dialog = EvaluationRoundDialog(self.ledger, self.runner, year, self.parent_widget)
        dialog.saved.connect(self.changed)
        self.dialog = dialog
        self.evaluation_dialog = dialog
        dialog.show()

    def show_development(self, current: int | None) -> None:
        """记录 → 发展党员时间线: the steps of each person in development, on the
        development record ``current`` if given."""
        if self.ledger is None or self.ledger.pack.development is None \
                or _raised(self.development_dialog):
            return
        from ledger_app.ui.development_view import DevelopmentDialog

        dialog = DevelopmentDialog(self.ledger, self.runner, current, self.parent_widget)
        dialog.record_wanted.connect(self.open_record)
        self.dialog = dialog
        self.development_dialog = dialog
        dialog.show()

    # ---- the ledger as a whole --------------------------------------------------------------

    def show_audit(self, entry_id: int | None, masked: bool, title: str = "") -> None:
        """留痕 of the ledger, or of one record; masked as the table is."""
        if self.ledger is None:
            return
        from ledger_app.ui.audit_view import AuditDialog

        dialog = AuditDialog(self.ledger, self.runner, entry_id, masked=masked, title=title,
                             parent=self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.audit_dialog = dialog

    def show_recycle_bin(self) -> None:
        if self.ledger is None:
            return
        from ledger_app.ui.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self.ledger, self.runner, self.parent_widget)
        dialog.changed.connect(self.changed)
        self.dialog = dialog
        dialog.open()

    def show_settings(self) -> None:
        if self.ledger is None:
            return
        from ledger_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ledger, self.runner, self.parent_widget)
        dialog.saved.connect(self.settings_saved)
        self.dialog = dialog
        dialog.open()
