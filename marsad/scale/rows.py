"""Documents as table rows: one nested row per document on the executors, flat tables on disk.

Columns are the record fields as `marsad extract --format jsonl` writes them (CONTRACT.md) and as
the store names them: entities, quotes, events and tolls carry their dataclass fields (an event's
`evidence` stays a {start, end, text} struct), articles the document fields with `page_dates` and
`notes` as lists. The Spark types are read off the dataclasses' annotations, so a field added to
marsad/model.py becomes a column without an edit here (and an unknown type fails loudly).

Every table has `date`: the article's publication date, or `unknown` (the partition of
articles without one, and of every rejected input).
"""
from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np

from marsad.model import Document, Entity, Event, Quote, Span, Toll
from marsad.store.stories import band_keys, signature

UNKNOWN_DATE = "unknown"
ANNOTATIONS = {"entities": Entity, "quotes": Quote, "events": Event, "tolls": Toll}
ARTICLE_FIELDS = ("doc_id", "source", "fmt", "content_hash", "raw_size", "outlet", "title", "subtitle", "url",
                  "published", "published_confidence", "published_source", "page_dates", "dateline", "text",
                  "notes")
REJECTED_FIELDS = ("doc_id", "source", "fmt", "error", "content_hash", "raw_size", "notes")
# what a document row carries besides its fields: the annotation lists and story material
DOC_FIELDS = ("doc_id", "source", "fmt", "status", "error", "content_hash", "raw_size", "outlet", "title",
              "subtitle", "url", "published", "published_confidence", "published_source", "page_dates",
              "dateline", "text", "notes", *ANNOTATIONS, "signature", "band_keys", "date", "input_no")
COLUMN = {name: i for i, name in enumerate(DOC_FIELDS)}         # a field's place in a document row


def _spark_type(annotation: str):
    from pyspark.sql import types as T

    scalar = {"str": T.StringType(), "int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}
    name = annotation.replace(" | None", "").strip()
    if name == "Span":
        return T.StructType([T.StructField(f.name, _spark_type(str(f.type))) for f in dataclasses.fields(Span)])
    if name in scalar:
        return scalar[name]
    raise TypeError(f"no Spark column type for a field annotated {annotation!r}")


def record_schema(cls: type):
    from pyspark.sql import types as T

    return T.StructType([T.StructField(f.name, _spark_type(str(f.type))) for f in dataclasses.fields(cls)])


def doc_schema():
    """The schema of the nested per-document rows that `doc_row` makes."""
    from pyspark.sql import types as T

    text, strings = T.StringType(), T.ArrayType(T.StringType())
    special = {"raw_size": T.LongType(), "page_dates": strings, "notes": strings, "input_no": T.IntegerType(),
               "signature": T.ArrayType(T.IntegerType()),
               "band_keys": T.ArrayType(T.LongType()),
               **{name: T.ArrayType(record_schema(cls)) for name, cls in ANNOTATIONS.items()}}
    required = ("doc_id", "status", "content_hash", "date")
    return T.StructType([T.StructField(name, special.get(name, text), name not in required) for name in DOC_FIELDS])


def _record(obj: Any) -> tuple:
    return tuple(_record(v) if isinstance(v, Span) else v
                 for v in (getattr(obj, f.name) for f in dataclasses.fields(obj)))


def doc_row(doc: Document, raw_size: int, input_no: int = 0) -> tuple:
    """One document as a tuple in `doc_schema` order; ok documents carry their MinHash signature and
    its LSH band keys, computed here on the executor (the store signs title and text alike).
    `input_no` is the place of the document's input file in the listing (plan.Piece.input_no)."""
    ok = doc.status == "ok"
    sig = signature(f"{doc.title or ''} {doc.text}") if ok else None
    values = {
        **{name: getattr(doc, name) for name in DOC_FIELDS if hasattr(doc, name) and name not in ANNOTATIONS},
        "raw_size": raw_size,
        "dateline": doc.dateline.text if doc.dateline else None,
        **{name: [_record(r) for r in getattr(doc, name)] for name in ANNOTATIONS},
        # as signed 32-bit (Spark has no unsigned type): equal values stay equal, which is all LSH asks
        "signature": sig.view(np.int32).tolist() if sig is not None else None,
        "band_keys": band_keys(sig) if sig is not None else None,
        "date": doc.published if ok and doc.published else UNKNOWN_DATE,
        "input_no": input_no,
    }
    return tuple(values[name] for name in DOC_FIELDS)


def document(row: dict | tuple) -> Document:
    """A Document back from a nested row (a tuple in DOC_FIELDS order, or a dict): what loading the
    tables into a store saves. The raw input is not in the tables (the store then keeps the source,
    not a copy)."""
    if isinstance(row, tuple):
        row = dict(zip(DOC_FIELDS, row))
    fields = {f.name for f in dataclasses.fields(Document)}
    doc = Document(**{k: v for k, v in row.items() if k in fields and k not in ANNOTATIONS and k != "dateline"})
    doc.page_dates, doc.notes = list(row.get("page_dates") or []), list(row.get("notes") or [])
    if row.get("dateline"):
        at = doc.text.find(row["dateline"])
        doc.dateline = Span(at, at + len(row["dateline"]), row["dateline"]) if at >= 0 else None
    for name, cls in ANNOTATIONS.items():
        setattr(doc, name, [_from_record(cls, r) for r in row.get(name) or []])
    return doc


def _from_record(cls: type, values: dict | tuple) -> Any:
    if isinstance(values, tuple):                   # a record as the executors make it (`_record`)
        return cls(*(Span(*v) if isinstance(v, tuple) else v for v in values))
    values = dict(values)
    if cls is Event and values.get("evidence") is not None:
        values["evidence"] = Span(**values["evidence"])
    return cls(**values)
