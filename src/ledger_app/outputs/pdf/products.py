"""One entry point for every printed product, shared by the command line and the window.

``render(product, ledger, out_path, options, progress)`` with ``options`` holding what the
product needs (``year``, ``category``, ``type_key``, ``record_id``, ``spine``, ``masked``,
``emblem``, ``retention``, ``volume``, ``date_from``, ``date_to``, ``filled_on`` — the
填报日期, by default the period's end; ``filled`` — a sign-in sheet with the recorded
attendance; ``duplex`` — a binder for two-sided printing; ``split`` — a binder as one file per
category, listed back in ``options["files"]``); returns the page count.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any

from ledger_app.store.errors import LedgerError

if TYPE_CHECKING:   # keep this module light: the command line imports it at start
    from ledger_app.outputs.pdf.common import Progress
    from ledger_app.store.ledger import Ledger

PRODUCTS = {
    "cover": "封面",
    "labels": "档案盒盒面和盒脊标签",
    "table": "某类记录的表格",
    "record": "一条记录（会议、活动的工作手册页，或工作计划、制度等文件）",
    "signin": "会议签到表",
    "dues": "党费收缴登记表",
    "binder": "全年装订册（封面、目录、自查表、各类表格和记录页）",
    "checklist": "年度自查表（会议召开情况、六有等检查项、发现的问题）",
    "letter": "党员组织关系介绍信（存根、介绍信、回执，一张 A4）",
}


def render(product: str, ledger: Ledger, out_path: str | os.PathLike[str],
           options: dict[str, Any], progress: Progress | None = None) -> int:
    # Each product imports only what it needs (a plain table never loads platypus).
    if product not in PRODUCTS:
        raise LedgerError(f"不能打印 {product!r}。可以打印：" +
                          "、".join(f"{k}（{v}）" for k, v in PRODUCTS.items()) + "。")
    o = options
    year = o.get("year")
    category = o.get("category")
    masked = o.get("masked", True)
    emblem = o.get("emblem")
    retention = o.get("retention") or "永久"
    volume = o.get("volume") or 1
    if product == "cover":
        from ledger_app.outputs.pdf.cover import render_cover

        return render_cover(ledger, out_path, category, year, retention, volume,
                            emblem, progress)
    if product == "labels":
        from ledger_app.outputs.pdf.labels import render_labels

        return render_labels(ledger, out_path, year, category, o.get("spine") or 40,
                             retention, int(volume), emblem, progress)
    if product == "table":
        if not o.get("type_key"):
            raise LedgerError("请选择要打印的记录类型。")
        from ledger_app.outputs.pdf.table import render_table

        return render_table(ledger, o["type_key"], out_path, year, masked, progress,
                            date_from=o.get("date_from"), date_to=o.get("date_to"),
                            filled_on=o.get("filled_on"))
    if product == "letter":
        if o.get("record_id") is None:
            raise LedgerError("请给出要打印介绍信的转入转出记录编号（--record）。")
        from ledger_app.outputs.pdf.letter import render_letter

        return render_letter(ledger, o["record_id"], out_path, masked, progress)
    if product in ("record", "signin"):
        if o.get("record_id") is None:
            raise LedgerError("请选择要打印的会议记录（这一年度可能还没有会议记录）。")
        if product == "record":
            from ledger_app.outputs.pdf.record_page import render_record

            return render_record(ledger, o["record_id"], out_path, masked, progress,
                                 emblem)
        from ledger_app.outputs.pdf.signin import render_signin

        return render_signin(ledger, o["record_id"], out_path, progress, masked,
                             filled=bool(o.get("filled")))
    if product == "checklist":
        from ledger_app.outputs.pdf.self_check import render_self_check

        return render_self_check(ledger, year or date.today().year, out_path, masked,
                                 progress)
    if product == "dues":
        from ledger_app.outputs.pdf.dues_register import render_dues

        return render_dues(ledger, year or date.today().year, out_path, progress,
                           filled_on=o.get("filled_on"))
    from ledger_app.outputs.pdf.binder import render_binder, render_volumes

    if o.get("split"):     # one volume (分册) per category, each its own file
        made = render_volumes(
            ledger, out_path, year, [category] if category else None, volume, progress,
            date_from=o.get("date_from"), date_to=o.get("date_to"), masked=masked,
            emblem_path=emblem, retention=retention, filled_on=o.get("filled_on"),
            duplex=bool(o.get("duplex")))
        o["files"] = made
        return sum(pages for _path, pages in made)
    return render_binder(ledger, out_path, year, [category] if category else None,
                         o.get("date_from"), o.get("date_to"), masked, progress,
                         emblem, retention, volume, filled_on=o.get("filled_on"),
                         duplex=bool(o.get("duplex")), fingerprint=o.get("fingerprint"))
