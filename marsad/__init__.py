"""marsad (مرصد): an Arabic-first conflict-news observatory.

Python API (mirrors the CLI):
    >>> import marsad
    >>> for doc in marsad.extract(["article.html"]): print(doc.title, doc.published)
    >>> from marsad.ingest import ingest
    >>> store = marsad.Store("marsad.db"); ingest(store, ["corpus/"]); store.search("احمد المسماري")
"""
__version__ = "0.1.0"

from marsad.model import Document, Entity, Event, Quote, RawItem, Toll  # noqa: E402
from marsad.pipeline import extract, process  # noqa: E402


def __getattr__(name):
    if name == "Store":  # the store pulls in sqlite setup; load it only when asked for
        from marsad.store.sqlite import Store
        return Store
    raise AttributeError(name)


__all__ = ["Document", "Entity", "Event", "Quote", "RawItem", "Toll", "extract", "process", "Store"]
