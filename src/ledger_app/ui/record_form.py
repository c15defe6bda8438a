"""The edit dialog of one record, generated from its record type's declaration.

``RecordDialog(ledger, runner, type_key, entry_id=None)`` opens a new record (with the
declared defaults) or an existing one. Reading and saving run on the TaskRunner's
background thread; the save writes the record, its attendance and its attachment
changes in one transaction, so either all of it lands or none of it does, and a
failure (disk full, file locked) leaves everything typed still in the form.

Keys: Ctrl+S or Ctrl+Enter saves, Esc cancels (asking before throwing away
changes), Ctrl+PgUp / Ctrl+PgDn move to the previous / next record of the list the
dialog was opened from (``ids`` and ``index``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ledger_app.forms.model import RecordType
from ledger_app.store.attachments import Attachment
from ledger_app.store.attendance import Presence
from ledger_app.store.errors import ValidationError
from ledger_app.ui.attachments_panel import AttachmentChanges, load_stored
from ledger_app.ui.attendance_editor import due_at_meeting, member_infos_in_order
from ledger_app.ui.errors import show_error
from ledger_app.ui.form_grid import RecordForm
from ledger_app.ui.help_window import help_key
from ledger_app.ui.i18n import tr, tr_noop
from ledger_app.ui.member_picker import MemberInfo, member_infos

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner


@dataclass
class LoadedRecord:
    """Everything the dialog shows, read in one background job."""

    entry_id: int | None
    values: dict[str, Any]
    roster: list[MemberInfo] = field(default_factory=list)
    members_on_date: list[MemberInfo] = field(default_factory=list)
    presences: list[Presence] = field(default_factory=list)
    attachments: dict[str, list[tuple[Attachment, bytes | None]]] = field(default_factory=dict)
    title: str = ""
    pending: dict[str, str] = field(default_factory=dict)   # field -> why it is 待核实
    groups: list[str] = field(default_factory=list)         # 党小组 to pick from


def default_values(rt: RecordType) -> dict[str, Any]:
    """A new record's values: the declared defaults; an unticked box means 否."""
    values: dict[str, Any] = {}
    for f in rt.stored_fields:
        if f.default is not None:
            values[f.key] = f.default
        elif f.type == "bool":
            values[f.key] = False
    return values


def load_record(ledger: Ledger, rt: RecordType, entry_id: int | None,
                initial: dict[str, Any] | None = None) -> LoadedRecord:
    """Read a record and what its form needs (runs on the worker)."""
    if entry_id is not None:
        record = ledger.records.get(entry_id)
        values = dict(record.values)
    else:
        values = {**default_values(rt), **(initial or {})}
        seq = rt.key_for("seq")
        if seq and not rt.date_field and values.get(seq) is None:
            # 序号 proposed: the next after the highest in use (numbers stay stable).
            values[seq] = max(ledger.records.numbers(rt.key, seq), default=0) + 1
    loaded = LoadedRecord(entry_id, values)
    if any(f.role in ("group", "meeting_group") for f in rt.fields):
        loaded.groups = party_groups(ledger)
    if entry_id is not None:
        loaded.pending = ledger.pending.of(entry_id)
    people = ledger.pack.record_type(ledger.pack.member_type)
    needs_roster = any(f.type in ("member", "members", "attendance") for f in rt.fields)
    if needs_roster:
        loaded.roster = member_infos(ledger.records.members(include_left=True), people)
    if rt.has_type("attendance"):
        day = values.get(rt.date_field)
        if isinstance(day, str) and day:
            kinds_key, group_key = rt.key_for("meeting_kinds"), rt.key_for("meeting_group")
            loaded.members_on_date = member_infos_in_order(due_at_meeting(
                ledger, tuple(values.get(kinds_key) or ()) if kinds_key else (), day,
                str(values.get(group_key) or "") if group_key else ""), people)
        if entry_id is not None:
            loaded.presences = ledger.attendance.of(entry_id)
    if entry_id is not None:
        loaded.title = ledger.records.title(rt, values) if rt.title_field else ""
        for f in rt.fields:
            if f.type == "attachments":
                loaded.attachments[f.key] = load_stored(ledger, entry_id, f.key)
    return loaded


def party_groups(ledger: Ledger) -> list[str]:
    """The 党小组 of 组织设置, then any other name the roster still uses."""
    people = ledger.pack.record_type(ledger.pack.member_type)
    names = list(ledger.party_groups())
    key = people.key_for("group")
    if key:
        names += [n for n in ledger.records.distinct_values(people.key, key) if n not in names]
    return names


def save_record(ledger: Ledger, rt: RecordType, entry_id: int | None,
                values: dict[str, Any], presences: list[Presence] | None,
                attachment_changes: dict[str, AttachmentChanges]) -> int:
    """Write a record with its attendance and attachments, all or nothing (on the worker)."""
    with ledger.transaction():
        if entry_id is None:
            entry_id = ledger.records.insert(rt.key, values)
        else:
            ledger.records.update(entry_id, values)
        if presences is not None:
            ledger.attendance.set(entry_id, presences)
        for field_key, changes in attachment_changes.items():
            changes.apply(ledger, entry_id, field_key)
    return entry_id


