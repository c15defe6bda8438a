"""``ledger-app check LEDGER [--year Y] [--as-of D] [--json]``: what the branch still owes.

The same findings as the window's home page. Exit status 1 when any finding needs action
(alert or warn), 0 otherwise (a month still running is only a reminder), 2 on error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from ledger_app.store.errors import LedgerError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="按规则检查台账：会议是否按期召开、六有等检查项、换届等")
    p.add_argument("path", type=Path, help="台账文件")
    p.add_argument("--year", type=int, help="检查哪一年度（默认：--as-of 所在年度）")
    p.add_argument("--as-of", dest="as_of", help="以哪一天为准，YYYY-MM-DD（默认：今天）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供脚本使用")
    p.set_defaults(run=run)


def _as_of(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise LedgerError(f"--as-of “{text}”不是有效日期，请写成 YYYY-MM-DD，如 2025-09-30。") from None


def run(args: argparse.Namespace) -> int:
    from ledger_app.rules.check import check_ledger
    from ledger_app.rules.findings import SEVERITY_LABELS
    from ledger_app.store import Ledger

    as_of = _as_of(args.as_of)
    with Ledger.open(args.path, readonly=True) as ledger:
        report = check_ledger(ledger, args.year, as_of)
        org = ledger.org_name
    if args.json:
        print(json.dumps([f.to_json() for f in report.findings], ensure_ascii=False, indent=2))
    else:
        counts = report.counts()
        print(f"{org}  {report.year}年度（截至 {as_of.isoformat()}）："
              f"严重 {counts['alert']} 项，需处理 {counts['warn']} 项，提示 {counts['info']} 项")
        for f in report.findings:
            print(f"  [{SEVERITY_LABELS[f.severity]}] {f.why}")
        if not report.findings:
            print("  没有发现问题。")
    return 1 if any(f.severity in ("alert", "warn") for f in report.findings) else 0
