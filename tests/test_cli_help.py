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


def test_new_names_each_kind_s_own_words(capsys):
    """``new --help`` says what --parent, --secretary and --groups are called in each kind
    of ledger (the words the window's new-ledger form shows for it)."""
    from ledger_app.forms.packs import installed_pack, installed_packs

    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = re.sub(r"\s+", "", capsys.readouterr().out)
    for key in installed_packs():
        for label in dict(installed_pack(key).org_labels).values():
            assert label in out, (key, label)
    with pytest.raises(SystemExit):
        main(["print", "--help"])
    assert "关工委、工会的台账默认不印徽标" in re.sub(r"\s+", "", capsys.readouterr().out)
