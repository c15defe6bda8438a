"""Lint is part of the suite, so `.ci/run` (README's second command) runs it: ruff over the
code, tests, benchmarks and scripts, and mypy over the whole package, the window
(ledger_app.ui) included. Both read their settings from pyproject.toml; a failure shows
the tools' own report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ledger_app"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # The tools installed beside this Python (the test extras of pyproject.toml).
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True)


def test_ruff_finds_nothing() -> None:
    done = run("ruff", "check", "--no-cache", "src", "tests", "benchmarks", "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_the_package() -> None:
    modules = sorted(str(p.relative_to(ROOT / "src")) for p in PACKAGE.rglob("*.py"))
    assert {"ledger_app/store/ledger.py", "ledger_app/ui/main_window.py"} <= set(modules)
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file",
                           str(ROOT / "pyproject.toml"), "--no-incremental",
                           "--cache-dir", "/dev/null", *modules],
                          cwd=ROOT / "src", capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
