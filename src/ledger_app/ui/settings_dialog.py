"""组织设置: the organisation's settings, kept inside the ledger file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ledger_app.ui.org_form import OrgForm

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner


class SettingsDialog(QDialog):
    """Loads the settings on the worker, saves them there; ``saved`` after a save."""

    saved = Signal(dict)

    def __init__(self, ledger: Ledger, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self.setWindowTitle("组织设置")
        self.setMinimumWidth(520)
        self.form = OrgForm()
        self.form.setEnabled(False)  # until the settings have arrived
        note = QLabel("这些设置保存在台账文件里，换一台电脑打开同一本台账也一样。")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.runner.run(self.ledger.settings, self._loaded)

    def _loaded(self, settings: dict[str, Any]) -> None:
        self.form.set_values(settings)
        self.form.setEnabled(True)
        self.form.org_name.setFocus()

    def save(self) -> None:
        if not self.form.show_problems():
            return
        values = self.form.values()
        self.buttons.setEnabled(False)

        def done(_: object) -> None:
            self.saved.emit(values)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            from ledger_app.ui.errors import show_error
            show_error(self, exc)

        self.runner.run(lambda: self.ledger.update_settings(values), done, failed)
