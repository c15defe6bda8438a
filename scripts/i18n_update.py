"""Keep the English catalogue in step with the window's code.

    python scripts/i18n_update.py            update resources/i18n/ledger_app_en.ts
    python scripts/i18n_update.py --check    change nothing; exit 1 when a text of the
                                             window has no English or the file is stale
    python scripts/i18n_update.py --compile  also compile it to ledger_app_en.qm

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
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "ledger_app" / "ui"
CATALOGUE = ROOT / "resources" / "i18n" / "ledger_app_en.ts"
CONTEXT = "ledger_app"
MARK_FUNCTIONS = {"tr", "tr_noop"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}  # the log is English
OPT_OUT = "# i18n: data"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


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


def read_catalogue(path: Path = CATALOGUE) -> dict[str, str | None]:
    """source → English (None when unfinished) from a .ts file."""
    if not path.exists():
        return {}
    found: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        done = (translation is not None and translation.get("type") != "unfinished"
                and bool(translation.text))
        found[source] = translation.text if done and translation is not None else None
    return found


def render_catalogue(marked: list[Literal], known: dict[str, str | None]) -> str:
    root = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="zh_CN")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    seen: dict[str, Literal] = {}
    for literal in marked:
        seen.setdefault(literal.text, literal)
    for text, literal in sorted(seen.items(), key=lambda kv: (kv[1].file, kv[1].line)):
        message = ET.SubElement(context, "message")
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
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(literal.text)):
            found.append(f"{where}: placeholders differ: {literal.text!r} → {english!r}")
    return found


def compile_catalogue(ts: Path = CATALOGUE) -> Path:
    qm = ts.with_suffix(".qm")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--compile", action="store_true")
    args = parser.parse_args(argv)
    marked, unmarked = scan()
    known = read_catalogue()
    text = render_catalogue(marked, known)
    current = CATALOGUE.read_text(encoding="utf-8") if CATALOGUE.exists() else ""
    found = problems(marked, unmarked, known)
    if args.check:
        if text != current:
            found.append(f"{CATALOGUE.relative_to(ROOT)} is stale: run scripts/i18n_update.py")
        print("\n".join(found) or f"{len({m.text for m in marked})} texts, all in English")
        return 1 if found else 0
    if text != current:
        CATALOGUE.write_text(text, encoding="utf-8")
    print(f"{len({m.text for m in marked})} texts; {len(found)} problems")
    print("\n".join(found[:50]))
    if args.compile:
        print(compile_catalogue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
