"""Keep the English catalogue in step with the window's code.

    python scripts/i18n_update.py            update resources/i18n/en/*.ts
    python scripts/i18n_update.py --check    change nothing; exit 1 when a text of the
                                             window has no English or the file is stale
    python scripts/i18n_update.py --compile  also compile it to ledger_app_en.qm
    python scripts/i18n_update.py --compile-only   only compile (scripts/setup.sh, build.sh)

It reads ``src/ledger_app/ui`` with Python's own parser (not pyside6-lupdate, which
does not know our one-context ``tr()`` function): every string literal passed to
``tr()`` or ``tr_noop()`` is a text of the catalogue. Translations already in the file
are kept; new texts are added unfinished (the check fails until someone writes them);
texts the code no longer has are dropped. It also lists Chinese literals in the window's
code that do not go through ``tr()``: a line may opt out with the comment ``# i18n: data``
(a value the window stores or compares, not words it shows).

``tests/test_i18n.py`` runs the same checks, so CI fails on a text without English.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "ledger_app" / "ui"
# One .ts per module of ui (en/home_page.ts for ui/home_page.py): a translator, or two
# people changing two windows, each touch their own file; lrelease joins them in one .qm.
CATALOGUE = ROOT / "resources" / "i18n" / "en"
COMPILED = ROOT / "resources" / "i18n" / "ledger_app_en.qm"
CONTEXT = "ledger_app"
MARK_FUNCTIONS = {"tr", "tr_noop"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}  # the log is English
OPT_OUT = "# i18n: data"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# Typography the Chinese UI font draws full-width and centred, odd in English ("Print···").
WIDE_PUNCTUATION = re.compile("[\u2026\u2018\u2019\u201c\u201d]")


@dataclass(frozen=True)
class Literal:
    text: str
    file: str  # relative to the checkout
    line: int


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def scan(folder: Path = UI) -> tuple[list[Literal], list[Literal]]:
    """(texts marked for the catalogue, Chinese literals not marked) in ``folder``."""
    marked: list[Literal] = []
    unmarked: list[Literal] = []
    for path in _python_files(folder):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        base = ROOT if path.is_relative_to(ROOT) else folder
        rel = path.relative_to(base).as_posix()
        inside: set[int] = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in MARK_FUNCTIONS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    marked.append(Literal(first.value, rel, first.lineno))
                    inside.add(id(first))
            elif isinstance(node, ast.Call) and _called_name(node) in LOG_METHODS:
                inside.update(id(n) for arg in node.args for n in ast.walk(arg))
        for node in ast.walk(tree):  # parents before children: an f-string claims its parts
            text = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in inside:
                    continue
                text = node.value
            elif isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values
                               if isinstance(v, ast.Constant) and isinstance(v.value, str))
                for v in node.values:
                    inside.add(id(v))
            if text is None or not CJK.search(text):
                continue
            if OPT_OUT in lines[node.lineno - 1]:
                continue
            unmarked.append(Literal(text, rel, node.lineno))
    return marked, unmarked


def read_catalogue(folder: Path = CATALOGUE) -> dict[str, str | None]:
    """source → English (None when unfinished) from every .ts file in ``folder``."""
    found: dict[str, str | None] = {}
    for path in sorted(folder.glob("*.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            done = (translation is not None and translation.get("type") != "unfinished"
                    and bool(translation.text))
            if done and translation is not None:
                found[source] = translation.text
            else:
                found.setdefault(source, None)
    return found


def conflicting_translations(folder: Path = CATALOGUE) -> list[str]:
    """Texts given different English in two modules' files (one context: one meaning)."""
    seen: dict[str, tuple[str, str]] = {}
    found = []
    for path in sorted(folder.glob("*.ts")):
        for message in ET.parse(path).getroot().iter("message"):
            english = message.findtext("translation")
            if not english:
                continue
            source = message.findtext("source") or ""
            if source in seen and seen[source][0] != english:
                found.append(f"{source!r}: {seen[source][1]} says {seen[source][0]!r}, "
                             f"{path.name} says {english!r}")
            seen.setdefault(source, (english, path.name))
    return found


