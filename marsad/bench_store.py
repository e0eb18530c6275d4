"""`marsad bench --store URL`: the two stores side by side, SQLite and PostgreSQL, in one run.

- ingest: the same synthetic articles ingested into each (the pipeline included), and the saving
  alone (the same processed documents saved in batches): PostgreSQL's time over SQLite's.
- search: full-text query latency (p50, p95 of `Store.search`, snippets included) on stores of
  synthetic articles built by bulk insert — executemany in one transaction with no journal and no
  fsync for SQLite (a throwaway file), COPY into tables whose secondary indexes (GIN included) are
  built after the load for PostgreSQL — from a vocabulary written here, word frequencies
  Zipf-distributed like a language's; and the bench process's peak memory at each size (flat: the
  rows are generated and written in chunks of 10,000-20,000; PostgreSQL's index rows wait in a
  temporary file while the documents are copied). Each size and store runs in a child process of
  its own, so its peak is its own.
"""
from __future__ import annotations

import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from marsad.store.open import open_store
from marsad.store.pgschema import FTS_PARTITION_ROWS, fts_partition, fts_partitioned

# common words of news Arabic (written for this benchmark), then made-up words built from Arabic
# letters: a vocabulary of VOCABULARY words whose frequencies follow Zipf's law
WORDS = ("في من على إلى أن قال الذي التي مع عن بعد قبل خلال بين حيث كما وقد اليوم أمس مصدر مصادر القوات الجيش "
         "قصف هجوم اشتباكات مدينة منطقة محافظة قرية شمال جنوب شرق غرب مقتل إصابة قتلى جرحى مدنيين عسكري "
         "أمني الحكومة المعارضة الحدود الطريق المطار الميناء المستشفى السوق المدرسة طائرة مسيرة صاروخ قذيفة "
         "انفجار عبوة ناسفة سيارة مفخخة اعتقال حملة مداهمة مظاهرة احتجاج المحتجين الشرطة وزارة الداخلية "
         "الدفاع بيان مؤتمر صحفي المتحدث باسم وكالة الأنباء الرسمية مجلس الأمن الأمم المتحدة منظمة إغاثة "
         "النازحين اللاجئين مخيم الأطفال النساء المساعدات الغذاء الماء الكهرباء الوقود الأسعار الاقتصاد "
         "المفاوضات وقف إطلاق النار الهدنة اتفاق تبادل الأسرى الوفد الرئيس الوزير رئيس الوزراء البرلمان "
         "الانتخابات الحزب الجماعة الفصائل المسلحة الميليشيا التحالف الدولي العملية العسكرية السيطرة "
         "الانسحاب التقدم الخطوط الأمامية الجبهة الموقع المواقع الدبابات المدفعية الثقيلة الخفيفة الأسلحة "
         "حلب إدلب دمشق حمص درعا الموصل كركوك بغداد الأنبار صنعاء عدن تعز مأرب الحديدة طرابلس بنغازي سرت "
         "الخرطوم الفاشر نيالا أم درمان غزة رفح خان يونس جنين نابلس بيروت صور النبطية").split()
VOCABULARY = 50_000
TITLE_WORDS, BODY_WORDS = 8, 70
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def vocabulary(seed: int = 11) -> tuple[list[str], list[str], list[float]]:
    """(words, each word's index terms (clitic-stripped forms, as the store indexes them), cumulative
    Zipf weights)."""
    from marsad.store.sqlite import index_terms

    rng = random.Random(seed)
    words, seen = list(dict.fromkeys(WORDS)), set(WORDS)
    while len(words) < VOCABULARY:
        w = "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 8)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    cumulative, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, [index_terms(w) for w in words], cumulative


def articles(n: int, vocab, seed: int = 5, chunk: int = 10_000) -> Iterator[tuple[int, list[int], list[int]]]:
    """(number, title word indexes, body word indexes) of `n` synthetic articles, drawn in chunks."""
    import numpy as np

    _, _, cumulative = vocab
    p = np.diff(np.asarray([0.0, *cumulative]))
    rng = np.random.default_rng(seed)
    for start in range(0, n, chunk):
        picks = rng.choice(len(p), size=(min(chunk, n - start), TITLE_WORDS + BODY_WORDS), p=p / p.sum()).tolist()
        for k, row in enumerate(picks):
            yield start + k, row[:TITLE_WORDS], row[TITLE_WORDS:]


def queries(vocab, n: int, seed: int = 3) -> list[str]:
    """A mix a reader types: one word, two words, a quoted pair, an OR; words of ranks 300-30,000
    (names of places, people, things: the commonest function words are not what anyone searches)."""
    from marsad.text.arabic import normalize

    words = vocab[0]
    rng = random.Random(seed)
    pick = lambda: normalize(words[int(300 * (100 ** rng.random()))])   # noqa: E731 - log-uniform rank
    kinds = [lambda: pick(), lambda: f"{pick()} {pick()}", lambda: f'"{pick()} {pick()}"', lambda: f"{pick()} OR {pick()}"]
    return [rng.choice(kinds)() for _ in range(n)]


