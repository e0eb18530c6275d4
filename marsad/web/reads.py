"""The read endpoints: articles, events, quotes, actors, stories, search, export, stats.

Plain `def` endpoints: FastAPI runs them on its worker threads, so a slow query (a large export)
never stalls the others, and each thread reads through its own connection (`app.reader`).
Article text is only ever returned inside JSON or as text/plain: escaping it is the page's job,
and no response of this API is HTML.
"""
from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import (
    JSONResponse,
    PlainTextResponse,
    Response,
    StreamingResponse,
)
from pydantic import AfterValidator

from marsad.store.actors import count_actors, count_quotes, find_quotes, list_actors
from marsad.store.open import open_store
from marsad.web import events as ev
from marsad.web import views
from marsad.web.app import ApiError, ErrorBody, reader
from marsad.web.params import (
    MAX_QUERY_CHARS,
    ArticleSort,
    BBox,
    Day,
    EventSort,
    EventType,
    Limit,
    Offset,
    SubType,
    Words,
    search_query,
    words,
)

router = APIRouter(prefix="/api")
CACHED_PAGE_BYTES = 1_000_000   # larger answers of /api/events (thousands of events a page) are not kept
Actor = words("Words in actor1 or actor2.")
Place = words("Words in location, admin1 or country.")
Country = words("A country: English or Arabic name, ISO2 or ISO3 code.")
Claimant = words("Words in the claimant (claimed_by).")
Story = words("A story id (see /api/stories).")
NOT_FOUND = {404: {"model": ErrorBody, "description": "Not stored.", "content": {"application/json": {}}}}
_MEDIA = {"acled-csv": ("text/csv; charset=utf-8", "events.csv"),
          "jsonl": ("application/x-ndjson; charset=utf-8", "events.jsonl"),
          "geojson": ("application/geo+json; charset=utf-8", "events.geojson"),
          "parquet": ("application/vnd.apache.parquet", "events.parquet")}


@router.get("/articles", summary="Stored articles, filtered and paged (rejected inputs too, with their reason)")
def list_articles(request: Request, status: Optional[Literal["ok", "rejected"]] = None,
                  outlet: Words = None,
                  q: Annotated[Optional[str], Query(max_length=MAX_QUERY_CHARS, description=(
                      "Only articles matching this search (the syntax of /api/search).")),
                      AfterValidator(search_query)] = None,
                  sort: ArticleSort = "-published", limit: Limit = 50, offset: Offset = 0):
    return _json(views.articles(reader(request).db, status, outlet, q, sort, limit, offset))


# declared before the article itself: ids hold slashes (`txt/report_00`), so `{doc_id:path}` would
# otherwise take `…/raw` as part of the id
@router.get("/articles/{doc_id:path}/raw", response_class=PlainTextResponse, responses=NOT_FOUND,
            summary="An article's input exactly as received, as text/plain (never HTML)")
def article_raw(request: Request, doc_id: str):
    store = reader(request)
    row = store.db.execute("SELECT raw_size FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise ApiError(404, f"no article {doc_id!r}")
    raw = store.raw(doc_id)
    if raw is None:
        raise ApiError(404, f"the input of {doc_id!r} was too large to keep ({row[0]} bytes); see its source",
                       {"raw_size": row[0]})
    # sandbox: should a browser open this directly, nothing in it may run, whatever it holds
    return PlainTextResponse(raw, headers={"Content-Security-Policy": "sandbox; default-src 'none'"})


@router.get("/articles/{doc_id:path}", responses=NOT_FOUND,
            summary="One stored article: metadata, cleaned text, entities, quotes, events, tolls")
def get_article(request: Request, doc_id: str):
    doc = views.article(reader(request), doc_id)
    if doc is None:
        raise ApiError(404, f"no article {doc_id!r}")
    return _json(doc)


def _json(content) -> JSONResponse:
    """Our data is plain JSON values already (from SQLite and json.loads): written as it is, without
    FastAPI's value-by-value `jsonable_encoder` walk (4 of the 5 ms a 50-event page took)."""
    return JSONResponse(content)


def _filter(kind, sub_type, actor, place, country, since, until, bbox, claimed_by, story) -> ev.EventFilter:
    if since and until and since > until:
        raise ApiError(422, "invalid until: before since", [{"loc": ["query", "until"], "msg": "before since"}])
    return ev.EventFilter(type=kind, sub_type=sub_type, actor=actor, place=place, country=country, since=since,
                          until=until, bbox=bbox, claimed_by=claimed_by, story=story)


@router.get("/events", summary="Stored events, one per story, type, place and day, with their sources")
def list_events(request: Request, kind: EventType = None, sub_type: SubType = None,
                actor: Actor = None, place: Place = None, country: Country = None,
                since: Day = None, until: Day = None, bbox: BBox = None,
                claimed_by: Claimant = None, story: Story = None,
                sort: EventSort = "-date", limit: Limit = 50, offset: Offset = 0):
    f = _filter(kind, sub_type, actor, place, country, since, until, bbox, claimed_by, story)
    db = reader(request).db

    def body(total: int, found: list[ev.Group]) -> bytes:     # _json's bytes, the events written as stored
        return (f'{{"total":{total},"limit":{limit},"offset":{offset},"items":['
                f'{",".join(ev.decode_json(db, found))}]}}').encode("utf-8")

    if ev.paged_in_sql(f, sort, offset):    # only this page's events are merged: its answer is kept
        content = request.app.state.readers.cached(
            ("page", f.key(), sort, offset, limit), lambda: body(*ev.page(db, f, sort, offset, limit)),
            keep=lambda b: len(b) <= CACHED_PAGE_BYTES)
    else:                               # every event is merged: the selection kept, paged from it
        selection = _selection(request, f, sort)
        content = body(len(selection), selection[offset:offset + limit])
    return Response(content, media_type="application/json")


def _selection(request: Request, f: ev.EventFilter, sort: str) -> list[ev.Group]:
    """The merged events `f` selects, from the cache while the database is unchanged (`readers.py`)."""
    db = reader(request).db
    return request.app.state.readers.cached(("events", f.key(), sort), lambda: ev.groups(db, f, sort))


@router.get("/export", responses={200: {"content": {m: {} for m, _ in _MEDIA.values()},
                                        "description": "The events, streamed."},
                                   501: {"model": ErrorBody, "description": "Parquet without pyarrow."}},
            response_class=Response, summary="Events in the CLI's export formats, with the filters of /api/events")
def export(request: Request, fmt: Annotated[Literal["acled-csv", "jsonl", "geojson", "parquet"],
                                            Query(alias="format")] = "acled-csv",
           kind: EventType = None, sub_type: SubType = None, actor: Actor = None, place: Place = None,
           country: Country = None, since: Day = None, until: Day = None, bbox: BBox = None,
           claimed_by: Claimant = None, story: Story = None, sort: EventSort = "-date"):
    if fmt == "parquet" and not _has_pyarrow():
        raise ApiError(501, "Parquet export needs pyarrow: pip install 'marsad[parquet]'")
    db = reader(request).db
    found = _selection(request, _filter(kind, sub_type, actor, place, country, since, until, bbox, claimed_by, story),
                       sort)
    media, name = _MEDIA[fmt]
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "X-Total-Count": str(len(found))}
    if fmt == "parquet":            # columnar: written whole, then sent
        from marsad.store.export import write

        buf = io.BytesIO()
        write(ev.iter_events(db, found), "parquet", buf)
        return Response(buf.getvalue(), media_type=media, headers=headers)
    return StreamingResponse(_export_chunks(request.app.state.db_path, found, fmt), media_type=media, headers=headers)


