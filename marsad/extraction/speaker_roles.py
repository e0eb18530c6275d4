"""A body that tells an event is not its doer: "وقالت وزارة الصحة في بيان إن غارة ... أدت إلى"،
"وأفادت غرفة الطوارئ بأن القذائف سقطت على المخيم". The subject of a speech verb whose complement
(إن، أن، بأن: not أنه/أنها, whose pronoun makes the speaker the subject of what it reports, "أعلن الجيش
أنه قتل") tells the event is its source; a civil body (ministry, emergency room, hospital, agency)
named so is never the actor of the event its statement tells. Speech verbs: data/quotes.json (verbs).
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.arabic import normalize

BEFORE = 16         # characters before a body in which the speech verb whose subject it is stands


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    from marsad.data import load_json

    verbs = sorted({normalize(v) for v in load_json("quotes.json")["verbs"]} | {"افاد", "افادت"}, key=len, reverse=True)
    return (re.compile(r"(?<!\S)[وف]?(?:" + "|".join(verbs) + r")\s*$"),
            re.compile(r"(?<!\S)(?:ان|بان)(?!\S)"))


def tells(text: str, pos: int, end: int) -> bool:
    """Whether the body named at `pos` is the subject of a speech verb right before it whose bare
    complement opens between it and `end` (the trigger): it tells the event, it is not said to do it."""
    verb, that = _patterns()
    before = normalize(text[max(0, pos - BEFORE):pos])
    return verb.search(before) is not None and that.search(normalize(text[pos:end])) is not None
