"""Folder and file names inside an inspection archive.

Names are what an inspector sees in Explorer, so they are readable Chinese
(``01_基本队伍/党员名册/…``) and safe on every system an archive may be unpacked on:
no characters Windows refuses, no trailing dots or spaces (Windows drops them, so two
names could fall together), no reserved device names, no clash between two files of
one folder even when compared the way Windows compares (ignoring case).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ledger_app.forms.model import Category, RecordType

INDEX_FOLDER = "00_目录"
DATA_FOLDER = "99_数据"
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"   # the ledger's signature over manifest.json
INDEX_NAME = "index.html"
SNAPSHOT_NAME = "台账.ledger"
INDEX_PATH = f"{INDEX_FOLDER}/{INDEX_NAME}"
SNAPSHOT_PATH = f"{DATA_FOLDER}/{SNAPSHOT_NAME}"

# Longest single component we write: deep Chinese paths must stay under Windows' 260.
MAX_COMPONENT = 60

_ILLEGAL = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL",
             *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10)),
             "COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³", "CONIN$", "CONOUT$"}


def is_reserved(component: str) -> bool:
    """True for CON, com1.txt, 'nul .pdf' …: names Windows treats as devices."""
    stem = component.split(".", 1)[0].rstrip(" ").upper()
    return stem in _RESERVED


def clean_component(name: str, fallback: str = "未命名", limit: int = MAX_COMPONENT) -> str:
    """One folder or file name that every system accepts, as close to ``name`` as can be."""
    text = unicodedata.normalize("NFC", str(name))
    text = _ILLEGAL.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if len(text) > limit:
        stem, dot, ext = text.rpartition(".")
        if dot and 0 < len(ext) <= 8 and stem:
            text = stem[: limit - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            text = text[:limit].rstrip(" .")
    if not text:
        text = fallback
    if is_reserved(text):
        text = "_" + text
    return text


def split_ext(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if dot and stem and 0 < len(ext) <= 8 and " " not in ext:
        return stem, "." + ext
    return name, ""


class FolderNames:
    """Hands out names unique within each folder, compared as Windows compares them."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    @staticmethod
    def _key(path: str) -> str:
        return unicodedata.normalize("NFC", path).casefold()

    def claim(self, folder: str, name: str) -> str:
        """``folder/name``, or ``folder/name（2）`` … when that is already used."""
        stem, ext = split_ext(name)
        candidate = name
        n = 1
        while self._key(f"{folder}/{candidate}") in self._taken:
            n += 1
            candidate = f"{stem}（{n}）{ext}"
        self._taken.add(self._key(f"{folder}/{candidate}"))
        return f"{folder}/{candidate}" if folder else candidate

    def claim_folder(self, parent: str, name: str) -> str:
        """A sub-folder name unique in ``parent`` (folders and files share one namespace)."""
        return self.claim(parent, name)


def category_folder(category: Category) -> str:
    return clean_component(f"{category.order:02d}_{category.label}")


def type_folder(category: Category, record_type: RecordType) -> str:
    return f"{category_folder(category)}/{clean_component(record_type.label)}"


def record_stem(record_type: RecordType, values: dict[str, Any], title: str,
                entry_id: int) -> str:
    """``2025-03-15_支部委员会_学习…``: date, kind (for meetings), then the record's title."""
    parts: list[str] = []
    if record_type.date_field:
        when = values.get(record_type.date_field)
        if when not in (None, ""):
            parts.append(str(when))
    kinds = record_type.read(values, "meeting_kinds")
    if isinstance(kinds, list) and kinds:
        parts.append("、".join(str(k) for k in kinds))
    if title and title not in parts:
        parts.append(title)
    if not parts:
        parts.append(f"记录{entry_id}")
    return clean_component("_".join(parts), fallback=f"记录{entry_id}")


# Extensions for attachments saved without one, by MIME type.
_EXT_BY_MIME = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif",
                "image/webp": ".webp", "image/bmp": ".bmp", "image/tiff": ".tif",
                "application/pdf": ".pdf"}


def attachment_name(filename: str, caption: str, mime: str, number: int) -> str:
    """``照片1.jpg``, ``签到表.jpg``, ``文件2.pdf``: the caption when there is one."""
    _, ext = split_ext(filename or "")
    ext = ext.lower() or _EXT_BY_MIME.get(mime, "")
    caption = (caption or "").strip()
    if caption:
        base = caption
    elif mime.startswith("image/"):
        base = f"照片{number}"
    else:
        stem, _ = split_ext(filename or "")
        base = stem if stem and not stem.isascii() else f"文件{number}"
    return clean_component(base + ext, fallback=f"文件{number}{ext}")