def _rows(n: int, vocab, literal: bool = True) -> Iterator[tuple[str, str, str, str, str]]:
    """Per article: doc_id, title, body (normalised words), stems, and (`literal`) its tsvector
    literal: what `pgsearch.tsvector_literal` makes of the fields, written as one `token:position`
    per token (the tsvector parser merges a repeated lexeme's positions; no synthetic article reaches
    its caps), from each word's tokens computed once."""
    from marsad.store.pgsearch import fts_tokens
    from marsad.text.arabic import normalize

    words, stems, _ = vocab
    norm = [normalize(w) for w in words]
    stem_text = [s + " " if s else "" for s in stems]
    tokens = [fts_tokens(w) for w in norm]
    stem_tokens = [fts_tokens(s) for s in stems]
    at = {w: [f":{i}{w}" for i in range(TITLE_WORDS * 8 + BODY_WORDS * 16 + 8)] for w in "ABD"}
    for i, title, body in articles(n, vocab):
        row = (f"syn{i}", " ".join([norm[w] for w in title]), " ".join([norm[w] for w in body]),
               "".join([stem_text[w] for w in title + body])[:-1])
        if not literal:
            yield (*row, "")
            continue
        parts, pos = [], 0
        for weight, field, per_word in (("A", title, tokens), ("B", body, tokens), ("D", title + body, stem_tokens)):
            suffix = at[weight]
            for w in field:
                for token in per_word[w]:
                    pos += 1
                    parts.append(token + suffix[pos])
            pos += 1
        yield (*row, " ".join(parts))


def _chunks(rows: Iterator, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def build_sqlite(path: Path, n: int, vocab, chunk: int = 20_000) -> None:
    """A throwaway store, loaded as fast as SQLite loads: no journal and no fsync (a crash loses the
    file, which the bench would rebuild anyway), a 256 MB page cache, one transaction; each chunk's
    documents by executemany, then their index entries (FTS5 flushing its pending terms every 32 MB
    rather than every 1 MB: fewer, larger segments to merge)."""
    with open_store(path) as store:
        db = store.db
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA cache_size = -262144")
        db.execute("INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', ?)", (32 << 20,))
        with store.transaction():
            for batch in _chunks(_rows(n, vocab, literal=False), chunk):
                first = int(batch[0][0][3:]) + 1
                db.executemany("INSERT INTO documents (id, doc_id, status, content_hash, title, text, ingested_at, "
                               "updated_at) VALUES (?, ?, 'ok', ?, ?, ?, '', '')",
                               [(first + k, r[0], r[0], r[1], r[2]) for k, r in enumerate(batch)])
                db.executemany("INSERT INTO documents_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)",
                               [(first + k, r[1], r[2], r[3]) for k, r in enumerate(batch)])


def build_postgres(url: str, n: int, vocab) -> None:
    """COPY into tables without their secondary indexes (the GIN index and documents' own), which
    are then built once over all the rows, with 1 GB of maintenance_work_mem for the session."""
    with open_store(url) as store, tempfile.TemporaryFile("w+", encoding="utf-8") as spill:
        raw = store.db.raw
        with raw.transaction():
            raw.execute("SET LOCAL maintenance_work_mem = '1GB'")
            indexes = raw.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND "
                "tablename IN ('documents', 'documents_fts') AND indexname NOT IN "
                "(SELECT conname FROM pg_constraint)").fetchall()
            for name, _ in indexes:
                raw.execute(f'DROP INDEX "{name}"')
            if fts_partitioned(raw):
                for start in range(0, n + 1, FTS_PARTITION_ROWS):
                    raw.execute(fts_partition(start))
            with raw.cursor().copy("COPY documents (id, doc_id, status, content_hash, title, text, ingested_at, "
                                   "updated_at) FROM STDIN") as copy:
                for i, (doc_id, title, body, _, search) in enumerate(_rows(n, vocab), 1):
                    copy.write_row((i, doc_id, "ok", doc_id, title, body, "", ""))
                    spill.write(f"{i}\t{search}\n")      # one COPY at a time: the index rows wait on disk
            spill.seek(0)
            with raw.cursor().copy("COPY documents_fts (rowid, search) FROM STDIN") as copy:
                while block := spill.read(1 << 20):
                    copy.write(block)
            for _, ddl in indexes:         # a partitioned table's index is listed ON ONLY the parent
                raw.execute(ddl.replace(" ON ONLY ", " ON "))
        raw.execute("VACUUM ANALYZE documents_fts")
        raw.execute("VACUUM ANALYZE documents")


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def search_child(target: str, n: int, n_queries: int) -> dict:
    """Build a store of `n` synthetic articles at `target` and time `n_queries` searches (the child)."""
    vocab = vocabulary()
    t = time.perf_counter()
    if target.startswith("postgresql://"):
        build_postgres(target, n, vocab)
    else:
        build_sqlite(Path(target), n, vocab)
    build = time.perf_counter() - t
    built_mb = _peak_mb()
    times, found = [], 0
    with open_store(target, readonly=True) as store:
        for q in queries(vocab, 20):                     # warm the caches as a running server's are
            store.search(q, 10)
        for q in queries(vocab, n_queries, seed=4):
            t = time.perf_counter()
            found += bool(store.search(q, 10))
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"articles": n, "build_s": round(build, 1), "queries": n_queries,
            "with_hits": round(found / n_queries, 2), "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(0.95 * len(times)) - 1], 2), "max_ms": round(times[-1], 1),
            "peak_mb_build": built_mb, "peak_mb": _peak_mb()}