def _export_chunks(path: Path | str, found: list[ev.Group], fmt: str):
    """The export's bytes. Starlette pulls each chunk of a plain generator on whichever worker thread
    is free, so this one reads through a connection of its own that may move between threads (safe:
    it is used by one chunk at a time)."""
    with open_store(path, readonly=True, shared=True) as store:
        for piece in ev.stream(ev.iter_events(store.db, found), fmt):
            yield piece.encode("utf-8")


def _has_pyarrow() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


@router.get("/quotes", summary="Who said what, newest article first, with the evidence span")
def quotes(request: Request,
           speaker: words("The speaker, by any alias (الورفلي).") = None,
           about: words("Words the quote must contain (الطريق).") = None,
           limit: Limit = 50, offset: Offset = 0):
    db = reader(request).db
    return _json({"total": count_quotes(db, speaker, about), "limit": limit, "offset": offset,
                  "items": find_quotes(db, speaker, about, limit, offset)})


@router.get("/actors", summary="Actors across the corpus with mentions, documents and aliases")
def actors(request: Request,
           kind: Annotated[Optional[Literal["PER", "ORG", "LOC", "MISC"]], Query(alias="type")] = None,
           limit: Limit = 50, offset: Offset = 0):
    db = reader(request).db
    return _json({"total": count_actors(db, kind), "limit": limit, "offset": offset,
                  "items": list_actors(db, kind, limit, offset)})


@router.get("/actors/{name}", responses=NOT_FOUND,
            summary="One actor: aliases, events as actor1/actor2, claims made, a per-day timeline")
def actor(request: Request, name: str, limit: Annotated[int, Query(ge=1, le=10_000)] = 100):
    page = views.actor(reader(request).db, name, limit)
    if page is None:
        raise ApiError(404, f"no actor {name!r}")
    return _json(page)


@router.get("/stories/{story_id:path}", responses=NOT_FOUND,
            summary="Every outlet's article of one story, with events and figures side by side")
def story(request: Request, story_id: str):
    page = views.story(reader(request).db, story_id)
    if page is None:
        raise ApiError(404, f"no story {story_id!r}")
    return _json(page)


@router.get("/search", summary="Ranked full-text search with highlighted snippets (as `marsad search`)")
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS, description=(
               'Words (all must match; hamza, ta marbuta, clitics ignored), a OR b, -word, "a phrase".')),
               AfterValidator(search_query)],
           limit: Annotated[int, Query(ge=1, le=1000)] = 10, offset: Offset = 0):
    hits = reader(request).search(q, limit + offset)
    return _json({"items": hits[offset:], "limit": limit, "offset": offset})


@router.get("/stats", summary="Counts by status, annotations, stories, outlets, dates, rejection reasons")
def stats(request: Request):
    store = reader(request)
    s = store.stats()
    first, last = s.pop("published")
    s["published"] = {"first": first, "last": last}
    s["outlets"] = [{"outlet": o, "documents": n} for o, n in s["outlets"]]
    s["rejections"] = [{"reason": r, "documents": n} for r, n in s["rejections"]]
    s["event_types"] = {t: n for t, n in store.db.execute(
        "SELECT event_type, count(*) FROM events GROUP BY event_type ORDER BY count(*) DESC")}
    return _json(s)
