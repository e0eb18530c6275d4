"""Storage and what reads it: the SQLite store, full-text search, corpus-wide actors, stories
(near-duplicates), exports. Stands on `extract`, `read` and `text`; the pipeline is called lazily."""