READONLY_NOTE = tr_noop("台账以只读方式打开，这里只能查看，不能保存修改。")


class RecordDialog(QDialog):
    """Add or change one record; ``saved(entry_id)`` after a successful save."""

    saved = Signal(int)
    loaded = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, type_key: str,
                 entry_id: int | None = None, parent: QWidget | None = None, *,
                 ids: list[int] | None = None, index: int | None = None,
                 initial: dict[str, Any] | None = None):
        super().__init__(parent)
        help_key(self, "everyday")  # F1: the guide's section on this
        self.ledger = ledger
        self.runner = runner
        self.record_type = ledger.pack.record_type(type_key)
        self.entry_id = entry_id
        self.ids = list(ids or [])
        self.index = index if index is not None else (
            self.ids.index(entry_id) if entry_id in self.ids else -1)
        self._initial = initial
        self._baseline: dict[str, Any] | None = None
        self._saving = False
        self._loading = False
        self.setObjectName("recordDialog")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.form = RecordForm(self.record_type, ledger, runner)
        self.form.changed.connect(self._update_status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.scroll_area = scroll

        self.status = QLabel()
        self.status.setObjectName("recordStatus")
        self.prev_button = self._button(tr("上一条"), lambda: self.go(-1), "Ctrl+PgUp")
        self.next_button = self._button(tr("下一条"), lambda: self.go(1), "Ctrl+PgDown")
        self.save_button = self._button(tr("保存"), self.save, tr("Ctrl+S 或 Ctrl+Enter"))
        self.save_button.setStyleSheet("font-weight: bold")
        self.save_button.setEnabled(not ledger.readonly)
        self.cancel_button = self._button(tr("取消"), self.reject, "Esc")
        self.history_button = self._button(tr("留痕…"), self.show_history,
                                           tr("这条记录的留痕：谁在什么时候改了什么"))
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.history_button)
        if self.ids:
            bar.addWidget(self.prev_button)
            bar.addWidget(self.next_button)
            bar.addSpacing(16)
        bar.addWidget(self.save_button)
        bar.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        if self.record_type.description:
            intro = QLabel(self.record_type.description)
            intro.setWordWrap(True)
            intro.setStyleSheet("color: #555")
            layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)

        for keys in (QKeySequence.StandardKey.Save, "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.save())
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.go(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.go(1))
        # Short record types get a short dialog; long ones scroll.
        self.resize(900, min(680, max(300, self.form.sizeHint().height() + 120)))
        self._load(entry_id)

    def show_history(self) -> None:
        """This record's 留痕 (who changed what, when; numbers hidden as in the table)."""
        if self.entry_id is None:
            return
        from ledger_app.ui.audit_view import AuditDialog

        dialog = AuditDialog(self.ledger, self.runner, self.entry_id,
                             title=f"{self.record_type.label} #{self.entry_id}", parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.history_dialog = dialog

    def _button(self, text: str, slot: Callable[[], Any], keys: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)  # Enter in a field must not save half a form
        button.setToolTip(keys)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ---- loading -----------------------------------------------------------------------------

    def _load(self, entry_id: int | None) -> None:
        self._loading = True
        self._baseline = None
        self.form.setEnabled(False)
        self.status.setText(tr("正在读取…"))
        self._set_title("")
        ledger, rt, initial = self.ledger, self.record_type, self._initial
        self.runner.run(lambda: load_record(ledger, rt, entry_id, initial),
                        self._loaded, self._load_failed)

    def _loaded(self, loaded: LoadedRecord) -> None:
        if not isValid(self):
            return
        self.entry_id = loaded.entry_id
        self.form.set_roster(loaded.roster)
        self.form.set_groups(loaded.groups)
        self.form.set_values(loaded.values, loaded.pending)
        attendance = self.form.attendance_editor()
        if attendance is not None:
            attendance.populate(loaded.values.get(self.record_type.date_field),
                                loaded.members_on_date, loaded.presences, loaded.roster)
        for key, panel in self.form.attachment_panels().items():
            panel.populate(loaded.attachments.get(key, []))
        self._set_title(loaded.title)
        self.history_button.setEnabled(self.entry_id is not None)
        self.form.setEnabled(True)
        self._loading = False
        self._baseline = self.form.snapshot()
        if loaded.entry_id is None:
            # A new meeting opened with its date and kind (from the home page) gets its
            # 年度序号 at once; the proposal is where the form starts, not an edit.
            self.form.seq_proposal.update(then=self._proposal_shown)
        self._update_status()
        self._update_nav()
        self.scroll_area.verticalScrollBar().setValue(0)
        first = self.record_type.fields[0].key
        self.form.focus_field(first)
        self.loaded.emit()

    def _proposal_shown(self) -> None:
        key = self.form.seq_proposal.seq_key
        if self._baseline is not None and key in self._baseline:
            self._baseline[key] = self.form.editors[key].snapshot()

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.status.setText(tr("读取失败"))
        show_error(self, exc)

    def _set_title(self, title: str) -> None:
        label = self.record_type.label
        if self.entry_id is None:
            text = tr("新增{type}").format(type=label)
        elif title:
            text = tr("修改{type}：{title}").format(type=label, title=title)
        else:
            text = tr("修改{type}").format(type=label)
        if self.ids and self.index >= 0:
            text += tr("（第 {n} 条，共 {total} 条）").format(n=self.index + 1,
                                                           total=len(self.ids))
        self.setWindowTitle(text)

    def _update_nav(self) -> None:
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(0 <= self.index < len(self.ids) - 1)

    # ---- state -------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Unsaved changes (never on a read-only ledger: there is nothing to save to)."""
        return (self._baseline is not None and not self.ledger.readonly
                and self.form.snapshot() != self._baseline)

    def _update_status(self) -> None:
        if self._loading or self._saving:
            return
        if self.ledger.readonly:
            self.status.setText(tr(READONLY_NOTE))
            return
        count = len(self.form.problems())
        if self.is_dirty():
            self.status.setText(tr("有未保存的修改；{n} 处需要修改").format(n=count) if count
                                else tr("有未保存的修改"))
        else:
            self.status.setText("")

    # ---- saving ------------------------------------------------------------------------------

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Check and save; False (and the first bad field focused) when refused."""
        if self._saving or self._loading:
            return False
        if self.ledger.readonly:
            self.status.setText(tr(READONLY_NOTE))
            return False
        attendance = self.form.attendance_editor()
        if attendance is not None and not attendance.settled():
            # The date was just changed: save once the people due that day are listed,
            # never with the list of the old date.
            attendance.settle()
            attendance.roster_loaded.connect(lambda: self.save(then),
                                             Qt.ConnectionType.SingleShotConnection)
            self.status.setText(tr("正在读取会议当日的名册…"))
            return True
        problems = self.form.show_all_problems()
        if problems:
            first = next(iter(problems))
            target = self.form.focus_field(first)
            self.scroll_area.ensureWidgetVisible(target, 50, 50)
            label = self.record_type.field(first).label
            self.status.setText(tr("有 {n} 处需要修改，没有保存。{field}：{problem}").format(
                n=len(problems), field=label, problem=problems[first]))
            return False
        values = self.form.values()
        presences = attendance.presences() if attendance is not None else None
        changes = {k: p.changes() for k, p in self.form.attachment_panels().items()}
        ledger, rt, entry_id = self.ledger, self.record_type, self.entry_id
        self._saving = True
        self.form.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(tr("正在保存…"))
        self.runner.run(lambda: save_record(ledger, rt, entry_id, values, presences, changes),
                        lambda new_id: self._saved(new_id, then), self._save_failed)
        return True

    def _saved(self, entry_id: int, then: Callable[[], None] | None) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.entry_id = entry_id
        self.save_button.setEnabled(True)
        self.form.setEnabled(True)
        self._baseline = self.form.snapshot()
        self.status.setText(tr("已保存"))
        self.saved.emit(entry_id)
        if then is not None:
            then()
        else:
            self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        self.form.setEnabled(True)  # everything typed is still here, ready to try again
        self.status.setText(tr("没有保存：{reason}").format(reason=str(exc).splitlines()[0][:80]))
        if isinstance(exc, ValidationError):
            by_label = {f.label: f.key for f in self.record_type.fields}
            self.form.show_problems({by_label.get(k, k): m for k, m in exc.problems.items()})
        show_error(self, exc)

    # ---- leaving -----------------------------------------------------------------------------

    def _ask_unsaved(self) -> str:
        """'save', 'discard' or 'stay' for a form with unsaved changes."""
        box = QMessageBox(QMessageBox.Icon.Question, tr("未保存的修改"),
                          tr("这条记录有修改还没有保存。"), parent=self)
        box.setObjectName("unsavedChangesBox")
        save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("不保存"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "stay"

    def reject(self) -> None:
        if self._saving:
            return  # the save finishes first; closing now would hide its outcome
        if self.is_dirty():
            answer = self._ask_unsaved()
            if answer == "stay":
                return
            if answer == "save":
                self.save()
                return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        """The window's close button: same questions as Esc."""
        if self._saving:
            event.ignore()
            return
        if self.is_dirty():
            answer = self._ask_unsaved()
            if answer != "discard":
                event.ignore()
                if answer == "save":
                    self.save()
                return
        super().closeEvent(event)

    def discard_and_close(self) -> None:
        """Close without asking (the program is quitting, or a test is done)."""
        self._baseline = None
        super().reject()

    def go(self, step: int) -> None:
        """Move to the previous / next record of the list the dialog came from."""
        target = self.index + step
        if self._saving or self._loading or not (0 <= target < len(self.ids)):
            return

        def move() -> None:
            self.index = target
            self._load(self.ids[target])

        if self.is_dirty():
            answer = self._ask_unsaved()
            if answer == "stay":
                return
            if answer == "save":
                self.save(then=move)
                return
        move()
