"""Full-text search in PostgreSQL, matching what FTS5 finds in SQLite.

The store indexes the same three normalised fields in both (title, body, clitic-stripped stems:
`Store.prepare`). Here they are cut into tokens as FTS5's unicode61 tokenizer cuts them (letters,
digits and private-use characters; case and Latin accents folded) and written straight into a
`tsvector` literal — title weight A, body B, stems D, a gap between fields — so PostgreSQL's own
parser and dictionaries never see the text: the 'simple' config's lexemes, exactly, whatever the
server's locale. A query is written the same way as a `tsquery`: words in any of their clitic forms,
OR, -exclusions, and "phrases" restricted to title and body (FTS5's `{title body} :`), ranked by
ts_rank with the field weights of SQLite's bm25 (4 : 1 : 0.5) and document length.

Limits of tsvector (PostgreSQL's, not ours): positions stop at 16,383, so a phrase past that
word of a very long article is not found; a lexeme keeps its first 256 positions; lexemes over
2,046 bytes (no word) are left out, as is anything past 1 MB of distinct lexemes.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from marsad.store.terms import Query, Term

MAX_POS = 16383
MAX_POSITIONS = 256
MAX_LEXEME = 2046
MAX_LEXEMES_BYTES = 1_000_000
RANK_WEIGHTS = "{0.125, 0, 0.25, 1}"     # D (stems), C, B (body), A (title): bm25's 0.5 : 1 : 4
RANK_NORMALISATION = 1                  # divide by 1 + log(length): longer articles rank lower, as bm25
# unicode61's token characters: letters, digits (any script) and private use; all else separates
_TOKEN = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")
_LATIN_MARKED = re.compile(r"[\u00c0-\u024f]")
_LATIN_COMBINING = re.compile(r"(?<=[A-Za-z\u00c0-\u024f])[\u0300-\u036f]+")


@lru_cache(maxsize=65536)
def _fold(token: str) -> str:
    token = token.lower().replace("ς", "σ").replace("i\u0307", "i")   # as unicode61 folds them
    if _LATIN_MARKED.search(token):         # unicode61 folds Latin accents: é → e
        token = "".join(map(_unaccent, token))
    return token


@lru_cache(maxsize=1024)
def _unaccent(c: str) -> str:
    """A Latin letter with one accent without it (unicode61 leaves letters with two as they are)."""
    parts = unicodedata.normalize("NFD", c)
    return parts[0] if len(parts) == 2 and unicodedata.combining(parts[1]) else c


def fts_tokens(text: str) -> list[str]:
    """The tokens FTS5's unicode61 tokenizer makes of `text`."""
    # accents written as combining marks after a Latin letter are folded by unicode61, not separators
    text = _LATIN_COMBINING.sub("", text)
    return [_fold(t) for t in _TOKEN.findall(text)]


def tsvector_literal(title: str, body: str, stems: str) -> str:
    """The index entry of one article: a `tsvector` in its text form."""
    positions: dict[str, list[str]] = {}
    pos = 0
    for weight, text in (("A", title), ("B", body), ("D", stems)):
        for token in fts_tokens(text):
            pos += 1
            entry = positions.setdefault(token, [])
            if len(entry) < MAX_POSITIONS:
                entry.append(f"{min(pos, MAX_POS)}{weight}")
        pos += 1                              # a gap: no phrase runs from one field into the next
    out, size = [], 0
    for token, entry in positions.items():
        n = len(token.encode("utf-8"))
        if n > MAX_LEXEME or size + n > MAX_LEXEMES_BYTES:
            continue
        size += n
        out.append(f"'{token}':{','.join(entry)}")
    return " ".join(out)


def _lexeme(token: str, weights: str = "") -> str:
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'" + (f":{weights}" if weights else "")


def _sequence(tokens: Sequence[str], weights: str = "") -> str | None:
    """Tokens next to each other in this order (one token: itself); None for no token: FTS5 matches
    nothing for a term that holds no word."""
    if not tokens:
        return None
    return "(" + " <-> ".join(_lexeme(t, weights) for t in tokens) + ")"


def _term(t: Term) -> str | None:
    if t.phrase:
        return _sequence([tok for w in t.phrase for tok in fts_tokens(w)], "AB")
    forms = list(dict.fromkeys(f for f in (_sequence(fts_tokens(f)) for f in t.forms) if f))
    return "(" + " | ".join(forms) + ")" if forms else None


def tsquery(q: Query) -> str | None:
    """The `tsquery` (text form) of a parsed query; None when it can match nothing (no group, or a
    group none of whose terms holds a word)."""
    groups = []
    for group in q.groups:
        terms = [x for x in map(_term, group) if x]
        if not terms:
            return None
        groups.append("(" + " | ".join(terms) + ")")
    if not groups:
        return None
    excluded = [x for x in map(_term, q.excluded) if x]
    expr = " & ".join(groups)
    return f"{expr} & !({' | '.join(excluded)})" if excluded else expr


def ranked(db, q: Query, limit: int, candidates: int = 2_000) -> list:
    """(doc_id, title, outlet, published, text, score) of the best matches, best first: of the
    newest `candidates` matches by row id (search.CANDIDATES: see search.py for what this trades).

    They are gathered partition by partition of the search index, newest first (pgschema.py): one
    UNION ALL branch per partition, each through that partition's GIN index, read in order by
    PostgreSQL's Append under the LIMIT, which stops once it has enough, so older partitions are
    never read (a serial Append: the connection allows no parallel workers, pgconn.py). Only the `limit` best are joined to their documents. The tsquery is written into
    the SQL as a constant, so the planner weighs it against the index statistics of its words."""
    from marsad.store import pgschema

    expr = tsquery(q)
    if expr is None:
        return []
    top, kind = db.execute(f"SELECT max(rowid), {pgschema.FTS_RELKIND} FROM documents_fts").fetchone()
    if top is None:
        return []
    size = pgschema.FTS_PARTITION_ROWS
    ranges = ([f" AND rowid >= {k * size} AND rowid < {(k + 1) * size}" for k in range(pgschema.fts_part(top), -1, -1)]
              if kind == "p" else [""])               # a store made before partitioning: one table
    branch = (f"(SELECT rowid, ts_rank('{RANK_WEIGHTS}', search, CAST(? AS tsquery), {RANK_NORMALISATION}) AS score "
              "FROM documents_fts WHERE search @@ CAST(? AS tsquery)<range> ORDER BY rowid DESC)")
    return db.execute(
        "SELECT d.doc_id, d.title, d.outlet, d.published, d.text, best.score FROM ("
        f"SELECT newest.rowid, newest.score FROM ({' UNION ALL '.join(branch.replace('<range>', r) for r in ranges)} LIMIT ?) "
        "AS newest ORDER BY newest.score DESC, newest.rowid LIMIT ?) AS best "
        "JOIN documents d ON d.id = best.rowid ORDER BY best.score DESC, best.rowid",
        [expr, expr] * len(ranges) + [candidates, limit]).fetchall()


def match_clause(q: Query) -> tuple[str, list]:
    """SQL selecting the ids of the documents matching `q`, and its arguments."""
    expr = tsquery(q)
    if expr is None:
        return "SELECT rowid FROM documents_fts WHERE false", []
    return "SELECT rowid FROM documents_fts WHERE search @@ CAST(? AS tsquery)", [expr]
