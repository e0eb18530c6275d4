"""`marsad bench`: throughput and memory, as ratios against reference runs in the same process.

Timings on a shared 2-core machine drift, so every figure is reported next to a peer measured in
the same run on the same input: trafilatura's own extraction on the same HTML pages, and a bare
regex tokenise-and-lookup pass (the ceiling for pure Python).
"""
from __future__ import annotations

import gc
import json
import random
import re
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

from marsad.ingest import ingest
from marsad.model import RawItem

_NUMBER = re.compile(r"\d+")


def sample_articles(corpus: Path) -> list[tuple[str, str, str]]:
    """(outlet, title, body) of every ok article in the sample corpus."""
    from marsad.pipeline import extract

    out = [(d.outlet or "مصدر", d.title or "", d.text) for d in extract([corpus]) if d.status == "ok"]
    if not out:
        raise SystemExit(f"no usable articles under {corpus}")
    return out


def synthetic(samples: list[tuple[str, str, str]], n: int, seed: int = 7) -> Iterator[tuple[str, str, str]]:
    """`n` varied articles: paragraphs of different samples recombined, numbers changed."""
    rng = random.Random(seed)
    paragraphs = [p for _, _, body in samples for p in body.split("\n") if p.strip()]
    for i in range(n):
        outlet, title, _ = samples[i % len(samples)]
        body = "\n".join(_NUMBER.sub(lambda m: str(rng.randint(2, 400)), p)
                         for p in rng.sample(paragraphs, k=rng.randint(3, 6)))
        yield outlet, f"{title} ({i})", body


def as_scraped_text(outlet: str, title: str, body: str, i: int) -> str:
    return (f"الأحد {1 + i % 28} مايو 2023\nرئيس التحرير\nسامي الحداد\nعاجل\n\n{title}\n\n{outlet}\n\n"
            f"{body}\n\nشارك برأيك\nإضافة تعليق\n")


def as_html(outlet: str, title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="2023-05-14"></head><body>'
            f"<header><nav>الرئيسية سياسة اقتصاد</nav></header><article><h1>{title}</h1>{paras}</article>"
            f"<footer>شارك برأيك إضافة تعليق جميع الحقوق محفوظة</footer></body></html>")


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def bench_ingest(samples, n: int) -> dict:
    """marsad's ingest (read, clean, date, annotate, store) of `n` scraped-text articles via JSONL."""
    from marsad.store.sqlite import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "synthetic.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for i, (outlet, title, body) in enumerate(synthetic(samples, n)):
                f.write(json.dumps({"id": f"s{i}", "text": as_scraped_text(outlet, title, body, i)},
                                   ensure_ascii=False) + "\n")
        with Store(Path(tmp) / "bench.db") as store:
            t = time.perf_counter()
            summary = ingest(store, [src])
            seconds = time.perf_counter() - t
    return {"articles": n, "ok": summary.ok, "seconds": round(seconds, 2), "articles_per_s": round(_rate(n, seconds), 1)}


def bench_regex_ceiling(samples, n: int) -> dict:
    """A bare tokenise-and-lookup pass over the same kind of text: what pure Python can do at best."""
    token = re.compile(r"\w+")
    lexicon = {"قصف", "غارة", "اشتباكات", "مقتل", "طرابلس", "حلب", "عدن"}
    texts = [as_scraped_text(o, t, b, i) for i, (o, t, b) in enumerate(synthetic(samples, n))]
    t = time.perf_counter()
    hits = sum(1 for text in texts for w in token.findall(text) if w in lexicon)
    seconds = time.perf_counter() - t
    return {"articles": n, "hits": hits, "articles_per_s": round(_rate(n, seconds), 1)}


def bench_html(samples, n: int) -> dict:
    """marsad's HTML path vs trafilatura's own `extract` (with and without metadata) on the same pages."""
    import trafilatura

    from marsad.pipeline import prepare

    pages = [as_html(*a) for a in synthetic(samples, n, seed=11)]
    timings = {}
    t = time.perf_counter()
    for p in pages:
        trafilatura.extract(p)
    timings["trafilatura_extract"] = time.perf_counter() - t
    t = time.perf_counter()
    for p in pages:
        trafilatura.bare_extraction(p, with_metadata=True)
    timings["trafilatura_with_metadata"] = time.perf_counter() - t
    t = time.perf_counter()
    for i, p in enumerate(pages):
        prepare(RawItem(f"h{i}", "bench", "html", html=p))
    timings["marsad_html"] = time.perf_counter() - t
    out = {k + "_pages_per_s": round(_rate(n, v), 1) for k, v in timings.items()}
    out["marsad_vs_trafilatura_with_metadata"] = round(timings["trafilatura_with_metadata"] / timings["marsad_html"], 2)
    return out


