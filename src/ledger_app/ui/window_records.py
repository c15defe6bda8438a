"""The 记录 menu's work: new, edit, delete, move between records, recycle bin, settings.

A mixin of ``MainWindow``: it uses the window's ledger, runner, model, table and tree.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ledger_app.ui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class RecordActions(_Base):
    def new_record(self) -> None:
        self._open_record_dialog(None)

    def edit_current(self) -> None:
        record_id = self.current_record_id()
        if record_id is not None:
            self._open_record_dialog(record_id)

    def _open_record_dialog(self, record_id: int | None) -> None:
        type_key = self.current_type_key()
        if type_key is None:
            return
        if record_id is not None and self.model is not None:
            # The dialog's 上一条/下一条 walk the table as it is shown.
            self.open_record(type_key, record_id, list(self.model.ids), {})
        else:
            self.open_record(type_key, None, [], self._year_default(type_key))

    def _year_default(self, type_key: str) -> dict[str, Any]:
        """A record that belongs to a year (六有 年度, 民主评议 年度) made while a year is
        chosen belongs to that year, not to today's."""
        year = self.current_year()
        rt = self.ledger.pack.record_type(type_key) if self.ledger is not None else None
        if year is None or rt is None or not rt.date_field \
                or rt.field(rt.date_field).type != "integer":
            return {}
        return {rt.date_field: year}

    def open_record(self, type_key: str, record_id: int | None, ids: list[int],
                    initial: dict[str, Any]) -> None:
        """Edit a record (stepping through ``ids``), or add one of ``type_key`` prefilled
        with ``initial`` (field keys): from the table, the home page and the checklists."""
        dialog_class = self.menus.record_dialog_class()
        if dialog_class is None or self.ledger is None:
            return
        if self.record_dialog is not None and isValid(self.record_dialog) \
                and self.record_dialog.isVisible():
            self.record_dialog.raise_()
            self.record_dialog.activateWindow()
            return
        if record_id is not None:
            dialog = dialog_class(self.ledger, self.runner, type_key, entry_id=record_id,
                                  parent=self, ids=ids,
                                  index=ids.index(record_id) if record_id in ids else None)
        else:
            dialog = dialog_class(self.ledger, self.runner, type_key, entry_id=None, parent=self,
                                  initial=initial or None)
        dialog.saved.connect(self._record_saved)
        self.record_dialog = dialog
        dialog.open()

    def print_self_check(self, year: int) -> None:
        """The print window, opened on the year's 自查表 (from the home page)."""
        self.print_product("checklist", year)

    def print_product(self, product: str, year: int, parent: QWidget | None = None) -> None:
        """The print window opened on one printout: the home page's 自查表, the dues
        grid's 党费收缴登记表 (Ctrl+P there)."""
        if self.ledger is None:
            return
        from ledger_app.ui.print_dialog import PrintDialog

        dialog = PrintDialog(self.ledger, self.runner, parent=parent or self, year=year,
                             product=product)
        self.dialog = dialog
        dialog.open()

    def show_checklist(self, checklist_key: str) -> None:
        """One year's 六有 / 五优 on one page, from the home page."""
        if self.ledger is None:
            return
        from ledger_app.ui.checklist_view import ChecklistDialog

        # From the table: the year it shows (全部年度: the home page's year).
        year = (self.current_year() if not self.showing_home() else None) or self.home.year
        if year is None:
            return
        dialog = ChecklistDialog(self.ledger, self.runner, checklist_key, year, self)
        dialog.record_wanted.connect(self.open_record)
        dialog.changed.connect(self.refresh_all)
        self.dialog = dialog
        self.checklist_dialog = dialog
        dialog.show()

    def _transfer_followup(self, record_id: int) -> None:
        """A saved 转入转出 record linked to a roster member: a 转入 fills her 转入本支部日期;
        a 转出 sets 状态 and 离开日期 once the person says yes."""
        ledger = self.ledger
        if ledger is None or ledger.pack.type_for("transfers") is None:
            return
        from ledger_app.rules.gather import transfer_roster_changes

        def apply(member_id: int, changes: dict[str, Any]) -> None:
            self.runner.run(lambda: ledger.records.update(member_id, changes),
                            lambda _r: (self.statusBar().showMessage("已同步更新党员名册", 5000),
                                        self.refresh_all()))

        def found(result: tuple[int | None, dict[str, Any], str]) -> None:
            member_id, changes, question = result
            if member_id is None or not changes:
                return
            if not question:
                apply(member_id, changes)
                return
            from ledger_app.ui.confirm import ask

            self.dialog = ask(self, "同步党员名册", question,
                              lambda: apply(member_id, changes), yes_text="修改名册",
                              no_text="暂不修改")

        self.runner.run(lambda: transfer_roster_changes(ledger, record_id), found)

    def show_dues_grid(self) -> None:
        """记录 → 党费收缴表（按月）: the year's dues, member × month, with 本月收缴."""
        if self.ledger is None or self.ledger.pack.type_for("dues") is None:
            return
        from ledger_app.ui.dues_grid_view import DuesGridDialog

        existing = getattr(self, "dues_dialog", None)
        if existing is not None and isValid(existing) and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        year = self.current_year() or dt.date.today().year
        dialog = DuesGridDialog(self.ledger, self.runner, year, self)
        dialog.record_wanted.connect(self.open_record)
        dialog.filled.connect(self.refresh_all)
        dialog.print_wanted.connect(lambda y, d=dialog: self.print_product("dues", y, d))
        self.dialog = dialog
        self.dues_dialog = dialog
        dialog.show()

    def show_evaluation_round(self) -> None:
        """记录 → 民主评议（按年度批量录入）: one table for the year's whole round."""
        if self.ledger is None or self.ledger.pack.type_for("evaluations") is None:
            return
        from ledger_app.ui.evaluation_grid import EvaluationRoundDialog

        year = self.current_year() or dt.date.today().year
        dialog = EvaluationRoundDialog(self.ledger, self.runner, year, self)
        dialog.saved.connect(self.refresh_all)
        self.dialog = dialog
        self.evaluation_dialog = dialog
        dialog.show()

    def show_development(self) -> None:
        """记录 → 发展党员时间线: the steps of each person in development, on the current
        development record if one is selected."""
        if self.ledger is None or self.ledger.pack.development is None:
            return
        from ledger_app.ui.development_view import DevelopmentDialog

        plan = self.ledger.pack.development
        current = self.current_record_id() if self.current_type_key() == plan.record_type \
            and not self.showing_home() else None
        existing = getattr(self, "development_dialog", None)
        if existing is not None and isValid(existing) and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return
        dialog = DevelopmentDialog(self.ledger, self.runner, current, self)
        dialog.record_wanted.connect(self.open_record)
        self.dialog = dialog
        self.development_dialog = dialog
        dialog.show()

    def _record_saved(self, record_id: int) -> None:
        """Show the saved record, switching to its year if the table shows another one."""
        ledger = self.ledger
        if ledger is None:
            return
        self._transfer_followup(record_id)

        def where() -> tuple[list[int], int | None]:
            return ledger.years(), ledger.records.get(record_id).year

        def show(found: tuple[list[int], int | None]) -> None:
            years, year = found
            current = self.current_year()
            if year is not None and current is not None and year != current:
                self._fill_years(years, year)
                self.statusBar().showMessage(f"已保存；这条记录属于 {year} 年度，已切换到该年度",
                                             5000)
            self.refresh_all(select_id=record_id)
            for name in ("checklist_dialog", "dues_dialog", "development_dialog"):
                shown = getattr(self, name, None)
                if shown is not None and isValid(shown) and shown.isVisible():
                    shown.reload()

        self.runner.run(where, show, lambda _exc: self.refresh_all())

    def delete_selected(self) -> None:
        ledger = self.ledger
        ids = self.selected_record_ids()
        if ledger is None or not ids or self.model is None:
            return
        from ledger_app.ui.confirm import ask

        label = self.model.record_type.label
        if len(ids) == 1:
            row = self.model.row_of(ids[0])
            title = self.model.data(self.model.index(row or 0, self._title_column()))
            text = f"删除这条{label}：“{title}”？" if title else f"删除这条{label}？"
        else:
            text = f"删除选中的 {len(ids)} 条{label}？"
        text += "\n删除的记录放在回收站里，可以恢复。"
        next_row = min(self.model.row_of(ids[-1]) or 0, self.model.rowCount() - len(ids) - 1)
        next_id = self.model.record_id(max(next_row, 0)) if next_row >= 0 else None

        def delete() -> None:
            with ledger.transaction():
                for record_id in ids:
                    ledger.records.delete(record_id)

        self.dialog = ask(self, "删除记录", text,
                          lambda: self.runner.run(delete, lambda _: self.refresh_all(next_id)),
                          yes_text="删除", danger=True)

    def _title_column(self) -> int:
        if self.model is None:
            return 0
        keys = [f.key for f in self.model.fields]
        title = self.model.record_type.title_field
        return keys.index(title) if title in keys else 0

    def move_record(self, step: int) -> None:
        if self.model is None or not self.model.rowCount():
            return
        row = self.table.currentIndex().row()
        row = 0 if row < 0 else max(0, min(self.model.rowCount() - 1, row + step))
        self.table.selectRow(row)
        self.table.setFocus()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def show_audit(self, this_record: bool = False) -> None:
        """留痕 of the ledger, or of the current record; masked as the table is."""
        if self.ledger is None:
            return
        from ledger_app.ui.audit_view import AuditDialog

        entry_id = self.current_record_id() if this_record else None
        if this_record and entry_id is None:
            self.statusBar().showMessage("请先选中一条记录", 3000)
            return
        title = ""
        if entry_id is not None and self.model is not None:
            title = f"{self.model.record_type.label} #{entry_id}"
        dialog = AuditDialog(self.ledger, self.runner, entry_id,
                             masked=not self.sensitive_box.isChecked(), title=title, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.audit_dialog = dialog

    def show_recycle_bin(self) -> None:
        if self.ledger is None:
            return
        from ledger_app.ui.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self.ledger, self.runner, self)
        dialog.changed.connect(self.refresh_all)
        self.dialog = dialog
        dialog.open()

    def show_settings(self) -> None:
        if self.ledger is None:
            return
        from ledger_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ledger, self.runner, self)
        dialog.saved.connect(self.settings_saved)
        self.dialog = dialog
        dialog.open()
