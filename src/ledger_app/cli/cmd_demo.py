"""``ledger-app demo PATH [--scale N] [--seed S] [--force]``: write a demo ledger, no window."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ledger_app.store.errors import LedgerError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="生成一份演示台账（不打开窗口）",
                       description="生成一份演示台账。默认是社区党支部：约 35 名党员、两个党小组、"
                                   "两年的会议、党费、谈心谈话等记录；--pack ggw 为街道关工委"
                                   "（“五老”队伍、活动、六好对照），--pack union 为镇总工会"
                                   "（会员名册、会员大会、维权、经费审查）。--scale N 生成 N 倍"
                                   "规模的党支部台账（并保留五年记录），用于性能测试。")
    p.add_argument("path", type=Path, help="要写入的台账文件，如 演示.ledger")
    p.add_argument("--scale", type=int, default=1, metavar="N",
                   help="规模倍数（默认 1；30 约为 1000 名党员、10 万条记录）")
    p.add_argument("--seed", type=int, default=None, metavar="S",
                   help="随机种子：相同的种子生成相同的台账")
    p.add_argument("--force", action="store_true", help="文件已存在时覆盖它")
    p.add_argument("--pack", default="party_branch",
                   help="台账类型：party_branch（党支部，默认）、ggw（关工委）、union（工会）")
    p.set_defaults(run=run)


class _Progress:
    """One updating line on a terminal; a line every few seconds otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.message = ""

    def __call__(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if message == self.message and now - self.last < (0.2 if self.tty else 3.0) \
                and done < total:
            return
        self.last, self.message = now, message
        percent = 100 * done // max(total, 1)
        if self.tty:
            print(f"\r{percent:3d}%  {message}\033[K", end="", file=sys.stderr, flush=True)
        else:
            print(f"{percent:3d}%  {message}", file=sys.stderr, flush=True)

    def finish(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ledger_app.cli.cmd_info import describe
    from ledger_app.demo import DEFAULT_SEED, create_demo

    path: Path = args.path
    if args.scale < 1:
        raise LedgerError("--scale 必须是不小于 1 的整数。")
    if path.exists() and not args.force:
        raise LedgerError(f"文件 {path} 已存在，不会覆盖。如确需覆盖，请加 --force。")
    progress = _Progress()
    started = time.monotonic()
    try:
        create_demo(path, scale=args.scale, progress=progress,
                    seed=DEFAULT_SEED if args.seed is None else args.seed, overwrite=args.force,
                    pack=args.pack)
    finally:
        progress.finish()
    elapsed = time.monotonic() - started
    info = describe(path)
    size_mb = path.stat().st_size / 1024 / 1024
    print(f"已生成演示台账：{path}")
    print(f"  {info['organisation'].get('org_name', '')}，共 {info['total']} 条记录，"
          f"文件 {size_mb:.1f} MB，用时 {elapsed:.1f} 秒")
    for cat in info["categories"]:
        parts = "、".join(f"{t['label']} {t['count']}" for t in cat["record_types"])
        print(f"  {cat['label']}：{parts}")
    return 0
