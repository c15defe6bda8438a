"""Read-only opens see every committed transaction, take no lock and change nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest
from crash_support import killed_writer

from ledger_app.cli.main import main as cli
from ledger_app.store import Ledger
from ledger_app.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"

def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def crashed(tmp_path: Path, org) -> Path:
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    killed_writer(path)
    assert (tmp_path / "a.ledger-wal").stat().st_size > 0  # the commits are in the journal
    return path


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def test_info_after_a_killed_writer_counts_every_commit_and_changes_nothing(crashed, capsys):
    before, lock = digest(crashed), crashed.with_name("a.ledger.lock").read_bytes()
    assert cli(["info", str(crashed), "--json"]) == 0
    assert '"total": 300' in capsys.readouterr().out
    assert digest(crashed) == before
    # the dead writer's lock file is as it left it: no write lock was taken
    assert crashed.with_name("a.ledger.lock").read_bytes() == lock


def test_print_after_a_killed_writer_prints_every_commit_without_the_write_lock(crashed, tmp_path):
    from pypdf import PdfReader

    before, lock = digest(crashed), crashed.with_name("a.ledger.lock").read_bytes()
    out = tmp_path / "名册.pdf"
    assert cli(["print", "table", str(crashed), "--type", "roster", "-o", str(out), "--quiet"]) == 0
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "党员0" in text and "党员299" in text
    assert digest(crashed) == before
    assert crashed.with_name("a.ledger.lock").read_bytes() == lock


def test_a_window_opening_during_a_read_is_not_refused(crashed):
    # A read never holds the write lock.
    with Ledger.open(crashed, readonly=True) as reading, Ledger.open(crashed) as window:
        window.records.insert("roster", {"name": "新来的", "gender": "女", "birth_date": "1990-05-06",
                                         "member_class": "预备党员", "status": "在册"})
        assert reading.records.count("roster") == 301


def test_on_read_only_media_a_leftover_journal_is_read_from_a_private_copy(crashed, monkeypatch):
    folder = crashed.parent
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder and mode == os.W_OK
                        else real_access(p, mode))
    (folder / "a.ledger-shm").unlink()    # the index could not be made on such a medium
    before = {p.name: digest(p) for p in folder.iterdir()}
    with Ledger.open(crashed, readonly=True) as ledger:
        assert ledger.records.count("roster") == 300
        copy_uri = ledger.reader_uri()
        reader = ledger.reader()
        assert reader.execute("SELECT count(*) FROM t_roster").fetchone()[0] == 300
        reader.close()
    assert str(folder) not in copy_uri
    assert {p.name: digest(p) for p in folder.iterdir()} == before  # nothing written beside it
    private = Path(copy_uri.removeprefix("file://").split("?")[0]).parent
    assert not private.exists()  # the private copy is gone after close


def test_on_read_only_media_without_a_journal_the_file_is_read_as_it_is(tmp_path, org, monkeypatch):
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org) as ledger:
        ledger.records.insert("roster", {"name": "张伟", "gender": "男", "birth_date": "1980-01-02",
                                         "member_class": "正式党员", "status": "在册"})
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path and mode == os.W_OK
                        else real_access(p, mode))
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.records.count("roster") == 1
        assert "immutable=1" in ledger.reader_uri()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ledger"]


def test_an_old_ledger_is_read_through_an_upgraded_private_copy_and_never_upgraded(
        tmp_path, capsys, monkeypatch):
    temp = tmp_path / "临时"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    path = tmp_path / "旧台账.ledger"
    shutil.copy(FIXTURES / "schema_v1.ledger", path)
    before = digest(path)
    out = tmp_path / "名册.pdf"
    assert cli(["print", "table", str(path), "--type", "roster", "-o", str(out), "--quiet"]) == 0
    assert out.exists()
    assert cli(["info", str(path)]) == 0
    assert "模板街道第一社区党支部" in capsys.readouterr().out
    with Ledger.open(path, readonly=True) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION   # the copy is current
        (member,) = ledger.records.list("roster")
        assert member["id_number"] == "11010519491231002X"
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["临时", "名册.pdf", "旧台账.ledger"]
    assert list(temp.iterdir()) == []   # the private copies are gone


def test_a_read_leaves_nothing_beside_a_ledger_nobody_else_has_open(tmp_path, org):
    path = tmp_path / "a.ledger"
    Ledger.create(path, org).close()
    before = digest(path)
    for _ in range(2):
        with Ledger.open(path, readonly=True) as ledger:
            ledger.records.counts()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ledger"]
    assert digest(path) == before


def test_reads_while_the_window_checkpoints_never_see_a_half_rewritten_file(tmp_path, org):
    # The window commits and checkpoints over and over while reads go on: every read
    # sees a whole state (the count only grows, the file is never "damaged").
    path = tmp_path / "a.ledger"
    with Ledger.create(path, org) as window:
        seen = []
        deadline = time.monotonic() + 2
        i = 0
        while time.monotonic() < deadline:
            window.records.insert("roster", {"name": f"党员{i}", "gender": "男", "birth_date": "1980-01-02",
                                             "member_class": "正式党员", "status": "在册"})
            window.query("PRAGMA wal_checkpoint(PASSIVE)")
            i += 1
            with Ledger.open(path, readonly=True) as reading:
                seen.append(reading.records.count("roster"))
        assert seen == list(range(1, i + 1))
