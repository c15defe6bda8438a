"""An archive opened for inspection: verified, then read through its ledger snapshot.

Nothing here writes to the archive: the zip is only ever opened ``rb``. The snapshot
and any attachment the inspector wants to look at are unpacked into a private
temporary folder (after the whole archive passed the hostile-archive checks), and the
snapshot is checked (``store.snapshot_check``: no views, foreign triggers, huge values …) and
opened with ``Ledger.open(readonly=True)`` (SQLite ``mode=ro&immutable=1``:
nobody holds a lock on a file in the extraction folder).
``close()`` removes the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ledger_app.outputs.archive.crypto import open_for_reading
from ledger_app.outputs.archive.layout import SNAPSHOT_PATH
from ledger_app.outputs.archive.safe_extract import (
    DEFAULT_LIMITS,
    Limits,
    TemporaryFolder,
    check_archive,
)
from ledger_app.outputs.archive.sealed import unsealed
from ledger_app.outputs.archive.verify import VerifyReport, verify_archive
from ledger_app.store.errors import LedgerError
from ledger_app.store.snapshot_check import bring_up_to_date, check_snapshot


class InspectionArchive:
    def __init__(self, path: Path, report: VerifyReport, folder: TemporaryFolder,
                 ledger: Any, password: str | None, limits: Limits):
        self.path = path
        self.source = path       # the plain archive read (inside the folder when sealed)
        self.report = report
        self.manifest = report.manifest
        self.folder = folder
        self.ledger = ledger
        self._password = password
        self._limits = limits
        self.attachment_paths: dict[int, str] = {
            int(f["attachment_id"]): f["path"] for f in self.manifest["files"]
            if f.get("kind") == "attachment" and isinstance(f.get("attachment_id"), int)}
        self.record_pages: dict[int, str] = {
            int(f["entry_id"]): f["path"] for f in self.manifest["files"]
            if f.get("kind") == "record" and isinstance(f.get("entry_id"), int)}

    @classmethod
    def open(cls, path: Path, password: str | None = None, limits: Limits = DEFAULT_LIMITS,
             progress: Callable[[int, int, str], Any] | None = None) -> InspectionArchive:
        """Verify, then unpack and open the snapshot; LedgerError when it cannot be shown."""
        from ledger_app.store import Ledger

        path = Path(path)
        folder = TemporaryFolder()
        try:
            # A sealed archive is decrypted once, into this folder; everything after reads
            # the plain archive inside it.
            with unsealed(path, password, limits, folder) as (source, source_password):
                pass
            report = verify_archive(source, source_password, limits, progress)
            report.sealed = source != path
            if not report.manifest.get("snapshot"):
                raise LedgerError("这个检查档案没有只读台账快照，只能用浏览器打开其中的 index.html 查看。")
            with open(source, "rb") as fh, open_for_reading(fh, source_password) as zf:
                files = check_archive(zf, limits)
                if SNAPSHOT_PATH not in files:
                    raise LedgerError(f"检查档案中缺少 {SNAPSHOT_PATH}，无法在程序中查看。")
                snapshot = folder.extract(zf, files[SNAPSHOT_PATH], limits)
            if progress:
                progress(0, 0, "正在检查台账快照…")
            check_snapshot(snapshot)   # before anything reads it as a ledger
            bring_up_to_date(snapshot)
            ledger = Ledger.open(snapshot, readonly=True)
        except BaseException:
            folder.cleanup()
            raise
        archive = cls(path, report, folder, ledger, source_password, limits)
        archive.source = source
        return archive

    def extract(self, archive_path: str) -> Path:
        """Unpack one file of the archive into the temporary folder (for viewing)."""
        with open(self.source, "rb") as fh, open_for_reading(fh, self._password) as zf:
            files = check_archive(zf, self._limits)
            info = files.get(archive_path)
            if info is None:
                raise LedgerError(f"检查档案中没有 {archive_path}。")
            return self.folder.extract(zf, info, self._limits)

    def attachment_file(self, attachment_id: int) -> Path:
        path = self.attachment_paths.get(attachment_id)
        if path is None:
            raise LedgerError("这个附件没有放进检查档案。")
        return self.extract(path)

    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        self.folder.cleanup()

    def __enter__(self) -> InspectionArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