def bench_annotation(samples, n: int) -> dict:
    """Whole pipeline (with NER and entity rules) vs the cleaning-only baseline, same articles."""
    from marsad.pipeline import annotate, prepare

    items = [RawItem(f"a{i}", "bench", "text", text=as_scraped_text(o, t, b, i))
             for i, (o, t, b) in enumerate(synthetic(samples, n, seed=3))]
    annotate(prepare(items[0]))                       # load the model outside the timing
    t = time.perf_counter()
    docs = [prepare(it) for it in items]
    base = time.perf_counter() - t
    t = time.perf_counter()
    for d in docs:
        annotate(d)
    stages = time.perf_counter() - t
    tokens = sum(len(d.text.split()) for d in docs)
    return {"articles": n, "clean_only_articles_per_s": round(_rate(n, base), 1),
            "full_pipeline_articles_per_s": round(_rate(n, base + stages), 1),
            "annotation_tokens_per_s": round(_rate(tokens, stages)),
            "full_vs_clean_only": round(base / (base + stages), 3)}


def bench_dedup(samples, small: int, large: int) -> dict:
    """Story clustering at two corpus sizes; with LSH the cost per article should stay flat.

    Every fifth synthetic article is an agency copy of an earlier one with a sentence changed, so
    the index holds real clusters, not only singletons. The short run is noisy (a few seconds), so
    its median of three is used.
    """
    short = sorted(_cluster_once(samples, small)[0] for _ in range(3))[1]
    long_seconds, stories, copies = _cluster_once(samples, large)
    return {f"seconds_{small}": round(short, 1), f"seconds_{large}": round(long_seconds, 1),
            "time_ratio": round(long_seconds / short, 2), "size_ratio": large // small,
            f"stories_at_{large}": stories, f"agency_copies_at_{large}": copies}


def _cluster_once(samples, n: int) -> tuple[float, int, int]:
    """(seconds, stories, agency copies) for clustering `n` synthetic articles in a fresh index."""
    from marsad.store.stories import StoryIndex

    index, kept, copies = StoryIndex(), [], 0          # an in-memory SQLite index
    t = time.perf_counter()
    for i, (_, _, body) in enumerate(synthetic(samples, n, seed=5)):
        if i % 5 == 4 and kept:
            body = kept[(i * 7919) % len(kept)] + " وأضافت مصادر أخرى تفاصيل جديدة."
            copies += 1
        elif len(kept) < 2000:
            kept.append(body)
        index.add(f"d{i}", body)
    seconds = time.perf_counter() - t
    stories = index.db.execute("SELECT count(DISTINCT story_id) FROM story_sig").fetchone()[0]
    return seconds, stories, copies


def bench_memory(samples, small: int, large: int) -> dict:
    """Peak traced memory of a streaming ingest at two corpus sizes, after a warm-up run has filled
    the bounded word caches; flat means ratio ≈ 1."""
    peaks, kept = {}, {}
    bench_ingest(samples, small)         # warm-up: word caches (bounded lru_caches) fill once
    for n in (small, large):
        gc.collect()
        tracemalloc.start()
        bench_ingest(samples, n)
        gc.collect()
        kept[n], peaks[n] = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return ({f"peak_mb_{n}": round(p / 2**20, 1) for n, p in peaks.items()}
            | {f"retained_mb_{n}": round(k / 2**20, 2) for n, k in kept.items()}
            | {"peak_growth_ratio": round(peaks[large] / peaks[small], 2),
               "retained_growth_ratio": round(kept[large] / max(kept[small], 1), 2)})


def run(corpus: Path, n: int = 10_000, html_pages: int = 300, memory: bool = True, dedup: int = 0) -> dict:
    samples = sample_articles(corpus)
    result = {"ingest": bench_ingest(samples, n)}
    small = bench_ingest(samples, max(1, n // 5))
    # Cost per article at n over cost per article at n/5: ~1 when ingest scales linearly.
    result["ingest"]["linearity"] = round((result["ingest"]["seconds"] / n) / (small["seconds"] / small["articles"]), 2)
    result["regex_ceiling"] = bench_regex_ceiling(samples, min(n, 5000))
    result["ingest"]["fraction_of_regex_ceiling"] = round(
        result["ingest"]["articles_per_s"] / result["regex_ceiling"]["articles_per_s"], 3)
    result["html"] = bench_html(samples, html_pages)
    result["annotation"] = bench_annotation(samples, min(n, 2000))
    if dedup:
        result["dedup"] = bench_dedup(samples, dedup // 10, dedup)
    if memory:
        result["memory"] = bench_memory(samples, max(200, n // 20), max(1000, n // 4))
    return result
