"""marsad (مرصد): an Arabic-first conflict-news observatory.

Python API (mirrors the CLI):
    >>> import marsad
    >>> for doc in marsad.extract(["article.html"]): print(doc.title, doc.published)
    >>> store = marsad.Store("marsad.db"); store.ingest(["corpus/"]); store.search("احمد المسماري")
"""
__version__ = "0.1.0"

from .model import Document, Entity, Event, Quote, RawItem, Toll  # noqa: E402
from .pipeline import extract, process  # noqa: E402


def __getattr__(name):
    if name == "Store":  # the store pulls in sqlite setup; load it only when asked for
        from .store import Store
        return Store
    raise AttributeError(name)


__all__ = ["Document", "Entity", "Event", "Quote", "RawItem", "Toll", "extract", "process", "Store"]
