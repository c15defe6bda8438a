"""``ledger-app backup | backups | restore | doctor``: the way back when something breaks.

backup LEDGER [-o FILE]     a consistent copy (into the ledger's backup folder, thinned)
backups LEDGER [--json] [--set-folder DIR]
                            the backups kept for a ledger, newest first (and where they go)
restore BACKUP -o LEDGER    put a backup in place (the current file is kept aside)
doctor LEDGER               check the file: exit 0 healthy, 1 damaged, 2 error
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份台账（默认放在台账旁的“<台账名>.备份”文件夹）")
    p.add_argument("ledger_path", type=Path, metavar="LEDGER", help="台账文件")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="备份到这个文件（不自动清理）")
    p.set_defaults(run=run_backup)

    p = sub.add_parser("backups", help="列出台账的备份（最新的在前）")
    p.add_argument("ledger_path", type=Path, metavar="LEDGER", help="台账文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供脚本使用")
    p.add_argument("--set-folder", metavar="DIR",
                   help="以后把备份放在这个文件夹（如U盘）；给空字符串则恢复为台账旁边")
    p.set_defaults(run=run_backups)

    p = sub.add_parser("restore", help="用备份恢复台账（当前文件会改名保留）")
    p.add_argument("backup_path", type=Path, metavar="BACKUP", help="备份文件")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="LEDGER",
                   help="恢复成的台账文件（已存在时先改名保留）")
    p.set_defaults(run=run_restore)

    p = sub.add_parser("doctor", help="检查台账文件是否完好（0 完好，1 有损坏，2 出错）")
    p.add_argument("ledger_path", type=Path, metavar="LEDGER", help="台账文件")
    p.set_defaults(run=run_doctor)


def run_backup(args: argparse.Namespace) -> int:
    from ledger_app.store import Ledger
    from ledger_app.store.backups import back_up

    if args.output is not None and args.output.suffix.lower() != ".ledger":
        from ledger_app.store.errors import LedgerError
        raise LedgerError(f"备份文件 {args.output.name} 应以 .ledger 结尾。")
    with Ledger.open(args.ledger_path, readonly=True) as ledger:
        made = back_up(ledger, args.output)
    print(f"已备份到 {made}（{made.stat().st_size / 1024 / 1024:.1f} MB）")
    return 0


def run_backups(args: argparse.Namespace) -> int:
    from ledger_app.store import Ledger
    from ledger_app.store.backups import SETTING, folder_for, listing

    if args.set_folder is not None:
        set_folder(args.ledger_path, args.set_folder)
    with Ledger.open(args.ledger_path, readonly=True) as ledger:
        folder = folder_for(ledger.path, ledger.setting(SETTING))
    found = listing(folder, args.ledger_path.stem)
    if args.json:
        print(json.dumps({"folder": str(folder), "backups": [
            {"path": str(b.path), "made": b.made.isoformat(timespec="seconds"), "size": b.size}
            for b in found]}, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print(f"还没有备份（备份文件夹：{folder}）。")
        return 0
    print(f"备份文件夹：{folder}")
    for b in found:
        print(f"  {b.made:%Y-%m-%d %H:%M:%S}  {b.size / 1024 / 1024:8.1f} MB  {b.path.name}")
    return 0


def set_folder(ledger_path: Path, folder: str) -> None:
    """Record the chosen backup folder in the ledger (a change: it takes the write lock)."""
    from ledger_app.store import Ledger
    from ledger_app.store.backups import choose_folder

    with Ledger.open(ledger_path) as ledger:
        choose_folder(ledger, Path(folder) if folder else None)


def run_restore(args: argparse.Namespace) -> int:
    from ledger_app.store.restore import restore

    aside = restore(args.backup_path, args.output)
    print(f"已用备份 {args.backup_path.name} 恢复台账 {args.output}。")
    if aside is not None:
        print(f"原来的台账已改名保留为 {aside}。")
    return 0


def run_doctor(args: argparse.Namespace) -> int:
    from ledger_app.store.doctor import examine

    diagnosis = examine(args.ledger_path, full=True)
    if diagnosis.healthy:
        print(f"台账 {args.ledger_path.name} 完好（已检查：{'、'.join(diagnosis.report.checked)}）。")
        return 0
    print(diagnosis.message(), file=sys.stderr)
    return 1
