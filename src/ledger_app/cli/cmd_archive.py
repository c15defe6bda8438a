"""``ledger-app archive``, ``verify`` and ``open-archive``: the inspection archive from a terminal.

    ledger-app archive LEDGER --year 2025 [--from 2025-01-01 --to 2025-06-30]
                       [--categories team activities] [--password] [--unmasked] -o OUT.zip
    ledger-app verify ARCHIVE.zip [--password] [--expect-key FINGERPRINT]
    ledger-app open-archive ARCHIVE.zip [--password]

``--password`` asks for the password without echoing it; scripts and tests set
``LEDGER_ARCHIVE_PASSWORD`` instead (used whenever it is set).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ledger_app.store.errors import LedgerError

PASSWORD_ENV = "LEDGER_ARCHIVE_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("archive", help="导出一个期间的检查档案（zip）",
                       description="导出检查档案：台账汇编、各类表格和工作簿、附件、目录页和文件清单。")
    p.add_argument("ledger_path", metavar="LEDGER", type=Path, help="台账文件")
    p.add_argument("--year", type=int, required=True, help="年度，如 2025")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="开始日期（含），如 2025-01-01")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="结束日期（含），如 2025-06-30")
    p.add_argument("--categories", nargs="+", metavar="CATEGORY",
                   help="只导出这些类别：team activities venue rules funding，或 基本队伍 等")
    p.add_argument("--password", action="store_true",
                   help=f"设置密码（AES-256 加密）；会提示输入，或取环境变量 {PASSWORD_ENV}")
    p.add_argument("--unmasked", action="store_true",
                   help="不隐藏身份证号和电话号码（默认只显示部分号码）")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出的 zip 文件")
    p.set_defaults(run=run_archive)

    v = sub.add_parser("verify", help="按清单校验检查档案是否完整、未被改动")
    v.add_argument("archive", type=Path, help="检查档案（zip）")
    v.add_argument("--password", action="store_true", help="档案有密码时使用")
    v.add_argument("--expect-key", metavar="FINGERPRINT",
                   help="要求签名密钥的指纹是这个（移交单、备考表上印的指纹），不符即不通过")
    v.set_defaults(run=run_verify)

    o = sub.add_parser("open-archive", help="以只读方式在窗口中查看检查档案")
    o.add_argument("archive", type=Path, help="检查档案（zip）")
    o.add_argument("--password", action="store_true", help="档案有密码时使用")
    o.set_defaults(run=run_open)


def password_from(args: argparse.Namespace, confirm: bool) -> str | None:
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not args.password:
        return None
    first = getpass.getpass("密码：")
    if not first:
        raise LedgerError("密码不能为空。")
    if confirm and getpass.getpass("再输入一次：") != first:
        raise LedgerError("两次输入的密码不一致。")
    return first


def _printer() -> Any:
    if not sys.stderr.isatty():
        return None
    last = {"message": ""}

    def show(done: int, total: int, message: str) -> None:
        if message != last["message"]:
            last["message"] = message
            print(f"\r[{done}/{total}] {message[:60]:<60}", end="", file=sys.stderr, flush=True)
    return show


def run_archive(args: argparse.Namespace) -> int:
    from ledger_app.outputs.archive import build_archive
    from ledger_app.store import Ledger

    password = password_from(args, confirm=True)
    with Ledger.open(args.ledger_path, readonly=True) as ledger:
        result = build_archive(ledger, args.output, args.year, date_from=args.date_from,
                               date_to=args.date_to, categories=args.categories,
                               masked=not args.unmasked, password=password,
                               progress=_printer())
    if sys.stderr.isatty():
        print(file=sys.stderr)
    manifest = result.manifest
    print(f"已导出检查档案：{result.path}")
    print(f"  {manifest['organisation'].get('org_name', '')}  {manifest['period']['label']}  "
          f"{result.files} 个文件，{result.size / 1024 / 1024:.1f} MB")
    print("  " + ("已隐藏部分身份证号和电话号码" if manifest["masked"] else "未隐藏身份证号和电话号码"))
    if manifest["encrypted"]:
        print("  已用 AES-256 加密，请把密码另行告知检查人员")
    if result.fingerprint:
        print(f"  已签名，签名密钥指纹 {result.fingerprint}")
        print(f"  清单摘要（SHA-256）{result.manifest_sha256}")
        print(f"  打印移交单：ledger-app print handover {result.path} -o 移交单.pdf")
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from ledger_app.outputs.archive import verify_archive

    report = verify_archive(args.archive, password_from(args, confirm=False),
                            expect_key=args.expect_key)
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def run_open(args: argparse.Namespace) -> int:
    from ledger_app.ui.inspection_window import run_inspection

    return run_inspection(args.archive, password_from(args, confirm=False))
