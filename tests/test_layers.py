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
