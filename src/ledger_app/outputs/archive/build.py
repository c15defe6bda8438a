"""Build an inspection archive: one zip an inspector can browse, verify and trust.

``build_archive`` plans every name first (``plan.py``), then writes the zip entry by
entry: PDFs and workbooks are made one at a time in a private temporary folder and
streamed in (then deleted, so disk use stays small), attachments are streamed
straight out of the ledger's blobs, and ``index.html`` and ``manifest.json`` come
last. The zip is written under a temporary name beside the target, handed to the disk as
it grows (``write_behind``), flushed, and renamed only when complete; a cancel
(``progress`` raising) or a failure removes it.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ledger_app.forms.display import MASKING_NOTE, shown_text
from ledger_app.outputs.archive import layout, products
from ledger_app.outputs.archive import manifest as mf
from ledger_app.outputs.archive.index_html import render_index
from ledger_app.outputs.archive.plan import Plan, make_plan
from ledger_app.outputs.archive.sealed import SEALED_NAME, seal
from ledger_app.outputs.archive.writer import CHUNK, ArchiveWriter, WrittenFile
from ledger_app.outputs.durable import atomic_path
from ledger_app.store.attachments import blob_chunks
from ledger_app.store.errors import DiskFullError, LedgerError, plain_reason
from ledger_app.store.leftovers import temporary_prefix
from ledger_app.store.snapshot_copy import write_snapshot

Progress = Callable[[int, int, str], Any]
REPORT_INTERVAL = 0.05


@dataclass
class ArchiveResult:
    path: Path
    manifest: dict[str, Any]
    files: int
    size: int
    warnings: list[str] = field(default_factory=list)   # worth telling the user, not errors
    fingerprint: str | None = None      # of the ledger's key that signed the manifest
    manifest_sha256: str = ""           # what the 移交单 prints: binds paper and zip


NO_KEY_WARNING = ("这个台账还没有签名密钥（由早期版本建立，之后没有在本版本中打开修改过），"
                  "检查档案没有签名。请在窗口中打开一次这个台账，再重新导出。")


class _Job:
    """One export run: counts progress, hands out temporary files, collects manifest lines."""

    def __init__(self, writer: ArchiveWriter, work: Path, total: int,
                 progress: Progress | None):
        self.writer = writer
        self.work = work
        self.total = total
        self.done = 0
        self.progress = progress
        self.message = ""
        self.files: list[mf.FileRecord] = []
        self.manifest: dict[str, Any] = {}
        self.manifest_sha256 = ""
        self._last_report = -REPORT_INTERVAL

    def step(self, message: str) -> None:
        self.message = message
        self._report()

    def tick(self) -> None:
        """Between chunks: lets the user's 取消 take effect inside a long file."""
        self._report()

    def sub_progress(self, *args: Any) -> None:
        # Printing and Excel report their own steps; here they only keep cancel working.
        self._report()

    def _report(self) -> None:
        # At most 20 reports a second: each one may cross threads to a progress dialog,
        # and a cancel is still noticed within a twentieth of a second.
        if not self.progress:
            return
        now = time.monotonic()
        if now - self._last_report >= REPORT_INTERVAL:
            self._last_report = now
            self.progress(self.done, self.total, self.message)

    def record(self, written: WrittenFile, kind: str, **extra: Any) -> None:
        self.files.append(mf.FileRecord(written.path, written.size, written.sha256, kind,
                                        **extra))
        self.done += 1


def _organisation(ledger: Any, hide: Callable[[Any], Any]) -> dict[str, Any]:
    settings = ledger.settings()
    org: dict[str, Any] = {}
    for key, value in settings.items():
        if key.startswith("_"):
            continue
        org[key] = [hide(v) for v in value] if isinstance(value, list) else hide(value)
    return org


def _categories_json(plan: Plan) -> list[dict[str, Any]]:
    out = []
    for category in plan.categories:
        chosen = [t for t in plan.types if t.category is category]
        types = [{"key": t.record_type.key, "label": t.record_type.label, "count": t.count,
                  "table": t.table, "workbook": t.workbook} for t in chosen]
        out.append({"key": category.key, "label": category.label,
                    "folder": layout.category_folder(category),
                    "count": sum(t.count for t in chosen), "record_types": types})
    return out


