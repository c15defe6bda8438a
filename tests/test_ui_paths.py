"""Portable mode: a `portable` file beside the program keeps settings, recent files and
logs beside it, and recent ledgers on the stick are found again after it moves."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ledger_app.ui import paths


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Path:
    """A frozen program in 基层台账/ on a 'stick' folder, without LEDGER_APP_HOME."""
    program = tmp_path / "U盘" / "基层台账"
    program.mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "ledger-app"))
    monkeypatch.delenv("LEDGER_APP_HOME")
    return program


def test_without_marker_nothing_is_written_beside_the_program(stick: Path) -> None:
    assert paths.portable_home() is None
    home = paths.app_home()
    assert stick not in home.parents
    paths.add_recent(stick.parent / "台账" / "a.ledger")
    assert not (stick / paths.PORTABLE_DATA).exists()


def test_marker_keeps_settings_logs_and_recent_files_beside_the_program(stick: Path) -> None:
    (stick / "portable").write_text("", encoding="utf-8")
    data = stick / "data"
    assert paths.app_home() == data
    assert paths.log_dir() == data / "logs" and (data / "logs").is_dir()
    assert paths.demo_dir().parent == data
    assert Path(paths.settings().fileName()) == data / "settings.ini"

    ledger = stick.parent / "台账" / "2025年.ledger"
    ledger.parent.mkdir()
    ledger.write_bytes(b"")
    paths.add_recent(ledger)
    # written relative to the program, so another drive letter still finds it
    assert paths.settings().value("recent_files") in (["../台账/2025年.ledger"],
                                                      "../台账/2025年.ledger")
    assert paths.recent_files() == [str(ledger.resolve())]


def test_recent_ledgers_follow_the_stick_when_it_moves(stick: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    (stick / "portable").write_text("", encoding="utf-8")
    ledger = stick.parent / "台账" / "2025年.ledger"
    ledger.parent.mkdir()
    ledger.write_bytes(b"")
    paths.add_recent(ledger)
    moved = stick.parent.rename(stick.parent.with_name("另一个盘符"))
    monkeypatch.setattr(sys, "executable", str(moved / "基层台账" / "ledger-app"))
    assert paths.recent_files() == [str((moved / "台账" / "2025年.ledger").resolve())]
    paths.remove_recent(moved / "台账" / "2025年.ledger")
    assert paths.recent_files() == []
