"""Stories across the whole corpus: near-duplicate articles, wherever their partitions put them.

The store's index (marsad/store/stories.py) is incremental and single-writer; here the same MinHash
signatures and LSH band keys (computed on the executors with each document) are grouped by band
key in one shuffle, so articles that share a band meet whatever file or partition they came from.
Candidate pairs from each bucket are verified like the store verifies them (estimated Jaccard
≥ THRESHOLD), and the verified pairs are joined by union-find into stories.

A story's id is the smallest doc_id among its articles: the store names a story after its first
article, and "first" here must not depend on partitioning, so reruns give the same ids. An article
without a near-duplicate is its own story (story_id = doc_id).

Only candidates travel to the driver: the pairs a bucket proposes and the signatures of their
articles (512 bytes each); union-find runs there over the verified pairs. Its memory grows with the
number of articles that have a near-duplicate, not with the corpus, and so does the {doc_id:
(story_id, size)} map it gives back, which the executors receive as a broadcast when they write the
tables: the singletons, nearly all of a corpus, never leave their partitions.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np

from marsad.scale.rows import COLUMN
from marsad.store.stories import NUM_PERM, REPRESENTATIVES, THRESHOLD

ALL_PAIRS = 8           # a bucket's first members (by doc_id) are compared pairwise
# later members only against the first REPRESENTATIVES: an agency story copied by 10,000 sites
# fills one bucket, and all pairs of it would be 50 million comparisons for one story


def candidate_pairs(members) -> Iterator[tuple[str, str]]:
    """(a, b), a < b, of one bucket's doc_ids: its first ALL_PAIRS members pairwise, later members
    only with the first REPRESENTATIVES."""
    ids = sorted(set(members))
    for i in range(min(len(ids), ALL_PAIRS)):
        for j in range(i + 1, len(ids) if i < REPRESENTATIVES else min(len(ids), ALL_PAIRS)):
            yield ids[i], ids[j]


def verified_pairs(sc, ok) -> list[tuple[str, str]]:
    """The (a, b) doc_ids of articles in one story, from the RDD of ok document rows."""
    doc_id, bands, sig = COLUMN["doc_id"], COLUMN["band_keys"], COLUMN["signature"]
    # one job: a pair is ~100 bytes, and only articles with a near-duplicate have one
    pairs = (ok.flatMap(lambda r: ((k, r[doc_id]) for k in r[bands] or ())).groupByKey()
             .flatMap(lambda bucket: candidate_pairs(bucket[1])).distinct().collect())
    if not pairs:
        return []
    wanted = sc.broadcast({d for pair in pairs for d in pair})
    signatures = dict(ok.filter(lambda r: r[doc_id] in wanted.value).map(lambda r: (r[doc_id], r[sig])).collect())
    wanted.unpersist()
    agree = {d: np.asarray(s, dtype=np.int32) for d, s in signatures.items()}
    return [(a, b) for a, b in pairs if np.count_nonzero(agree[a] == agree[b]) / NUM_PERM >= THRESHOLD]


class UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:                         # path compression: the next find is one step
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:                             # the smaller id is the root: it names the story
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self.parent[hi] = lo
            self.parent.setdefault(lo, lo)


def story_ids(sc, ok) -> tuple[dict[str, tuple[str, int]], dict]:
    """({doc_id: (story_id, size)} for every ok article that shares a story with another,
    {"stories_with_copies": n, "articles_in_them": m}). Articles not in it are stories of one."""
    uf = UnionFind()
    for a, b in verified_pairs(sc, ok):
        uf.union(a, b)
    story = {doc_id: uf.find(doc_id) for doc_id in uf.parent}
    size = Counter(story.values())
    return ({d: (s, size[s]) for d, s in story.items()},
            {"stories_with_copies": len(size), "articles_in_them": len(story)})
