"""One policy for the caches of answers per word on the pipeline's hot path (normalize, strip_clitics,
the casualty and trigger word tests, the number openers, the actor dictionary).

Every stage asks the same questions of the same words (news repeats its words endlessly), so each
answer is kept in a plain dict read at the call site with `get`. Measured with cachegrind (a hit, per
call): a Python function with a dict `get` ~1,010 instructions, the same with a dict subclass
~1,160, a decorator's closure ~1,020, functools.lru_cache ~940 (no Python frame, LRU kept) — but
lru_cache keeps every argument (whole texts, numbers, which rarely recur) and cannot skip them, and
some caches are per dictionary and emptied when an actor is added. So call sites keep their dict,
and only the store goes through `remember`, on a miss (some twenty an article once warm): every cache
is bounded the same way, emptied when full rather than grown without end, and the words of the next
articles refill it at once."""
from __future__ import annotations

from typing import TypeVar

WORDS = 50_000          # entries a cache of single words holds: a corpus's common vocabulary and more

V = TypeVar("V")


def remember(cache: dict, key: object, value: V, size: int = WORDS) -> V:
    """Store `value` under `key` in `cache`, emptying the cache first when it holds `size` entries
    (memory stays flat however large the corpus); returns `value`."""
    if len(cache) >= size:
        cache.clear()
    cache[key] = value
    return value
