"""``ledger-app``: open the window, or do a job without one.

Without a subcommand the window opens (on PATH if given, on a fresh demo ledger
with ``--demo``). Each subcommand lives in its own module with a ``register``
function adding its parser; ``COMMANDS`` below is the whole command surface.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ledger_app import __version__
from ledger_app.cli import (
    cmd_archive,
    cmd_audit,
    cmd_backup,
    cmd_check,
    cmd_demo,
    cmd_dues,
    cmd_info,
    cmd_new,
    cmd_print,
    cmd_xlsx,
)

# The whole command surface, imported plainly: a command whose module is broken fails at
# start with its traceback instead of quietly disappearing from the list. The modules import
# their heavy dependencies inside ``run``, so building the parser stays cheap.
COMMANDS = (cmd_new, cmd_demo, cmd_info, cmd_check, cmd_dues, cmd_print, cmd_xlsx, cmd_archive,
            cmd_backup, cmd_audit)


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    parser = argparse.ArgumentParser(
        prog="ledger-app", description="基层台账：党支部、关工委、工会的台账管理（离线）。",
        usage="%(prog)s [--demo] [LEDGER] | %(prog)s COMMAND ...")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="新建一份演示台账并在窗口中打开")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="ledger-app")
    for module in COMMANDS:
        module.register(sub)
    return parser, set(sub.choices)


def _looks_like_ledger(word: str) -> bool:
    """An existing file, or a name the user means as a ledger file (*.ledger)."""
    from pathlib import Path

    return Path(word).exists() or word.lower().endswith(".ledger")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, known = build_parser()
    # "ledger-app FILE.ledger" opens a file; only known names are subcommands. A first
    # word that is neither (a mistyped command) must not open the window on a new file.
    if argv and not argv[0].startswith("-") and argv[0] not in known:
        if not _looks_like_ledger(argv[0]):
            print(f"错误：“{argv[0]}”既不是命令，也不是已有的台账文件。\n可用的命令："
                  f"{'、'.join(sorted(known))}\n用 ledger-app --help 查看说明。", file=sys.stderr)
            return 2
        args = argparse.Namespace(command=None, demo=False, ledger=argv[0])
    else:
        args = parser.parse_args(argv)
        args.ledger = None
    if args.command is None:
        from ledger_app.ui.app import run_app

        return run_app(ledger_path=args.ledger, demo=args.demo)
    from ledger_app.forms.loader import DeclarationError
    from ledger_app.forms.packs import PackNotInstalled
    from ledger_app.store.errors import LedgerError

    try:
        return int(args.run(args) or 0)
    except (LedgerError, PackNotInstalled) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except DeclarationError as exc:
        print(f"错误：台账定义文件有误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
