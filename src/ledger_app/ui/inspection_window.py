"""检查档案（只读）: an archive handed in for inspection, verified, then browsed.

``open_archive(path, parent)`` checks the archive against its manifest first (a hostile
archive is refused before anything is unpacked), then shows the ledger snapshot it
carries: records per category and type in tables, the checklists, and the attachments,
which are unpacked one at a time into a private temporary folder when looked at.
Nothing in this window can change anything, and the archive file is only ever read.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ledger_app.forms.display import display
from ledger_app.outputs.archive import InspectionArchive
from ledger_app.outputs.archive.crypto import PasswordError
from ledger_app.store.attendance import STATUSES
from ledger_app.ui.i18n import tr
from ledger_app.ui.table_model import RecordIdRole, RecordTableModel
from ledger_app.ui.tasks import TaskRunner

ROLE_PAGE = Qt.ItemDataRole.UserRole       # ("overview"|"checklist"|"type", key)
ROLE_ATTACHMENT = Qt.ItemDataRole.UserRole + 1


def open_archive(path: str | Path, parent: QWidget | None = None,
                 password: str | None = None) -> InspectionWindow:
    """Open an archive in its own read-only window (verification runs in the background)."""
    window = InspectionWindow(Path(path), password, parent)
    window.show()
    window.start()
    return window


def run_inspection(path: Path, password: str | None = None) -> int:
    """``ledger-app open-archive``: the window on its own, set up as the program's window
    is (its language, Qt's own dialogs in Chinese, the font size chosen on this PC)."""
    from ledger_app.ui.app import make_application

    app = make_application()
    window = open_archive(path, None, password)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return app.exec()


def is_checklist(record_type: Any) -> bool:
    return record_type.role == "checklist_state"


class AttachmentViewer(QDialog):
    """One photo at screen size (read from the unpacked copy)."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.image = QImage(str(path))
        self.label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        if not self.image.isNull():
            self.label.setPixmap(QPixmap.fromImage(self.image).scaled(
                QSize(1000, 750), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.label.setText(tr("无法显示这个文件。"))
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(900, 700)


class InspectionWindow(QMainWindow):
    def __init__(self, path: Path, password: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspectionWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.path = path
        self.password = password
        self.archive: InspectionArchive | None = None
        self.error: BaseException | None = None
        self.model: RecordTableModel | None = None
        self.reader: Any = None
        self.runner = TaskRunner(self)
        self.setWindowTitle(tr("检查档案（只读）— {name}").format(name=path.name))
        self.banner = QLabel(tr("正在校验档案……"))
        self.banner.setObjectName("verifyBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._show_page)
        self.overview = QTextBrowser()
        self.checklist = QTableWidget()
        self.checklist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.cellActivated.connect(self.open_checklist_row)   # double-click, Enter
        self.table = QTableView()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.detail = QTextBrowser()
        self.attachments = QListWidget()
        self.attachments.setViewMode(QListWidget.ViewMode.IconMode)
        self.attachments.setIconSize(QSize(96, 96))
        self.attachments.setMaximumHeight(150)
        self.attachments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.attachments.itemActivated.connect(self.view_attachment)
        self.page_button = QPushButton(tr("打开本条记录的 PDF"))
        self.page_button.clicked.connect(self.open_record_page)
        self.page_button.setVisible(False)
        records = QSplitter(Qt.Orientation.Vertical)
        records.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail, 1)
        lower_layout.addWidget(self.attachments)
        lower_layout.addWidget(self.page_button, 0, Qt.AlignmentFlag.AlignLeft)
        records.addWidget(lower)
        self.pages = QStackedWidget()
        for widget in (self.overview, self.checklist, records):
            self.pages.addWidget(widget)
        body = QSplitter()
        body.addWidget(self.tree)
        body.addWidget(self.pages)
        body.setStretchFactor(1, 1)
        body.setSizes([230, 870])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self.resize(1100, 720)

    # ---- opening ---------------------------------------------------------------------------

    def start(self) -> None:
        path, password = self.path, self.password
        self.runner.run_with_progress(
            lambda report: InspectionArchive.open(path, password, progress=report),
            tr("正在校验检查档案…"), self._opened, self._failed, parent=self)

    def ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(self, tr("检查档案有密码"), tr("请输入密码："),
                                        QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def _failed(self, exc: BaseException) -> None:
        from ledger_app.ui.errors import show_error

        if isinstance(exc, PasswordError) and not self.password:
            password = self.ask_password()
            if password:
                self.password = password
                self.start()
                return
        self.error = exc
        self.banner.setText(tr("无法打开：{reason}").format(reason=exc))
        self.banner.setStyleSheet("color: #b00000; font-weight: bold")
        show_error(self.parentWidget() or self, exc)
        self.close()

    def _opened(self, archive: InspectionArchive) -> None:
        self.archive = archive
        self.reader = archive.ledger.reader()
        report = archive.report
        manifest = archive.manifest
        org = manifest.get("organisation", {}).get("org_name", "")
        period = manifest.get("period", {}).get("label", "")
        self.setWindowTitle(tr("检查档案（只读）— {name}").format(name=f"{org} {period}"))
        if report.ok:
            signer = (tr("签名密钥指纹 {fingerprint}（请与移交单、备考表上的指纹核对）").format(
                fingerprint=report.signer) if report.signer
                else tr("未签名（早期版本导出，无法确认来源）"))
            self.banner.setText(tr("✔ {summary}　{signer}\n本窗口只能查看，不能修改。").format(
                summary=report.summary(), signer=signer))
            self.banner.setStyleSheet("color: #006400; font-weight: bold")
        else:
            self.banner.setText("✘ " + "\n".join(report.lines()[:12]))
            self.banner.setStyleSheet("color: #b00000; font-weight: bold")
        self._fill_tree()
        self._fill_overview()

    def _fill_tree(self) -> None:
        assert self.archive is not None
        ledger = self.archive.ledger
        counts = ledger.records.counts()
        overview = QTreeWidgetItem([tr("概况与校验结果")])
        overview.setData(0, ROLE_PAGE, ("overview", ""))
        self.tree.addTopLevelItem(overview)
        chosen = {c["key"] for c in self.archive.manifest.get("categories", [])}
        checklists = []
        for category in ledger.pack.categories:
            if chosen and category.key not in chosen:
                continue
            node = QTreeWidgetItem([category.label])
            node.setData(0, ROLE_PAGE, ("type", category.record_types[0].key))
            for rt in category.record_types:
                child = QTreeWidgetItem([tr("{type}（{n}）").format(type=rt.label,
                                                                   n=counts.get(rt.key, 0))])
                child.setData(0, ROLE_PAGE, ("type", rt.key))
                node.addChild(child)
                if is_checklist(rt):
                    checklists.append(rt)
            self.tree.addTopLevelItem(node)
            node.setExpanded(True)
        for rt in checklists:
            item = QTreeWidgetItem([tr("检查清单：{type}").format(type=rt.label)])
            item.setData(0, ROLE_PAGE, ("checklist", rt.key))
            self.tree.addTopLevelItem(item)
        self.tree.setCurrentItem(overview)

    def _fill_overview(self) -> None:
        assert self.archive is not None
        m = self.archive.manifest
        e = html.escape
        org = m.get("organisation", {})
        rows = [(tr("组织"), org.get("org_name", "")),
                (tr("期间"), m.get("period", {}).get("label", "")),
                (tr("导出时间"), str(m.get("exported_at", "")).replace("T", " ")),
                (tr("导出程序"), tr("基层台账 {version}").format(
                    version=m.get("program", {}).get("version", ""))),
                (tr("个人信息"), tr("已隐藏部分号码") if m.get("masked") else tr("未隐藏（完整号码）")),
                (tr("加密"), m.get("encryption") or tr("无"))]
        parts = [tr("<h2>检查档案概况</h2>"), "<table>"]
        parts += [f"<tr><td><b>{e(k)}</b>&emsp;</td><td>{e(str(v))}</td></tr>" for k, v in rows]
        parts.append("</table>" + tr("<h3>校验结果</h3>"))
        parts += [f"<p>{e(line)}</p>" for line in self.archive.report.lines()]
        parts.append(tr("<h3>各类记录</h3>") + "<ul>")
        for c in m.get("categories", []):
            types = tr("，").join(tr("{type} {n} 条").format(type=t["label"], n=t["count"])
                                 for t in c.get("record_types", []))
            parts.append(tr("<li><b>{category}</b>：{types}</li>").format(
                category=e(c.get("label", "")), types=e(types)))
        parts.append("</ul>")
        self.overview.setHtml("".join(parts))

    # ---- pages -------------------------------------------------------------------------------

    def _show_page(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if item is None or self.archive is None:
            return
        kind, key = item.data(0, ROLE_PAGE)
        if kind == "overview":
            self.pages.setCurrentIndex(0)
        elif kind == "checklist":
            self._fill_checklist(key)
            self.pages.setCurrentIndex(1)
        else:
            self.show_type(key)

    def show_type(self, type_key: str) -> None:
        assert self.archive is not None
        self.model = RecordTableModel(self.archive.ledger, type_key, self.reader, None, self)
        self.model.set_show_sensitive(True)  # the snapshot holds what the exporter chose
        self.model.set_filter(None)
        self.table.setModel(self.model)
        self.table.resizeColumnsToContents()
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _prev: self.show_record(current.data(RecordIdRole)))
        self.pages.setCurrentIndex(2)
        self.detail.clear()
        self.attachments.clear()
        self.page_button.setVisible(False)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _fill_checklist(self, type_key: str) -> None:
        assert self.archive is not None
        ledger = self.archive.ledger
        rt = ledger.pack.record_type(type_key)
        by_item = {rt.read(r, "checklist_item"): r for r in ledger.records.list(type_key)}
        item_field = rt.field_for("checklist_item")
        items = list(item_field.choices) if item_field is not None else list(by_item)
        self.checklist.clear()
        self.checklist.setColumnCount(4)
        self.checklist.setHorizontalHeaderLabels([tr("项目"), tr("是否达标"), tr("现有情况"),
                                                  tr("佐证")])
        self.checklist.setRowCount(len(items))
        for row, name in enumerate(items):
            record = by_item.get(name)
            met = tr("无记录") if record is None else (
                tr("✔ 达标") if rt.read(record, "checklist_met") else tr("✘ 未达标"))
            note = "" if record is None else str(rt.read(record, "checklist_note") or "")
            evidence = 0 if record is None else len(ledger.attachments.of(record.id))
            for col, text in enumerate([name, met, note,
                                        tr("{n} 个附件").format(n=evidence)]):
                cell = QTableWidgetItem(text)
                if record is not None:
                    cell.setData(Qt.ItemDataRole.UserRole, (type_key, record.id))
                    cell.setToolTip(tr("双击查看这条记录和它的佐证照片"))
                self.checklist.setItem(row, col, cell)
        self.checklist.resizeColumnsToContents()

    def open_checklist_row(self, row: int, _column: int = 0) -> None:
        """From a checklist line to its record, with the evidence photos beneath it."""
        cell = self.checklist.item(row, 0)
        found = cell.data(Qt.ItemDataRole.UserRole) if cell is not None else None
        if not found:
            return
        type_key, entry_id = found
        for item in self._tree_items():
            if item.data(0, ROLE_PAGE) == ("type", type_key) and item.parent() is not None:
                self.tree.setCurrentItem(item)   # shows the type's table
                break
        if self.model is not None and self.model.type_key == type_key:
            row_of = self.model.row_of(entry_id)
            if row_of is not None:
                self.table.selectRow(row_of)

    def _tree_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            items.append(top)
            items += [child for j in range(top.childCount())
                      if (child := top.child(j)) is not None]
        return items

    def show_record(self, entry_id: int | None) -> None:
        assert self.archive is not None
        self.attachments.clear()
        if entry_id is None:
            self.detail.clear()
            return
        ledger = self.archive.ledger
        record = ledger.records.get(entry_id)
        rt = ledger.pack.record_type(record.type_key)
        e = html.escape
        parts = [f"<h3>{e(rt.label)}：{e(ledger.records.title(rt, record.values))}</h3>"  # i18n: data
                 "<table>"]
        for f in rt.fields:
            if f.type == "attachments":
                continue
            if f.type == "attendance":
                people = ledger.attendance.of(entry_id)
                tally = ledger.attendance.tally(entry_id)
                present = "、".join(p.name for p in people if p.status == "present")  # i18n: data
                away = "；".join(f"{p.name}（{STATUSES[p.status]}：{p.reason}）"  # i18n: data
                                for p in people if p.status != "present")
                text = tr("应到 {due} 人，实到 {present} 人，请假 {leave} 人，"
                          "缺席 {absent} 人。\n出席：{names}").format(
                    due=tally.due, present=tally.present, leave=tally.leave,
                    absent=tally.absent, names=present or tr("无"))
                if away:
                    text += tr("\n请假、缺席：{names}").format(names=away)
            else:
                text = self._format(f, record[f.key])
            if text:
                parts.append(f"<tr><td valign='top'><b>{e(f.label)}</b>&emsp;</td>"
                             f"<td>{e(text).replace(chr(10), '<br>')}</td></tr>")
        parts.append("</table>")
        self.detail.setHtml("".join(parts))
        for att in ledger.attachments.of(entry_id):
            item = QListWidgetItem(att.caption or att.filename)
            item.setData(ROLE_ATTACHMENT, att.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            thumb = ledger.attachments.thumbnail(att.sha256)
            if thumb:
                image = QImage.fromData(thumb)
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.attachments.addItem(item)
        self.page_button.setVisible(entry_id in self.archive.record_pages)
        self._current_entry = entry_id

    def _format(self, f: Any, value: Any) -> str:
        assert self.archive is not None
        # Shown as stored: the snapshot holds what the exporter chose to mask.
        text = display(f, value, False, self.archive.ledger.records.member_name)
        return tr("{amount} 元").format(amount=text) if f.type == "money" and text else text


    # ---- looking at files ------------------------------------------------------------------

    def view_attachment(self, item: QListWidgetItem) -> QDialog | None:
        from ledger_app.ui.errors import show_error

        assert self.archive is not None
        try:
            path = self.archive.attachment_file(int(item.data(ROLE_ATTACHMENT)))
        except Exception as exc:
            show_error(self, exc)
            return None
        if QImage(str(path)).isNull():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
            return None
        viewer = AttachmentViewer(path, item.text(), self)
        viewer.open()
        return viewer

    def open_record_page(self) -> None:
        from ledger_app.ui.errors import show_error

        assert self.archive is not None
        try:
            path = self.archive.extract(self.archive.record_pages[self._current_entry])
        except Exception as exc:
            show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def closeEvent(self, event: Any) -> None:
        self.runner.shutdown()
        if self.table.model() is not None:
            self.table.setModel(None)
        if self.reader is not None:
            self.reader.close()
            self.reader = None
        if self.archive is not None:
            self.archive.close()
        super().closeEvent(event)
