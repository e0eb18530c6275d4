"""The casualty vocabulary (data/numbers.json): which words say that people were killed, injured,
displaced or captured, and the scope words that make a figure a toll (extraction/tolls.py)."""
from __future__ import annotations

from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize, strip_clitics
from marsad.text.numbers import _lexicon as number_words

KINDS = ("killed", "injured", "displaced", "captured")


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = load_json("numbers.json")
    cas, scope = raw["casualties"], raw["scope"]
    fold = lambda words: frozenset(normalize(w) for w in words)
    lex = {k: fold(v) for k, v in cas.items() if isinstance(v, list)}
    lex |= {k: fold(v) for k, v in scope.items() if isinstance(v, list)}
    lex["kinds"] = {k: fold(v) for k, v in cas["words"].items()}
    lex["zero_neg"], lex["zero_nouns"] = fold(scope["zero"]["negators"]), fold(scope["zero"]["nouns"])
    lex["duals"] = number_words()["duals"]
    return lex


def _in(word: str, vocab: frozenset[str]) -> bool:
    return any(form in vocab for form in strip_clitics(word))


def casualty_kind(word: str) -> str | None:
    kinds = _lex()["kinds"]
    return next((k for k in KINDS if _in(word, kinds[k])), None)


@lru_cache(maxsize=64)
def _entries(vocab: frozenset[str]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    return (frozenset(e for e in vocab if " " not in e), tuple(tuple(e.split()) for e in vocab if " " in e))


def _has(words: list[str], i: int, vocab: frozenset[str]) -> str | None:
    """The entry of `vocab` (one word, or several in a row) that starts at words[i], if any."""
    one, many = _entries(vocab)
    for entry in many:
        if tuple(words[i:i + len(entry)]) == entry:
            return " ".join(entry)
    return next((form for form in strip_clitics(words[i]) if form in one), None)


def _person(word: str) -> bool:
    """A noun for one person, also with a possessive pronoun: "سائقها", "حارسه", "زوجته"."""
    persons = _lex()["persons"]
    if word in persons or _in(word, persons):
        return True
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3:
            return stem in persons or stem.endswith("ت") and stem[:-1] + "ه" in persons
    return False


def _bare(word: str, vocab: frozenset[str]) -> bool:
    """The word, or it after one proclitic (ومقتله، بمقتلهما), is in vocab; never after the article:
    "الشهيد فلان" and "الجثة" name someone already known, not a new victim."""
    return word in vocab or len(word) > 3 and word[0] in "وفبلك" and word[1:] in vocab
