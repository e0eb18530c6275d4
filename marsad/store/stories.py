"""Stories: near-duplicate articles (one agency report re-published by many outlets) clustered with
MinHash over word 4-gram shingles of the normalised text and a locality-sensitive hash index.

The index lives in SQLite, not in memory: for each of `BANDS` bands of a signature, a row
(band, key, doc_id) in an indexed table. A new article looks up at most `PER_BAND` earlier articles
per band, keeps those whose estimated Jaccard passes `THRESHOLD`, and joins the story of the most
similar; otherwise it starts its own. Memory stays flat and the work per article is bounded, so the
cost is linear in corpus size, and the index persists with the store.
"""
from __future__ import annotations

import re
import sqlite3
import zlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from marsad.text.arabic import normalize

NUM_PERM = 128           # 64 was too noisy: a copy with true Jaccard 0.76 was estimated at 0.69
BANDS, ROWS = 32, 4      # P(candidate) = 1 - (1 - J^4)^32: 0.87 at J = 0.5, 0.23 at J = 0.3
THRESHOLD = 0.5          # estimated Jaccard of shingle sets above which two articles are one story
BUCKET = 8               # members per LSH bucket: a full bucket already holds articles like this one
VERIFY = 16              # candidates verified: those sharing the most bands (the most similar)
REPRESENTATIVES = 3      # a story's first members stand for it in the index; later copies add nothing
SHINGLE = 4
_WORD = re.compile(r"\w+")

SCHEMA = """
CREATE TABLE IF NOT EXISTS story_lsh (bkey INTEGER NOT NULL, doc_id TEXT NOT NULL,
                                      PRIMARY KEY (bkey, doc_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_sig (doc_id TEXT PRIMARY KEY, story_id TEXT NOT NULL, sig BLOB NOT NULL)
    WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_sig_story ON story_sig(story_id);
"""


@lru_cache(maxsize=1)
def _permutations():
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=1)       # permutations generated once, shared by every signature
    return m.permutations, m.scheme


def signature(text: str) -> np.ndarray:
    """The MinHash values of `text`'s word shingles (crc32-hashed: fast, and MinHash uses 32 bits)."""
    from datasketch import MinHash

    words = _WORD.findall(normalize(text))
    shingles = [" ".join(words[i:i + SHINGLE]).encode() for i in range(max(1, len(words) - SHINGLE + 1))]
    perms, scheme = _permutations()
    m = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=perms, scheme=scheme)
    m.update_batch(shingles)
    return np.asarray(m.hashvalues, dtype=np.uint32)   # MinHash values are 32-bit: half the bytes of uint64


def band_keys(sig: np.ndarray) -> list[int]:
    """One 64-bit key per band: the band number in the high bits, a crc32 of its rows below."""
    raw = sig.tobytes()
    width = ROWS * 4
    return [(b << 32) | zlib.crc32(raw[b * width:(b + 1) * width]) for b in range(BANDS)]


class StoryIndex:
    """Story ids for articles, kept in the tables of `db` (an open store connection). Ties are
    broken by doc_id, so every database, and every run, makes the same stories."""

    def __init__(self, db: sqlite3.Connection | None = None, threshold: float = THRESHOLD, create: bool = True):
        """`create=False`: the tables exist already (a migrated store, of either dialect)."""
        self.db = db or sqlite3.connect(":memory:")
        if create:
            self.db.executescript(SCHEMA)
        self.threshold = threshold

    def story_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_sig WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def add_signature(self, doc_id: str, sig: np.ndarray) -> str:
        keys = band_keys(sig)
        marks = ",".join("?" * len(keys))
        # counting happens inside SQLite: the rows of full buckets never reach Python, so a denser
        # corpus (more near-copies per bucket) does not make each article slower to add
        near = [d for d, in self.db.execute(
            f"SELECT doc_id FROM story_lsh WHERE bkey IN ({marks}) GROUP BY doc_id "
            f"ORDER BY count(*) DESC, doc_id LIMIT {VERIFY}", keys)]
        # the article itself is looked up with its candidates: re-adding it returns its story
        rows = self.db.execute(
            f"SELECT doc_id, story_id, sig FROM story_sig WHERE doc_id IN ({','.join('?' * (len(near) + 1))}) "
            "ORDER BY doc_id",
            [doc_id, *near]).fetchall()
        own = next((s for other, s, _ in rows if other == doc_id), None)
        if own is not None:
            return own
        story = doc_id
        if rows:                                  # every candidate compared in one array operation
            agree = (np.frombuffer(b"".join(r[2] for r in rows), dtype=np.uint32).reshape(len(rows), -1)
                     == sig).sum(axis=1) / NUM_PERM
            top = int(agree.argmax())
            if agree[top] >= self.threshold:
                story = rows[top][1]
        joins = story != doc_id
        members = self.db.execute(        # counted up to the cap only: big stories cost no more
            f"SELECT count(*) FROM (SELECT 1 FROM story_sig WHERE story_id = ? LIMIT {REPRESENTATIVES}) AS members",
            (story,)).fetchone()[0] if joins else 0     # a new story has no members yet
        if members < REPRESENTATIVES:          # big stories stop growing their buckets: linear cost
            full = {k for k, in self.db.execute(
                f"SELECT bkey FROM story_lsh WHERE bkey IN ({marks}) GROUP BY bkey HAVING count(*) >= {BUCKET}",
                keys)}
            self.db.executemany("INSERT OR IGNORE INTO story_lsh (bkey, doc_id) VALUES (?, ?)",
                                [(k, doc_id) for k in keys if k not in full])
        self.db.execute("INSERT INTO story_sig (doc_id, story_id, sig) VALUES (?, ?, ?)",
                        (doc_id, story, sig.tobytes()))
        return story

    def add(self, doc_id: str, text: str) -> str:
        return self.add_signature(doc_id, signature(text))


def cluster(docs: Iterable[tuple[str, str]], threshold: float = THRESHOLD) -> dict[str, str]:
    """doc_id → story id for (doc_id, text) pairs, in the order given (an in-memory index)."""
    index = StoryIndex(threshold=threshold)
    return {doc_id: index.add(doc_id, text) for doc_id, text in docs}
