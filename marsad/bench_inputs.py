"""The benchmarks' inputs: the sample corpus's articles, and synthetic articles made from them
(paragraphs of different samples recombined, numbers changed) as scraped text, HTML, a JSONL file,
or one long article. Deterministic for a seed, so runs compare the same input; `marsad bench`,
`bench_store` and the measuring scripts build their corpora here (also reachable as marsad.bench.X)."""
from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

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


def write_synthetic_jsonl(folder: Path, samples, n: int) -> Path:
    """`n` synthetic scraped-text articles as one JSONL input file in `folder` (ids s0, s1, …)."""
    src = Path(folder) / "synthetic.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i, (outlet, title, body) in enumerate(synthetic(samples, n)):
            f.write(json.dumps({"id": f"s{i}", "text": as_scraped_text(outlet, title, body, i)},
                               ensure_ascii=False) + "\n")
    return src


def long_article(samples, size: int, seed: int = 1) -> str:
    """One article of about `size` UTF-8 bytes: a headline, then paragraphs of the samples in
    random order with their numbers changed (no paragraph repeats within a 10 KB stretch)."""
    rng = random.Random(seed)
    paragraphs = [p for _, _, body in samples for p in body.split("\n") if p.strip()]
    out, total = [samples[0][1]], 0
    while total < size:
        p = _NUMBER.sub(lambda m: str(rng.randint(2, 400)), rng.choice(paragraphs))
        out.append(p)
        total += len(p.encode("utf-8")) + 1
    return "\n".join(out)
