"""``ledger-app new PATH --name 组织名称 …``: an empty ledger from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ledger_app.store.errors import LedgerError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="新建一份空台账")
    p.add_argument("path", type=Path, help="新台账文件（*.ledger），已存在时不会覆盖")
    p.add_argument("--name", required=True, help="组织名称，如 某某社区党支部、某某街道关工委、某某镇总工会")
    p.add_argument("--pack", default="party_branch",
                   help="台账类型：party_branch（党支部，默认）、ggw（关工委）、union（工会）")
    p.add_argument("--org-type", dest="org_type", default="",
                   help="组织类型，默认为台账类型的第一种：党支部（也可 党总支、党委）、关工委、工会")
    p.add_argument("--parent", default="",
                   help="上级组织（党支部为上级党组织；关工委、工会为上级关工委、上级工会）")
    p.add_argument("--secretary", default="",
                   help="负责人姓名（党支部为书记；关工委为执行主任；工会为工会主席）")
    p.add_argument("--term-start", dest="term_start", default="", help="本届任期开始，YYYY-MM-DD")
    p.add_argument("--term-years", dest="term_years", type=int, default=None,
                   help="任期年数（村、社区 5 年，其他一般 3 年）")
    p.add_argument("--groups", default="", help="分组（党小组；关工委为工作小组；工会为会员分组），用逗号分隔，"
                        "如 第一党小组,第二党小组")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ledger_app.forms.packs import installed_pack
    from ledger_app.store import Ledger

    pack = installed_pack(args.pack)
    if args.term_start:
        try:
            dt.date.fromisoformat(args.term_start)
        except ValueError:
            raise LedgerError(f"--term-start “{args.term_start}”不是有效日期，请写成 YYYY-MM-DD。") \
                from None
    if args.term_years is not None and not 1 <= args.term_years <= 10:
        raise LedgerError("--term-years 应在 1 到 10 年之间。")
    org_type = args.org_type.strip() or pack.org_types[0]
    if org_type not in pack.org_types:
        raise LedgerError(f"“{org_type}”不是{pack.label}台账的组织类型，可选："
                          + "、".join(pack.org_types) + "。")
    path = args.path if args.path.suffix else args.path.with_suffix(".ledger")
    groups = [g.strip() for g in args.groups.replace("，", ",").split(",") if g.strip()]
    org = {"org_name": args.name.strip(), "org_type": org_type, "parent_org": args.parent,
           "secretary": args.secretary, "term_start": args.term_start,
           "term_years": args.term_years or 3, "party_groups": groups}
    with Ledger.create(path, org, pack=pack):
        pass
    print(f"已新建台账 {path}（{pack.label}：{org['org_name']}）")
    if not args.term_start:
        # Not an error (the date may not be at hand), but nothing can warn of 换届 without it.
        print("提示：没有填写本届任期开始日期（--term-start），换届提醒要在“组织设置”里填上后才会出现。")
    return 0
