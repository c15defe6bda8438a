"""What masking costs: every masked output shows each cell through ``forms.display``.

    .venv/bin/python benchmarks/bench_masking.py

Targets (issues 9 and 13): showing the cells of a 10,000-row roster (every declared
column) masked takes under 10% of the ~1 s a 10,000-row printed table takes, i.e. under
0.1 s more than showing them unmasked; a meeting's long text (2,000 characters with a few
numbers in it) is redacted in under 0.2 ms, so a binder of 1,000 meetings spends under
0.2 s on it.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ledger_app.forms.display import display, redact_free_text  # noqa: E402
from ledger_app.forms.loader import builtin_pack  # noqa: E402

ROWS = 10_000
TABLE_SECONDS = 1.0      # a 10,000-row printed table (README, Printing)


def roster_rows(rng: random.Random, fields) -> list[list[object]]:
    rows = []
    for n in range(ROWS):
        row: list[object] = []
        for f in fields:
            if f.format == "idcard":
                row.append(f"4301021980{n % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}X")
            elif f.format == "phone":
                row.append(f"138{n:08d}")
            elif f.type in ("text", "longtext"):
                row.append(rng.choice(["", "第一党小组", "湖南长沙", f"备注：电话 139{n:08d}",
                                       "2024年3月调入，党费已交至12月，共 1380.50 元"]))
            elif f.type in ("date",):
                row.append("1980-05-01")
            elif f.type == "month":
                row.append("2005-07")
            elif f.type in ("money", "integer"):
                row.append(n * 7)
            elif f.type == "bool":
                row.append(bool(n % 2))
            elif f.type == "choice":
                row.append(f.choices[0] if f.choices else "")
            else:
                row.append(None)
        rows.append(row)
    return rows


def best_of(runs: int, job) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    pack = builtin_pack()
    fields = [f for f in pack.record_type("roster").table_fields
              if f.type not in ("member", "members")]
    rows = roster_rows(random.Random(3), fields)

    def show(masked: bool) -> None:
        for row in rows:
            for f, value in zip(fields, row):
                display(f, value, masked)

    plain = best_of(3, lambda: show(False))
    masked = best_of(3, lambda: show(True))
    extra = masked - plain
    print(f"roster {ROWS} rows × {len(fields)} columns: unmasked {plain:.3f} s, "
          f"masked {masked:.3f} s, masking adds {extra:.3f} s "
          f"(target < {0.1 * TABLE_SECONDS:.2f} s) {'PASS' if extra < 0.1 else 'MISS'}")

    rng = random.Random(5)
    words = "支部党员大会学习传达上级文件精神讨论发展党员工作安排下季度主题党日活动"
    text = "".join(rng.choice(words) for _ in range(2000))
    text = (text[:500] + "联系电话 138 1234 5678，" + text[500:1200] + "身份证 110101199003071233，"
            + text[1200:] + "会议于2025年3月15日召开，收党费1380.50元。")
    per_call = statistics.median(
        best_of(1, lambda: redact_free_text(text)) for _ in range(200))
    print(f"meeting text of {len(text)} characters: {per_call * 1000:.3f} ms "
          f"(target < 0.2 ms) {'PASS' if per_call < 0.0002 else 'MISS'}")


if __name__ == "__main__":
    main()
