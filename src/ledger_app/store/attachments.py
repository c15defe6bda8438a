"""Photos, scans and documents kept inside the ledger file.

Content is addressed by SHA-256, so the same photo added twice is stored once.
Images get a small JPEG thumbnail when added, so lists never decode the original.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ledger_app.store.errors import LedgerError, plain_reason

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

    from ledger_app.store.ledger import Ledger

THUMB_SIZE = 240
# Long side of the print rendition: a photo printed half a page wide (about 86 mm, as
# record pages lay them out) gets about 200 dpi, the resolution print shops ask of photos;
# small enough that a year's binder can be mailed.
PRINT_SIZE = 700
PRINT_QUALITY = 78   # JPEG quality: no visible loss on paper at that size
MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
# Pixels an image may have before it is decoded. A PNG is decoded whole (4 bytes a pixel):
# a 0.5 MB PNG of 177 megapixels took 2 GB, and Pillow only warns below 179 megapixels.
# A JPEG is decoded at 1/2–1/8 scale for the thumbnails (``draft``), so the largest phone
# photos (200 megapixels) stay cheap; past that it is no photo anyone takes.
MAX_PIXELS = 40_000_000
MAX_JPEG_PIXELS = 250_000_000


class ImageTooLargeError(LedgerError):
    """An image whose pixel count would take too much memory to decode; not attached."""


def _too_large(width: int = 0, height: int = 0) -> ImageTooLargeError:
    size = f"有 {width} × {height} 像素（约 {width * height / 1e8:.2f} 亿），" if width else "像素太多，"
    return ImageTooLargeError(
        f"这张图片{size}解开需要的内存太多，为保护电脑没有添加。"
        "请先用画图等软件把它缩小（如长边 4000 像素）或另存为 JPEG 后再添加。")


@dataclass(frozen=True)
class Attachment:
    id: int
    entry_id: int
    field_key: str
    sha256: str
    filename: str
    caption: str
    position: int
    size: int
    mime: str
    width: int | None
    height: int | None

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")


@dataclass(frozen=True)
class ImageFacts:
    width: int | None = None
    height: int | None = None
    thumb: bytes | None = None       # THUMB_SIZE px JPEG for lists
    print_jpeg: bytes | None = None  # PRINT_SIZE px JPEG for printouts and archives


def image_facts(data: bytes) -> ImageFacts:
    """Size, thumbnail and print rendition of an image, from one decode of the original;
    empty facts when the data is not a readable image."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as original:   # reads the header only
            width, height = original.size
            limit = MAX_JPEG_PIXELS if original.format == "JPEG" else MAX_PIXELS
            if width * height > limit:
                raise _too_large(width, height)
            if original.format == "JPEG":
                original.draft("RGB", (PRINT_SIZE, PRINT_SIZE))  # libjpeg decodes at 1/2..1/8
            image = _flatten(ImageOps.exif_transpose(original))  # phones rotate by EXIF
            width, height = _true_size(data)
            rendition = image.copy()
            rendition.thumbnail((PRINT_SIZE, PRINT_SIZE), Image.Resampling.LANCZOS)
            image.thumbnail((THUMB_SIZE, THUMB_SIZE))
            return ImageFacts(width, height, _jpeg(image, 80), _jpeg(rendition, PRINT_QUALITY))
    except Image.DecompressionBombError:   # Pillow refuses on opening past 179 megapixels
        raise _too_large() from None
    except (UnidentifiedImageError, OSError, ValueError):
        return ImageFacts()


