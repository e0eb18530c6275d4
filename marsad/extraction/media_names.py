"""News outlets named in the text, as ORG entities: a medium noun (موقع، صحيفة، قناة، وكالة …) and the
name after it (صحيفة النهار، إذاعة صوت الشعب), or a name ending in a borrowed media word (شفق نيوز،
كوردستان24). Moved out of org_phrases, whose name-stop words, heads and article restoring it shares.
"""
from __future__ import annotations

import re

from marsad.extraction.org_phrases import (
    NAME_STOPS,
    head_form,
    proclitic_chars,
    restore_article,
)
from marsad.extraction.not_names import platform_name
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, token_words, tokens

MEDIA_HEADS = frozenset(normalize(w) for w in ("موقع", "صحيفة", "جريدة", "قناة", "إذاعة", "شبكة", "وكالة", "مجلة",
                                                 "تلفزيون", "منصة"))
# a news outlet's name often ends in a borrowed word: "شفق نيوز"، "بايدوا أونلاين"، "سودانس بوست"، "كوردستان24"
_MEDIA_TAIL = re.compile(r"(?:نيوز|أونلاين|اونلاين|بوست|تايمز|تريبيون|برس|ميديا|انفو|إنفو|تي في|24)$")


def media_names(text: str) -> list[Entity]:
    """News outlets as ORG entities: a medium noun and the name after it, one word or number of any
    kind (موقع 24، صحيفة النهار), or a name ending in a borrowed media word (شفق نيوز، كوردستان24)."""
    toks = tokens(text)
    words = token_words(text)
    out, i = [], 0
    while i < len(toks):
        n = 0
        form = head_form(words[i], MEDIA_HEADS)
        definite = bool(form) and words[i][:len(words[i]) - len(form)].endswith(("ال", "لل"))
        if definite and not (i + 1 < len(toks) and lx.nisba_country(words[i + 1]) and words[i + 1].startswith("ال")):
            form = None             # "الوكالة تعمل": the agency named before; "التلفزيون السوري" is a name
        glued = lambda k: not text[toks[k - 1].end:toks[k].start].strip(" \"«»")     # noqa: E731
        if form and i + 1 < len(toks) and glued(i + 1) and words[i + 1] not in NAME_STOPS \
                and (words[i + 1].isalnum()) and words[i + 1] not in lx.not_places() and not words[i + 1].startswith("بال"):
            n = 2
            if form not in _COMMON_HEADS and _construct(words, i + 1) and glued(i + 2):
                n = 3                   # "إذاعة صوت الشعب"، "إذاعة صوت أمريكا": a construct name and its genitive
            while i + n < len(toks) and n < 4 and glued(i + n) and _MEDIA_TAIL.search(words[i + n]):
                n += 1
        elif _MEDIA_TAIL.search(words[i]) and len(words[i]) > 3 and re.search(r"\D(?:24)?$", words[i]) or \
                i + 1 < len(toks) and glued(i + 1) and words[i].isalpha() and _MEDIA_TAIL.fullmatch(words[i + 1]) \
                and words[i] not in NAME_STOPS:
            n = 1 if _MEDIA_TAIL.search(words[i]) and not (i + 1 < len(toks) and _MEDIA_TAIL.fullmatch(words[i + 1])) else 2
            form = words[i]
        if n and platform_name(" ".join(words[i:i + n])):
            n = 0                       # "على منصة إكس": where it was posted, no outlet
        if n:
            start = toks[i].start + (proclitic_chars(words[i], form) if form in MEDIA_HEADS else 0)
            end = toks[i + n - 1].end
            name = text[start:end].strip("\"«» ")
            if form in MEDIA_HEADS and n > 2:          # "موقع بايدوا أونلاين": the outlet is "بايدوا أونلاين"
                name = text[toks[i + 1].start:end].strip("\"«» ")
            out.append(Entity(text[start:end], "ORG", start, end, canonical=restore_article(text, start, name)))
            i += n
        else:
            i += 1
    return out


_COMMON_HEADS = frozenset(normalize(w) for w in ("موقع", "شبكة", "منصة", "وكالة"))   # also site, network, stage, agency


def _construct(words: list[str], k: int) -> bool:
    """words[k], an outlet's first name word, is a bare noun in construct with the next word, a definite noun
    (not an adjective: الإخبارية) or a place: the name goes on ("صوت الشعب"، "صوت أمريكا"; not "موقع الحادث")."""
    if k + 1 >= len(words) or not words[k].isalpha() or words[k].startswith("ال") or words[k] in lx.place_names():
        return False
    nxt = words[k + 1]
    return nxt not in NAME_STOPS and (nxt.startswith("ال") and not nxt.endswith(("ي", "يه", "يون", "يين")) or nxt in lx.place_names())
