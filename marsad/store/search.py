"""Full-text search over the store: Arabic-normalised FTS5 query, bm25 ranking, snippets (in
PostgreSQL the same query as a tsquery, ranked by ts_rank: pgsearch.py).

Ranking is bounded: of the documents a query matches, the newest `CANDIDATES` (by row id, the order
they were stored in) are ranked, found by walking the index backwards; older matches are not
looked at. A query with fewer matches than that ranks all of them, exactly as an unbounded search
would. A common word or a wide OR in a big store (20,000 matches among a million articles is
usual) returns the best-ranked of its newest 2,000 matches, not the best of all: an older article
that would have ranked first is not shown. That is the trade: the cost of a search stays that of
ranking 2,000 documents however large the store grows. The terms' statistics stay corpus-wide
(bm25's, and ts_rank's needs none), so a candidate scores as it would in an unbounded search.
2,000, not more: bm25 costs ~7 µs per ranked match here (ts_rank about as much), so 10,000
candidates alone took ~70 ms, over the 50 ms a search may take at p95.

The query syntax (words, OR, -word, "phrases") is parsed in `store/terms.py` and written here as
an FTS5 expression in which every user word is quoted, so no input is read as FTS5 syntax.
Snippets are cut from the original cleaned text (not the normalised index copy), with the matched
words' offsets, so a terminal or web page can highlight exactly what matched.
"""
from __future__ import annotations

import re
import sqlite3

from marsad.store.pgconn import dialect
from marsad.store.terms import Query, Term, parse_query, query_terms
from marsad.text.arabic import normalize_map

SNIPPET_CHARS = 90
CANDIDATES = 2_000       # matches ranked per query: the newest (see above)


def _fts_term(t: Term) -> str:
    if t.phrase:    # the stems column is a bag of clitic-stripped forms: a phrase means the text
        return '{title body} : "' + " ".join(t.phrase) + '"'
    return "(" + " OR ".join(f'"{f}"' for f in t.forms) + ")"


def fts_query(query: str | Query) -> str:
    """An FTS5 MATCH expression: every group must match (a word in any of its clitic forms, a
    phrase as written), and no excluded term may; "" when nothing is asked for."""
    q = parse_query(query) if isinstance(query, str) else query
    if not q.groups:
        return ""                   # FTS5 cannot select by exclusion alone
    expr = " AND ".join("(" + " OR ".join(_fts_term(t) for t in g) + ")" for g in q.groups)
    if q.excluded:
        expr = f"({expr}) NOT ({' OR '.join(_fts_term(t) for t in q.excluded)})"
    return expr


def snippet(text: str, terms: list[list[str]], width: int = SNIPPET_CHARS) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the first match and the (start, end) of matches inside it."""
    norm, index = normalize_map(text)
    forms = sorted({f for group in terms for f in group}, key=len, reverse=True)
    if not forms or not norm:
        return text[: 2 * width], []
    pattern = re.compile("|".join(re.escape(f) for f in forms))
    hits = [(index[m.start()], index[m.end() - 1] + 1) for m in pattern.finditer(norm)]
    if not hits:
        return text[: 2 * width], []
    start = max(0, hits[0][0] - width)
    end = min(len(text), hits[0][1] + width)
    while start > 0 and not text[start - 1].isspace():   # whole words only
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    marks = [(s - start, e - start) for s, e in hits if s >= start and e <= end]
    return text[start:end].replace("\n", " "), marks


def search(db: sqlite3.Connection, query: str, limit: int = 10) -> list[dict]:
    """FTS hits, then (for a query of plain words) documents that mention an actor the query names
    by one of its aliases."""
    parsed = parse_query(query)
    if not parsed.groups:
        return []
    hits = _fts(db, parsed, limit)
    if len(hits) < limit and parsed.plain:
        hits += _actor_hits(db, query, {h["doc_id"] for h in hits}, limit - len(hits))
    return hits


def _actor_hits(db: sqlite3.Connection, query: str, seen: set[str], limit: int) -> list[dict]:
    from marsad.store.actors import documents_of, variant_key

    hits = []
    for doc_id in documents_of(db, query):
        if doc_id in seen or len(hits) >= limit:
            continue
        r = db.execute("SELECT doc_id, title, outlet, published, text FROM documents WHERE doc_id = ?",
                       (doc_id,)).fetchone()
        aliases = [a[0] for a in db.execute(
            "SELECT DISTINCT x2.alias FROM actor_aliases x JOIN actor_aliases x2 ON x2.actor_id = x.actor_id "
            "WHERE x.key = ?", (variant_key(query),))]
        text, marks = snippet(r["text"] or "", [t for a in aliases for t in query_terms(a)])
        hits.append({"doc_id": r["doc_id"], "title": r["title"], "outlet": r["outlet"], "published": r["published"],
                     "score": 0.0, "snippet": text, "highlights": marks, "via": "actor alias"})
    return hits


def _fts(db: sqlite3.Connection, query: Query, limit: int) -> list[dict]:
    if dialect(db) == "postgres":
        from marsad.store.pgsearch import ranked

        rows = [(*r[:5], r[5]) for r in ranked(db, query, limit, CANDIDATES)]
    else:
        rows = _ranked(db, fts_query(query), limit)
    terms = query.highlight_terms()
    hits = []
    for doc_id, title, outlet, published, text, score in rows:
        text, marks = snippet(text or "", terms)
        hits.append({"doc_id": doc_id, "title": title, "outlet": outlet, "published": published,
                     "score": round(score, 3), "snippet": text, "highlights": marks})
    return hits


def _ranked(db: sqlite3.Connection, expr: str, limit: int) -> list[tuple]:
    """(doc_id, title, outlet, published, text, score) of the best of the newest `CANDIDATES`
    matches, best first. The CANDIDATES-th newest match's row id, when there is one, bounds the
    ranked rows (FTS5 honours a rowid bound inside MATCH); only the `limit` best are joined to
    their documents. bm25 is lower for better matches: the score is its negation."""
    floor = db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC "
                       "LIMIT 1 OFFSET ?", (expr, CANDIDATES - 1)).fetchone()
    return [(*r[:5], -r[5]) for r in db.execute(
        """SELECT d.doc_id, d.title, d.outlet, d.published, d.text, best.score FROM (
               SELECT rowid, bm25(documents_fts, 4.0, 1.0, 0.5) AS score FROM documents_fts
               WHERE documents_fts MATCH ? AND rowid >= ? ORDER BY score, rowid LIMIT ?) AS best
           JOIN documents d ON d.id = best.rowid ORDER BY best.score, best.rowid""",
        (expr, floor[0] if floor else 0, limit))]


def match_clause(db: sqlite3.Connection, query: str) -> tuple[str, list]:
    """A subquery selecting the `documents.id` of the documents matching `query` (for `id IN (…)`),
    and its arguments: the web layer filters by search without knowing the dialect."""
    if dialect(db) == "postgres":
        from marsad.store.pgsearch import match_clause as pg_clause

        return pg_clause(parse_query(query))
    return "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", [fts_query(query)]
