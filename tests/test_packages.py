"""The frozen program, the .deb and the Windows installer, built and run as a user gets
them (slow: a build takes minutes; `.ci/run` runs these after the suite).

The frozen program runs from a temporary folder with no PYTHONPATH: nothing is imported
from the source tree. ``LEDGER_APP_FROZEN=dist/ledger-app`` reuses a build already made.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
VERSION = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
                    re.MULTILINE).group(1)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux packages")


def clean_env(home: Path) -> dict[str, str]:
    """A user's environment: no PYTHONPATH, no virtualenv, the offscreen screen."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PYTEST"))}
    env.update(LEDGER_APP_HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    return env


@pytest.fixture(scope="module")
def frozen() -> Path:
    """dist/ledger-app built once per run (or the one LEDGER_APP_FROZEN names)."""
    reuse = os.environ.get("LEDGER_APP_FROZEN")
    if reuse:
        folder = Path(reuse) if Path(reuse).is_absolute() else ROOT / reuse
    else:
        subprocess.run(["bash", "scripts/build.sh"], cwd=ROOT, check=True, timeout=2400)
        folder = ROOT / "dist" / "ledger-app"
    exe = folder / ("ledger-app.exe" if sys.platform == "win32" else "ledger-app")
    assert exe.is_file(), f"no frozen program at {exe}"
    return exe


def run(exe: Path | str, *args: str, cwd: Path, home: Path, timeout: int = 300,
        extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = clean_env(home)
    env.update(extra or {})
    return subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def subcommands(help_text: str) -> list[str]:
    """The subcommands `ledger-app --help` lists under COMMAND."""
    block = help_text.split("COMMAND\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r"^ {4}([a-z][a-z-]*)", block, re.MULTILINE)


def test_frozen_program_runs_every_command(frozen: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(frozen, "--version", cwd=tmp_path, home=home).stdout.strip() == \
        f"ledger-app {VERSION}"
    top = run(frozen, "--help", cwd=tmp_path, home=home)
    assert top.returncode == 0 and "基层台账" in top.stdout
    commands = subcommands(top.stdout)
    assert {"new", "demo", "info", "print", "export-xlsx", "archive"} <= set(commands)
    for command in commands:
        shown = run(frozen, command, "--help", cwd=tmp_path, home=home)
        assert shown.returncode == 0, (command, shown.stderr)
        assert f"usage: ledger-app {command}" in shown.stdout

    made = run(frozen, "demo", "演示.ledger", cwd=tmp_path, home=home)
    assert made.returncode == 0, made.stderr
    info = json.loads(run(frozen, "info", "演示.ledger", "--json", cwd=tmp_path, home=home).stdout)
    assert info["organisation"]["org_type"] == "党支部"
    roster = next(t for c in info["categories"] for t in c["record_types"] if t["key"] == "roster")
    assert roster["count"] >= 30 and info["total"] > 1000

    year = str(date.today().year - 1)  # the demo keeps at least the last two years
    printed = run(frozen, "print", "binder", "演示.ledger", "--year", year, "-o", "装订册.pdf",
                  cwd=tmp_path, home=home)
    assert printed.returncode == 0, printed.stderr
    pdf = (tmp_path / "装订册.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 200_000
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(tmp_path / "装订册.pdf")], capture_output=True,
                               text=True).stdout
        assert "yes" in fonts  # the bundled Chinese fonts are embedded


def test_frozen_window_opens_the_demo(frozen: Path, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    shown = run(frozen, "--demo", cwd=tmp_path, home=tmp_path / "home", timeout=400,
                extra={"LEDGER_APP_SCREENSHOT": str(shot)})
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert "window shown after" in shown.stdout
    assert "menus: 文件(F) 记录(R) 输出(O) 视图(V) 帮助(H)" in shown.stdout
    assert shot.stat().st_size > 30_000  # a window with a filled table, not a blank one
    assert list((tmp_path / "home" / "演示台账").glob("*.ledger"))


def test_frozen_window_speaks_english_when_chosen(frozen: Path, tmp_path: Path) -> None:
    """The English catalogue is compiled into the build and found by the frozen program."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    shown = run(frozen, "--demo", cwd=tmp_path, home=home, timeout=400,
                extra={"LEDGER_APP_SCREENSHOT": str(tmp_path / "window.png")})
    assert shown.returncode == 0, shown.stderr[-3000:]
    assert "menus: File Records Output View Help" in shown.stdout


def test_portable_marker_keeps_everything_beside_the_program(frozen: Path,
                                                             tmp_path: Path) -> None:
    stick = tmp_path / "U盘" / "基层台账"
    shutil.copytree(frozen.parent, stick, symlinks=True)
    (stick / "portable").write_text("", encoding="utf-8")
    env = clean_env(tmp_path / "unused")
    del env["LEDGER_APP_HOME"]
    env.update(HOME=str(tmp_path / "profile"), XDG_CONFIG_HOME=str(tmp_path / "profile" / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "profile" / "data"),
               LEDGER_APP_SCREENSHOT=str(tmp_path / "w.png"))
    shown = subprocess.run([str(stick / frozen.name), "--demo"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=400)
    assert shown.returncode == 0, shown.stderr[-3000:]
    data = stick / "data"
    assert (data / "logs" / "ledger-app.log").is_file()
    assert list((data / "演示台账").glob("*.ledger"))
    assert "recent_files" in (data / "settings.ini").read_text(encoding="utf-8")
    assert not (tmp_path / "profile").exists() or not any(
        p.name.startswith(("ledger-app", "GrassrootsLedger"))
        for p in (tmp_path / "profile").rglob("*"))


@linux_only
def test_deb_installs_and_runs(frozen: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    if Path(os.environ.get("LEDGER_APP_FROZEN", "dist/ledger-app")).resolve() != \
            (ROOT / "dist" / "ledger-app").resolve():
        pytest.skip("build_deb.sh packages dist/ledger-app")
    made = subprocess.run(["bash", "scripts/build_deb.sh"], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200, env={**os.environ, "DEB_COMPRESS": "gzip"})
    assert made.returncode == 0, made.stderr
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                          text=True).stdout.strip()
    deb = ROOT / "dist" / f"ledger-app_{VERSION}_{arch}.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/ledger-app/ledger-app", "./usr/share/applications/ledger-app.desktop",
                 "./usr/share/mime/packages/ledger-app.xml",
                 "./usr/share/icons/hicolor/256x256/apps/ledger-app.png"):
        assert path in listing, path
    control = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    assert re.search(r"libc6 \(>= 2\.\d+\)", control)

    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    installed = subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                                str(deb)], env=env, capture_output=True, text=True, timeout=900)
    assert installed.returncode == 0, installed.stderr
    try:
        home = tmp_path / "home"
        assert run("/usr/bin/ledger-app", "--version", cwd=tmp_path, home=home).stdout.strip() \
            == f"ledger-app {VERSION}"
        assert run("/usr/bin/ledger-app", "demo", "d.ledger", cwd=tmp_path,
                   home=home).returncode == 0
        assert run("/usr/bin/ledger-app", "info", "d.ledger", cwd=tmp_path,
                   home=home).returncode == 0
        shown = run("/usr/bin/ledger-app", "d.ledger", cwd=tmp_path, home=home,
                    extra={"LEDGER_APP_SCREENSHOT": str(tmp_path / "w.png")})
        assert shown.returncode == 0, shown.stderr[-3000:]
        if shutil.which("desktop-file-validate"):
            checked = subprocess.run(["desktop-file-validate",
                                      "/usr/share/applications/ledger-app.desktop"],
                                     capture_output=True, text=True)
            assert checked.returncode == 0, checked.stdout + checked.stderr
        # The desktop's MIME database knows *.ledger (what file managers go by to offer
        # the program for a double-click).
        mime_cache = Path("/usr/share/mime/globs2")
        if mime_cache.exists():
            assert "application/x-grassroots-ledger:*.ledger" in mime_cache.read_text()
    finally:
        subprocess.run(["dpkg", "--purge", "ledger-app"], capture_output=True, timeout=300)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (NSIS) not installed")
def test_windows_installer_script_compiles(frozen: Path, tmp_path: Path) -> None:
    """makensis compiles the installer from the build (uncompressed: a compile check)."""
    out = tmp_path / "ledger-app-installer.exe"  # "setup.exe" alone draws a shim warning
    made = subprocess.run(["makensis", "-WX", "-V2", "-DFAST", f"-DVERSION={VERSION}",
                           f"-DSOURCE_DIR={frozen.parent}", f"-DOUTFILE={out}",
                           str(ROOT / "installer" / "ledger-app.nsi")],
                          capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stdout + made.stderr
    assert out.read_bytes()[:2] == b"MZ"
