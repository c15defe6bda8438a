"""``ledger-app dues fill LEDGER --month YYYY-MM [--paid-date D] [--unpaid]``: 本月收缴.

Every member due that month gets the month's dues record (base, rate and 应交 computed,
实交 = 应交 unless ``--unpaid``); members who already have it are skipped, so a second run
creates nothing. Prints how many were created and skipped, and why any were skipped.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("dues", help="党费：按月批量收缴")
    jobs = p.add_subparsers(dest="dues_command", metavar="JOB", required=True)
    fill = jobs.add_parser("fill", help="本月收缴：为当月应交党费的党员各建一条党费记录")
    fill.add_argument("path", type=Path, help="台账文件")
    fill.add_argument("--month", required=True, help="收缴哪个月，YYYY-MM，如 2025-03")
    fill.add_argument("--paid-date", dest="paid_date", help="交纳日期，YYYY-MM-DD（默认不填）")
    fill.add_argument("--unpaid", action="store_true",
                      help="只建应交，不填实交（党员尚未交纳时用）")
    fill.set_defaults(run=run_fill)


def run_fill(args: argparse.Namespace) -> int:
    from ledger_app.rules.dues_fill import fill_month
    from ledger_app.store import Ledger

    with Ledger.open(args.path) as ledger:
        plan = fill_month(ledger, args.month, args.paid_date, args.unpaid)
    print(plan.summary())
    return 0
