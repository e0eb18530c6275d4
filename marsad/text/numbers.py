"""Numbers in Arabic news: digits (Western, Arabic-Indic), number words (ثلاثة، ثلاثة وعشرون،
خمسة آلاف ومائتان), multipliers ("100 ألف" → 100000, "2.5 مليون"), vague quantities (عشرات، مئات،
آلاف) and approximation cues (نحو، قرابة، ما يقرب من، أكثر من) → value + `approximate` flag.

Vague quantities take ACLED's conservative reading: "عشرات" counts as 10, "مئات" as 100.
Digits glued to a proclitic or to the next word ("و13", "الـ24", "3من") are read as the digits
alone. A number word with the article (الثلاثة، الاثنين) is flagged `definite`: it names a group
already known ("معسكرات الجيش الثلاثة") or a weekday, never a new count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import (
    Token,
    normalize,
    strip_clitics,
    strip_marks,
    to_western_digits,
    tokens,
)
from marsad.text.word_cache import remember


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: int
    approximate: bool
    text: str
    definite: bool = False


@lru_cache(maxsize=1)
def number_lexicon() -> dict:
    raw = load_json("numbers.json")
    fold = lambda d: {normalize(k): v for k, v in d.items()}  # noqa: E731
    small = fold(raw["units"]) | fold(raw["tens"]) | fold(raw["hundreds"])
    return {"small": small, "units": fold(raw["units"]), "teen": {normalize(x) for x in raw["teens_suffix"]},
            "mult": fold(raw["multipliers"]), "vague": fold(raw["vague"]),
            "cues": sorted({normalize(c) for c in raw["approximate_cues"]}, key=len, reverse=True),
            "duals": frozenset(normalize(w) for w in raw["duals"])}


# a proclitic before digits (و7، بـ15، الـ24) and letters glued after them (3من، 16فبراير)
_GLUED = re.compile(r"^(?:[وفبلك]?(?:ال)?ـ?)(\d[\d.,]*?)(?:[^\d.,]*)$")


def _digits(tok: str) -> tuple[float, int, int] | None:
    """(value, start, end of the digits within `tok`) for a token that holds a number in digits."""
    t = to_western_digits(tok)
    m = _GLUED.match(t)
    if not m:
        return None
    s, e = m.span(1)
    digits = m.group(1).rstrip(".,")
    e = s + len(digits)
    groups = digits.replace("،", ",").split(",")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        digits = "".join(groups)                             # 1,100 → 1100
    try:
        return float(digits), s, e
    except ValueError:
        return None


def _word(tok: str, table: dict) -> int | None:
    for form in strip_clitics(normalize(tok)):
        if form in table:
            return table[form]
    return None


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """Every word a number told in words can start with (any table's word, or the first word of a
    two-word vague one)."""
    lex = number_lexicon()
    return frozenset({*lex["small"], *lex["mult"], *lex["vague"], *(k.split()[0] for k in lex["vague"])})


_may_open: dict[str, bool] = {}


def _may_start(tok: str) -> bool:
    """Whether a number can start at this token: it has a digit or is one of `_openers`, bare or with
    proclitics. Most words are neither, and every sentence of every article asks (cached per word)."""
    found = _may_open.get(tok)
    if found is None:
        openers = _openers()
        found = remember(_may_open, tok,
                         any(ch.isdigit() for ch in tok) or any(f in openers for f in strip_clitics(normalize(tok))))
    return found


def _parse_at(toks: list[Token], i: int) -> tuple[int, int, bool] | None:
    """(value, tokens used, vague) for a number starting at token i, or None."""
    if not _may_start(toks[i].text):
        return None
    lex = number_lexicon()
    found = _digits(toks[i].text)
    j = i + 1
    if found is not None:
        value = found[0]
        if j < len(toks) and (m := _word(toks[j].text, lex["mult"])):
            value *= m
            j += 1
        return round(value), j - i, False
    two = " ".join(normalize(t.text) for t in toks[i:i + 2])
    if i + 1 < len(toks) and two in lex["vague"]:             # "عشرات الآلاف"
        return lex["vague"][two], 2, True
    total, current, used = 0, 0, 0
    while j - 1 < len(toks):
        tok = toks[j - 1].text
        if used and normalize(tok) in lex["teen"] and 0 < current < 10:
            current += 10
        elif (v := _word(tok, lex["small"])) is not None and (used == 0 or current % 10 == 0 or v >= 20):
            current += v
        elif (m := _word(tok, lex["mult"])) and (used or _word(tok, lex["vague"]) is None):
            total += max(current, 1) * m                      # ألفين alone is 2000; آلاف alone is vague
            current = 0
        else:
            break
        used += 1
        j += 1
    if used:
        return total + current, used, False
    if (v := _word(toks[i].text, lex["vague"])) is not None:
        return v, 1, True
    return None


def _cue_before(text: str, start: int) -> bool:
    before = normalize(text[max(0, start - 20):start]).rstrip()
    return any(before.endswith(c) for c in number_lexicon()["cues"])


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every number in text[start:end], with offsets into `text`."""
    toks = tokens(text, start, end)
    out, i = [], 0
    while i < len(toks):
        parsed = _parse_at(toks, i)
        if parsed is None:
            i += 1
            continue
        value, used, vague = parsed
        s, e = toks[i].start, toks[i + used - 1].end
        definite = False
        if (d := _digits(toks[i].text)) is not None:
            s = toks[i].start + d[1]                          # "و13": the count starts at the digits
            if used == 1:
                e = toks[i].start + d[2]                      # "3من": and ends with them
        else:
            # the article as written (ال), not a folded hamza: ألفي is 2000, not "the …"
            definite = not vague and strip_marks(toks[i].text).lstrip("وفبلك").startswith("ال")
        cue = _cue_before(text, s)
        out.append(Quantity(s, e, int(value), vague or cue, text[s:e], definite))
        i += used
    return out
