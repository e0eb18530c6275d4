"""marsad on Apache Spark: the same readers and pipeline over a corpus too big for one process.

    plan (driver: list inputs, cut big JSONL files)  →  read (executors)  →  repartition
    →  process (executors: the pipeline, models loaded once per worker)  →  stories (corpus-wide
    LSH buckets, a shuffle, union-find)  →  Parquet tables by publication date  →  optional store

`job.run` is the entry point (the `marsad spark` command); `bench` measures it. pyspark is an
optional dependency (`pip install 'marsad[spark]'`): only these modules import it, lazily.
"""
