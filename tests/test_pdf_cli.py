"""``ledger-app print ...`` as a user runs it: a separate process, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_pdf_sample import sample_path


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory) -> Path:
    return sample_path(tmp_path_factory.mktemp("cli"), members=12, meetings=2, photos=0)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")
    return subprocess.run([sys.executable, "-m", "ledger_app", "print", *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=120)


def test_every_product_from_the_command_line(ledger_file: Path, tmp_path: Path) -> None:
    from ledger_app.store import Ledger

    with Ledger.open(ledger_file, readonly=True) as ledger:
        meeting = ledger.records.ids("meeting")[0]
    jobs = {
        "cover": ["--year", "2025", "--category", "team"],
        "labels": ["--year", "2025", "--spine", "55"],
        "table": ["--type", "roster", "--unmasked"],
        "record": ["--record", str(meeting)],
        "signin": ["--record", str(meeting)],
        "dues": ["--year", "2025"],
        "binder": ["--year", "2025", "--category", "基本活动"],
    }
    for product, extra in jobs.items():
        out = tmp_path / f"{product}.pdf"
        done = run(product, str(ledger_file), *extra, "-o", str(out), cwd=tmp_path)
        assert done.returncode == 0, (product, done.stderr)
        assert "已保存" in done.stdout and "注意" not in done.stderr
        reader = PdfReader(out)
        assert len(reader.pages) >= 1
        assert (reader.pages[0].extract_text() or "").strip()


def test_clear_chinese_errors(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    done = run("table", str(ledger_file), "--type", "nope", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2
    assert "没有名为 'nope' 的记录类型" in done.stderr and "roster（党员名册）" in done.stderr
    done = run("cover", str(ledger_file), "--category", "无此类", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "team（基本队伍）" in done.stderr
    done = run("record", str(ledger_file), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "需要 --record" in done.stderr and "2025-03-15" in done.stderr
    done = run("signin", str(ledger_file), "--record", "99999", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "找不到编号为 99999 的记录" in done.stderr
    done = run("labels", str(ledger_file), "--spine", "300", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 2 and "盒脊宽度" in done.stderr
    done = run("table", str(tmp_path / "无.ledger"), "--type", "roster", "-o", str(out),
               cwd=tmp_path)
    assert done.returncode == 2 and "找不到台账文件" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_a_year_without_records_is_pointed_out(ledger_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "binder.pdf"
    done = run("binder", str(ledger_file), "--year", "2052", "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0 and out.exists()        # made, as asked, but ...
    assert "注意：台账中没有 2052 年度的记录（有记录的年度：2025" in done.stderr