def _true_size(data: bytes) -> tuple[int, int]:
    """The image's full size as shown (after EXIF rotation), without decoding it."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1)
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _flatten(image: PILImage) -> PILImage:
    from PIL import Image

    if image.mode in ("RGB", "L"):
        return image
    background = Image.new("RGB", image.size, "white")
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
    else:
        background.paste(image.convert("RGB"))
    return background


def _jpeg(image: PILImage, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


class Attachments:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger

    def add(self, entry_id: int, field_key: str, source: Path | bytes,
            filename: str | None = None, caption: str = "") -> int:
        if isinstance(source, (bytes, bytearray)):
            data = bytes(source)
            filename = filename or "附件"
        else:
            source = Path(source)
            try:
                if source.stat().st_size > MAX_ATTACHMENT_BYTES:
                    raise LedgerError(f"{source.name} 超过 200 MB，太大了，不能放进台账。")
                data = source.read_bytes()
            except OSError as exc:
                raise LedgerError(f"无法读取 {source.name}：{plain_reason(exc)}") from exc
            filename = filename or source.name
        record = self.ledger.records.get(entry_id)
        rt = self.ledger.pack.record_type(record.type_key)
        if rt.field(field_key).type != "attachments":
            raise LedgerError(f"{rt.label}的 {field_key} 不是附件字段。")
        sha = hashlib.sha256(data).hexdigest()
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        with self.ledger.transaction() as conn:
            known = conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
            if not known:
                facts = image_facts(data) if mime.startswith("image/") else ImageFacts()
                conn.execute("INSERT INTO blobs(sha256, size, mime, width, height, data, thumb,"
                             " print_jpeg) VALUES (?,?,?,?,?,?,?,?)",
                             (sha, len(data), mime, facts.width, facts.height, data, facts.thumb,
                              facts.print_jpeg))
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM attachments "
                "WHERE entry_id = ? AND field_key = ?", (entry_id, field_key)).fetchone()[0]
            from ledger_app.store.ledger import now_text
            cursor = conn.execute(
                "INSERT INTO attachments(entry_id, field_key, sha256, filename, caption, position,"
                " added_at) VALUES (?,?,?,?,?,?,?)",
                (entry_id, field_key, sha, filename, caption, position, now_text()))
            self.ledger.audit.append("attach", entry_id, rt.key, f"添加附件：{filename}",
                                     {"sha256": sha, "size": len(data)})
        assert cursor.lastrowid is not None     # an INSERT always sets it
        return cursor.lastrowid

    def of(self, entry_id: int, field_key: str | None = None) -> list[Attachment]:
        where = "a.entry_id = ? AND a.deleted_at IS NULL"
        params: list[object] = [entry_id]
        if field_key:
            where += " AND a.field_key = ?"
            params.append(field_key)
        rows = self.ledger.query(
            "SELECT a.id, a.entry_id, a.field_key, a.sha256, a.filename, a.caption, a.position, "
            "b.size, b.mime, b.width, b.height FROM attachments a JOIN blobs b USING (sha256) "
            f"WHERE {where} ORDER BY a.field_key, a.position", params)
        return [Attachment(*tuple(r)) for r in rows]

    def counts(self, entry_ids: Iterable[int]) -> dict[int, int]:
        """How many live attachments each record has (evidence present or not)."""
        ids = list(entry_ids)
        out: dict[int, int] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" for _ in chunk)
            for r in self.ledger.query(
                    f"SELECT entry_id, COUNT(*) FROM attachments WHERE entry_id IN ({marks}) "
                    "AND deleted_at IS NULL GROUP BY entry_id", chunk):
                out[r[0]] = r[1]
        return out

    def get(self, attachment_id: int) -> Attachment:
        rows = self.ledger.query(
            "SELECT a.id, a.entry_id, a.field_key, a.sha256, a.filename, a.caption, a.position, "
            "b.size, b.mime, b.width, b.height FROM attachments a JOIN blobs b USING (sha256) "
            "WHERE a.id = ?", (attachment_id,))
        if not rows:
            raise LedgerError(f"找不到附件 #{attachment_id}。")
        return Attachment(*tuple(rows[0]))

    def data(self, sha256: str) -> bytes:
        rows = self.ledger.query("SELECT data FROM blobs WHERE sha256 = ?", (sha256,))
        if not rows:
            raise LedgerError("附件内容丢失。")
        return bytes(rows[0][0])

    def print_rendition(self, sha256: str) -> bytes | None:
        """The print-size JPEG made when the image was attached (None for ledgers from
        before schema 2 and for files that are not images)."""
        rows = self.ledger.query("SELECT print_jpeg FROM blobs WHERE sha256 = ?", (sha256,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def thumbnail(self, sha256: str) -> bytes | None:
        rows = self.ledger.query("SELECT thumb FROM blobs WHERE sha256 = ?", (sha256,))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def remove(self, attachment_id: int) -> None:
        """Hide an attachment from its record; its content stays until the record is purged."""
        att = self.get(attachment_id)
        record = self.ledger.records.get(att.entry_id)
        from ledger_app.store.ledger import now_text
        with self.ledger.transaction() as conn:
            conn.execute("UPDATE attachments SET deleted_at = ? WHERE id = ?",
                         (now_text(), attachment_id))
            self.ledger.audit.append("detach", att.entry_id, record.type_key,
                                     f"移除附件：{att.filename}", {"sha256": att.sha256})

    def set_caption(self, attachment_id: int, caption: str) -> None:
        att = self.get(attachment_id)
        with self.ledger.transaction() as conn:
            conn.execute("UPDATE attachments SET caption = ? WHERE id = ?", (caption, attachment_id))
            self.ledger.audit.append("caption", att.entry_id, None,
                                     f"修改附件说明：{att.filename} → {caption}")

    def export_to(self, attachment_id: int, folder: Path) -> Path:
        """Write an attachment to a file (to open it with the system viewer)."""
        att = self.get(attachment_id)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{att.id}_{Path(att.filename).name}"
        if not target.exists():
            tmp = target.with_name(target.name + ".part")
            tmp.write_bytes(self.data(att.sha256))
            tmp.replace(target)
        return target


def blob_chunks(conn: sqlite3.Connection, sha256: str, chunk: int) -> Iterator[bytes]:
    """An attachment's content a chunk at a time, never the whole blob in memory."""
    row = conn.execute("SELECT rowid, length(data) FROM blobs WHERE sha256 = ?",
                       (sha256,)).fetchone()
    if row is None:
        raise LedgerError("台账中有一个附件的内容丢失，无法导出。")
    with conn.blobopen("blobs", "data", row[0], readonly=True) as blob:
        while True:
            block = blob.read(chunk)
            if not block:
                return
            yield block
