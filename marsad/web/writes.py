"""The write endpoint: POST an article (text, HTML) or many (JSONL), run through the pipeline, stored.

Writes need `Authorization: Bearer <token>`; with no token configured they are refused outright
(403), so a server started without thinking about it is read-only. The body is capped (413) before
it is read whole: a declared Content-Length over the cap is refused at once, a chunked body as soon
as it passes it. The body is read as a file of its format would be (`read.files.read_bytes`: the
same decoding, caps and rejections) and stored by `ingest.ingest_items`, the loop `marsad ingest`
runs: the same ids, the same unchanged/updated rules, the same short write transactions that wait
for another writer up to MARSAD_BUSY_TIMEOUT. One pipeline run at a time per process (`write_lock`).
"""
from __future__ import annotations

import hashlib
import hmac
import sqlite3
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from marsad.web.app import ApiError, ErrorBody
from marsad.web.params import Words, words

router = APIRouter(prefix="/api")
bearer = HTTPBearer(auto_error=False, description="The token of `marsad serve --token` or $MARSAD_API_TOKEN.")
FORMATS = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html",
           "application/x-ndjson": "jsonl", "application/jsonl": "jsonl", "application/x-jsonlines": "jsonl",
           "application/jsonlines": "jsonl", "application/json-lines": "jsonl"}
DocId = words("Id to store it under (default api/<hash of the body>; JSONL: each line's id, else this id "
              "with :N).", max_length=300)
_BODY = {"required": True, "content": {
    "text/plain": {"schema": {"type": "string"}, "example": "الخرطوم - اندلعت اشتباكات عنيفة صباح اليوم …"},
    "text/html": {"schema": {"type": "string"}},
    "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"id": "a1", "text": "…", "outlet": "…"}\n'}}}


def authorised(request: Request,
               credentials: Annotated[Optional[HTTPAuthorizationCredentials], Depends(bearer)]) -> None:
    """Checked before anything else of the request (a dependency runs before parameters are judged)."""
    token = request.app.state.token
    if not token:
        raise ApiError(403, "writes disabled: set MARSAD_API_TOKEN (or marsad serve --token) on the server")
    if credentials is None or not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise ApiError(401, "a valid 'Authorization: Bearer <token>' header is required",
                       headers={"WWW-Authenticate": "Bearer"})


async def _body(request: Request) -> bytes:
    limit = request.app.state.max_body
    declared = request.headers.get("content-length", "")
    too_large = f"request body over {limit:,} bytes (MARSAD_API_MAX_BODY); post fewer articles at once"
    if declared.isdigit() and int(declared) > limit:
        raise ApiError(413, too_large, {"limit": limit})
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, too_large, {"limit": limit})
        chunks.append(chunk)
    return b"".join(chunks)


@router.post("/articles", dependencies=[Depends(authorised)], openapi_extra={"requestBody": _BODY},
             responses={201: {"description": "Stored (ok or rejected, with the reason)."},
                        200: {"description": "Nothing new: every input was stored unchanged before."},
                        401: {"model": ErrorBody, "description": "Missing or wrong token."},
                        403: {"model": ErrorBody, "description": "No token configured: writes disabled."},
                        413: {"model": ErrorBody, "description": "Body over the limit."},
                        415: {"model": ErrorBody, "description": "Not text/plain, text/html or JSONL."},
                        503: {"model": ErrorBody, "description": "Another writer held the database too long."}},
             summary="Store articles: text/plain or text/html (one article) or application/x-ndjson (JSONL)")
async def post_articles(request: Request,
                        doc_id: DocId = None, title: Words = None, outlet: Words = None, url: Words = None,
                        published: words("Publication date, as in JSONL.") = None):
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = FORMATS.get(media)
    if fmt is None:
        raise ApiError(415, f"Content-Type {media or '(none)'} is not one of text/plain, text/html, "
                            "application/x-ndjson", {"accepted": sorted(FORMATS)})
    body = await _body(request)
    meta = {k: v for k, v in (("title", title), ("outlet", outlet), ("url", url), ("published", published)) if v}
    try:
        result = await run_in_threadpool(_store, request.app.state, body, fmt, doc_id, meta)
    except sqlite3.OperationalError as e:       # StoreBusy, or a lock SQLite itself gave up on
        raise ApiError(503, f"the database is busy: {e}") from e
    return JSONResponse(result, status_code=201 if result["stored"] else 200)


def _store(state, body: bytes, fmt: str, doc_id: Optional[str], meta: dict) -> dict:
    """Read, process and store the body's articles; what became of each."""
    from marsad.ingest import ingest_items
    from marsad.read.files import read_bytes
    from marsad.store.open import open_store

    base = doc_id or "api/" + hashlib.sha256(body).hexdigest()[:12]
    items = []
    for item in read_bytes(body, fmt, base, f"api/{base}"):
        item.meta = {**meta, **item.meta}            # the query's fields, unless a JSONL line has its own
        items.append(item)
    done = []
    with state.write_lock, open_store(state.db_path) as store:
        summary = ingest_items(store, items, lambda item, outcome, doc: done.append((item, outcome, doc)))
        rows = [_outcome(store, *d) for d in done]
    return {"stored": summary.ok + summary.rejected, "ok": summary.ok, "updated": summary.updated,
            "rejected": summary.rejected, "unchanged": summary.unchanged, "items": rows}


def _outcome(store, item, outcome: str, doc) -> dict:
    if doc is not None:
        return {"doc_id": doc.doc_id, "status": doc.status, "outcome": outcome, "error": doc.error,
                "events": len(doc.events), "notes": doc.notes}
    # unchanged: stored before under its id, or (the same text from elsewhere) under another
    _, row = store.locate(item.doc_id, item.source, item.content_hash)
    if row is None:
        row = store.db.execute("SELECT doc_id, status FROM documents WHERE content_hash = ? ORDER BY status = 'ok' "
                               "DESC LIMIT 1", (item.content_hash,)).fetchone()
    error = row and store.db.execute("SELECT error FROM documents WHERE doc_id = ?", (row["doc_id"],)).fetchone()[0]
    return {"doc_id": row["doc_id"] if row else item.doc_id, "status": row["status"] if row else None,
            "outcome": "unchanged", "error": error, "events": None, "notes": []}
