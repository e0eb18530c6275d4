"""What the API shows beyond the store's own listings: article pages, an actor's page, a story's
outlets side by side. Plain functions of an SQLite connection, so they are tested without HTTP.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict

from marsad.store.actors import find_quotes, variant_key
from marsad.store.export import acled_date
from marsad.web.events import EventFilter, decode, groups

_ARTICLE_ORDER = {"published": "published IS NULL, published, doc_id",
                  "-published": "published IS NULL, published DESC, doc_id",
                  "doc_id": "doc_id", "-doc_id": "doc_id DESC",
                  "ingested": "ingested_at, doc_id", "-ingested": "ingested_at DESC, doc_id"}


def articles(db: sqlite3.Connection, status: str | None = None, outlet: str | None = None, q: str | None = None,
             sort: str = "-published", limit: int = 50, offset: int = 0) -> dict:
    """Stored articles (rejected inputs too, with their reason), filtered and paged."""
    where, args = [], []
    if status:
        where.append("status = ?")
        args.append(status)
    if outlet:
        where.append("outlet = ?")
        args.append(outlet)
    if q:
        from marsad.store.search import match_clause

        matching, matching_args = match_clause(db, q)
        where.append(f"id IN ({matching})")
        args += matching_args
    clause = " WHERE " + " AND ".join(where) if where else ""
    total = db.execute("SELECT count(*) FROM documents" + clause, args).fetchone()[0]
    rows = db.execute("SELECT doc_id, title, outlet, published, status, error, story_id, source, url FROM documents"
                      + clause + f" ORDER BY {_ARTICLE_ORDER[sort]} LIMIT ? OFFSET ?", [*args, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}


def article(store, doc_id: str) -> dict | None:
    """`Store.document` with each event's and toll's stored JSON decoded (the page needs the evidence
    span and date words, which only the JSON holds)."""
    doc = store.document(doc_id)
    if doc is None:
        return None
    for table in ("events", "tolls"):
        doc[table] = [_decoded(r) for r in doc[table]]
    doc["raw_kept"] = store.db.execute("SELECT raw IS NOT NULL FROM documents WHERE doc_id = ?",
                                       (doc_id,)).fetchone()[0] == 1
    return doc


def _decoded(row: dict) -> dict:
    """A stored event or toll: its columns, then its JSON (which keeps booleans as booleans)."""
    data = row.pop("data", None)
    return {**row, **json.loads(data or "{}")}


def _actor_row(db: sqlite3.Connection, name: str) -> tuple[sqlite3.Row | None, list[dict]]:
    """The stored actor `name` is an alias of (the most mentioned, when several share it) and the others."""
    rows = db.execute(
        "SELECT DISTINCT a.id, a.type, a.name, a.mentions FROM actor_aliases x JOIN actors a ON a.id = x.actor_id "
        "WHERE x.key = ? OR a.key = ? ORDER BY a.mentions DESC, a.id", (variant_key(name),) * 2).fetchall()
    return (rows[0] if rows else None), [{"id": r[0], "type": r[1], "name": r[2]} for r in rows[1:]]


def _keys(db: sqlite3.Connection, name: str, actor_id: int | None) -> set[str]:
    """Every spelling of the actor: its stored aliases and, when the actor dictionary knows it, the
    dictionary's names (events carry the dictionary's canonical names)."""
    from marsad.text.actor_dictionary import actors

    names = {name}
    if actor_id is not None:
        names |= {r[0] for r in db.execute("SELECT alias FROM actor_aliases WHERE actor_id = ?", (actor_id,))}
    for n in list(names):
        known = actors().lookup(n)
        if known:
            names |= {known.name, *known.aliases}
    return {variant_key(n) for n in names} - {""}


def actor(db: sqlite3.Connection, name: str, limit: int = 100) -> dict | None:
    """An actor's page: aliases, events as actor1 / actor2, claims made (quotes by it, events it
    claimed), and a per-day timeline of all those events. None when nothing is known of `name`."""
    row, others = _actor_row(db, name)
    keys = _keys(db, name, row["id"] if row else None)
    key_of = _key_cache()

    def role_filter(role: int):
        def keep(a1, a2, claimed) -> bool:
            value = (a1, a2, claimed)[role]
            return bool(value) and key_of(value) in keys
        return EventFilter(keep=keep)

    found = {role: groups(db, role_filter(i)) for i, role in enumerate(("actor1", "actor2", "claimed"))}
    quotes = find_quotes(db, name, None, limit) if row else []
    if row is None and not any(found.values()):
        return None
    everything = {i for gs in found.values() for g in gs for i in g.ids}
    aliases = [r[0] for r in db.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias",
                                        (row["id"],))] if row else []
    return {
        "name": row["name"] if row else name, "id": row["id"] if row else None,
        "type": row["type"] if row else None, "mentions": row["mentions"] if row else 0,
        "aliases": [a for a in aliases if a != (row["name"] if row else name)],
        "others": others,
        "events": {"as_actor1": decode(db, found["actor1"][:limit]), "as_actor2": decode(db, found["actor2"][:limit]),
                   "total_as_actor1": len(found["actor1"]), "total_as_actor2": len(found["actor2"])},
        "claims": {"quotes": quotes, "events": decode(db, found["claimed"][:limit]),
                   "total_events": len(found["claimed"])},
        "timeline": _timeline(db, sorted(everything)),
    }


def _key_cache():
    cache: dict[str, str] = {}

    def key_of(value: str) -> str:
        if value not in cache:
            cache[value] = variant_key(value)
        return cache[value]
    return key_of


def _timeline(db: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """Events per day and type; an undated event counts on its article's publication day, as ACLED's
    export dates it (`acled_date`), and is left out when that is unknown too."""
    days: dict[str, Counter] = defaultdict(Counter)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for etype, date, published in db.execute(
                "SELECT e.event_type, e.event_date, d.published FROM events e JOIN documents d ON d.doc_id = e.doc_id "
                f"WHERE e.id IN ({','.join('?' * len(chunk))})", chunk):
            day = acled_date({"event_date": date, "sources": [{"published": published}]})[0]
            if day:
                days[day[:10]][etype] += 1
    return [{"date": d, "count": sum(c.values()), "types": dict(c)} for d, c in sorted(days.items())]


def story(db: sqlite3.Connection, story_id: str) -> dict | None:
    """Every outlet's article of one story, with its events and figures side by side; `figures` lists
    each toll kind's value per article, `contested` the kinds on which the outlets disagree."""
    docs = db.execute("SELECT doc_id, title, outlet, published, url, source FROM documents "
                      "WHERE story_id = ? AND status = 'ok' ORDER BY published IS NULL, published, doc_id",
                      (story_id,)).fetchall()
    if not docs:
        return None
    articles, figures = [], defaultdict(list)
    for d in docs:
        events = [{**json.loads(r[0]), "id": r[1]} for r in db.execute(
            "SELECT data, id FROM events WHERE doc_id = ? ORDER BY id", (d["doc_id"],))]
        tolls = [{**json.loads(r[0]), "id": r[1]} for r in db.execute(
            "SELECT data, id FROM tolls WHERE doc_id = ? ORDER BY id", (d["doc_id"],))]
        articles.append({**dict(d), "events": events, "tolls": tolls})
        for t in tolls:
            figures[t["kind"]].append({"doc_id": d["doc_id"], "outlet": d["outlet"], "value": t["value"],
                                       "approximate": t["approximate"], "text": t["text"],
                                       "claimed_by": t.get("claimed_by")})
        dead = [e["fatalities"] for e in events if e.get("fatalities") is not None]
        if dead:
            figures["fatalities"].append({"doc_id": d["doc_id"], "outlet": d["outlet"], "value": max(dead),
                                          "approximate": False, "text": None, "claimed_by": None})
    contested = sorted(k for k, vs in figures.items() if len({v["value"] for v in vs if v["value"] is not None}) > 1)
    merged = decode(db, groups(db, EventFilter(story=story_id)))
    return {"story_id": story_id, "articles": articles, "outlets": sorted({d["outlet"] or "" for d in docs}),
            "events": merged, "figures": dict(figures), "contested": contested}
