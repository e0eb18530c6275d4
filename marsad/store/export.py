"""Stored events, listed and exported: ACLED-column CSV, JSONL, GeoJSON, Parquet.

Events of one story (the same report carried by several outlets) that share type, place and day
are one event, with every source kept. ACLED's derived columns (disorder_type, inter codes,
interaction, civilian_targeting, iso, region) come from data/acled.json; inter codes are
pattern-based guesses a coder should review, and `tags` says so. ACLED requires a date: an event
whose own date is unknown is dated by its sources' publication date, and `notes` says so.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import time
from collections.abc import Iterable
from functools import lru_cache
from typing import IO

from marsad.data import load_json
from marsad.extraction.event_actors import is_protesters
from marsad.extraction.geo import country_english
from marsad.text.arabic import normalize

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
# ACLED's event types and sub-types, as ACLED spells them (../shared/CONTRACT.md)
EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@lru_cache(maxsize=1)
def acled() -> dict:
    raw = load_json("acled.json")
    raw["region_of"] = {cc: region for region, ccs in raw["regions"].items() for cc in ccs}
    raw["inter"] = [(normalize(p), code) for p, code in raw["inter"]]
    return raw


@lru_cache(maxsize=1)
def country_rows() -> dict[str, dict]:
    from marsad.text.lexicons import table

    return {r["english"]: r for r in table("countries.tsv") if r.get("english")}


def find_events(db: sqlite3.Connection, type: str | None = None, actor: str | None = None,
                place: str | None = None, since: str | None = None, limit: int | None = None,
                merge_stories: bool = True) -> list[dict]:
    """Stored events, newest first, filtered; one row per (story, type, place, day) with its sources."""
    where, args = ["d.status = 'ok'"], []
    if type:
        where.append("(e.event_type = ? OR e.sub_event_type = ?)")
        args += [type, type]
    if since:
        where.append("e.event_date >= ?")
        args.append(since)
    rows = db.execute(
        "SELECT e.data, e.doc_id, d.outlet, d.url, d.source, d.title, d.published, d.story_id FROM events e "
        "JOIN documents d ON d.doc_id = e.doc_id WHERE " + " AND ".join(where) +
        " ORDER BY e.event_date IS NULL, e.event_date DESC, d.published DESC, e.id", args).fetchall()
    if place:
        from marsad.text.lexicons import countries

        cc = countries().get(normalize(place))              # "ليبيا" also matches country "Libya"
        english = country_english(cc)
    out: dict[tuple, dict] = {}
    for data, doc_id, outlet, url, source, title, published, story in rows:
        ev = json.loads(data)
        if actor and not any(normalize(actor) in normalize(ev.get(k) or "") for k in ("actor1", "actor2")):
            continue
        if place and not (any(normalize(place) in normalize(ev.get(k) or "") for k in ("location", "admin1", "country"))
                          or english and ev.get("country") == english):
            continue
        key = (story if merge_stories else doc_id, ev["event_type"], normalize(ev.get("location") or ""),
               ev.get("event_date") or ev.get("date_text"))
        src = {"doc_id": doc_id, "outlet": outlet, "url": url or source, "title": title, "published": published}
        if key in out:
            kept = out[key]
            kept["sources"].append(src)
            for field in ("actor1", "actor2", "fatalities", "claimed_by", "admin1", "latitude", "longitude"):
                if kept.get(field) is None and ev.get(field) is not None:
                    kept[field] = ev[field]
        else:
            out[key] = ev | {"doc_id": doc_id, "story_id": story, "sources": [src]}
    events = list(out.values())
    return events[:limit] if limit else events


def _inter(actor: str | None) -> tuple[int | None, bool]:
    """(ACLED inter code, known): from the actor dictionary when it knows the actor (or the actor it
    belongs to); else guessed from the name's words (data/acled.json), flagged for review."""
    from marsad.text.actor_dictionary import actors

    if not actor:
        return None, True
    known = actors().lookup(actor) or actors().within(actor)
    if known:
        return known.inter, True
    name = normalize(actor)
    return next((code for pattern, code in acled()["inter"] if pattern in name), 8), False


def acled_date(ev: dict) -> tuple[str, int, str]:
    """(event_date, time_precision, note) for ACLED, which requires a date.

    An event without its own date (its words, e.g. "اليوم الأحد", could not be resolved) took place
    on or shortly before the first report of it, so the earliest publication date among its
    sources stands in, with time_precision 2 (ACLED: known to the week; 3 when the text itself
    only gave a month or year) and a note. With no publication date either, the date stays empty.
    """
    if ev.get("event_date"):
        return ev["event_date"], _PRECISION.get(ev.get("date_precision"), 3), ""
    published = min((s["published"] for s in ev.get("sources", []) if s.get("published")), default=None)
    if published:
        return published, max(2, _PRECISION.get(ev.get("date_precision"), 2)), "[date: publication date]"
    return "", 3, "[date: unknown, no publication date]"


