#!/usr/bin/env bash
# Set up Grassroots Ledger in ./.venv on a fresh Debian/Ubuntu (or Kylin/UOS) machine.
#   bash scripts/setup.sh          program only
#   bash scripts/setup.sh --test   program, test tools and the command-line tools tests read PDFs,
#                                  zips, workbooks and index.html with (pdffonts, pdftoppm, 7z,
#                                  bsdtar, unzip, LibreOffice, Chromium); PyInstaller, NSIS and
#                                  binutils for the slow tests that build the packages
# Installs only the system packages that are missing, and only where it may (root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
[[ "${1:-}" == "--test" ]] && with_tests=1

# Qt's libraries need these from the system even on the offscreen platform.
packages=(libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0)
if (( with_tests )); then
  # Chromium opens the archive's index.html and LibreOffice reads exported workbooks in the
  # tests: a test that CI skips checks nothing, so they are installed here, not assumed.
  packages+=(poppler-utils p7zip-full libarchive-tools unzip zip chromium libreoffice-calc-nogui)
  # The slow tests build the frozen program (PyInstaller reads binaries with binutils), make
  # and install the .deb (dpkg-deb, desktop-file-validate) and compile the Windows installer.
  packages+=(binutils nsis desktop-file-utils)
fi

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if (( ${#missing[@]} )); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
    if [[ $(id -u) -eq 0 || -n "$sudo" ]]; then
      echo "安装系统组件: ${missing[*]}"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
    else
      echo "提示：缺少系统组件 ${missing[*]}，请让管理员安装。" >&2
    fi
  fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if (( with_tests )); then
  .venv/bin/python -m pip install -q -e ".[test,build]"
else
  .venv/bin/python -m pip install -q -e .
fi

# The window's English catalogue (视图 → 界面语言), compiled from its source.
.venv/bin/python scripts/i18n_update.py --compile-only
