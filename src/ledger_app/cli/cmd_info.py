"""``ledger-app info PATH [--json]``: organisation, schema version and record counts."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ledger_app import __version__


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="显示台账的组织、数据版本和各类记录数量")
    p.add_argument("path", type=Path, help="台账文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供脚本使用")
    p.add_argument("--year", type=int, help="只统计某一年度")
    p.set_defaults(run=run)


def describe(path: Path, year: int | None = None) -> dict[str, Any]:
    from ledger_app.store import Ledger
    from ledger_app.store.doctor import ensure_whole
    from ledger_app.store.signing import ledger_fingerprint

    with Ledger.open(path, readonly=True) as ledger:
        ensure_whole(ledger)   # counts read through a damaged index would be quietly wrong
        counts = ledger.records.counts(year)
        settings = ledger.settings()
        categories = []
        for cat in ledger.pack.categories:
            types = [{"key": rt.key, "label": rt.label, "count": counts[rt.key]}
                     for rt in cat.record_types]
            categories.append({"key": cat.key, "label": cat.label,
                               "count": sum(counts[rt.key] for rt in cat.record_types),
                               "record_types": types})
        return {
            "path": str(path),
            "organisation": {k: v for k, v in settings.items() if not k.startswith("_")},
            "pack": settings.get("_pack"),
            "schema_version": ledger.schema_version(),
            # What receivers of this ledger's archives compare (verify --expect-key).
            "signing_key_fingerprint": ledger_fingerprint(ledger),
            "program_version": __version__,
            "year": year,
            "years": ledger.years(),
            "total": sum(counts.values()),
            "categories": categories,
            "recycle_bin": ledger.records.deleted_count(),
        }


def run(args: argparse.Namespace) -> int:
    info = describe(args.path, args.year)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    org = info["organisation"]
    print(f"{org.get('org_name', '')}（{org.get('org_type', '')}）  数据格式第 {info['schema_version']} 版")
    for cat in info["categories"]:
        print(f"  {cat['label']}  {cat['count']} 条")
        for t in cat["record_types"]:
            print(f"    {t['label']:<10} {t['count']:>7}")
    print(f"  合计 {info['total']} 条；回收站 {info['recycle_bin']} 条")
    if info["signing_key_fingerprint"]:
        print(f"  签名密钥指纹 {info['signing_key_fingerprint']}")
    return 0
