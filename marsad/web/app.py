"""The HTTP API's application: `create_app(db_path)` builds it, `marsad serve` runs it with uvicorn.

Reads are open; writes need the bearer token given to `create_app`, `marsad serve --token` or
$MARSAD_API_TOKEN (none set: writes are refused). Every error is JSON, `{"error": …, "detail": …}`
with its status code — a bad parameter 422, an unknown article 404, a body over the limit 413 — and
an unexpected failure is logged here and answered with a 500 of the same shape, never a traceback.

Reads go through one read-only connection per worker thread (`readers.py`).
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.store.open import is_url, open_store, schema_version
from marsad.store.sqlite import MIGRATIONS, Store
from marsad.web.readers import Readers

log = logging.getLogger("marsad.web")

DEFAULT_MAX_BODY = 5 * 1024 * 1024       # bytes a POST may carry ($MARSAD_API_MAX_BODY); a long article is 100 KB
STATIC = Path(__file__).resolve().parent / "static"


class ErrorBody(BaseModel):
    """Every error response's shape."""
    error: str
    detail: Any = None


class ApiError(Exception):
    """An error the caller can act on: answered as `{"error": message, "detail": detail}`."""

    def __init__(self, status: int, message: str, detail: Any = None, headers: Optional[dict] = None):
        super().__init__(message)
        self.status, self.message, self.detail, self.headers = status, message, detail, headers


def error_response(status: int, message: str, detail: Any = None, headers: Optional[dict] = None) -> JSONResponse:
    return JSONResponse({"error": message, "detail": detail}, status_code=status, headers=headers)


def check_database(path: Path | str) -> None:
    """Fail before serving when `path` is no marsad database (the CLI says the same in one line);
    an older schema is upgraded once, as every marsad command does."""
    if not is_url(path) and not path.is_file():
        raise FileNotFoundError(f"no database at {path} (run marsad ingest first)")
    version = schema_version(path)
    if version == 0:
        raise ValueError(f"{path} is not a marsad database" if is_url(path) else
                         f"{path} is an SQLite file but not a marsad database")
    if version > len(MIGRATIONS):
        raise ValueError(f"{path} was written by a newer marsad (schema v{version})")
    if version < len(MIGRATIONS):
        open_store(path).close()


def reader(request: Request) -> Store:
    """The calling thread's read-only store. Called inside an endpoint's body, not as a dependency:
    FastAPI may run a dependency on another thread than the endpoint, and a connection is per thread."""
    return request.app.state.readers.get()


class Guard:
    """The outermost layer of our own: any exception a request raises is logged with its traceback
    and answered with a JSON 500 (the server's default would be a text page, FastAPI's debug page a
    traceback); every response says `nosniff`, so no browser reads an article's text as HTML."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        # HEAD of an API path is its GET without the body (FastAPI routes answer GET only, and the
        # request would otherwise fall through to the static files' 404)
        head = scope["method"] == "HEAD" and scope["path"].startswith("/api/")
        if head:
            scope = {**scope, "method": "GET"}

        async def send_safely(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff")]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, receive, send_safely)
        except Exception as e:
            log.exception("internal error on %s %s", scope.get("method"), scope.get("path"))
            if started:                 # a stream broke midway: only closing the connection says so
                raise
            await error_response(500, "internal error", type(e).__name__)(scope, receive, send_safely)


def _validation_errors(exc: RequestValidationError) -> list[dict]:
    """FastAPI's validation errors as {loc, msg}: the parameter and what is wrong with it (the raw
    input is left out: it may be megabytes, and the caller has it)."""
    return [{"loc": [str(p) for p in e.get("loc", ())],
             "msg": str(e.get("msg", "invalid")).removeprefix("Value error, ")} for e in exc.errors()]


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.message, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        where = first["loc"][-1] if first["loc"] else "request"
        return error_response(422, f"invalid {where}: {first['msg']}", errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "HTTP error"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(_allowed(request))}
        return error_response(exc.status_code, message, None, headers)


def _allowed(request: Request) -> list[str]:
    """The methods some route answers at the request's path. Starlette's 405 names only the methods
    of the first route that matches the path (GET /api/articles), not those of the routes after it
    (POST /api/articles, in writes.py); each method is asked of every route here, as the router would
    (the static files' mount at `/` answers any path, and is no route of the API's)."""
    from starlette.routing import Match, Mount

    routes = [r for r in request.app.router.routes if not isinstance(r, Mount)]
    found = [m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
             if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in routes)]
    return found[:1] + ["HEAD"] + found[1:] if found[:1] == ["GET"] else found     # Guard answers HEAD


def create_app(db_path: str | os.PathLike, token: Optional[str] = None, max_body: Optional[int] = None,
               static_dir: str | os.PathLike | None = None) -> FastAPI:
    """The API over the marsad database `db_path` (which must exist): an SQLite file or a PostgreSQL URL.

    `token`: the bearer token writes need (default $MARSAD_API_TOKEN; none or "": writes refused).
    `max_body`: the largest request body in bytes (default $MARSAD_API_MAX_BODY, else 5 MB).
    `static_dir`: files served at `/` after the API (default marsad/web/static/, if it exists).
    """
    from marsad import __version__
    from marsad.web import reads, writes

    path = db_path if is_url(db_path) else Path(db_path)     # a URL is no path: Path folds its `//`
    check_database(path)
    if token is None:
        token = os.environ.get("MARSAD_API_TOKEN")
    if max_body is None:
        raw = os.environ.get("MARSAD_API_MAX_BODY") or str(DEFAULT_MAX_BODY)
        if not raw.strip().isdigit():
            raise ValueError(f"MARSAD_API_MAX_BODY must be a number of bytes, not {raw!r}")
        max_body = int(raw)
    app = FastAPI(title="marsad", version=__version__,
                  description="Arabic conflict-news observatory: articles, events (ACLED scheme), quotes, "
                              "actors, stories, search and exports over one marsad database. Reads are open; "
                              "POST /api/articles needs `Authorization: Bearer <token>`. Errors: "
                              '`{"error": message, "detail": …}`.',
                  responses={422: {"model": ErrorBody, "description": "A parameter is invalid."},
                             500: {"model": ErrorBody, "description": "An internal error (logged)."}})
    app.state.db_path = path
    app.state.readers = Readers(path)
    app.state.token = token or None
    app.state.max_body = max_body
    app.state.write_lock = threading.Lock()     # one pipeline run at a time: its taggers are not thread-safe
    _install_errors(app)
    app.add_middleware(Guard)
    app.include_router(reads.router)
    app.include_router(writes.router)
    # --- the dashboard's hook: its files (marsad/web/static/, index.html first) are served at `/`,
    # mounted last so that every /api and /docs route above wins over a file of the same name.
    static = Path(static_dir) if static_dir is not None else STATIC
    if static.is_dir():
        from fastapi.staticfiles import StaticFiles

        app.mount("/", StaticFiles(directory=static, html=True), name="static")
    else:
        @app.get("/", include_in_schema=False)
        def home():
            return RedirectResponse("/docs")
    return app
