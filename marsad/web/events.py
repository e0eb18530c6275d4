"""Stored events for the API: filtered, merged per story, sorted and paged; exports streamed.

The events are the ones `marsad events` lists (`store.export.find_events`): one per (story, type,
place, day), with every source, fields filled from later sources as there. That function decodes
every matching event's JSON before it can merge or count them, which on a 10,000-event store costs
more than a request may take; here the filters run in SQL on the events' columns, the merge is
computed on those columns alone (the place by its stored normalised key, `events.location_key`),
a page in date order reads its rows only as far as its last day, and only the page asked for is
decoded. `test_api.py` and `test_api_events.py` check both give the same events in the same order.
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from json.encoder import encode_basestring

from marsad.extraction.geo import country_english
from marsad.store.export import EVENT_TYPES, acled_row, country_rows, geojson
from marsad.text.arabic import normalize

SORTS = ("date", "-date", "fatalities", "-fatalities")
_FILLED = ("actor1", "actor2", "fatalities", "claimed_by", "admin1", "latitude", "longitude")


@lru_cache(maxsize=65536)
def _norm(text: str | None) -> str:
    """Arabic-normalised text; cached because the same places and actors recur in every request."""
    return normalize(text or "")


@dataclass
class EventFilter:
    """What `/api/events` and `/api/export` select; every field optional."""
    type: str | None = None             # an ACLED type or sub-type
    sub_type: str | None = None
    actor: str | None = None            # words in actor1/actor2
    place: str | None = None            # words in location/admin1/country, or a country's Arabic name
    country: str | None = None          # a country: English or Arabic name, ISO2 or ISO3 code
    since: str | None = None
    until: str | None = None
    bbox: tuple[float, float, float, float] | None = None    # min lon, min lat, max lon, max lat
    claimed_by: str | None = None
    story: str | None = None
    # a row predicate on (actor1, actor2, claimed_by) for callers that match more exactly (actor pages)
    keep: Callable[[str | None, str | None, str | None], bool] | None = field(default=None, repr=False)

    def key(self) -> tuple:
        """The filter as a cache key (a `keep` predicate cannot be compared: never cached)."""
        if self.keep is not None:
            raise ValueError("a filter with a keep predicate has no key")
        return (self.type, self.sub_type, self.actor, self.place, self.country, self.since, self.until, self.bbox,
                self.claimed_by, self.story)


@dataclass
class Group:
    """One merged event before decoding: its rows (events.id, in merge order) and what it sorts by."""
    ids: list[int]
    date: str | None
    fatalities: int | None


def _country_name(value: str) -> str:
    """The English name events store for a country given by any name or code (unknown: as given)."""
    from marsad.text.lexicons import countries

    v = value.strip()
    code = countries().get(normalize(v))
    for row in country_rows().values():
        if code == row["country"] or v.upper() in (row["country"], row["iso3"]) or v.lower() == row["english"].lower():
            return row["english"]
    return v


def _place_match(place: str) -> Callable[[str | None, str | None, str | None], bool]:
    """As `find_events`: the words in location/admin1/country, or the country the Arabic name names."""
    from marsad.text.lexicons import countries

    words = _norm(place)
    cc = countries().get(words)
    english = country_english(cc)
    return lambda loc, adm, country: (words in _norm(loc) or words in _norm(adm) or words in _norm(country)
                                      or bool(english) and country == english)


def _from(f: EventFilter) -> str:
    """The tables, in the order SQLite is to read them (CROSS JOIN keeps the order written; PostgreSQL
    plans it as any join): events first, by the index of their type or date, each one's document
    looked up; SQLite, left to choose, would start some selections from every ok document (an index
    on status) and read each one's events by date: a count over 5,000 events took 13 s. One story's
    documents are few: those first, then their events (migration 7's events_doc)."""
    return "FROM documents d CROSS JOIN events e" if f.story else "FROM events e CROSS JOIN documents d"


def _where(f: EventFilter) -> tuple[str, list]:
    """The SQL conditions of `f`'s filters that columns can answer (all but actor, claimant, place, keep)."""
    where, args = ["d.doc_id = e.doc_id", "d.status = 'ok'"], []
    if f.type:          # a type or a sub-type (their names differ): one column, so its index serves
        where.append("e.event_type = ?" if f.type in EVENT_TYPES else "e.sub_event_type = ?")
        args.append(f.type)
    if f.sub_type:
        where.append("e.sub_event_type = ?")
        args.append(f.sub_type)
    if f.since:
        where.append("e.event_date >= ?")
        args.append(f.since)
    if f.until:
        where.append("e.event_date <= ?")
        args.append(f.until + "\uffff")      # the whole day, should a date ever carry a time
    if f.bbox:
        where.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
        args += [f.bbox[0], f.bbox[2], f.bbox[1], f.bbox[3]]
    if f.country:
        where.append("e.country = ? COLLATE NOCASE")
        args.append(_country_name(f.country))
    if f.story:
        where.append("d.story_id = ?")
        args.append(f.story)
    return " AND ".join(where), args


def _date_text(f: EventFilter) -> str:
    """The undated events' date words, the last part of their merge key. Read only where there is no
    date: json_extract on every row cost a fifth of the query; a date range leaves out undated
    events, and then the query reads no JSON (an index covers it)."""
    return "NULL" if f.since or f.until else "CASE WHEN e.event_date IS NULL THEN json_extract(e.data, '$.date_text') END"


# rows in `find_events`' order (newest first), or oldest day first with the same order within a day
# (SQLite sorts NULL first, so DESC puts undated events last, as pgconn makes PostgreSQL do; with
# no IS NULL term before it the date can be read in the order of the type-and-date index, and only
# the rows of one day sorted by publication: `page` then reads no further than its last day)
_ORDER = {"-date": "e.event_date DESC, d.published DESC, e.id",
          "date": "e.event_date IS NULL, e.event_date, d.published DESC, e.id"}


def _order(f: EventFilter, sort: str) -> str:
    """`_ORDER[sort]`, without the undated-last term where a date range leaves no undated event."""
    return _ORDER[sort].removeprefix("e.event_date IS NULL, ") if f.since or f.until else _ORDER[sort]


def _merge(out: dict[tuple, Group], eid: int, key: tuple, date: str | None, dead: int | None) -> None:
    """Row `eid` into its merged event: the first row of a key opens it, later ones join it."""
    group = out.get(key)
    if group is None:
        out[key] = Group([eid], date, dead)
    else:
        group.ids.append(eid)
        if group.fatalities is None:
            group.fatalities = dead


def groups(db: sqlite3.Connection, f: EventFilter, sort: str = "-date") -> list[Group]:
    """The merged events `f` selects, sorted (newest first by default; undated and unknown last)."""
    where, args = _where(f)
    rows = db.execute(
        f"SELECT e.id, d.story_id, e.event_type, e.location_key, e.event_date, {_date_text(f)}, "
        f"e.fatalities, e.actor1, e.actor2, e.location, e.admin1, e.country, e.claimed_by {_from(f)} WHERE {where} "
        f"ORDER BY {_ORDER['-date']}", args).fetchall()
    place = _place_match(f.place) if f.place else None
    actor, claimant = _norm(f.actor), _norm(f.claimed_by)
    out: dict[tuple, Group] = {}
    for eid, story, etype, key, date, date_text, dead, a1, a2, loc, adm, country, claimed in rows:
        if actor and actor not in _norm(a1) and actor not in _norm(a2):
            continue
        if claimant and claimant not in _norm(claimed):
            continue
        if place and not place(loc, adm, country):
            continue
        if f.keep and not f.keep(a1, a2, claimed):
            continue
        _merge(out, eid, (story, etype, key, date or date_text), date, dead)
    found = list(out.values())
    if sort == "date":
        found.sort(key=lambda g: (g.date is None, g.date or ""))
    elif sort in ("fatalities", "-fatalities"):
        sign = -1 if sort == "-fatalities" else 1
        found.sort(key=lambda g: (g.fatalities is None, sign * (g.fatalities or 0)))   # stable: newest first
    return found


SQL_PAGE_DEPTH = 500        # pages starting deeper come from the whole selection (kept: see readers.py)


def paged_in_sql(f: EventFilter, sort: str, offset: int = 0) -> bool:
    """Whether `page` finds this page without merging every selected event: the filters are
    columns, the order is by date (a fatalities order needs every merged event's toll), and the
    page starts near the top. A page reads every row before it, so a client fetching every page
    (the dashboard's map, 2,000 a page) is better served by one merge of the whole selection."""
    return sort in _ORDER and offset <= SQL_PAGE_DEPTH and not (f.actor or f.claimed_by or f.place or f.keep)


def page(db: sqlite3.Connection, f: EventFilter, sort: str, offset: int, limit: int) -> tuple[int, list[Group]]:
    """(how many merged events `f` selects, those of the page [offset, offset + limit)), as
    `groups(db, f, sort)[offset:offset + limit]` and its length, without reading every selected row.

    The rows come in date order, and every row of a merged event has its day (the day is part of
    the key; an undated event's date words are never a day written out, which would have been
    resolved): so once the page's last event is found, the rows past its day cannot join the page,
    and the reading stops there. The total is then counted in SQL, one row per merge key.
    Undated events come last, and their rows are not in key order: a page reaching them reads to
    the end. Filters on words (actor, claimant, place) and fatalities orders merge every row
    (`groups`)."""
    if not paged_in_sql(f, sort, offset):
        found = groups(db, f, sort)
        return len(found), found[offset:offset + limit]
    where, args = _where(f)
    date_text = _date_text(f)
    rows = db.execute(
        f"SELECT e.id, d.story_id, e.event_type, e.location_key, e.event_date, {date_text}, e.fatalities "
        f"{_from(f)} WHERE {where} ORDER BY {_order(f, sort)}", args)
    out: dict[tuple, Group] = {}
    want, last_day, stopped = offset + limit, None, False
    for eid, story, etype, key, date, words, dead in rows:
        if last_day is not None and date != last_day:
            stopped = True
            break
        _merge(out, eid, (story, etype, key, date or words), date, dead)
        if last_day is None and len(out) == want:
            last_day = date          # None (undated: keys interleave): read on to the end
    if not stopped:
        found = list(out.values())
        return len(found), found[offset:want]
    total = db.execute(
        f"SELECT count(*) FROM (SELECT DISTINCT e.event_type, COALESCE(e.event_date, {date_text}), e.location_key, "
        f"d.story_id {_from(f)} WHERE {where}) AS merged", args).fetchone()[0]
    return total, list(out.values())[offset:want]


def _rows(db: sqlite3.Connection, page: list[Group]) -> dict[int, tuple]:
    """events.id → (id, data, doc_id, outlet, url, source, title, published, story_id) for `page`."""
    ids = [i for g in page for i in g.ids]
    rows = {}
    for start in range(0, len(ids), 500):            # SQLite caps the number of parameters
        chunk = ids[start:start + 500]
        rows.update((r[0], tuple(r)) for r in db.execute(
            "SELECT e.id, e.data, e.doc_id, d.outlet, d.url, d.source, d.title, d.published, d.story_id "
            f"FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE e.id IN ({','.join('?' * len(chunk))})",
            chunk))
    return rows


def _source(row: tuple) -> dict:
    _, _, doc_id, outlet, url, source, title, published, _ = row
    return {"doc_id": doc_id, "outlet": outlet, "url": url or source, "title": title, "published": published}


def _merged(rows: dict[int, tuple], g: Group) -> dict:
    """One merged event in `find_events`' shape: the first row's fields, filled from the others,
    with every source."""
    kept = None
    for eid in g.ids:
        row = rows[eid]
        ev = json.loads(row[1])
        if kept is None:
            kept = ev | {"doc_id": row[2], "story_id": row[8], "sources": [_source(row)]}
            continue
        kept["sources"].append(_source(row))
        for name in _FILLED:
            if kept.get(name) is None and ev.get(name) is not None:
                kept[name] = ev[name]
    return kept


def decode(db: sqlite3.Connection, page: list[Group]) -> list[dict]:
    """The events of `page` in `find_events`' shape."""
    rows = _rows(db, page)
    return [_merged(rows, g) for g in page]


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _value(value) -> str:
    """One column's value as JSON: strings by the encoder's own C function (a whole `json.dumps`
    costs 50 times more, and a page writes three values an event)."""
    if isinstance(value, str):
        return encode_basestring(value)
    return "null" if value is None else _dumps(value)


def decode_json(db: sqlite3.Connection, page: list[Group]) -> list[str]:
    """`decode(db, page)`, each event written as JSON. An event of one row (most) is its stored JSON
    with its document's keys appended, never parsed and written again: reading and rewriting 50
    events' JSON took a third of a page's time. (Stored events have no doc_id, story_id or sources
    key; were one added, the appended one would still win, as it does in `_merged`.)"""
    rows = _rows(db, page)
    out = []
    for g in page:
        if len(g.ids) > 1:
            out.append(_dumps(_merged(rows, g)))
            continue
        row = rows[g.ids[0]]
        head = row[1].rstrip()[:-1].rstrip()         # the object without its closing brace
        _, _, doc_id, outlet, url, source, title, published, story = row
        out.append(f'{head}{"," if head != "{" else ""}"doc_id":{_value(doc_id)},"story_id":{_value(story)},'
                   f'"sources":[{{"doc_id":{_value(doc_id)},"outlet":{_value(outlet)},'
                   f'"url":{_value(url or source)},"title":{_value(title)},"published":{_value(published)}}}]}}')
    return out


def iter_events(db: sqlite3.Connection, found: list[Group], chunk: int = 200) -> Iterator[dict]:
    """Decoded events a few hundred at a time: an export holds the small groups, not every event."""
    for start in range(0, len(found), chunk):
        yield from decode(db, found[start:start + chunk])


def stream(events: Iterator[dict], fmt: str) -> Iterator[str]:
    """`store.export.write`'s text formats, written as they are produced: the same bytes, piece by
    piece (`test_api.py` compares them)."""
    stamp = int(time.time())
    if fmt == "jsonl":
        for ev in events:
            yield json.dumps(ev, ensure_ascii=False) + "\n"
    elif fmt == "acled-csv":
        from marsad.store.export import acled

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=acled()["columns"])
        writer.writeheader()
        for n, ev in enumerate(events, 1):
            writer.writerow(acled_row(ev, n, stamp))
            if buf.tell() > 65536:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()
    elif fmt == "geojson":      # json.dump's own separators, so the document is byte for byte write()'s
        yield '{"type": "FeatureCollection", "features": ['
        first = True
        for ev in events:
            for feature in geojson([ev])["features"]:
                yield ("" if first else ", ") + json.dumps(feature, ensure_ascii=False)
                first = False
        yield "]}"
    else:
        raise ValueError(f"not a streamed format: {fmt!r}")
