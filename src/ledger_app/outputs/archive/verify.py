"""Check an archive against its manifest: missing, changed and extra files.

The archive is first checked as a whole (``safe_extract.check_archive``), so a
hostile zip is refused before anything is read from it. Every file is then read
chunk by chunk and hashed; nothing is written to disk.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger_app.outputs.archive import manifest as mf
from ledger_app.outputs.archive.crypto import PasswordError, open_for_reading
from ledger_app.outputs.archive.layout import MANIFEST_NAME, SIGNATURE_NAME
from ledger_app.outputs.archive.safe_extract import (
    DEFAULT_LIMITS,
    HostileArchiveError,
    Limits,
    check_archive,
    read_chunks,
    read_small,
)
from ledger_app.store.errors import LedgerError
from ledger_app.store.signing import normalise_fingerprint

Progress = Callable[[int, int, str], None]


@dataclass
class VerifyReport:
    manifest: dict[str, Any]
    checked: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[tuple[str, str]] = field(default_factory=list)   # path, what differs
    extra: list[str] = field(default_factory=list)
    manifest_sha256: str = ""
    signer: str | None = None              # fingerprint of the key whose signature holds
    signature_problem: str | None = None   # a bad, missing or unexpected signature
    unsigned_old: bool = False             # made by a version that did not sign yet
    sealed: bool = False                   # encrypted with its names hidden (sealed.py)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.changed or self.extra or self.signature_problem)

    def signature_line(self) -> str:
        if self.signature_problem:
            return f"签名：{self.signature_problem}"
        if self.signer:
            return (f"签名有效：签名密钥指纹 {self.signer}（请与移交单、备考表上印的指纹核对；"
                    "命令行可用 --expect-key 指纹 自动核对）")
        return "未签名：这个档案由早期版本导出，无法确认是哪个台账导出的、清单是否被改过。"

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
        if not parts:
            return "校验未通过：文件与清单一致，但签名不对（见下）。"
        return "校验未通过：" + "，".join(parts) + "文件。"

    def lines(self) -> list[str]:
        out = [self.summary(), self.signature_line()]
        if self.sealed:
            out.append("已加密：整个档案封在加密的“档案内容.zip”中，没有密码连文件名也看不到。")
        out += [f"  缺少：{p}" for p in self.missing]
        out += [f"  被改动：{p}（{why}）" for p, why in self.changed]
        out += [f"  多出：{p}（清单中没有）" for p in self.extra]
        return out


def verify_archive(path: Path, password: str | None = None,
                   limits: Limits = DEFAULT_LIMITS,
                   progress: Progress | None = None,
                   expect_key: str | None = None) -> VerifyReport:
    """Compare every file with the manifest and check the manifest's signature (and, with
    ``expect_key``, that it was made with that key); raises LedgerError for an unreadable
    or hostile zip."""
    if expect_key is not None:
        expect_key = normalise_fingerprint(expect_key)
    path = Path(path)
    if not path.is_file():
        raise LedgerError(f"找不到文件 {path}。")
    from ledger_app.outputs.archive.sealed import unsealed

    if progress:
        progress(0, 0, "正在打开检查档案…")
    with unsealed(path, password, limits) as (inner, inner_password):
        report = _verify_plain(inner, inner_password, limits, progress, expect_key)
    report.sealed = inner != path
    return report


def _verify_plain(path: Path, password: str | None, limits: Limits,
                  progress: Progress | None, expect_key: str | None) -> VerifyReport:
    with open(path, "rb") as fh, open_for_reading(fh, password) as zf:
        files = check_archive(zf, limits)
        if MANIFEST_NAME not in files:
            raise LedgerError(f"压缩包里没有 {MANIFEST_NAME}，不是本程序导出的检查档案，无法校验。")
        manifest_bytes = read_small(zf, files[MANIFEST_NAME], limits.max_manifest_size)
        manifest = mf.load(manifest_bytes)
        report = VerifyReport(manifest, manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest())
        _check_signature(report, zf, files, manifest_bytes, limits, expect_key)
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
        report.extra = sorted(n for n in files
                              if n not in listed and n not in (MANIFEST_NAME, SIGNATURE_NAME))
        if progress:
            progress(total, total, report.summary())
        return report


def _check_signature(report: VerifyReport, zf: Any, files: dict[str, Any], manifest: bytes,
                     limits: Limits, expect_key: str | None) -> None:
    from ledger_app.outputs.archive.signature import check

    info = files.get(SIGNATURE_NAME)
    if info is None:
        if report.manifest.get("format_version", 1) >= 2:
            report.signature_problem = (f"缺少签名文件 {SIGNATURE_NAME}：本版本导出的档案都有签名，"
                                        "签名被删掉了，档案可能被改动过。")
        else:
            report.unsigned_old = True
    else:
        result = check(read_small(zf, info, 64 * 1024), manifest)
        report.signer = result.fingerprint
        report.signature_problem = result.problem
    if expect_key is not None and not report.signature_problem and report.signer != expect_key:
        report.signature_problem = (
            f"签名密钥指纹是 {report.signer}，不是要求的 {expect_key}：这个档案不是由那个台账导出的。"
            if report.signer else f"档案没有签名，无法确认它由指纹为 {expect_key} 的台账导出。")
