"""Every subcommand answers ``--help`` in Chinese without touching a ledger: its module
imports, its parser builds, and its options are described."""

from __future__ import annotations

import re

import pytest

from ledger_app.cli.main import build_parser, main

COMMANDS = sorted(build_parser()[1])


def test_the_command_surface_is_all_there():
    assert {"new", "demo", "info", "check", "print", "export-xlsx", "template-xlsx",
            "import-xlsx", "archive", "verify"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_subcommand_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: ledger-app {command}")
    assert re.search(r"[\u4e00-\u9fff]", out), "help has no Chinese"
