"""Stories across the whole corpus: near-duplicate articles, wherever their partitions put them.

The store's index (marsad/store/stories.py) is incremental and single-writer; here the same MinHash
signatures and LSH band keys (computed on the executors with each document) are grouped by band
key in one shuffle, so articles that share a band meet whatever file or partition they came from.
Candidate pairs from each bucket are verified like the store verifies them (estimated Jaccard
≥ THRESHOLD), and the verified pairs are joined by union-find into stories.

A story's id is the smallest doc_id among its articles: the store names a story after its first
article, and "first" here must not depend on partitioning, so reruns give the same ids. An article
without a near-duplicate is its own story (story_id = doc_id).

Union-find runs on the driver over the verified pairs only: its memory grows with the number of
articles that have a near-duplicate, not with the corpus, and so does the (doc_id, story_id, size)
table it gives back; the job joins it to the articles (broadcast while it is small), so the
singletons, nearly all of a corpus, never leave their partitions.
"""
from __future__ import annotations

from collections import Counter

from marsad.store.stories import NUM_PERM, REPRESENTATIVES, THRESHOLD

ALL_PAIRS = 8           # a bucket's first members (by doc_id) are compared pairwise
# later members only against the first REPRESENTATIVES: an agency story copied by 10,000 sites
# fills one bucket, and all pairs of it would be 50 million comparisons for one story


def verified_pairs(docs):
    """A DataFrame of (a, b) doc_ids, a < b, of articles in one story, from the ok rows of the
    documents DataFrame. All in Spark SQL: no row crosses into Python until the pairs are found."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    ok = docs.filter(F.col("status") == "ok")
    bands = ok.select("doc_id", F.explode("band_keys").alias("bkey")).distinct()
    bucket = Window.partitionBy("bkey")
    ranked = (bands.withColumn("size", F.count("*").over(bucket)).filter("size > 1")
              .withColumn("rank", F.row_number().over(bucket.orderBy("doc_id"))).drop("size"))
    a, b = ranked.alias("a"), ranked.alias("b")
    pairs = (a.filter(F.col("rank") <= ALL_PAIRS)
             .join(b, (F.col("a.bkey") == F.col("b.bkey")) & (F.col("a.doc_id") < F.col("b.doc_id"))
                   & ((F.col("b.rank") <= ALL_PAIRS) | (F.col("a.rank") <= REPRESENTATIVES)))
             .select(F.col("a.doc_id").alias("a"), F.col("b.doc_id").alias("b")).distinct())
    signatures = ok.select("doc_id", "signature")
    agree = F.size(F.filter(F.arrays_zip("sa", "sb"), lambda pair: pair["sa"] == pair["sb"])) / NUM_PERM
    return (pairs.join(signatures.toDF("a", "sa"), "a").join(signatures.toDF("b", "sb"), "b")
            .filter(agree >= THRESHOLD).select("a", "b"))


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


def story_ids(spark, docs) -> tuple:
    """(a DataFrame (doc_id, story_id, size) of every ok article that shares a story with another,
    {"stories_with_copies": n, "articles_in_them": m}). Articles not in it are stories of one."""
    from pyspark.sql import types as T

    uf = UnionFind()
    # collected in one job (a toLocalIterator is one job per partition): a pair is ~100 bytes, and
    # only articles with a near-duplicate have one
    for a, b in verified_pairs(docs).collect():
        uf.union(a, b)
    story = {doc_id: uf.find(doc_id) for doc_id in uf.parent}
    size = Counter(story.values())
    schema = T.StructType([T.StructField("doc_id", T.StringType(), False),
                           T.StructField("story_id", T.StringType(), False),
                           T.StructField("size", T.LongType(), False)])
    shared = spark.createDataFrame([(d, s, size[s]) for d, s in sorted(story.items())], schema)
    return shared, {"stories_with_copies": len(size), "articles_in_them": len(story)}
