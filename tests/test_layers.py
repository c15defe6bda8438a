"""Only the ui package may import Qt: everything else runs headless."""

import subprocess
import sys

CODE = r"""
import importlib, sys
from pathlib import Path
import ledger_app
root = Path(ledger_app.__file__).parent
for path in sorted(root.rglob("*.py")):
    parts = path.relative_to(root.parent).with_suffix("").parts
    if parts[1:2] == ("ui",) or parts[-1] == "__main__":
        continue
    name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
    importlib.import_module(name)
print(",".join(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
"""


def test_core_layers_never_load_qt():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_the_check_would_see_qt():
    code = CODE.replace('parts[1:2] == ("ui",)', "False")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ})
    assert "PySide6" in result.stdout


# All SQL lives in ``store``: no other module opens SQLite or runs a statement, and no
# module anywhere picks code by a module-name string (issue 14).
SQL_CALLS = {"execute", "executemany", "executescript", "query"}   # query: Ledger.query


def layer_problems(path, in_store):
    """What ``path`` (a module's source) does that its layer may not."""
    import ast

    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        for name in names:
            if not in_store and name.split(".")[0] == "sqlite3":
                problems.append(f"{where} imports sqlite3")
            if name.split(".")[0] == "importlib":
                problems.append(f"{where} imports importlib")
        if isinstance(node, ast.Call):
            func = node.func
            attr = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if attr in ("import_module", "__import__"):
                problems.append(f"{where} imports a module by name")
            if not in_store and attr in SQL_CALLS:
                problems.append(f"{where} runs SQL (.{attr})")
    return sorted(problems, key=lambda p: int(p.split(":")[1].split()[0]))


def test_sql_lives_only_in_store():
    from pathlib import Path

    import ledger_app

    root = Path(ledger_app.__file__).parent
    problems = []
    for path in sorted(root.rglob("*.py")):
        in_store = path.relative_to(root).parts[0] == "store"
        problems += [f"{path.relative_to(root)}: {p}" for p in layer_problems(path, in_store)]
    assert problems == []


def test_the_sql_check_would_see_sql(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import sqlite3\n"
        "from sqlite3 import Connection\n"
        "import importlib\n"
        "def f(conn, ledger):\n"
        "    conn.execute('PRAGMA user_version')\n"
        "    conn.executemany('INSERT INTO t VALUES (?)', [])\n"
        "    conn.executescript('')\n"
        "    ledger.query('SELECT 1')\n"
        "    return importlib.import_module('ledger_app.demo.ggw')\n", encoding="utf-8")
    assert layer_problems(sample, in_store=False) == [
        "sample.py:1 imports sqlite3", "sample.py:2 imports sqlite3",
        "sample.py:3 imports importlib", "sample.py:5 runs SQL (.execute)",
        "sample.py:6 runs SQL (.executemany)", "sample.py:7 runs SQL (.executescript)",
        "sample.py:8 runs SQL (.query)", "sample.py:9 imports a module by name"]
    # In store the same SQL is at home; a module picked by name is not.
    assert layer_problems(sample, in_store=True) == [
        "sample.py:3 imports importlib", "sample.py:9 imports a module by name"]
