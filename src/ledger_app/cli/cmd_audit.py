"""``ledger-app audit LEDGER``: the audit trail (留痕), newest first, filtered.

    ledger-app audit LEDGER [--from DATE] [--to DATE] [--action 修改] [--user NAME]
                     [--record ID] [--limit N] [--json] [--unmasked] [-o 留痕.pdf]

Personal numbers in before/after values are hidden as in every masked output unless
``--unmasked``. Reading takes no lock (the window may have the ledger open).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from ledger_app.store.errors import LedgerError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="查看留痕：谁在什么时候改了什么（最新的在前）")
    p.add_argument("ledger_path", type=Path, metavar="LEDGER", help="台账文件")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="从这一天起（含），如 2025-01-01")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="到这一天止（含）")
    p.add_argument("--action", help="只看这类操作：新增、修改、删除（移入回收站）、彻底删除、"
                                    "添加附件、修改组织设置、Excel 导入、显示敏感信息 …（或 update 等）")
    p.add_argument("--user", help="只看这个操作人（电脑登录名）")
    p.add_argument("--record", type=int, metavar="ID", help="只看这条记录的留痕")
    p.add_argument("--limit", type=int, default=200, help="最多列出几条（默认 200）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供脚本使用")
    p.add_argument("--unmasked", action="store_true", help="修改前后的身份证号、电话完整显示")
    p.add_argument("-o", "--output", type=Path, metavar="OUT.pdf", help="打印成 PDF")
    p.set_defaults(run=run)


def _day(text: str | None, option: str) -> str | None:
    from ledger_app.forms import values as fv

    if text is None:
        return None
    day = fv.parse_date(text)
    if day is None or len(day) != 10:
        raise LedgerError(f"{option} 的日期“{text}”不对，请写成 2025-01-31 这样的格式。")
    return day


def run(args: argparse.Namespace) -> int:
    from ledger_app.outputs.audit_text import action_for, action_label, audit_rows, scope_text
    from ledger_app.store import Ledger

    if args.limit < 1:
        raise LedgerError("--limit 应为正整数。")
    date_from, date_to = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    with Ledger.open(args.ledger_path, readonly=True) as ledger:
        action = action_for(args.action) if args.action else None
        if action is not None and action not in ledger.audit.actions():
            known = "、".join(action_label(a) for a in ledger.audit.actions())
            raise LedgerError(f"留痕中没有“{args.action}”这类操作。有：{known}。")
        lines = ledger.audit.search(date_from=date_from, date_to=date_to,
                                    actions=[action] if action else None, actor=args.user,
                                    entry_id=args.record, limit=args.limit)
        rows = audit_rows(ledger, lines, masked=not args.unmasked)
        org_name = ledger.org_name
    if args.output is not None:
        from ledger_app.outputs.pdf.audit_sheet import render_audit

        if args.output.suffix.lower() != ".pdf":
            raise LedgerError(f"输出文件 {args.output.name} 应以 .pdf 结尾。")
        pages = render_audit(org_name, rows, scope_text(date_from, date_to, args.action,
                                                        args.user, args.record), args.output)
        print(f"已保存 {args.output}（{len(rows)} 条留痕，{pages} 页）")
        return 0
    if args.json:
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("没有符合条件的留痕。")
        return 0
    for r in rows:
        where = f"  {r.record}" if r.record else ""
        print(f"{r.at}  {r.actor}  {r.action}{where}  {r.summary}")
        for change in r.changes:
            print(f"    {change}")
    if len(rows) == args.limit:
        print(f"（只列出最新的 {args.limit} 条；用 --limit 或 --from/--to 查看更多）")
    return 0
