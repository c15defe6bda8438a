"""Only the ui package may import Qt: everything else runs headless."""

import subprocess
import sys


def test_core_layers_never_load_qt():
    code = (
        "import sys, ledger_app.forms.loader, ledger_app.store, ledger_app.rules.dues, "
        "ledger_app.cli.main, ledger_app.resources\n"
        "import pkgutil, importlib, ledger_app\n"
        "for m in pkgutil.walk_packages(ledger_app.__path__, 'ledger_app.'):\n"
        "    if m.name.startswith('ledger_app.ui') or m.name == 'ledger_app.__main__':\n"
        "        continue\n"
        "    importlib.import_module(m.name)\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
