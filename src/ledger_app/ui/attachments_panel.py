"""Photos, scans and documents of one attachments field.

Thumbnails come from the ledger (made when a photo was added), so the list never
decodes an original. Everything the person does here — add (file dialog or drag
and drop), remove, change a caption — is held as pending changes and written by
the record's save, in the same transaction as the record itself: a new record has
no id to attach to yet, and cancelling the form must leave the ledger untouched.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QIcon,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ledger_app.store.attachments import THUMB_SIZE, Attachment
from ledger_app.ui.i18n import tr, tr_noop

if TYPE_CHECKING:
    from ledger_app.store import Ledger
    from ledger_app.ui.tasks import TaskRunner

ICON_SIZE = 112
FILE_FILTER = tr_noop("图片和文档 (*.png *.jpg *.jpeg *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf "
                      "*.ofd *.doc *.docx *.wps *.xls *.xlsx *.et *.ppt *.pptx *.txt);;所有文件 (*)")
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
ROLE_KEY = Qt.ItemDataRole.UserRole          # ("stored", attachment id) or ("new", path)
ROLE_CAPTION = Qt.ItemDataRole.UserRole + 1
ROLE_FILENAME = Qt.ItemDataRole.UserRole + 2


@dataclass
class AttachmentChanges:
    """What the save has to do for one attachments field."""

    added: list[tuple[Path, str]] = field(default_factory=list)   # (file, caption)
    removed: list[int] = field(default_factory=list)              # attachment ids
    captions: dict[int, str] = field(default_factory=dict)        # attachment id -> caption

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.captions)

    def apply(self, ledger: Ledger, entry_id: int, field_key: str) -> None:
        """Run on the worker, inside the save's transaction."""
        for attachment_id in self.removed:
            ledger.attachments.remove(attachment_id)
        for attachment_id, caption in self.captions.items():
            ledger.attachments.set_caption(attachment_id, caption)
        for path, caption in self.added:
            ledger.attachments.add(entry_id, field_key, path, caption=caption)


def load_stored(ledger: Ledger, entry_id: int,
                field_key: str) -> list[tuple[Attachment, bytes | None]]:
    """Attachments of a record with their thumbnails (run on the worker)."""
    return [(a, ledger.attachments.thumbnail(a.sha256) if a.is_image else None)
            for a in ledger.attachments.of(entry_id, field_key)]