def render_catalogues(marked: list[Literal], known: dict[str, str | None]) -> dict[str, str]:
    """The text of each module's .ts file, by file name."""
    by_module: dict[str, list[Literal]] = {}
    for literal in marked:
        by_module.setdefault(Path(literal.file).stem + ".ts", []).append(literal)
    return {name: render_catalogue(literals, known) for name, literals in sorted(by_module.items())}


def write_catalogues(texts: dict[str, str], folder: Path = CATALOGUE) -> bool:
    """Write what changed, drop the files of modules with no texts; True when anything did."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = False
    for path in folder.glob("*.ts"):
        if path.name not in texts:
            path.unlink()
            changed = True
    for name, text in texts.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed = True
    return changed


def stale_catalogues(texts: dict[str, str], folder: Path = CATALOGUE) -> list[str]:
    current = {p.name for p in folder.glob("*.ts")}
    return sorted({n for n in current if n not in texts}
                  | {n for n, t in texts.items()
                     if n not in current or (folder / n).read_text(encoding="utf-8") != t})


def render_catalogue(marked: list[Literal], known: dict[str, str | None]) -> str:
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    seen: dict[str, Literal] = {}
    for literal in marked:
        seen.setdefault(literal.text, literal)
    for text, literal in sorted(seen.items(), key=lambda kv: (kv[1].file, kv[1].line)):
        message = ET.SubElement(context, "message")
        if literal.file:
            ET.SubElement(message, "location", filename="../../" + literal.file)
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        english = known.get(text)
        if english:
            translation.text = english
        else:
            translation.set("type", "unfinished")
    ET.indent(root, space="    ")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def problems(marked: list[Literal], unmarked: list[Literal],
             known: dict[str, str | None]) -> list[str]:
    """Everything that keeps the English window from being whole, one line each."""
    found = [f"{u.file}:{u.line}: Chinese text not through tr(): {u.text!r}" for u in unmarked]
    for literal in {m.text: m for m in marked}.values():
        english = known.get(literal.text)
        where = f"{literal.file}:{literal.line}"
        if not english:
            found.append(f"{where}: no English for {literal.text!r}")
            continue
        if CJK.search(english):
            found.append(f"{where}: the English of {literal.text!r} holds Chinese: {english!r}")
        if WIDE_PUNCTUATION.search(english):
            found.append(f"{where}: the English of {literal.text!r} has … or curly quotes, which "
                         f"the Chinese UI font draws full-width (Print···): write ... and "
                         f"straight quotes: {english!r}")
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(literal.text)):
            found.append(f"{where}: placeholders differ: {literal.text!r} → {english!r}")
    return found


def compile_catalogue(folder: Path = CATALOGUE, qm: Path = COMPILED) -> Path:
    """The modules' files joined into one (a text shared by two windows once) and
    compiled with lrelease: the .qm the program loads."""
    known = {source: english for source, english in read_catalogue(folder).items() if english}
    literals = [Literal(source, "", 0) for source in known]
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    with tempfile.TemporaryDirectory() as scratch:
        joined = Path(scratch) / "ledger_app_en.ts"
        joined.write_text(render_catalogue(literals, known), encoding="utf-8")
        subprocess.run([str(lrelease), "-silent", str(joined), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--compile", action="store_true")
    parser.add_argument("--compile-only", action="store_true",
                        help="compile the catalogue as it is (setup and build): change no .ts")
    args = parser.parse_args(argv)
    if args.compile_only:
        compile_catalogue()
        return 0
    marked, unmarked = scan()
    known = read_catalogue()
    texts = render_catalogues(marked, known)
    found = problems(marked, unmarked, known)
    if args.check:
        found += conflicting_translations()
        found += [f"resources/i18n/en/{name} is stale: run scripts/i18n_update.py"
                  for name in stale_catalogues(texts)]
        print("\n".join(found) or f"{len({m.text for m in marked})} texts, all in English")
        return 1 if found else 0
    write_catalogues(texts)
    print(f"{len({m.text for m in marked})} texts; {len(found)} problems")
    print("\n".join(found[:50]))
    if args.compile:
        print(compile_catalogue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
