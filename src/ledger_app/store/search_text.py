"""Full-text search that finds two-character Chinese names and any substring.

SQLite's unicode61 tokenizer keeps a whole run of Chinese characters as one token,
and the trigram tokenizer cannot answer queries shorter than three characters.
So Chinese runs are indexed as overlapping bigrams (张伟明 -> 张伟 伟明, plus the
last character alone), the way CJK search engines do; a query is cut the same way
and asked as a phrase, which matches only where its bigrams stand side by side,
i.e. where the query is a substring. Latin words and numbers stay whole words,
matched by prefix.
"""

from __future__ import annotations

import re
import unicodedata

_RUN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff]+)|([0-9a-z]+)", re.IGNORECASE)


def _is_cjk_run(match: re.Match[str]) -> bool:
    return match.group(1) is not None


def index_tokens(text: str) -> list[str]:
    """Tokens stored for a text: bigrams of Chinese runs, whole Latin words."""
    tokens: list[str] = []
    for m in _RUN.finditer(unicodedata.normalize("NFKC", text)):
        run = m.group(0)
        if _is_cjk_run(m):
            tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
            tokens.append(run[-1])  # a lone last character, so one-character queries find it
        else:
            tokens.append(run.lower())
    return tokens


def index_text(text: str) -> str:
    return " ".join(index_tokens(text))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression finding records that contain every term of the query.

    Returns None when the query has nothing searchable (only punctuation).
    """
    clauses: list[str] = []
    for term in query.split():
        runs = list(_RUN.finditer(unicodedata.normalize("NFKC", term)))
        for m in runs:
            run = m.group(0)
            if _is_cjk_run(m):
                if len(run) == 1:
                    # a bigram starting with it, or the lone last character of a run
                    clauses.append(f'"{run}"*')
                else:
                    bigrams = " ".join(run[i:i + 2] for i in range(len(run) - 1))
                    clauses.append(f'"{bigrams}"')
            else:
                clauses.append(f'"{run.lower()}"*')
    return " AND ".join(clauses) if clauses else None
