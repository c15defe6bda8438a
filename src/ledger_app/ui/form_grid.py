"""The fields of one record type, laid out and checked as the person types.

Short fields sit two to a row; long texts, multi-choices, member lists, the
attendance list and attachments take the whole width. Each field has a small red
line under it for its problem, in plain Chinese. A problem appears once the person
has left the field (nobody wants "必填" shouting at an empty new form) and, once
shown, follows every keystroke so it disappears the moment it is fixed. Below it an amber
notice says what is not an error but worth a look: a field 待核实 since an import, a
birth date or 性别 filled from the ID number, or one that disagrees with it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ledger_app.forms import values as fv
from ledger_app.forms.model import Field, RecordType
from ledger_app.ui.attachments_panel import AttachmentChanges, AttachmentsPanel
from ledger_app.ui.attendance_editor import AttendanceEditor
from ledger_app.ui.editors import EDITORS, WIDE_TYPES
from ledger_app.ui.field_widgets import FieldEditor, GroupEditor, TextEditor
from ledger_app.ui.i18n import tr
from ledger_app.ui.member_picker import MemberInfo
from ledger_app.ui.pick_widgets import MemberEditor, MembersEditor

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

ERROR_STYLE = "color: #c62828; font-size: 12px;"
NOTICE_STYLE = "color: #8a5a00; font-size: 12px;"
GROUP_ROLES = ("group", "meeting_group")
REQUIRED_MARK = ' <span style="color:#c62828">*</span>'


class AttendanceFieldEditor(FieldEditor):
    """The attendance list as a field of the form (its marks are stored apart)."""

    discrete = True

    def __init__(self, field: Field, ledger: Ledger, runner: TaskRunner):
        super().__init__(field)
        self.editor = AttendanceEditor(ledger, runner)
        self.editor.changed.connect(self.changed.emit)
        self.widget = self.editor

    def raw(self) -> Any:
        return self.editor.presences()

    def value(self) -> Any:
        return self.editor.presences()

    def set_value(self, value: Any) -> None:
        pass  # loaded through AttendanceEditor.populate

    def problem(self) -> str | None:
        return self.editor.problem()

    def snapshot(self) -> Any:
        return self.editor.snapshot()

    def focus_widgets(self) -> list[QWidget]:
        return [self.editor.all_present]

    def problem_widget(self) -> QWidget:
        return self.editor.first_problem_widget() or self.editor.all_present


class AttachmentsFieldEditor(FieldEditor):
    """An attachments panel as a field of the form (files are stored apart)."""

    discrete = True

    def __init__(self, field: Field, ledger: Ledger, runner: TaskRunner):
        super().__init__(field)
        self.panel = AttachmentsPanel(ledger, runner, field.key)
        self.panel.changed.connect(self.changed.emit)
        self.widget = self.panel

    def raw(self) -> Any:
        return self.panel.changes()

    def value(self) -> AttachmentChanges:
        return self.panel.changes()

    def set_value(self, value: Any) -> None:
        pass  # loaded through AttachmentsPanel.populate

    def problem(self) -> str | None:
        return None

    def snapshot(self) -> Any:
        return self.panel.snapshot()

    def focus_widgets(self) -> list[QWidget]:
        return [self.panel.list, self.panel.add_button, self.panel.remove_button,
                self.panel.caption_button, self.panel.open_button]


def is_wide(f: Field) -> bool:
    """Whole-width fields: long content, lists, and text printed in a wide column (主题)."""
    return f.type in WIDE_TYPES or (f.type == "text" and f.print_width >= 50
                                    and not 0 < f.max_length <= 40)


class RecordForm(QWidget):
    """Editors for every field of a record type, with problems shown beside them."""

    changed = Signal()

    def __init__(self, record_type: RecordType, ledger: Ledger, runner: TaskRunner,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.record_type = record_type
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        self.notices: dict[str, QLabel] = {}
        self._pending: dict[str, str] = {}
        self._shown: set[str] = set()   # fields whose problem is on screen (when there is one)
        for f in record_type.fields:
            if f.type == "attendance":
                editor: FieldEditor = AttendanceFieldEditor(f, ledger, runner)
            elif f.type == "attachments":
                editor = AttachmentsFieldEditor(f, ledger, runner)
            elif f.type == "text" and f.role in GROUP_ROLES and not f.format:
                editor = GroupEditor(f)
            else:
                editor = EDITORS[f.type](f)
            self.editors[f.key] = editor
        self._lay_out()
        self._link_attendance()
        for key, editor in self.editors.items():
            editor.changed.connect(lambda k=key: self._edited(k))
            editor.left.connect(lambda k=key: self._left(k))
        self._tab_order()
        from ledger_app.ui.form_autofill import IdAutofill, SeqProposal

        self.autofill = IdAutofill(self)
        self.seq_proposal = SeqProposal(self, ledger, runner)
        from ledger_app.ui.form_dues import DuesAutofill

        self.dues_autofill = DuesAutofill(self, ledger, runner)

    # ---- layout ------------------------------------------------------------------------------

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)
        grid.setColumnMinimumWidth(2, 18)
        line_height = QLineEdit().sizeHint().height()
        row, column = 0, 0
        for f in self.record_type.fields:
            editor = self.editors[f.key]
            wide = is_wide(f)
            if wide and column:
                row, column = row + 1, 0
            label = QLabel(f.label + (REQUIRED_MARK if f.required else ""))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setObjectName(f"label_{f.key}")
            label.setMinimumHeight(line_height)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setBuddy(editor.focus_widgets()[0])
            if f.help:
                label.setToolTip(f.help)
                editor.set_help(f.help)
                self._placeholder(editor, f.help)
            error = QLabel()
            error.setObjectName(f"error_{f.key}")
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            notice = QLabel()
            notice.setObjectName(f"notice_{f.key}")
            notice.setStyleSheet(NOTICE_STYLE)
            notice.setWordWrap(True)
            notice.hide()
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(editor.widget)
            box.addWidget(error)
            box.addWidget(notice)
            top = Qt.AlignmentFlag.AlignTop
            grid.addWidget(label, row, column, top | Qt.AlignmentFlag.AlignRight)
            if wide:
                grid.addWidget(cell, row, 1, 1, 4)
                row += 1
            else:
                grid.addWidget(cell, row, column + 1, top)
                column = 3 if column == 0 else 0
                row += 1 if column == 0 else 0
            self.labels[f.key] = label
            self.errors[f.key] = error
            self.notices[f.key] = notice
        grid.setRowStretch(row + 1, 1)

    @staticmethod
    def _placeholder(editor: FieldEditor, text: str) -> None:
        """Short help doubles as a text field's hint; long help stays a tooltip."""
        if isinstance(editor, TextEditor) and not editor.edit.placeholderText() \
                and len(text) <= 24:
            editor.edit.setPlaceholderText(text)

    def _tab_order(self) -> None:
        chain = [w for f in self.record_type.fields for w in self.editors[f.key].focus_widgets()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _link_attendance(self) -> None:
        """The attendance list follows the meeting's date and 党小组 fields."""
        attendance = self.attendance_editor()
        if attendance is None:
            return
        date_key = self.record_type.date_field
        if date_key in self.editors:
            date_editor = self.editors[date_key]

            def date_changed() -> None:
                try:
                    attendance.set_meeting_date(date_editor.value())
                except ValueError:
                    attendance.set_meeting_date(None)
            date_editor.changed.connect(date_changed)
        group_key = self.record_type.key_for("meeting_group")
        group_editor = self.editors.get(group_key) if group_key else None
        if group_editor is not None:
            group_editor.changed.connect(
                lambda: attendance.set_party_group(str(group_editor.raw() or "")))
        kinds_key = self.record_type.key_for("meeting_kinds")
        kinds_editor = self.editors.get(kinds_key) if kinds_key else None
        if kinds_editor is not None:
            kinds_editor.changed.connect(
                lambda: attendance.set_meeting_kinds(kinds_editor.raw() or []))

    # ---- editors by kind -------------------------------------------------------------------

    def attendance_editor(self) -> AttendanceEditor | None:
        for editor in self.editors.values():
            if isinstance(editor, AttendanceFieldEditor):
                return editor.editor
        return None

    def attachment_panels(self) -> dict[str, AttachmentsPanel]:
        return {k: e.panel for k, e in self.editors.items()
                if isinstance(e, AttachmentsFieldEditor)}

    def set_groups(self, names: list[str]) -> None:
        for editor in self.editors.values():
            if isinstance(editor, GroupEditor):
                editor.set_groups(names)

    def set_roster(self, members: list[MemberInfo]) -> None:
        for editor in self.editors.values():
            if isinstance(editor, (MemberEditor, MembersEditor)):
                editor.set_roster(members)

    # ---- values ----------------------------------------------------------------------------

    def set_values(self, values: dict[str, Any], pending: dict[str, str] | None = None) -> None:
        for f in self.record_type.stored_fields:
            self.editors[f.key].set_value(values.get(f.key))
        attendance = self.attendance_editor()
        if attendance is not None:
            group_key = self.record_type.key_for("meeting_group")
            kinds_key = self.record_type.key_for("meeting_kinds")
            attendance.set_party_group(str(values.get(group_key) or "") if group_key else "")
            attendance.set_meeting_kinds(values.get(kinds_key) or [] if kinds_key else [])
        self._shown.clear()
        for key in self.errors:
            self._show(key, None)
        self._pending = dict(pending or {})
        for key in self.notices:
            self.set_notice(key, None)
        self.autofill.loaded()
        self.seq_proposal.loaded()
        self.dues_autofill.loaded()

    # ---- notices (not errors: saving goes ahead) ----------------------------------------------

    def set_notice(self, key: str, message: str | None) -> None:
        """An amber line under a field; with nothing to say it shows the 待核实 reason."""
        if key not in self.notices:
            return
        if not message and key in self._pending:
            message = tr("待核实：{why}").format(why=self._pending[key])
        self.notices[key].setText(message or "")
        self.notices[key].setVisible(bool(message))

    def notice_text(self, key: str) -> str:
        notice = self.notices[key]
        return notice.text() if not notice.isHidden() else ""

    def values(self) -> dict[str, Any]:
        """Stored values of every field kept in the record's own table."""
        return {f.key: self.editors[f.key].value() for f in self.record_type.stored_fields}

    def snapshot(self) -> dict[str, Any]:
        return {key: editor.snapshot() for key, editor in self.editors.items()}

    # ---- problems --------------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for f in self.record_type.fields:
            message = self.editors[f.key].problem()
            if message:
                found[f.key] = message
        for key, message in self.dues_autofill.problems().items():
            found.setdefault(key, message)
        return found

    def show_all_problems(self) -> dict[str, str]:
        """Show every problem beside its field (on Save); returns them in field order."""
        found = self.problems()
        self._shown = set(self.editors)
        for key in self.editors:
            self._show(key, found.get(key))
        return found

    def show_problems(self, problems: dict[str, str]) -> None:
        """Problems found elsewhere (the store refused the save), shown beside the fields."""
        for key, message in problems.items():
            if key in self.errors:
                self._shown.add(key)
                self._show(key, message)

    def focus_field(self, key: str) -> QWidget:
        editor = self.editors[key]
        if isinstance(editor, AttendanceFieldEditor):
            target = editor.problem_widget()
        else:
            target = editor.focus_widgets()[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def _edited(self, key: str) -> None:
        if self.editors[key].discrete:
            self._shown.add(key)
        if key in self._shown:
            self._show(key, self.editors[key].problem())
        self.changed.emit()

    def _left(self, key: str) -> None:
        editor = self.editors[key]
        try:
            empty = fv.is_empty(editor.raw())
        except ValueError:
            empty = False
        # Tabbing through an empty new form is not a mistake yet; typing something is.
        if not empty or key in self._shown:
            self._shown.add(key)
            self._show(key, editor.problem())

    def _show(self, key: str, message: str | None) -> None:
        error = self.errors[key]
        error.setText(message or "")
        error.setVisible(bool(message))

    def error_text(self, key: str) -> str:
        """What the red line beside a field says now ('' when nothing)."""
        error = self.errors[key]
        return error.text() if not error.isHidden() else ""
