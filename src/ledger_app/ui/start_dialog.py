"""First start: create a new ledger, open one, or look around in the demo ledger."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ledger_app.store.ledger import LEDGER_SUFFIX
from ledger_app.ui import paths
from ledger_app.ui.errors import show_error
from ledger_app.ui.i18n import tr
from ledger_app.ui.org_form import OrgForm
from ledger_app.ui.window_menus import LEDGER_FILTER

if TYPE_CHECKING:
    from ledger_app.store.ledger import Ledger
    from ledger_app.ui.tasks import TaskRunner

_UNSAFE = str.maketrans({c: "_" for c in '\\/:*?"<>|'})


def default_ledger_path(org_name: str) -> Path:
    name = org_name.strip().translate(_UNSAFE) or tr("台账")
    return paths.documents_dir() / f"{name}{LEDGER_SUFFIX}"


class NewLedgerPanel(QWidget):
    """Organisation settings plus where to save the file; ``created(ledger)`` when done."""

    created = Signal(object)
    cancelled = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.form = OrgForm()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("newLedgerPath")
        self._path_edited = False
        self.path_edit.textEdited.connect(lambda _t: setattr(self, "_path_edited", True))
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self.choose_path)
        self.form.org_name.textChanged.connect(self._suggest_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.form.layout().addRow(tr("保存位置"), path_row)  # type: ignore[union-attr]
        self._suggest_path("")

        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton(tr("新建台账"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createLedgerButton")
        self.buttons.addButton(tr("返回"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.create_ledger)
        self.buttons.rejected.connect(self.cancelled)
        title = QLabel("<b style='font-size:13pt'>{}</b>".format(tr("新建台账")))
        note = QLabel(tr("填写本组织的基本信息。台账保存为一个文件，可以复制到U盘备份。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _suggest_path(self, org_name: str) -> None:
        if not self._path_edited:
            self.path_edit.setText(str(default_ledger_path(org_name)))

    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("台账保存到"), self.path_edit.text(),
                                              LEDGER_FILTER)
        if path:
            if not path.endswith(LEDGER_SUFFIX):
                path += LEDGER_SUFFIX
            self.path_edit.setText(path)
            self._path_edited = True

    def create_ledger(self) -> None:
        if not self.form.show_problems():
            return
        text = self.path_edit.text().strip()
        if not text:
            self.form.problem_label.setText(tr("请选择台账文件的保存位置。"))
            return
        path = Path(text)
        if path.suffix != LEDGER_SUFFIX:
            path = path.with_name(path.name + LEDGER_SUFFIX)
        values = self.form.values()
        pack_key = self.form.pack_key()
        self.create_button.setEnabled(False)
        from ledger_app.store import Ledger

        def failed(exc: BaseException) -> None:
            self.create_button.setEnabled(True)
            show_error(self.window(), exc)

        def make() -> Ledger:
            path.parent.mkdir(parents=True, exist_ok=True)
            from ledger_app.forms.packs import installed_pack

            return Ledger.create(path, values, pack=installed_pack(pack_key))

        self.runner.run(make, self._created, failed)

    def _created(self, ledger: Ledger) -> None:
        self.create_button.setEnabled(True)
        paths.add_recent(ledger.path)
        self.created.emit(ledger)


class NewLedgerDialog(QDialog):
    """文件 → 新建台账 from the main window."""

    created = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("新建台账"))
        self.setMinimumWidth(560)
        self.panel = NewLedgerPanel(runner)
        self.panel.created.connect(self._created)
        self.panel.cancelled.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def _created(self, ledger: Ledger) -> None:
        self.created.emit(ledger)
        self.accept()


class StartDialog(QDialog):
    """Shown when there is no ledger to open: ``ledger_opened(ledger)``, ``demo_begun(fill)``
    (a demo's first piece is written: show its window, a ``DemoFiller`` writes the rest) or
    rejected."""

    ledger_opened = Signal(object)
    demo_begun = Signal(object)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = runner
        self.ledger: Ledger | None = None
        self.setWindowTitle(tr("基层台账"))
        self.setMinimumSize(640, 520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._welcome_page())
        self.new_panel = NewLedgerPanel(runner)
        self.new_panel.created.connect(self._opened)
        self.new_panel.cancelled.connect(lambda: self.pages.setCurrentIndex(0))
        self.pages.addWidget(self.new_panel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<b style='font-size:16pt'>{}</b>".format(tr("基层台账")))
        intro = QLabel(tr("党支部、关工委、工会的台账：五类台账一年一年记下来，"
                          "随时打印、导出、迎检。\n"
                          "所有内容保存在本机的一个台账文件里，不需要网络。"))
        intro.setWordWrap(True)

        self.new_button = QPushButton(tr("新建台账…"))
        self.new_button.setObjectName("startNewButton")
        self.open_button = QPushButton(tr("打开台账…"))
        self.demo_button = QPushButton(tr("打开演示台账"))
        self.demo_button.setToolTip(tr("生成一本虚构组织的台账，先看看程序怎么用"))
        # Which kind of demo: a 党支部, a 关工委 or a 工会 (one per pack that has a demo).
        self.demo_kind = QComboBox()
        self.demo_kind.setObjectName("demoKind")
        from ledger_app.forms.packs import installed_pack, installed_packs
        from ledger_app.ui.demo_launch import demo_packs
        for key in demo_packs():
            if key in installed_packs():
                self.demo_kind.addItem(
                    tr("演示：{kind}").format(kind=installed_pack(key).short_label), key)
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
        self.new_button.clicked.connect(self.show_new_ledger)
        self.open_button.clicked.connect(self.choose_file)
        self.demo_button.clicked.connect(self.open_demo)
        from ledger_app.ui.demo_launch import demo_available
        if not demo_available():
            self.demo_button.setEnabled(False)
            self.demo_kind.setEnabled(False)
            self.demo_button.setToolTip(tr("尚未提供"))

        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentList")
        self.recent_list.itemActivated.connect(self._recent_chosen)
        for path in paths.recent_files():
            item = QListWidgetItem(Path(path).name)
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent_list.addItem(item)
        recent_label = QLabel(tr("最近打开（双击打开）：") if self.recent_list.count()
                              else tr("最近打开：（没有）"))

        buttons = QVBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.demo_kind)
        buttons.addStretch(1)
        quit_button = QPushButton(tr("退出"))
        quit_button.clicked.connect(self.reject)
        buttons.addWidget(quit_button)
        recent = QVBoxLayout()
        recent.addWidget(recent_label)
        recent.addWidget(self.recent_list, 1)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addSpacing(16)
        row.addLayout(recent, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(row, 1)
        return page

    def show_new_ledger(self) -> None:
        self.pages.setCurrentWidget(self.new_panel)
        self.new_panel.form.org_name.setFocus()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("打开台账"), str(paths.documents_dir()),
                                              LEDGER_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> None:
        from ledger_app.store import Ledger
        from ledger_app.store.errors import NotALedgerError

        target = Path(path)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, NotALedgerError) or not target.exists():
                paths.remove_recent(target)
            self._set_busy(False)
            show_error(self, exc)

        self._set_busy(True)
        self.runner.run(lambda: Ledger.open(target), self._opened, failed)

    def open_demo(self) -> None:
        """The chosen demo's first piece, then its window at once (as ``ledger-app --demo``)."""
        from ledger_app.ui.demo_launch import begin_demo_window

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            show_error(self, exc)

        self._set_busy(True)
        begin_demo_window(self.runner, self._demo_begun, failed,
                          pack=str(self.demo_kind.currentData() or "party_branch"))

    def _demo_begun(self, fill: Any) -> None:
        self.ledger = fill.ledger
        self.demo_begun.emit(fill)
        self.accept()

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        self.open_path(item.data(Qt.ItemDataRole.UserRole))

    def _set_busy(self, busy: bool) -> None:
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setEnabled(not busy)
        self.demo_kind.setEnabled(not busy)
        self.recent_list.setEnabled(not busy)

    def _opened(self, ledger: Ledger) -> None:
        self.ledger = ledger
        paths.add_recent(ledger.path)
        self.ledger_opened.emit(ledger)
        self.accept()

    def values(self) -> dict[str, Any]:
        return self.new_panel.form.values()
