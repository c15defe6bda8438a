"""Chinese fonts for printing: the system's 仿宋/宋体/黑体/楷体 when present, else the bundled ones.

reportlab embeds only TrueType-outline fonts (``.ttf`` and ``.ttc`` whose faces are
``glyf`` based); OpenType-CFF fonts such as Noto Serif CJK are refused, so every
candidate is checked before use. Every font is embedded as a subset.

Text is printed in a *role* (``serif`` body text, ``fang`` 仿宋, ``sans`` headings,
``kai``, ``title`` 小标宋 for a document's title). A character the role's font lacks is drawn
with the first other font that has it, so a rare name character never turns into an empty box.
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ledger_app.resources import resource_path

ROLES = ("serif", "fang", "sans", "kai", "title")

# Bundled fonts: always present, so a machine without Chinese fonts still prints.
BUNDLED = {
    "serif": ("ar-pl-uming.ttc", 0),     # AR PL UMing CN: a 宋体-style face
    "sans": ("wqy-microhei.ttc", 0),     # WenQuanYi Micro Hei: a 黑体-style face
}

# System fonts worth preferring, per role, by file name (Windows names first; the same
# files are often copied onto Linux machines). (file name, subfont index in a .ttc)
SYSTEM_CANDIDATES = {
    "fang": [("simfang.ttf", 0), ("STFANGSO.TTF", 0), ("fangsong.ttf", 0)],
    "serif": [("simsun.ttc", 0), ("simsun.ttf", 0), ("STSONG.TTF", 0), ("uming.ttc", 0)],
    "sans": [("simhei.ttf", 0), ("msyh.ttf", 0), ("wqy-microhei.ttc", 0),
             ("wqy-zenhei.ttc", 0), ("DroidSansFallbackFull.ttf", 0)],
    "kai": [("simkai.ttf", 0), ("STKAITI.TTF", 0), ("ukai.ttc", 0)],
    # 公文 titles are set in 小标宋 (GB/T 9704-2012 §7.3.3); 华文中宋 is the usual stand-in.
    "title": [("FZXBSJW.TTF", 0), ("FZXBSK.TTF", 0), ("方正小标宋简体.ttf", 0),
              ("方正小标宋_GBK.ttf", 0), ("STZHONGS.TTF", 0)],
}
# A system font takes a role only if it also has the digits, Latin letters and the
# punctuation every printout sets in that role: Droid Sans Fallback (on many Linux and
# Kylin machines) has CJK only, and a title's year and page numbers printed invisible.
REQUIRED_TEXT = "0123456789ABCXYZabcxyz-/:.,（）：、，。《》第页共"

# Last resort for characters outside the common planes (SimSun-ExtB on Windows).
EXTRA_FALLBACKS = [("simsunb.ttf", 0)]

# When a role has no font of its own it borrows one of these (in order).
ROLE_FALLBACK = {"fang": ("serif",), "kai": ("fang", "serif"), "serif": ("fang",),
                 "sans": (), "title": ("sans",)}


def font_dirs() -> list[Path]:
    home = Path.home()
    dirs = []
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path("/System/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 home / ".local/share/fonts", home / ".fonts"]
    return [d for d in dirs if d.is_dir()]


def _index_font_files() -> dict[str, Path]:
    """Lower-cased file name -> path, over the system font folders (first found wins)."""
    found: dict[str, Path] = {}
    for root in font_dirs():
        for folder, _dirs, files in os.walk(root):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(name.lower(), Path(folder) / name)
    return found


def is_truetype_outline(path: Path, subfont: int = 0) -> bool:
    """True for glyf-outline TrueType (what reportlab can embed); False for CFF/OTF."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            if head[:4] == b"ttcf":
                count = struct.unpack(">I", head[8:12])[0]
                if subfont >= count:
                    return False
                fh.seek(12 + 4 * subfont)
                offset = struct.unpack(">I", fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(4)
            return head[:4] in (b"\x00\x01\x00\x00", b"true")
    except (OSError, struct.error):
        return False


@dataclass
class LoadedFont:
    name: str                  # the name registered with reportlab
    path: Path
    subfont: int
    bundled: bool
    coverage: frozenset[int] = field(default_factory=frozenset, repr=False)

    def covers(self, text: str) -> bool:
        return self.coverage.issuperset(map(ord, text))


class FontSet:
    """The fonts of one run: a font per role plus the fallback chain for missing glyphs."""

    def __init__(self, by_role: dict[str, LoadedFont], extras: list[LoadedFont]):
        self.by_role = by_role
        self.extras = extras
        chain: list[LoadedFont] = []
        for f in [*by_role.values(), *extras]:
            if f.name not in {c.name for c in chain}:
                chain.append(f)
        self.chain = chain
        self._char_widths: dict[str, CharWidths] = {}

    def name(self, role: str) -> str:
        return self.by_role[role].name

    def runs(self, text: str, role: str = "serif") -> list[tuple[str, str]]:
        """Split ``text`` into (font name, text) runs, each drawable without missing glyphs."""
        primary = self.by_role[role]
        if text.isascii() or primary.covers(text):
            return [(primary.name, text)]
        runs: list[tuple[str, str]] = []
        for ch in text:
            font = primary
            code = ord(ch)
            if code not in primary.coverage and not ch.isspace():
                font = next((f for f in self.chain if code in f.coverage), primary)
            if runs and runs[-1][0] == font.name:
                runs[-1] = (font.name, runs[-1][1] + ch)
            else:
                runs.append((font.name, ch))
        return runs

    def markup(self, text: str, role: str = "serif") -> str:
        """Paragraph markup of ``text`` (escaped) with <font> tags where a fallback is needed."""
        from xml.sax.saxutils import escape

        runs = self.runs(text, role)
        primary = self.by_role[role].name
        return "".join(escape(t) if f == primary else f'<font face="{f}">{escape(t)}</font>'
                       for f, t in runs)

    def missing(self, text: str) -> set[str]:
        """Characters no loaded font can draw (they would print as empty boxes)."""
        return {ch for ch in text if not ch.isspace() and ch.isprintable()
                and not any(ord(ch) in f.coverage for f in self.chain)}

    def char_widths(self, role: str) -> CharWidths:
        """Each character's advance in the role's font (thousandths of an em), taken from
        the fallback font that will draw it when the role's font lacks it."""
        cache = self._char_widths.get(role)
        if cache is None:
            cache = self._char_widths[role] = CharWidths(self, role)
        return cache

    def width(self, text: str, role: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(t, f, size) for f, t in self.runs(text, role))

    def describe(self) -> dict[str, str]:
        return {role: f"{f.path.name}{'（随程序提供）' if f.bundled else ''}"
                for role, f in self.by_role.items()}


class CharWidths(dict):
    """char -> advance (1/1000 em), filled on first use; what the line breaker sums."""

    def __init__(self, fs: FontSet, role: str):
        super().__init__()
        self.fs, self.role = fs, role

    def __missing__(self, ch: str) -> float:
        font = self.fs.by_role[self.role]
        code = ord(ch)
        if code not in font.coverage and not ch.isspace():
            font = next((f for f in self.fs.chain if code in f.coverage), font)
        face = pdfmetrics.getFont(font.name).face
        width = float(face.charWidths.get(code, face.defaultWidth))
        self[ch] = width
        return width


_lock = threading.Lock()
_loaded: dict[tuple[str, int, int], LoadedFont] = {}
_fontset: FontSet | None = None


def _load(path: Path, subfont: int, bundled: bool) -> LoadedFont | None:
    try:
        # The same file installed twice (bundled and system, under other names) is loaded
        # once: parsing a CJK font costs a noticeable part of a second.
        with open(path, "rb") as fh:
            head = hashlib.sha1(fh.read(65536)).hexdigest()
        key = (head, path.stat().st_size, subfont)
    except OSError:
        return None
    if key in _loaded:
        return _loaded[key]
    if not is_truetype_outline(path, subfont):
        return None
    stem = "".join(ch for ch in path.stem if ch.isalnum())
    name = f"L{stem}{subfont}"
    try:
        font = TTFont(name, str(path), subfontIndex=subfont)
    except Exception:
        return None
    pdfmetrics.registerFont(font)
    loaded = LoadedFont(name, path, subfont, bundled, frozenset(font.face.charToGlyph))
    _loaded[key] = loaded
    return loaded


def fonts(use_system: bool | None = None) -> FontSet:
    """The process-wide FontSet (loaded once). ``LEDGER_APP_PRINT_FONTS=bundled`` skips
    system fonts (reproducible output, tests)."""
    global _fontset
    with _lock:
        if _fontset is not None and use_system is None:
            return _fontset
        if use_system is None:
            use_system = os.environ.get("LEDGER_APP_PRINT_FONTS", "") != "bundled"
        system = _index_font_files() if use_system else {}
        by_role: dict[str, LoadedFont] = {}
        for role, (file_name, sub) in BUNDLED.items():
            loaded = _load(resource_path("fonts", file_name), sub, bundled=True)
            if loaded is None:
                raise RuntimeError(f"bundled font {file_name} cannot be loaded")
            by_role[role] = loaded
        bundled = dict(by_role)
        for role in ROLES:
            for file_name, sub in SYSTEM_CANDIDATES[role]:
                path = system.get(file_name.lower())
                if path is None:
                    continue
                loaded = _load(path, sub, bundled=False)
                if loaded is not None and loaded.covers(REQUIRED_TEXT):
                    by_role[role] = loaded
                    break
        for role in ROLES:
            if role not in by_role:
                borrowed = next((by_role[r] for r in ROLE_FALLBACK[role] if r in by_role),
                                by_role["serif"])
                by_role[role] = borrowed
        extras = [f for f in bundled.values()]
        for file_name, sub in EXTRA_FALLBACKS:
            path = system.get(file_name.lower())
            loaded = _load(path, sub, bundled=False) if path else None
            if loaded is not None:
                extras.append(loaded)
        result = FontSet(by_role, extras)
        if use_system == (os.environ.get("LEDGER_APP_PRINT_FONTS", "") != "bundled"):
            _fontset = result
        return result
