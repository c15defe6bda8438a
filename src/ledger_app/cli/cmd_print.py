"""``ledger-app print PRODUCT LEDGER ... -o OUT.pdf``: every printout without the window.

Products: cover, labels, table, record, signin, dues, binder. Options each product
needs: --year, --category, --type, --record, --spine, --unmasked, --emblem; plus
--retention / --volume (cover, labels, binder) and --from / --to (binder period).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ledger_app.outputs.pdf.products import PRODUCTS
from ledger_app.store.errors import LedgerError


def register(sub: argparse._SubParsersAction) -> None:
    products = "；".join(f"{k}={v}" for k, v in PRODUCTS.items())
    p = sub.add_parser("print",
                       help="打印成 PDF：封面、标签、表格、会议记录、签到表、党费登记表、装订册",
                       description=f"把台账打印成 PDF。可打印：{products}。")
    p.add_argument("product", choices=[*PRODUCTS, "handover"], metavar="PRODUCT",
                   help="要打印的内容：" + "、".join(PRODUCTS)
                   + "、handover（检查档案移交单：LEDGER 处写检查档案 zip）")
    # dest is not "ledger": main() sets args.ledger itself (the file the window opens).
    p.add_argument("ledger_file", type=Path, metavar="LEDGER",
                   help="台账文件（handover：检查档案 zip）")
    p.add_argument("--password", action="store_true",
                   help="handover：档案有密码时使用（会提示输入，或取环境变量 LEDGER_ARCHIVE_PASSWORD）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf",
                   help="保存的 PDF 文件")
    p.add_argument("--year", type=int, help="年度（默认今年）")
    p.add_argument("--category", help="类别，如 team 或 基本队伍（封面、标签、装订册）")
    p.add_argument("--type", dest="type_key", metavar="T",
                   help="记录类型，如 roster 或 党员名册（table）")
    p.add_argument("--record", type=int, metavar="ID", help="记录编号（record、signin）")
    p.add_argument("--spine", type=float, default=40, metavar="MM",
                   help="盒脊宽度（毫米）：20、30、35、40、50、55、60、75 "
                        "或其他（labels，默认 40）")
    p.add_argument("--unmasked", action="store_true",
                   help="身份证号、电话等敏感信息完整打印（默认部分隐藏）")
    p.add_argument("--emblem", metavar="FILE", help="徽标图片（PNG/JPG）：党组织的台账用它代替内置矢量党徽；"
                   "关工委、工会的台账默认不印徽标，给出时印上它")
    p.add_argument("--retention", default="永久", help="保管期限：永久、30年、10年（默认 永久）")
    p.add_argument("--volume", default="1", help="卷号（封面、装订册，默认 1）；标签的起始盒号")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="装订册、表格：起始日期")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="装订册、表格：截止日期")
    p.add_argument("--date", dest="filled_on", metavar="YYYY-MM-DD",
                   help="填报日期（表格、党费登记表、装订册；默认为所印期间的最后一天，"
                        "期间未结束时为今天）")
    p.add_argument("--filled", action="store_true",
                   help="签到表按台账记录的出席情况填好实到和请假原因（默认留空，供会上手签）")
    p.add_argument("--duplex", action="store_true",
                   help="装订册双面打印：各部分从单数页（右页）开始，页码在外侧")
    p.add_argument("--split", action="store_true",
                   help="装订册按类别分册：每个类别一个文件（OUT-第N卷-类别.pdf），"
                        "卷号从 --volume 起依次编号")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.set_defaults(run=run)


def _open(path: Path):
    from ledger_app.store import Ledger

    # Printing only reads: it never takes the write lock (the window stays free to open
    # the ledger during a long print) and never upgrades an old ledger.
    return Ledger.open(path, readonly=True)


def _need(value: object, option: str, product: str, hint: str) -> None:
    if value is None:
        raise LedgerError(f"打印{PRODUCTS[product]}需要 {option}。{hint}")


def run(args: argparse.Namespace) -> int:
    from ledger_app.outputs.pdf.common import find_category, find_type
    from ledger_app.outputs.pdf.products import render

    started = time.perf_counter()
    out = args.output
    if out.suffix.lower() != ".pdf":
        raise LedgerError(f"输出文件 {out.name} 应以 .pdf 结尾。")
    progress = None if args.quiet or not sys.stderr.isatty() else _progress
    product = args.product
    if product == "handover":
        return _handover(args, out, started)
    with _open(args.ledger_file) as ledger:
        options = {
            "year": args.year, "masked": not args.unmasked, "emblem": args.emblem,
            "category": find_category(ledger, args.category) if args.category else None,
            "spine": args.spine, "retention": args.retention,
            "volume": _int(args.volume, "--volume"), "record_id": args.record,
            "date_from": args.date_from, "date_to": args.date_to,
            "filled_on": args.filled_on, "filled": args.filled,
            "duplex": args.duplex, "split": args.split,
        }
        if product == "table":
            _need(args.type_key, "--type", product, _types_hint(ledger))
            options["type_key"] = find_type(ledger, args.type_key)
        elif product in ("record", "signin"):
            _need(args.record, "--record", product, _records_hint(ledger, args.year))
        elif product == "letter":
            _need(args.record, "--record", product, "用 ledger-app export-xlsx 或窗口中的"
                  "“党员转入转出台账”查看记录编号。")
        pages = render(product, ledger, out, options, progress)
        note = ledger.empty_year_note(args.year) \
            if product in ("binder", "table", "dues") and args.year else None
    if progress:
        print(file=sys.stderr)
    if note:
        print(f"注意：{note}", file=sys.stderr)
    took = time.perf_counter() - started
    files = options.get("files") or [(out, pages)]
    for path, count in files:
        size = path.stat().st_size
        print(f"已保存 {path}（{count} 页，{size / 1024:.0f} KB" +
              (f"，用时 {took:.1f} 秒）" if len(files) == 1 else "）"))
    if len(files) > 1:
        print(f"共 {len(files)} 卷，{pages} 页，用时 {took:.1f} 秒")
    return 0


def _handover(args: argparse.Namespace, out: Path, started: float) -> int:
    """The 移交单 is printed from the archive (already made), not from a ledger."""
    from ledger_app.cli.cmd_archive import password_from
    from ledger_app.outputs.archive.handover import print_handover

    pages = print_handover(args.ledger_file, out, password_from(args, confirm=False))
    took = time.perf_counter() - started
    print(f"已保存 {out}（{pages} 页，用时 {took:.1f} 秒）：请签字后与 {args.ledger_file.name} 一起移交。")
    return 0


def _int(value: str, option: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise LedgerError(f"{option} 应为整数，不能是 {value!r}。") from None


def _types_hint(ledger) -> str:
    return "可用的记录类型有：" + "、".join(f"{rt.key}（{rt.label}）"
                                     for rt in ledger.pack.record_types) + "。"


def _records_hint(ledger, year: int | None) -> str:
    rt = ledger.pack.type_for("meetings")
    ids = ledger.records.ids(rt.key, year)[:10] if rt is not None else []
    if not ids:
        return "这个台账还没有会议记录。"
    rows = ledger.records.rows(rt.key, ids)
    listed = "；".join(f"{i}：{rows[i].get(rt.date_field)} {rows[i].get(rt.title_field)}"
                      for i in ids)
    return f"最近的会议记录（编号：日期 主题）：{listed}。"


def _progress(done: int, total: int, message: str = "") -> None:
    percent = int(100 * done / total) if total else 0
    sys.stderr.write(f"\r{percent:3d}%  {message[:60]:<60}")
    sys.stderr.flush()
