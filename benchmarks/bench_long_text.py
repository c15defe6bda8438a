"""Long text in linear time (issue 12): a meeting record whose 会议内容 is 200,000
characters and one of 1 MB, printed as a record page; the line breaker alone on 1 MB.

Before issue 12 (reportlab's Paragraph) the 200,000-character record took 19 s and the
1 MB one ran past 5 minutes. Target: a 1 MB record in under 5 s; its line breaking in
about a second. CPU time is the figure judged (the wall time beside it depends on what
else the machine runs). Run: .venv/bin/python benchmarks/bench_long_text.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from bench_common import line

SENTENCES = [
    "支部书记黄晓彤传达了上级党委关于开展主题教育的通知精神，结合社区实际部署了本季度的重点工作。",
    "与会党员逐一发言，围绕服务群众、垃圾分类、老旧小区改造等议题展开讨论。",
    "党员活动室面积约 80 平方米，每月 10 日为主题党日，党费按 0.5% 至 2% 的比例交纳。",
    "唐飞同志提出，要把《中国共产党章程》的学习同“我为群众办实事”结合起来（详见附件）。",
    "会议依据 GB/T 9704-2012 的格式整理纪要，2025年7月1日前报街道党工委。",
]


def long_text(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        paragraph = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(3, 12)))
        parts.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(parts)[:chars]


def main() -> None:
    from ledger_app.outputs.pdf.fonts import fonts
    from ledger_app.outputs.pdf.linebreak import Breaker, wrap
    from ledger_app.outputs.pdf.record_page import render_record
    from ledger_app.store import Ledger

    print("Long text (issue 12): record pages of a 200 k and a 1 MB meeting record")
    fs = fonts()
    text = long_text(1_000_000)
    breaker = Breaker(["黄晓彤", "唐飞"] + [f"党员{i}" for i in range(1000)])
    started, cpu = time.perf_counter(), time.process_time()
    lines = wrap(fs, text, "fang", 12, 156 * 72 / 25.4, breaker)
    line("line breaking alone, 1 MB (1,000 names kept whole), CPU",
         time.process_time() - cpu, "s", 1.5,
         f"{len(lines):,} lines; wall {time.perf_counter() - started:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger.create(Path(tmp) / "long.ledger",
                               {"org_name": "测试支部", "org_type": "党支部"})
        figures = {}
        for chars, target in ((200_000, 1.0), (1_000_000, 5.0)):
            entry = ledger.records.insert("meeting", {
                "kinds": ["支部党员大会"], "date": "2025-03-15", "topic": "长记录",
                "content": long_text(chars)})
            out = Path(tmp) / f"long{chars}.pdf"
            started, cpu = time.perf_counter(), time.process_time()
            pages = render_record(ledger, entry, out)
            took = time.process_time() - cpu
            figures[chars] = took
            line(f"record page, {chars:,} characters, CPU", took, "s", target,
                 f"{pages} pages, {out.stat().st_size / 1e6:.1f} MB, wall "
                 f"{time.perf_counter() - started:.1f} s; before: "
                 + ("19 s" if chars == 200_000 else "> 300 s"))
        ratio = figures[1_000_000] / figures[200_000]
        line("1 MB time / 200 k time (linear: about 5)", ratio, "x", 7.0)
        ledger.close()


if __name__ == "__main__":
    sys.exit(main())
