"""Check an archive against its manifest: missing, changed and extra files.

The archive is first checked as a whole (``safe_extract.check_archive``), so a
hostile zip is refused before anything is read from it. Every file is then read
chunk by chunk and hashed; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ledger_app.outputs.archive import manifest as mf
from ledger_app.outputs.archive.crypto import PasswordError, open_for_reading
from ledger_app.outputs.archive.layout import MANIFEST_NAME
from ledger_app.outputs.archive.safe_extract import (
    DEFAULT_LIMITS, HostileArchiveError, Limits, check_archive, read_chunks, read_small,
)
from ledger_app.store.errors import LedgerError

Progress = Callable[[int, int, str], None]


@dataclass
class VerifyReport:
    manifest: dict[str, Any]
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)   # path, what differs
    extra: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.changed or self.extra)

    def summary(self) -> str:
        if self.ok:
            return f"校验通过：{self.checked} 个文件与清单完全一致。"
        parts = []
        if self.missing:
            parts.append(f"缺少 {len(self.missing)} 个")
        if self.changed:
            parts.append(f"被改动 {len(self.changed)} 个")
        if self.extra:
            parts.append(f"多出 {len(self.extra)} 个")
        return "校验未通过：" + "，".join(parts) + "文件。"

    def lines(self) -> list[str]:
        out = [self.summary()]
        out += [f"  缺少：{p}" for p in self.missing]
        out += [f"  被改动：{p}（{why}）" for p, why in self.changed]
        out += [f"  多出：{p}（清单中没有）" for p in self.extra]
        return out


def verify_archive(path: Path, password: str | None = None,
                   limits: Limits = DEFAULT_LIMITS,
                   progress: Progress | None = None) -> VerifyReport:
    """Compare every file with the manifest; raises LedgerError for an unreadable or hostile zip."""
    path = Path(path)
    if not path.is_file():
        raise LedgerError(f"找不到文件 {path}。")
    with open(path, "rb") as fh, open_for_reading(fh, password) as zf:
        files = check_archive(zf, limits)
        if MANIFEST_NAME not in files:
            raise LedgerError(f"压缩包里没有 {MANIFEST_NAME}，不是本程序导出的检查档案，无法校验。")
        manifest = mf.load(read_small(zf, files[MANIFEST_NAME], limits.max_manifest_size))
        report = VerifyReport(manifest)
        listed: dict[str, dict[str, Any]] = {}
        for item in manifest["files"]:
            listed.setdefault(item["path"], item)
        total = len(listed)
        for done, (name, item) in enumerate(listed.items()):
            if progress:
                progress(done, total, f"正在校验 {name}")
            info = files.get(name)
            if info is None:
                report.missing.append(name)
                continue
            digest = hashlib.sha256()
            size = 0
            try:
                for block in read_chunks(zf, info, limits):
                    digest.update(block)
                    size += len(block)
            except (HostileArchiveError, PasswordError):
                raise
            except LedgerError as exc:  # damaged data (CRC error): the file was changed
                report.checked += 1
                report.changed.append((name, f"内容无法读出：{exc}"))
                continue
            report.checked += 1
            if size != item["size"]:
                report.changed.append((name, f"大小应为 {item['size']} 字节，现在是 {size} 字节"))
            elif digest.hexdigest() != item["sha256"]:
                report.changed.append((name, "内容与清单中的 SHA-256 不符"))
        report.extra = sorted(n for n in files if n not in listed and n != MANIFEST_NAME)
        if progress:
            progress(total, total, report.summary())
        return report
