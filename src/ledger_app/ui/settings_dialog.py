"""组织设置: the organisation's settings, kept inside the ledger file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ledger_app.store.signing import ledger_fingerprint
from ledger_app.ui.i18n import tr
from ledger_app.ui.org_form import OrgForm
from ledger_app.ui.rules_settings import RulesSettings

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
        self.setWindowTitle(tr("组织设置"))
        self.setMinimumWidth(520)
        self.form = OrgForm(pack_key=ledger.pack.key)
        self.form.setEnabled(False)  # until the settings have arrived
        self.rules = RulesSettings(ledger.pack.cadence, development=ledger.pack.development,
                                   basis=ledger.pack.basis)
        self.rules.setEnabled(False)
        note = QLabel(tr("这些设置保存在台账文件里，换一台电脑打开同一本台账也一样。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprintLabel")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addWidget(self.rules)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.buttons)
        self.runner.run(self.ledger.settings, self._loaded)
        self.runner.run(lambda: ledger_fingerprint(self.ledger), self._show_fingerprint)

    def _show_fingerprint(self, fingerprint: str | None) -> None:
        if fingerprint is None:
            self.fingerprint.setText(tr("本台账还没有签名密钥。"))
            return
        self.fingerprint.setText(tr(
            "台账签名密钥指纹：<b>{fingerprint}</b><br>"
            "<span style='color:#555'>本台账导出的检查档案都用它签名；指纹印在装订册的备考表和移交单上，"
            "接收档案的人核对指纹相同，就能确认档案确实由本台账导出、没有被改动。</span>").format(
            fingerprint=fingerprint))
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for the wrapped notes at the present width: Qt's first size stops at
        two thirds of the screen, which squeezed the form's rows on a 768-pixel screen
        (and English wraps into more lines)."""
        layout = self.layout()
        assert layout is not None
        wanted = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() \
            else layout.totalSizeHint().height()
        room = self.screen().availableGeometry().height() - 40   # the title bar
        if wanted > self.height():
            self.resize(self.width(), min(wanted, room))


    def _loaded(self, settings: dict[str, Any]) -> None:
        self.form.set_values(settings)
        self.form.setEnabled(True)
        self.rules.set_values(settings)
        self.rules.setEnabled(True)
        self.form.org_name.setFocus()

    def save(self) -> None:
        problems = self.rules.problems()
        if not self.form.show_problems() or problems:
            if problems:
                self.form.problem_label.setText("\n".join(
                    [self.form.problem_label.text(), *problems]).strip())
            return
        values = {**self.form.values(), **self.rules.values()}
        self.buttons.setEnabled(False)

        def done(_: object) -> None:
            self.saved.emit(values)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            from ledger_app.ui.errors import show_error
            show_error(self, exc)

        self.runner.run(lambda: self.ledger.update_settings(values), done, failed)
