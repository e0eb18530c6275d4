"""`marsad serve`: the HTTP API (and the dashboard, when its files are installed) over one database."""
from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from marsad.cli.common import DbOption, app, err, open_read, out, shown_db
from marsad.cli.errors import UserError
from marsad.store.sqlite import DEFAULT_DB

PANEL = "Serve"


@app.command(rich_help_panel=PANEL)
def serve(db: DbOption = Path(DEFAULT_DB),
          host: Annotated[str, typer.Option(help="Address to listen on (0.0.0.0: every interface).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
          token: Annotated[Optional[str], typer.Option(
              envvar="MARSAD_API_TOKEN", show_envvar=True,
              help="Bearer token that POST /api/articles needs; without one, writes are refused.")] = None):
    """Serve the HTTP API (OpenAPI at /docs) and the dashboard; prints the URL, stops on Ctrl-C.

    Reads are open to anyone who can reach the address; writes need the token. Bodies are capped at
    $MARSAD_API_MAX_BODY bytes (default 5 MB).

    Example: [bold]marsad serve --db news.db --port 8080[/bold]
    """
    import uvicorn

    from marsad.web.app import create_app

    open_read(db).close()       # a missing or foreign file: the read commands' one-line error, exit 1
    _can_listen(host, port)
    try:
        api = create_app(db, token=token or None)
    except ValueError as e:     # $MARSAD_API_MAX_BODY that is not a number
        raise UserError(str(e)) from e
    shown = f"[{host}]" if ":" in host else host
    out.print(Text(f"marsad: serving {shown_db(db)} at http://{shown}:{port}/ (API docs: http://{shown}:{port}/docs)"))
    err.print(Text("writes: enabled (bearer token)" if token else
                   "writes: disabled (set MARSAD_API_TOKEN or --token to allow POST /api/articles)"))
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(Text(f"note: {host} is reachable from other machines; reads need no token"))
    sys.stdout.flush()          # the URL now, not when the server stops (stdout may be a pipe or a log)
    uvicorn.run(api, host=host, port=port, log_level="warning", server_header=False)


def _can_listen(host: str, port: int) -> None:
    """Fail in one line when the port is taken (uvicorn would log it and exit on its own)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)     # as uvicorn binds
            s.bind(address)
    except OSError as e:
        raise UserError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e
