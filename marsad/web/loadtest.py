"""What `marsad bench --api` needs around the API: a store of synthetic events written straight
through `Store.save` (10,000 events in about two seconds: no pipeline), a uvicorn server in a child
process pinned to one core, and a client loop that times requests one after the other over one
keep-alive connection. The benchmark itself, and what it compares, is `marsad.bench.bench_api`.
"""
from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

KINDS = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
         ("Strategic developments", "Arrests")]
_WORDS = "قصف اشتباك مدينة قوات الجيش مقتل إصابة مدنيين غارة هجوم ريف شمال جنوب مصدر أمني محلي بلدة قرية".split()


def fill(db: Path, events: int = 10_000, per_article: int = 4, seed: int = 11) -> None:
    """`events` events, `per_article` to an article: six types over 2022–2023, 40 places, each article
    its own story (random words: no two are near-duplicates)."""
    from marsad.model import Document, Event, Span
    from marsad.store.sqlite import Store

    rng = random.Random(seed)
    places = [(f"موقع {i}", round(rng.uniform(10, 45), 3), round(rng.uniform(12, 37), 3)) for i in range(40)]
    with Store(db) as store, store.transaction():
        for i in range(events // per_article):
            text = f"تقرير {i}: " + " ".join(rng.choice(_WORDS) for _ in range(60))
            doc = Document(f"synthetic/{i}", f"bench:{i}", "text", f"{i:064x}", raw=text, text=text,
                           outlet=f"وكالة {i % 12}", published=f"{2022 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}")
            for _ in range(per_article):
                (etype, sub), (place, lon, lat) = rng.choice(KINDS), rng.choice(places)
                day = f"{rng.choice((2022, 2023))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                doc.events.append(Event(etype, sub, Span(0, 20, text[:20]), day, "day", actor1="قوات الجيش",
                                        location=place, country="Sudan", latitude=lat, longitude=lon,
                                        geo_precision=1, fatalities=rng.choice((None, 0, 2, 5, 12))))
            store.save(doc)


_CHILD = """
import os, sys, uvicorn
from marsad.web.app import create_app
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {int(sys.argv[3])})
uvicorn.run(create_app(sys.argv[1], static_dir=sys.argv[2]), host="127.0.0.1", port=int(sys.argv[4]),
            log_level="warning", access_log=False)
"""


@contextmanager
def server(db: Path, static: Path) -> Iterator[str]:
    """The API over `db` (and `static` at /) in a child process on the last core this process may
    use; this process moves to the first, so client and server never share one. Yields the base
    URL once it answers; stops the server on exit."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else [0]
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(db), str(static), str(cores[-1]), str(port)])
    before = cores
    try:
        if len(cores) > 1:
            os.sched_setaffinity(0, {cores[0]})
        import httpx

        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                httpx.get(base + "/api/stats", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        if len(cores) > 1:
            os.sched_setaffinity(0, set(before))
        proc.terminate()
        proc.wait(10)


def timed(send: Callable[[int], object], n: int, seconds: float, warmup: int = 50) -> dict:
    """Requests one after the other (`send(i)` makes the i-th): `n` of them or `seconds`, whichever
    ends first, after `warmup` untimed ones. Requests/s and latency percentiles in ms."""
    for i in range(warmup):
        send(-1 - i)
    times, end = [], time.perf_counter() + seconds
    while len(times) < n and time.perf_counter() < end:
        t = time.perf_counter()
        send(len(times))
        times.append(time.perf_counter() - t)
    times.sort()
    return {"requests": len(times), "requests_per_s": round(len(times) / sum(times), 1),
            "p50_ms": round(1000 * times[len(times) // 2], 2), "p99_ms": round(1000 * times[int(len(times) * 0.99)], 2)}