def file_icon(filename: str) -> QIcon:
    """A page with the file's extension on it, for documents and unreadable images."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8a8a8a"), 2))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(22, 8, ICON_SIZE - 44, ICON_SIZE - 16, 4, 4)
    suffix = Path(filename).suffix.lstrip(".").upper()[:4] or tr("文件")
    colour = {"PDF": "#c62828", "DOC": "#1565c0", "DOCX": "#1565c0", "WPS": "#1565c0",
              "XLS": "#2e7d32", "XLSX": "#2e7d32", "ET": "#2e7d32"}.get(suffix, "#555555")
    painter.setPen(QColor(colour))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(18)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, suffix)
    painter.end()
    return QIcon(pixmap)


def image_icon(data: bytes | None = None, path: Path | None = None) -> QIcon | None:
    reader_pixmap = QPixmap()
    if data is not None:
        if not reader_pixmap.loadFromData(data):
            return None
    elif path is not None:
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > THUMB_SIZE:
            size.scale(QSize(THUMB_SIZE, THUMB_SIZE), Qt.AspectRatioMode.KeepAspectRatio)
            reader.setScaledSize(size)  # decode small: a 20-megapixel photo stays quick
        image = reader.read()
        if image.isNull():
            return None
        reader_pixmap = QPixmap.fromImage(image)
    else:
        return None
    return QIcon(reader_pixmap)


class _ThumbnailList(QListWidget):
    """Asks for one row of thumbnails; grows to two when there are more."""

    def sizeHint(self) -> QSize:
        rows = 1 if self.count() <= max(1, self.viewport().width() // (ICON_SIZE + 44)) else 2
        return QSize(super().sizeHint().width(), rows * (ICON_SIZE + 44) + 16)


class AttachmentsPanel(QWidget):
    """Thumbnails of a field's attachments, with add / remove / caption / open."""

    changed = Signal()

    def __init__(self, ledger: Ledger, runner: TaskRunner, field_key: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self.runner = runner
        self.field_key = field_key
        self._removed: list[int] = []
        self._stored_captions: dict[int, str] = {}
        self.setAcceptDrops(True)

        self.list = _ThumbnailList()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setGridSize(QSize(ICON_SIZE + 36, ICON_SIZE + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setMinimumHeight(ICON_SIZE + 60)
        self.list.setMaximumHeight(2 * (ICON_SIZE + 44) + 16)
        # Files dropped on the list land on the panel, which knows what to do with them.
        self.list.setDragEnabled(False)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = self._button(tr("添加文件…"), self.choose_files)
        self.remove_button = self._button(tr("移除"), self.remove_selected)
        self.caption_button = self._button(tr("修改说明…"), self.edit_caption)
        self.open_button = self._button(tr("打开"), self.open_selected)
        hint = QLabel(tr("可把照片或文件拖到这里"))
        hint.setStyleSheet("color: #666")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_button, self.remove_button, self.caption_button, self.open_button):
            buttons.addWidget(b)
        buttons.addSpacing(8)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_buttons()

    def _button(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # ---- showing -------------------------------------------------------------------------------

    def populate(self, stored: list[tuple[Attachment, bytes | None]]) -> None:
        self.list.clear()
        self._removed = []
        self._stored_captions = {}
        for attachment, thumb in stored:
            icon = image_icon(data=thumb) if thumb else None
            self._add_item(("stored", attachment.id), attachment.filename, attachment.caption,
                           icon or file_icon(attachment.filename))
            self._stored_captions[attachment.id] = attachment.caption
        self._update_buttons()

    def _add_item(self, key: tuple[str, Any], filename: str, caption: str,
                  icon: QIcon) -> QListWidgetItem:
        item = QListWidgetItem(icon, "")
        item.setData(ROLE_KEY, key)
        item.setData(ROLE_FILENAME, filename)
        self._set_item_caption(item, caption)
        self.list.addItem(item)
        return item

    @staticmethod
    def _set_item_caption(item: QListWidgetItem, caption: str) -> None:
        item.setData(ROLE_CAPTION, caption)
        filename = item.data(ROLE_FILENAME)
        item.setText(caption or filename)
        new = item.data(ROLE_KEY)[0] == "new"
        item.setToolTip(f"{filename}\n{caption}".strip()
                        + (tr("\n（保存记录时加入台账）") if new else ""))

    def _update_buttons(self) -> None:
        selected = bool(self.list.selectedItems())
        for b in (self.remove_button, self.caption_button, self.open_button):
            b.setEnabled(selected)

    # ---- changing --------------------------------------------------------------------------

    def add_files(self, paths: list[Path]) -> int:
        """Hold files to add on save; returns how many were taken (folders are skipped)."""
        taken = 0
        for path in paths:
            path = Path(path)
            if not path.is_file():
                continue
            icon = image_icon(path=path) if path.suffix.lower() in IMAGE_SUFFIXES else None
            self._add_item(("new", str(path)), path.name, "", icon or file_icon(path.name))
            taken += 1
        if taken:
            self.changed.emit()
        return taken

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, tr("添加照片或文件"), "",
                                                      tr(FILE_FILTER))
        self.add_files([Path(f) for f in files])

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            kind, key = item.data(ROLE_KEY)
            if kind == "stored":
                self._removed.append(int(key))
            self.list.takeItem(self.list.row(item))
        self._update_buttons()
        self.changed.emit()

    def set_caption(self, item: QListWidgetItem, caption: str) -> None:
        self._set_item_caption(item, caption.strip())
        self.changed.emit()

    def edit_caption(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        item = items[0]
        text, ok = QInputDialog.getText(self, tr("附件说明"),
                                        tr("{name} 的说明：").format(name=item.data(ROLE_FILENAME)),

                                        text=item.data(ROLE_CAPTION) or "")
        if ok:
            self.set_caption(item, text)

    # ---- drag and drop ---------------------------------------------------------------------

    @staticmethod
    def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and Path(url.toLocalFile()).is_file()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if files and self.add_files(files):
            event.acceptProposedAction()
        else:
            event.ignore()

    # ---- opening ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        kind, key = items[0].data(ROLE_KEY)
        if kind == "new":
            QDesktopServices.openUrl(QUrl.fromLocalFile(key))
            return
        ledger, folder = self.ledger, Path(tempfile.gettempdir()) / "ledger-app-open"
        self.runner.run(lambda: ledger.attachments.export_to(int(key), folder),
                        lambda path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

    # ---- what the save must do ---------------------------------------------------------------

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(r) for r in range(self.list.count())]

    def changes(self) -> AttachmentChanges:
        changes = AttachmentChanges(removed=list(self._removed))
        for item in self.items():
            kind, key = item.data(ROLE_KEY)
            caption = item.data(ROLE_CAPTION) or ""
            if kind == "new":
                changes.added.append((Path(key), caption))
            elif self._stored_captions.get(int(key)) != caption:
                changes.captions[int(key)] = caption
        return changes

    def snapshot(self) -> Any:
        return tuple((tuple(i.data(ROLE_KEY)), i.data(ROLE_CAPTION)) for i in self.items()) + \
            (tuple(self._removed),)
