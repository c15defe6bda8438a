"""``manifest.json``: what the archive holds and the SHA-256 of every file in it.

The manifest describes the archive, so it cannot list its own hash (writing the
hash would change it); it says so in ``notes``. Verification compares every other
entry of the zip with the ``files`` list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ledger_app import __version__
from ledger_app.outputs.archive.layout import MANIFEST_NAME, SIGNATURE_NAME, SNAPSHOT_PATH
from ledger_app.store.errors import LedgerError

FORMAT = "grassroots-ledger-inspection-archive"
# 2: signed (manifest.sig beside the manifest). Version 1 archives carry no signature.
FORMAT_VERSION = 2
_HEX64 = re.compile(r"^[0-9a-f]{64}$")

SELF_NOTE = (f"{MANIFEST_NAME} 本身不在文件清单中：清单记录的是其他每个文件的大小和 SHA-256，"
             f"它无法包含自己的校验值；{SIGNATURE_NAME} 是导出台账用自己的密钥对本清单所做的签名，"
             "校验时核对签名，并把签名密钥的指纹与移交单、备考表上印的指纹比对。")
SNAPSHOT_NOTE = (f"{SNAPSHOT_PATH} 是本期记录的只读台账快照（SQLite），供本程序以只读方式查看；"
                 "只含本期所选类别的记录及其引用的人员（名册记录），附件内容不重复存放（见各类别文件夹），"
                 "只保留缩略图。")


@dataclass
class FileRecord:
    path: str
    size: int
    sha256: str
    kind: str                      # binder, index, table, workbook, record, attachment, snapshot
    record_type: str | None = None
    entry_id: int | None = None
    attachment_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"path": self.path, "size": self.size, "sha256": self.sha256,
                                "kind": self.kind}
        for key in ("record_type", "entry_id", "attachment_id"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        data.update(self.extra)
        return data


def period_label(year: int, date_from: str | None, date_to: str | None) -> str:
    if date_from or date_to:
        return f"{date_from or f'{year}-01-01'} 至 {date_to or f'{year}-12-31'}"
    return f"{year} 年度"


def build_manifest(*, organisation: dict[str, Any], year: int, date_from: str | None,
                   date_to: str | None, categories: list[dict[str, Any]], masked: bool,
                   encrypted: bool, files: list[FileRecord], exported_at: datetime,
                   notes: list[str], masking_note: str) -> dict[str, Any]:
    counts = {t["key"]: t["count"] for c in categories for t in c["record_types"]}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "organisation": organisation,
        "period": {"year": year, "from": date_from, "to": date_to,
                   "label": period_label(year, date_from, date_to)},
        "program": {"name": "基层台账", "version": __version__},
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "masked": masked,
        "masking": masking_note if masked else "未隐藏：身份证号、电话号码为完整号码，请妥善保管。",
        "encrypted": encrypted,
        "encryption": ("AES-256（WinZip AE-2），整个档案封在加密的“档案内容.zip”中，文件名也看不到"
                       if encrypted else None),
        "counts": counts,
        "categories": categories,
        "snapshot": SNAPSHOT_PATH if any(f.kind == "snapshot" for f in files) else None,
        "notes": [SELF_NOTE, *notes],
        "files": [f.to_json() for f in files],
    }


def dump(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def load(data: bytes) -> dict[str, Any]:
    """Parse and check a manifest read from an archive; a LedgerError says what is wrong.

    Everything the program later reads from it is checked here, so a crafted manifest is
    one plain message and never a traceback in the window or the command line."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LedgerError(f"{MANIFEST_NAME} 已损坏，无法读取（{str(exc)[:120]}）。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise LedgerError(f"{MANIFEST_NAME} 不是本程序的检查档案清单。")
    version = manifest.get("format_version", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LedgerError(f"{MANIFEST_NAME} 的格式版本“{str(version)[:40]}”不对，清单已损坏。")
    if version > FORMAT_VERSION:
        raise LedgerError("这个检查档案由更新版本的程序导出，请升级程序后再校验。")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise LedgerError(f"{MANIFEST_NAME} 中缺少文件清单。")
    for item in files:
        if not (isinstance(item, dict) and isinstance(item.get("path"), str)
                and isinstance(item.get("size"), int) and item["size"] >= 0
                and isinstance(item.get("sha256"), str) and _HEX64.match(item["sha256"])
                and all(isinstance(item.get(k), (int, type(None)))
                        for k in ("entry_id", "attachment_id"))):
            raise LedgerError(f"{MANIFEST_NAME} 的文件清单中有一项格式不对：{str(item)[:120]}")
    _check_description(manifest)
    return manifest


def _check_description(manifest: dict[str, Any]) -> None:
    """The parts the inspection window shows: of the types it expects, or absent."""
    def wrong(what: str) -> LedgerError:
        return LedgerError(f"{MANIFEST_NAME} 中的{what}格式不对，清单已损坏或被改过。")

    for key, label in (("organisation", "组织信息"), ("period", "期间"), ("program", "程序信息")):
        if not isinstance(manifest.get(key, {}), dict):
            raise wrong(label)
    if not isinstance(manifest.get("period", {}).get("label", ""), str):
        raise wrong("期间")
    categories = manifest.get("categories", [])
    if not isinstance(categories, list):
        raise wrong("类别")
    for category in categories:
        types = category.get("record_types", []) if isinstance(category, dict) else None
        if not (isinstance(category, dict) and isinstance(category.get("key"), str)
                and isinstance(category.get("label", ""), str) and isinstance(types, list)
                and all(isinstance(t, dict) and isinstance(t.get("label"), str)
                        and isinstance(t.get("count"), int) for t in types)):
            raise wrong("类别")
    if not isinstance(manifest.get("snapshot"), (str, type(None))):
        raise wrong("快照")
