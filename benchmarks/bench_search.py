"""Search on the scale-30 demo ledger (about 100,000 records), issue 2's target: median < 30 ms.

Measures the program's own search (bigram FTS5 in store/search_text.py) through
``records.search`` and ``records.ids(type, search=…)`` for a two-character name and for
phrases, beside a plain LIKE scan over the same text and SQLite's trigram tokenizer (both
built in a temporary copy, so the ledger itself is not touched).

    .venv/bin/python benchmarks/bench_search.py [--runs 50] [--rebuild]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench_common import line, median_ms, scale_ledger

NAME = "张伟"                   # a two-character name (one member, plus their dues, talks…)
PHRASES = ("邻里矛盾调解", "走访慰问困难党员")
TARGET_MS = 30.0


def plain_texts(ledger) -> list[tuple[int, str]]:
    """Each live record's searchable text as a person would read it (member ids as names)."""
    from ledger_app.store.columns import SEARCHABLE, from_column

    names = {r[0]: r[1] for r in ledger.query(
        f'SELECT id, name FROM "t_{ledger.pack.member_type}"')}
    texts: list[tuple[int, str]] = []
    for rt in ledger.pack.record_types:
        fields = [f for f in rt.stored_fields if f.type in SEARCHABLE and not f.sensitive]
        if not fields:
            continue
        cols = ", ".join(f't."{f.key}"' for f in fields)
        rows = ledger.query(f'SELECT t.id, {cols} FROM "t_{rt.key}" t JOIN entries e '
                            f"ON e.id = t.id WHERE e.deleted_at IS NULL")
        for row in rows:
            parts: list[str] = []
            for i, f in enumerate(fields, start=1):
                value = from_column(f, row[i])
                if value in (None, "", []):
                    continue
                if f.type == "member":
                    parts.append(names.get(value, ""))
                elif f.type == "members":
                    parts.extend(names.get(v, "") for v in value)
                elif f.type == "multichoice":
                    parts.extend(value)
                else:
                    parts.append(str(value))
            texts.append((row[0], " ".join(parts)))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--rebuild", action="store_true", help="build the ledger anew")
    args = parser.parse_args()
    path = scale_ledger(rebuild=args.rebuild)

    from ledger_app.store import Ledger

    with Ledger.open(path, readonly=True) as ledger:
        total = ledger.query("SELECT count(*) FROM entries WHERE deleted_at IS NULL")[0][0]
        print(f"search on {path.name}: {total} records, median of {args.runs} runs\n")
        print("the program's search (bigram FTS5):")
        results: list[float] = []
        for query in (NAME, *PHRASES):
            hits = len(ledger.records.search(query))
            ms = median_ms(lambda q=query: ledger.records.search(q), args.runs)
            results.append(ms)
            line(f"records.search({query!r})  [{hits} hits, limit 200]", ms, "ms", TARGET_MS)
        for type_key, query in (("roster", NAME), ("dues", NAME), ("talk", NAME),
                                ("meeting", PHRASES[0]), ("meeting", PHRASES[1])):
            hits = len(ledger.records.ids(type_key, search=query))
            ms = median_ms(lambda t=type_key, q=query: ledger.records.ids(t, search=q), args.runs)
            results.append(ms)
            line(f"records.ids({type_key!r}, search={query!r})  [{hits}]", ms, "ms", TARGET_MS)
        from ledger_app.store.search_text import match_expression

        fts_hits = {q: ledger.query("SELECT count(*) FROM search_index WHERE search_index "
                                    "MATCH ?", (match_expression(q),))[0][0]
                    for q in (NAME, *PHRASES)}
        started = time.perf_counter()
        texts = plain_texts(ledger)
        prep = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "copy.sqlite"
        shutil.copy(path, copy)
        conn = sqlite3.connect(copy)
        conn.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO plain VALUES (?, ?)", texts)
        started = time.perf_counter()
        conn.execute("CREATE VIRTUAL TABLE tri USING fts5(body, tokenize='trigram')")
        conn.execute("INSERT INTO tri(rowid, body) SELECT id, body FROM plain")
        conn.commit()
        tri_build = time.perf_counter() - started
        print(f"\nfor comparison, SQLite {sqlite3.sqlite_version} "
              f"({len(texts)} texts rebuilt in {prep:.1f} s; "
              f"trigram index built in {tri_build:.1f} s):")
        for query in (NAME, *PHRASES):
            like = f"%{query}%"
            hits = conn.execute("SELECT count(*) FROM plain WHERE body LIKE ?",
                                (like,)).fetchone()[0]
            ms = median_ms(lambda pattern=like: conn.execute(
                "SELECT id FROM plain WHERE body LIKE ? ORDER BY id DESC", (pattern,)).fetchall(),
                max(5, args.runs // 5))
            line(f"plain LIKE scan {query!r}  [{hits}]", ms, "ms",
                 note=f"bigram FTS finds {fts_hits[query]} of {hits}")
            if len(query) >= 3:
                sql, param = "SELECT rowid FROM tri WHERE tri MATCH ? ORDER BY rowid DESC", \
                    f'"{query}"'
                label = f"trigram MATCH {query!r}"
            else:
                sql, param = "SELECT rowid FROM tri WHERE body LIKE ? ORDER BY rowid DESC", like
                label = f"trigram LIKE {query!r} (shorter than a trigram)"
            found = len(conn.execute(sql, (param,)).fetchall())
            ms = median_ms(lambda s=sql, p=param: conn.execute(s, (p,)).fetchall(), args.runs)
            line(f"{label}  [{found}]", ms, "ms",
                 note="" if found == hits else f"finds {found} of {hits}")
        conn.close()
    worst = max(results)
    print(f"\nslowest of the program's searches: {worst:.2f} ms (target < {TARGET_MS:g} ms) "
          f"{'PASS' if worst < TARGET_MS else 'MISS'}")


if __name__ == "__main__":
    main()
