"""The 移交单 of an archive: verified first, then its facts printed (``outputs.pdf.handover``).

A 移交单 vouches for the zip it names, so it is printed only for an archive that passes
``verify`` with a good signature: a paper for a changed or unsigned archive would lend it
a trust it does not have.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ledger_app.outputs.archive.verify import verify_archive
from ledger_app.outputs.pdf.handover import HandoverFacts, render_handover
from ledger_app.store.errors import LedgerError


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def handover_facts(archive: Path, password: str | None = None) -> HandoverFacts:
    archive = Path(archive)
    report = verify_archive(archive, password)
    if not report.ok:
        raise LedgerError("这个检查档案校验未通过，不能为它打印移交单：\n" + "\n".join(report.lines()))
    if not report.signer:
        raise LedgerError("这个检查档案没有签名（由早期版本导出），移交单无法证明它的来源。"
                          "请用本版本重新导出检查档案后再打印移交单。")
    m = report.manifest
    counts = [(str(c.get("label", "")), sum(int(t["count"]) for t in c["record_types"]))
              for c in m.get("categories", [])]
    return HandoverFacts(
        org_name=str(m.get("organisation", {}).get("org_name", "")),
        period=str(m.get("period", {}).get("label", "")),
        archive_name=archive.name, archive_size=archive.stat().st_size,
        archive_sha256=file_sha256(archive), manifest_sha256=report.manifest_sha256,
        fingerprint=report.signer, files=report.checked,
        exported_at=str(m.get("exported_at", "")), masked=bool(m.get("masked")),
        encrypted=bool(m.get("encrypted")), counts=counts)


def print_handover(archive: Path, out: str | os.PathLike[str],
                   password: str | None = None) -> int:
    """Verify ``archive`` and print its 移交单 to ``out``; returns the page count."""
    return render_handover(handover_facts(archive, password), out)