def acled_row(ev: dict, n: int, stamp: int) -> dict:
    """One event in ACLED's 31 export columns."""
    info = country_rows().get(ev.get("country") or "", {})
    etype, sub = ev["event_type"], ev["sub_event_type"]
    actor1, actor2 = ev.get("actor1"), ev.get("actor2")
    if etype == "Protests" and (not actor1 or is_protesters(actor1)):      # "المحتجين": ACLED's generic name
        actor1 = f"Protesters ({ev.get('country') or 'Unknown'})"
    if etype == "Violence against civilians" and not actor2:
        actor2 = f"Civilians ({ev.get('country') or 'Unknown'})"
    (inter1, known1), (inter2, known2) = _inter(actor1), _inter(actor2)
    if actor1 and actor1.startswith("Protesters ("):
        inter1, known1 = 6, True
    if actor2 and actor2.startswith("Civilians ("):
        inter2, known2 = 7, True
    disorder = acled()["disorder"]
    date, precision, date_note = acled_date(ev)
    outlets = list(dict.fromkeys(s["outlet"] or s["doc_id"] for s in ev.get("sources", [])))
    cc = info.get("country", "")
    return {
        "event_id_cnty": f"{info.get('iso3') or 'XXX'}M{n}",
        "event_date": date, "year": date[:4], "time_precision": precision,
        "disorder_type": disorder.get(f"{etype}/{sub}") or disorder.get(etype, ""),
        "event_type": etype, "sub_event_type": sub,
        "actor1": actor1 or "", "assoc_actor_1": "", "inter1": inter1 or "",
        "actor2": actor2 or "", "assoc_actor_2": "", "inter2": inter2 or "",
        "interaction": (inter1 or 0) * 10 + (inter2 or 0) if inter1 else "",
        "civilian_targeting": "Civilian targeting" if etype == "Violence against civilians" or inter2 == 7 else "",
        "iso": info.get("numeric", ""),
        "region": acled()["region_of"].get(cc) or acled()["continent_regions"].get(info.get("continent", ""), ""),
        "country": ev.get("country") or "", "admin1": ev.get("admin1") or "", "admin2": "", "admin3": "",
        "location": ev.get("location") or "", "latitude": ev.get("latitude") if ev.get("latitude") is not None else "",
        "longitude": ev.get("longitude") if ev.get("longitude") is not None else "",
        "geo_precision": ev.get("geo_precision") or "",
        "source": "; ".join(outlets), "source_scale": "",
        "notes": " ".join(filter(None, [(ev.get("evidence") or {}).get("text", ""), date_note])),
        "fatalities": ev.get("fatalities") or 0,
        "tags": "; ".join(filter(None, [f"claimed by: {ev['claimed_by']}" if ev.get("claimed_by") else "",
                                        "machine-coded (marsad)",
                                        "" if known1 and known2 else "review inter codes (actor not in the dictionary)"])),
        "timestamp": stamp,
    }


def write(events: Iterable[dict], fmt: str, out: IO) -> int:
    """Write `events` in `fmt` to `out` (a text stream; Parquet needs a binary one). Returns how many
    were written (GeoJSON leaves out events without coordinates)."""
    events = list(events)
    stamp = int(time.time())
    if fmt == "acled-csv":
        w = csv.DictWriter(out, fieldnames=acled()["columns"])
        w.writeheader()
        for n, ev in enumerate(events, 1):
            w.writerow(acled_row(ev, n, stamp))
    elif fmt == "jsonl":
        for ev in events:
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
    elif fmt == "geojson":
        collection = geojson(events)
        json.dump(collection, out, ensure_ascii=False)
        return len(collection["features"])
    elif fmt == "parquet":
        _parquet([acled_row(ev, n, stamp) for n, ev in enumerate(events, 1)], out)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    return len(events)


def geojson(events: Iterable[dict]) -> dict:
    """A FeatureCollection of the events that have coordinates (as QGIS and geojson.io read it)."""
    features = []
    for ev in events:
        if ev.get("latitude") is None or ev.get("longitude") is None:
            continue
        props = {k: v for k, v in ev.items() if k not in ("latitude", "longitude", "evidence", "sources")}
        props["evidence"] = (ev.get("evidence") or {}).get("text")
        props["sources"] = "; ".join(s["doc_id"] for s in ev.get("sources", []))
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [ev["longitude"], ev["latitude"]]}})
    return {"type": "FeatureCollection", "features": features}


def _parquet(rows: list[dict], out: IO) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise RuntimeError("Parquet export needs pyarrow: pip install 'marsad[parquet]'") from e
    columns = acled()["columns"]
    table = pa.table({c: [None if r[c] == "" else r[c] for r in rows] for c in columns})
    pq.write_table(table, out)

