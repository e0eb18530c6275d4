"""marsad's HTTP API (FastAPI) and the dashboard it serves: `create_app` in `app.py`, read endpoints
in `reads.py`, the write endpoint in `writes.py`, the queries behind them in `events.py` and
`views.py`, and the dashboard's files in `static/`. `marsad serve` runs it with uvicorn.

This floor sits above the store, the pipeline and ingest (it stores posted articles through
`ingest.ingest_items`) and below the CLI.
"""