def build_archive(ledger: Any, out: Path, year: int, *, date_from: str | None = None,
                  date_to: str | None = None, categories: Sequence[str] | None = None,
                  masked: bool = True, password: str | None = None,
                  progress: Progress | None = None,
                  include_products: bool = True) -> ArchiveResult:
    """Write the archive to ``out``; raises LedgerError for problems the user can fix."""
    out = Path(out)
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    if not out.parent.is_dir():
        raise LedgerError(f"保存位置 {out.parent} 不存在。")
    from ledger_app.store.doctor import ensure_whole

    ensure_whole(ledger)   # an archive that looks fine is never made from a damaged file

    def hide(value: Any) -> Any:
        return shown_text(value, masked) if isinstance(value, str) else value

    if progress:
        progress(0, 0, "正在整理要导出的记录…")
    plan = make_plan(ledger, year, date_from, date_to, categories, masked,
                     with_pages=include_products)
    made = {p: include_products for p in products.LABELS}
    notes: list[str] = []
    total = (1 + 2 * len(plan.types) + sum(1 for t in plan.types for r in t.records if r.page)
             + sum(len(r.attachments) for t in plan.types for r in t.records) + 3)
    from ledger_app.store.signing import private_key

    key = private_key(ledger)
    exported_at = datetime.now()
    try:
        with atomic_path(out, synced=True) as temp_zip, \
                tempfile.TemporaryDirectory(prefix=temporary_prefix("archive")) as work:
            # With a password the archive is made in the private work folder and then
            # sealed into one encrypted entry, so not even its file names show (sealed.py).
            target = Path(work) / SEALED_NAME if password else temp_zip
            with open(target, "wb") as fh:
                writer = ArchiveWriter(fh, None, exported_at)
                job = _Job(writer, Path(work), total, progress)
                writer.check = job.tick
                try:
                    with _quick_handovers():
                        _write_all(job, ledger, plan, made, masked, hide, exported_at,
                                   notes, bool(password), key)
                    writer.close()
                except BaseException:
                    writer.abandon()
                    raise
                fh.flush()
                if not password:
                    os.fsync(fh.fileno())
            if password:
                job.step("正在加密档案（连同文件名）…")
                seal(target, temp_zip, password, exported_at, job.tick)
    except OSError as exc:
        if exc.errno == 28:
            raise DiskFullError("磁盘空间不足，检查档案没有导出完成（没有留下不完整的文件）。") from exc
        raise LedgerError(f"无法写入检查档案：{plain_reason(exc)}") from exc
    if progress:
        progress(total, total, f"已导出 {out.name}")
    from ledger_app.store.signing import fingerprint, public_bytes

    warnings = [w for w in (ledger.empty_year_note(year),
                            None if key is not None else NO_KEY_WARNING) if w]
    return ArchiveResult(out, job.manifest, len(job.files), out.stat().st_size, warnings,
                         fingerprint(public_bytes(key)) if key is not None else None,
                         job.manifest_sha256)