def _child(target: str, n: int, n_queries: int) -> dict:
    code = ("import json, sys; from marsad.bench_store import search_child; "
            "print(json.dumps(search_child(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))))")
    from marsad.bench import python_child

    run = python_child([code, target, str(n), str(n_queries)])    # its own peak memory, not ours
    if run.returncode != 0:
        raise RuntimeError(f"search benchmark failed: {run.stderr.strip()[-800:]}")
    return json.loads(run.stdout.strip().splitlines()[-1])


def _fresh_schema(url: str, name: str) -> str:
    """A URL of an empty schema `name` in the database at `url` (dropped first if it exists)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        con.execute(f"CREATE SCHEMA {name}")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


def _drop_schema(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


def bench_search(url: str, sizes: tuple[int, ...] = (100_000,), n_queries: int = 300) -> dict:
    """Query latency and peak memory at each size, in both stores (a schema of its own at `url`)."""
    out: dict[str, dict] = {"sqlite": {}, "postgres": {}}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            out["sqlite"][n] = _child(str(Path(tmp) / "search.db"), n, n_queries)
        try:
            out["postgres"][n] = _child(_fresh_schema(url, "marsad_bench_search"), n, n_queries)
        finally:
            _drop_schema(url, "marsad_bench_search")
    if len(sizes) > 1:
        for store in out.values():
            store["peak_mb_ratio"] = round(store[sizes[-1]]["peak_mb"] / store[sizes[0]]["peak_mb"], 2)
    return out


def bench_ingest_both(samples, n: int, url: str) -> dict:
    """The same `n` synthetic articles ingested into SQLite and into PostgreSQL; then the saving
    alone (documents processed once, saved in batches as ingest saves them) into fresh stores."""
    from marsad.bench import warm_story_index, write_synthetic_jsonl
    from marsad.ingest import ingest
    from marsad.pipeline import BATCH, process_many
    from marsad.read.files import read_paths

    out = {}
    warm_story_index()                  # else the first store timed, SQLite, pays the one-off import
    with tempfile.TemporaryDirectory() as tmp:
        src = write_synthetic_jsonl(Path(tmp), samples, n)
        docs = process_many(list(read_paths([src])))
        for name, make in (("sqlite", lambda k: str(Path(tmp) / f"{k}.db")),
                           ("postgres", lambda k: _fresh_schema(url, f"marsad_bench_{k}"))):
            try:
                with open_store(make("ingest")) as store:
                    t = time.perf_counter()
                    summary = ingest(store, [src])
                    seconds = time.perf_counter() - t
                with open_store(make("save")) as store:
                    t = time.perf_counter()
                    for start in range(0, len(docs), BATCH):
                        with store.transaction():
                            for doc in docs[start:start + BATCH]:
                                store.save(doc)
                    saving = time.perf_counter() - t
            finally:
                if name == "postgres":
                    _drop_schema(url, "marsad_bench_ingest")
                    _drop_schema(url, "marsad_bench_save")
            out[name] = {"articles": n, "ok": summary.ok, "ingest_s": round(seconds, 2),
                         "articles_per_s": round(n / seconds, 1), "save_s": round(saving, 2),
                         "saved_per_s": round(len(docs) / saving, 1)}
    out["postgres_over_sqlite"] = {"ingest_time": round(out["postgres"]["ingest_s"] / out["sqlite"]["ingest_s"], 2),
                                   "save_time": round(out["postgres"]["save_s"] / out["sqlite"]["save_s"], 2)}
    return out


def run_store(corpus: Path, url: str, n: int = 1000, sizes: tuple[int, ...] = (100_000,), n_queries: int = 300) -> dict:
    """Every store benchmark: ingest into both, then search at each size in both."""
    from marsad.bench import sample_articles

    return {"ingest": bench_ingest_both(sample_articles(corpus), n, url),
            "search": bench_search(url, sizes, n_queries)}
