"""Excel from the command line: ``export-xlsx``, ``template-xlsx``, ``import-xlsx``, ``undo-import``.

``import-xlsx`` shows the same preview as the window (every row's status, level — 无误,
有提示 or 错误 — and reasons) and writes all or nothing; ``--skip-errors`` writes the rows
without errors; ``--dry-run`` only previews. Exit codes: 0 done (or a clean
preview), 1 rows with errors (nothing written), 2 a problem with the files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-xlsx", help="把台账导出为 Excel 工作簿（每类记录一个工作表）")
    p.add_argument("ledger_path", metavar="LEDGER", type=Path, help="台账文件")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出的 .xlsx 文件")
    p.add_argument("--type", action="append", dest="types", metavar="T",
                   help="只导出这类记录（键名如 roster，或中文名如 党员名册）；可重复；默认全部")
    p.add_argument("--year", type=int, help="只导出某一年度")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                   help="只导出这一天及以后的记录（有日期的记录类型）")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                   help="只导出这一天及以前的记录（有日期的记录类型）")
    p.add_argument("--unmasked", action="store_true", help="不隐藏身份证号码、电话等敏感信息")
    p.set_defaults(run=run_export)

    p = sub.add_parser("template-xlsx", help="生成某类记录的空白填报模板（.xlsx）")
    p.add_argument("--type", required=True, metavar="T", help="记录类型，如 roster 或 党员名册")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出的 .xlsx 文件")
    p.add_argument("--ledger", dest="ledger_path", type=Path, help="按这个台账的声明生成")
    p.add_argument("--pack", default=None,
                   help="没有台账时按哪类台账生成：party_branch（党支部，默认）、ggw（关工委）、"
                        "union（工会）")
    p.set_defaults(run=run_template)

    p = sub.add_parser("import-xlsx", help="从 Excel 表格导入记录（先预览，全部成功才写入）")
    p.add_argument("ledger_path", metavar="LEDGER", type=Path, help="台账文件")
    p.add_argument("file", type=Path, help=".xlsx 或 .xls 文件")
    p.add_argument("--type", required=True, metavar="T", help="记录类型，如 roster 或 党员名册")
    p.add_argument("--sheet", help="工作表名称（默认：与记录类型同名的表，否则第一个）")
    p.add_argument("--header-row", type=int, help="表头所在的行号（默认自动查找）")
    p.add_argument("--map", action="append", default=[], metavar="表头=字段",
                   help="指定某列对应的字段（字段写中文名或键名；写 表头= 表示不导入），会被记住")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出预览和结果")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--update", action="store_true", help="台账中已有的记录：用表格内容更新")
    group.add_argument("--skip", action="store_true", help="台账中已有的记录：跳过（默认）")
    p.add_argument("--skip-errors", action="store_true",
                   help="有错误的行不导入，只导入无误的行（默认：有任何错误就整个不导入）")
    p.set_defaults(run=run_import)

    p = sub.add_parser("undo-import", help="撤销最近一次（或指定的）Excel 导入")
    p.add_argument("ledger_path", metavar="LEDGER", type=Path, help="台账文件")
    p.add_argument("--batch", type=int, help="导入批次编号（默认最近一次）")
    p.set_defaults(run=run_undo)


def _date(text: str | None) -> str | None:
    from ledger_app.forms.values import parse_date
    from ledger_app.store.errors import LedgerError

    if text is None:
        return None
    parsed = parse_date(text)
    if parsed is None:
        raise LedgerError(f"“{text}”不是有效日期，请写成 2025-03-15。")
    return parsed


def run_export(args: argparse.Namespace) -> int:
    from ledger_app.outputs.xlsx.export import export_workbook
    from ledger_app.store import Ledger

    warnings: list[str] = []
    with Ledger.open(args.ledger_path, readonly=True) as ledger:
        out = export_workbook(ledger, args.output, args.types, args.year,
                              masked=not args.unmasked, date_from=_date(args.date_from),
                              date_to=_date(args.date_to), warnings=warnings)
    print(f"已导出：{out}")
    for warning in warnings:
        print(f"注意：{warning}", file=sys.stderr)
    return 0


def run_template(args: argparse.Namespace) -> int:
    from ledger_app.forms.packs import installed_pack
    from ledger_app.outputs.xlsx.template import write_template
    from ledger_app.store.errors import LedgerError

    if args.ledger_path:
        from ledger_app.store import Ledger

        with Ledger.open(args.ledger_path, readonly=True) as ledger:
            pack = ledger.pack
        if args.pack and args.pack != pack.key:
            raise LedgerError(f"台账 {args.ledger_path.name} 是{pack.label}台账，与 --pack "
                              f"{args.pack} 不符；去掉 --pack 即按台账生成。")
    else:
        pack = installed_pack(args.pack)
    out = write_template(pack, args.type, args.output)
    print(f"已生成模板：{out}")
    return 0


def _mapping(plan_columns: list[Any], pairs: list[str], rt: Any) -> dict[int, str | None]:
    from ledger_app.outputs.xlsx.headers import normalise
    from ledger_app.store.errors import LedgerError

    wanted: dict[str, str | None] = {}
    for pair in pairs:
        if "=" not in pair:
            raise LedgerError(f"--map 应写成 表头=字段，现在是“{pair}”")
        header, target = (s.strip() for s in pair.split("=", 1))
        key = None
        if target:
            key = next((f.key for f in rt.stored_fields if target in (f.key, f.label)), None)
            if key is None:
                raise LedgerError(f"{rt.label}没有“{target}”这个字段")
        wanted[normalise(header)] = key
    mapping: dict[int, str | None] = {}
    for c in plan_columns:
        if normalise(c.header) in wanted:
            mapping[c.index] = wanted.pop(normalise(c.header))
    if wanted:
        raise LedgerError(f"表头中找不到：{'、'.join(wanted)}")
    return mapping


def run_import(args: argparse.Namespace) -> int:
    from ledger_app.outputs.xlsx.export import resolve_type
    from ledger_app.outputs.xlsx.importer import apply_import, plan_import
    from ledger_app.store import Ledger

    on_match = "update" if args.update else "skip"
    with Ledger.open(args.ledger_path, readonly=args.dry_run) as ledger:
        rt = resolve_type(ledger.pack, args.type)
        plan = plan_import(ledger, args.file, rt.key, sheet=args.sheet, on_match=on_match,
                           header_row=args.header_row)
        if args.map:
            mapping = _mapping(plan.columns, args.map, rt)
            plan = plan_import(ledger, args.file, rt.key, sheet=args.sheet, on_match=on_match,
                               header_row=args.header_row, mapping=mapping)
        counts = plan.counts()
        refused = counts["error"] > 0 and not args.skip_errors
        result = None
        if not args.dry_run and not refused:
            result = apply_import(ledger, plan, only_valid=args.skip_errors)
    if args.json:
        data = plan.to_json()
        data["written"] = result is not None
        data["batch_id"] = result.batch_id if result else None
        print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        _print_plan(plan)
        if result is not None:
            print(f"已导入：新增 {len(result.inserted)} 条，更新 {len(result.updated)} 条"
                  + (f"（导入批次 {result.batch_id}，可用 undo-import 撤销）" if result.batch_id else ""))
        elif refused:
            print(f"有 {counts['error']} 行有错误，什么也没有导入。改正后重新导入，"
                  "或加 --skip-errors 只导入无误的行。", file=sys.stderr)
        else:
            print("（预览，没有写入）")
    return 1 if refused else 0


def _print_plan(plan: Any) -> None:
    print(f"文件：{plan.path.name}  工作表：{plan.sheet}  表头在第 {plan.header_row} 行"
          + ("（两行表头）" if plan.header_rows == 2 else ""))
    for c in plan.columns:
        if c.header:
            print(f"  列 {c.index + 1:>2} {c.header} → {c.field_key or '（不导入）'}")
    for note in plan.notes:
        print(f"  注意：{note}")
    for r in plan.rows:
        level = "（有提示）" if r.level == "warning" else ""
        print(f"  第 {r.row} 行  {r.status_label}{level}  {r.message}")
    c = plan.counts()
    print(f"合计：新增 {c['new']}，更新 {c['update']}，跳过 {c['skip']}，错误 {c['error']}")
    levels = plan.levels()
    if levels["warning"]:
        print(f"其中 {levels['warning']} 行有提示：照常导入，留空的项标为待核实，"
              "导入后在窗口中勾选表格上方的“只看待核实”逐条核对")


def run_undo(args: argparse.Namespace) -> int:
    from ledger_app.store import Ledger
    from ledger_app.store.import_batches import undo_import

    with Ledger.open(args.ledger_path) as ledger:
        batch = undo_import(ledger, args.batch)
    print(f"已撤销：{batch.summary}")
    return 0