@contextmanager
def _quick_handovers() -> Iterator[None]:
    """Hand the interpreter lock back within half a millisecond while the archive is made.

    The photo stream gives the lock up for every read, checksum and write of a chunk and
    then has to win it back from the printing thread, which by default keeps it up to
    5 ms each time (0.2–0.4 s of a 1 GB archive on the development machine). The setting
    is process-wide, so the previous value comes back as soon as the archive is done."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, 0.0005))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


class _ProductsInBackground:
    """Makes the PDFs and workbooks on a second thread while this one streams the photos.

    Printing is mostly Python work and the photos mostly reading, checksumming and writing
    (which let go of the interpreter), so on a two-core office PC the archive takes about
    as long as the longer of the two instead of their sum. Products use the ledger's own
    connection, the photos a separate reader. Products are made into the work folder in
    order and streamed into the zip afterwards, one by one, so the zip is written by one
    thread only."""

    def __init__(self, job: _Job):
        self.job = job
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="archive-products")
        self.pending: list[tuple[str, str, Future[Path], dict[str, Any]]] = []
        self.stopped = threading.Event()

    def keep_going(self, *args: Any) -> None:
        """Progress callback for products: only makes a cancel or failure stop them."""
        if self.stopped.is_set():
            raise _Stopped()

    def submit(self, path: str, kind: str, make: Callable[[Path], None], **extra: Any) -> None:
        temp = self.job.work / f"product{len(self.pending)}{Path(path).suffix}"

        def run() -> Path:
            self.keep_going()
            make(temp)
            return temp

        self.pending.append((path, kind, self.pool.submit(run), extra))

    def collect(self) -> None:
        for path, kind, future, extra in self.pending:
            self.job.step(f"正在写入 {path.rsplit('/', 1)[-1]}")
            while True:
                try:
                    temp = future.result(timeout=REPORT_INTERVAL)
                    break
                except FutureTimeout:
                    self.job.tick()   # the user's 取消 still works while a binder is made
            try:
                self.job.record(self.job.writer.add_file(path, temp), kind, **extra)
            finally:
                temp.unlink(missing_ok=True)

    def close(self) -> None:
        self.stopped.set()
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Stopped(Exception):
    """Raised inside a product when the archive was cancelled or failed elsewhere."""


def _write_all(job: _Job, ledger: Any, plan: Plan, made: dict[str, bool], masked: bool,
               hide: Callable[[Any], Any], exported_at: datetime,
               notes: list[str], encrypted: bool, signing_key: Any) -> None:
    year = plan.year
    background = _ProductsInBackground(job)
    reader = ledger.reader()
    try:
        more = background.keep_going
        if made["binder"]:
            background.submit(plan.binder, "binder", lambda p: products.binder(
                ledger, p, year, plan.category_keys, plan.date_from, plan.date_to, masked,
                more))
        for t in plan.types:
            key = t.record_type.key
            # The lambdas bind the loop's values as defaults (they run later, in the
            # background); mypy cannot infer a lambda with defaults, hence the ignores.
            if made["table"]:
                background.submit(t.table, "table", lambda p, key=key: products.table(  # type: ignore[misc]
                    ledger, key, p, year, masked, more, plan.date_from, plan.date_to),
                    record_type=key)
            if made["workbook"]:
                background.submit(t.workbook, "workbook", lambda p, key=key: products.workbook(  # type: ignore[misc]
                    ledger, key, p, year, masked, more, plan.date_from, plan.date_to),
                    record_type=key)
            for r in t.records:
                if r.page:
                    background.submit(r.page, "record", lambda p, entry=r.entry_id:  # type: ignore[misc]
                                      products.record(ledger, entry, p, masked),
                                      record_type=key, entry_id=r.entry_id)
        background.submit(layout.SNAPSHOT_PATH, "snapshot",
                          lambda p: write_snapshot(ledger, p, plan.all_ids(), masked))
        for t in plan.types:
            key = t.record_type.key
            for r in t.records:
                for a in r.attachments:
                    job.step(f"正在写入附件 {a.path.rsplit('/', 1)[-1]}")
                    written = job.writer.add_stream(
                        a.path, blob_chunks(reader, a.attachment.sha256, CHUNK), a.attachment.size)
                    job.record(written, "attachment", record_type=key, entry_id=r.entry_id,
                               attachment_id=a.attachment.id)
        background.collect()
    finally:
        background.close()
        reader.close()
    organisation = _organisation(ledger, hide)
    categories = _categories_json(plan)
    notes = [mf.SNAPSHOT_NOTE, *notes]
    meta = mf.build_manifest(organisation=organisation, year=year, date_from=plan.date_from,
                             date_to=plan.date_to, categories=categories, masked=masked,
                             encrypted=encrypted, files=[], exported_at=exported_at,
                             notes=notes, masking_note=MASKING_NOTE)
    job.step("正在生成目录页 index.html…")
    written_paths = {f.path for f in job.files}
    page = render_index(plan, organisation, meta, written_paths, hide)
    job.record(job.writer.add_bytes(layout.INDEX_PATH, page.encode("utf-8")), "index")
    job.step("正在写入文件清单 manifest.json…")
    manifest = mf.build_manifest(organisation=organisation, year=year,
                                 date_from=plan.date_from, date_to=plan.date_to,
                                 categories=categories, masked=masked, encrypted=encrypted,
                                 files=job.files, exported_at=exported_at, notes=notes,
                                 masking_note=MASKING_NOTE)
    data = mf.dump(manifest)
    job.writer.add_bytes(layout.MANIFEST_NAME, data)
    if signing_key is not None:
        from ledger_app.outputs.archive.signature import sign

        job.writer.add_bytes(layout.SIGNATURE_NAME, sign(signing_key, data))
    job.manifest = manifest
    job.manifest_sha256 = hashlib.sha256(data).hexdigest()
    job.done += 1
