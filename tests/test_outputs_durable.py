"""Finished outputs are flushed to disk before they take their real name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_app.outputs.durable import durable_replace, sync_file, sync_folder


def test_durable_replace_puts_the_contents_in_place(tmp_path: Path) -> None:
    final = tmp_path / "台账.pdf"
    final.write_bytes(b"old")
    temporary = tmp_path / ".台账.pdf.part"
    temporary.write_bytes(b"%PDF-1.4 new")
    durable_replace(temporary, final)
    assert final.read_bytes() == b"%PDF-1.4 new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.pdf"]


def test_a_failed_replace_leaves_the_old_file_and_raises(tmp_path: Path) -> None:
    folder = tmp_path / "占用"
    folder.mkdir()
    (folder / "x").write_text("keep")
    temporary = tmp_path / "new.part"
    temporary.write_bytes(b"new")
    with pytest.raises(OSError):
        durable_replace(temporary, folder)   # a folder with files in the way
    assert (folder / "x").read_text() == "keep" and temporary.exists()


def test_sync_helpers_accept_files_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"a")
    sync_file(tmp_path / "a")
    sync_folder(tmp_path)
    sync_folder(tmp_path / "missing")        # quietly nothing
    with pytest.raises(OSError):
        sync_file(tmp_path / "missing")


def test_atomic_path_puts_the_file_in_place_only_when_the_block_ends_well(tmp_path):
    import pytest

    from ledger_app.outputs.durable import atomic_path

    final = tmp_path / "自查表.pdf"
    final.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_path(final) as temporary:
        assert temporary.parent == tmp_path and temporary.suffix == ".pdf"
        temporary.write_bytes(b"half")
        raise RuntimeError("cancelled")
    assert final.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [final]
    with atomic_path(final) as temporary:
        temporary.write_bytes(b"new")
        assert final.read_bytes() == b"old"
    assert final.read_bytes() == b"new" and sorted(tmp_path.iterdir()) == [final]
