#!/usr/bin/env bash
# Build the frozen program: dist/ledger-app/ledger-app (Windows: ledger-app.exe and
# ledger-app-cli.exe), one folder to copy, zip or package. Works on a fresh clone:
#   bash scripts/build.sh
# Uses ./.venv (made by scripts/setup.sh when missing) and adds PyInstaller to it.
# Prints the build's size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

[[ -x .venv/bin/python ]] || bash scripts/setup.sh
py=.venv/bin/python
$py -c "import PyInstaller" 2>/dev/null || $py -m pip install -q -e ".[build]"

# The icon is drawn by the program itself; the packages need it as files.
QT_QPA_PLATFORM=offscreen $py scripts/make_icons.py build/icons >/dev/null
# Our supplement to Qt's Chinese catalogue, compiled from its source.
.venv/bin/pyside6-lrelease -silent resources/i18n/qt_supplement_zh_CN.ts \
  -qm resources/i18n/qt_supplement_zh_CN.qm
# The window's English catalogue (视图 → 界面语言).
.venv/bin/python scripts/i18n_update.py --compile-only

rm -rf dist/ledger-app build/build_installer
$py -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build build_installer.spec

exe=dist/ledger-app/ledger-app
"$exe" --version
echo "built $exe: $(du -sh dist/ledger-app | cut -f1) in $(find dist/ledger-app -type f | wc -l) files"
