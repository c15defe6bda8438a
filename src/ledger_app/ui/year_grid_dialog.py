"""What the two year-at-a-time grid dialogs share (党费收缴表 and 民主评议 批量录入): a
maximisable dialog over one ledger whose rows are read on the worker, a line of controls
at the top, a grey hint under the table, 关闭, and a job (本月收缴, 保存) that disables its
button while it runs on the worker and shows the error dialog if it fails.

Each dialog lays out its own table and decides what its rows are; this module only makes
the two alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QWidget

from ledger_app.ui.i18n import tr
from ledger_app.ui.table_dialog import prepare_dialog

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

Buttons = QDialogButtonBox.StandardButton


class YearGridDialog(QDialog):
    """A dialog over ``ledger`` whose reads and writes run on ``runner`` (the window's
    worker)."""

    def __init__(self, ledger: Ledger, runner: TaskRunner, name: str, title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        prepare_dialog(self, name, title)
        self.ledger, self.runner = ledger, runner

    def run_job(self, job: Callable[[], Any], done: Callable[[Any], None],
                busy: QWidget, status: QLabel | None = None) -> None:
        """Run ``job`` on the worker with ``busy`` disabled until it ends; then ``done``
        with its result, or the error dialog (and ``status``, which said the job was
        running, says it was not done and why)."""
        busy.setEnabled(False)

        def finished(result: Any) -> None:
            busy.setEnabled(True)
            done(result)

        def failed(exc: BaseException) -> None:
            busy.setEnabled(True)
            from ledger_app.ui.errors import show_error

            if status is not None:
                status.setText(tr("没有完成：{reason}").format(
                    reason=str(exc).splitlines()[0] if str(exc) else type(exc).__name__))

            show_error(self, exc)

        self.runner.run(job, finished, failed)


def controls_line(*widgets: QWidget | str) -> QHBoxLayout:
    """The top line: the widgets left to right (a text becomes its label), then room."""
    line = QHBoxLayout()
    for widget in widgets:
        line.addWidget(QLabel(widget) if isinstance(widget, str) else widget)
    line.addStretch(1)
    return line


def grey_hint(text: str) -> QLabel:
    """How to work the table, in grey, wrapped."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    hint.setStyleSheet("color:#555")
    return hint


def close_buttons(dialog: QDialog, more: Buttons = Buttons.NoButton) -> QDialogButtonBox:
    """关闭 (and Esc) closing ``dialog``, after the ``more`` buttons the caller connects."""
    buttons = QDialogButtonBox(more | Buttons.Close)
    buttons.button(Buttons.Close).setText(tr("关闭"))
    buttons.rejected.connect(dialog.reject)
    return buttons
