"""marsad (مرصد): an Arabic-first conflict-news observatory.

Python API (mirrors the CLI):
    >>> import marsad
    >>> for doc in marsad.extract(["article.html"]): print(doc.title, doc.published)
    >>> from marsad.ingest import ingest
    >>> store = marsad.Store("marsad.db"); ingest(store, ["corpus/"]); store.search("احمد المسماري")
    >>> store = marsad.open_store("postgresql://user@host/marsad")    # the same API on PostgreSQL
"""
__version__ = "0.1.0"

from marsad.model import Document, Entity, Event, Quote, RawItem, Toll  # noqa: E402
from marsad.pipeline import extract, process  # noqa: E402


def __getattr__(name):
    # the store pulls in sqlite setup; load it only when asked for. `Store(path_or_url)` opens an
    # SQLite file or a PostgreSQL database (postgresql://…): `open_store` under its older name
    if name in ("Store", "open_store"):
        from marsad.store.open import open_store
        return open_store
    raise AttributeError(name)


__all__ = ["Document", "Entity", "Event", "Quote", "RawItem", "Toll", "extract", "process", "Store", "open_store"]
