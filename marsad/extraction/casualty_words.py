"""The casualty vocabulary (data/numbers.json): which words say that people were killed, injured,
displaced or captured, and the scope words that make a figure a toll (extraction/tolls.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize, strip_clitics
from marsad.text.numbers import number_lexicon as number_words
from marsad.text.word_cache import remember

KINDS = ("killed", "injured", "displaced", "captured")


@lru_cache(maxsize=1)
def casualty_lexicon() -> dict:
    """Every word list of data/numbers.json's `casualties` and `scope`, normalised, by its key (`kinds`:
    the casualty words by kind; `zero_neg`, `zero_nouns`; `duals`; `possessed`), read once."""
    raw = load_json("numbers.json")
    cas, scope = raw["casualties"], raw["scope"]
    fold = lambda words: frozenset(normalize(w) for w in words)
    lex = {k: fold(v) for k, v in cas.items() if isinstance(v, list)}
    lex |= {k: fold(v) for k, v in scope.items() if isinstance(v, list)}
    lex["kinds"] = {k: fold(v) for k, v in cas["words"].items()}
    for use in ("reporting", "alternative"):              # verbs of saying are read both ways
        lex[use] |= lex["saying"]
    lex["zero_neg"], lex["zero_nouns"] = fold(scope["zero"]["negators"]), fold(scope["zero"]["nouns"])
    # the nominative dual of any person noun is unambiguous (متظاهران، محتجتان; the sound plural says ون),
    # so it is derived; the ين forms, as often plurals (مدنيين), stay the ones numbers.json lists
    lex["duals"] = frozenset(number_words()["duals"]) | _derived_duals(lex["persons"])
    lex["possessed"] = lex["persons"] | lex["kin"]       # nouns for a person with a possessive pronoun
    return lex


# the numeral two, written after the noun it counts ("مقتل إرهابيين اثنين"، "قياديين اثنين في X")
TWO_AFTER = frozenset(("اثنين", "اثنان", "اثنتين", "اثنتان"))


def _derived_duals(persons: frozenset[str]) -> frozenset[str]:
    """Nominative duals of the person nouns, less those that are a name: a word of an actor's name
    (طالبان is the Taliban, not two students) or a place (شيخان)."""
    from marsad.text import lexicons as lx
    from marsad.text.actor_dictionary import actors

    named = actors().alias_words() | lx.place_names()
    return frozenset(d for d in (p[:-1] + "تان" if p.endswith("ه") else p + "ان" for p in persons
                                 if not p.endswith("ا")) if d not in named)


# Answers per (word, word list): every count of every sentence asks about the words around it, and
# the same words recur (a frozenset's hash is computed once, so the key costs little). Bounded.
_seen: dict[tuple[str, frozenset[str]], bool] = {}
_kinds: dict[str, str | None] = {}


def has_form(word: str, vocab: frozenset[str]) -> bool:
    """The word, or it with its proclitics taken off (وبالهجوم → الهجوم، هجوم), is in vocab."""
    key = (word, vocab)
    found = _seen.get(key)
    if found is None:
        found = remember(_seen, key, any(form in vocab for form in strip_clitics(word)), 100_000)
    return found


def more_people(word: str) -> bool:
    """"آخرين", "آخرون" after a count or a person (وشخصين آخرين، و16 آخرين): people besides those
    already counted, never the same ones told again."""
    return word in casualty_lexicon()["others"]


def another_incident(word: str) -> bool:
    """The word, as written, is "another", an ordinal or "new" (آخر، ثانية، جديد): an incident it
    qualifies, or stands for after و ("وآخر بعبوة"), is not the one told."""
    return word in casualty_lexicon()["another"]


@lru_cache(maxsize=1)
def _another_stems() -> tuple[str, ...]:
    another = casualty_lexicon()["another"]
    return tuple(sorted(w for w in another if not any(v != w and w.startswith(v) for v in another)))


def begins_another(word: str) -> bool:
    """The word right after an incident noun begins like an `another_incident` word, whatever its case
    ending or the punctuation left on it: "هجوما جديدا", "غارة ثانية،", "هجوم آخر،". Only for that
    adjective's place: anywhere else words merely beginning so (اخراج، ثانوية) are no such word."""
    return word.startswith(_another_stems())


def casualty_kind(word: str) -> str | None:
    if word not in _kinds:
        kinds = casualty_lexicon()["kinds"]
        return remember(_kinds, word, next((k for k in KINDS if has_form(word, kinds[k])), None))
    return _kinds[word]


@lru_cache(maxsize=64)
def _entries(vocab: frozenset[str]) -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """One-word entries, and entries of several words by their first word, longest first."""
    many: dict[str, list[tuple[str, ...]]] = {}
    for entry in sorted((tuple(e.split()) for e in vocab if " " in e), key=lambda t: (-len(t), t)):
        many.setdefault(entry[0], []).append(entry)
    return frozenset(e for e in vocab if " " not in e), many


def entry_at(words: list[str], i: int, vocab: frozenset[str]) -> str | None:
    """The entry of `vocab` (one word, or several in a row) that starts at words[i], if any."""
    one, many = _entries(vocab)
    for entry in many.get(words[i], ()):
        if tuple(words[i:i + len(entry)]) == entry:
            return " ".join(entry)
    return next((form for form in strip_clitics(words[i]) if form in one), None)


def is_person(word: str) -> bool:
    """A noun for one person, also with a possessive pronoun: "سائقها", "حارسه", "زوجته"; a `kin`
    noun only with one ("ابنه", "ابنتها": bare, ابن begins names, مستشفى ابن سينا)."""
    persons, possessed = casualty_lexicon()["persons"], casualty_lexicon()["possessed"]
    if word in persons or has_form(word, persons):
        return True
    for suffix in ("هما", "هم", "ها", "ه"):
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= 3:
            return stem in possessed or stem.endswith("ت") and stem[:-1] + "ه" in possessed
    return False


def new_victim(word: str) -> bool:
    """A person noun (`is_person`) that is one more victim; not "آخر", "الآخر", "والآخر" — "another"
    and "the other" take back one of a pair or a kind already told (قتل أحدهما والآخر …)."""
    return is_person(word) and "اخر" not in strip_clitics(word)


def has_bare_form(word: str, vocab: frozenset[str]) -> bool:
    """The word, or it after one proclitic (ومقتله، بمقتلهما), is in vocab; never after the article:
    "الشهيد فلان" and "الجثة" name someone already known, not a new victim."""
    return word in vocab or len(word) > 3 and word[0] in "وفبلك" and word[1:] in vocab


_LIST_OPENERS = {"ان", "بان", "وان"}        # "إن الضابطين …": the list of victims opens a clause
_FUNCTION = {"في", "علي", "من", "الي", "عن", "مع", "بعد", "قبل", "خلال", "اثناء", "الذي", "التي", "الذين"}
_NAME_WORDS = 4                               # words of a name after its rank (العقيد أحمد محمد الكفراوي)


def _entry(word: str) -> str | None:
    """"head" for a rank or title (العقيد، المقدم، الشيخ) or a person noun with the article (الجندي،
    الطفلة), the head of one named victim in a list; "joined" for one after و (والمقدم)."""
    from marsad.text.lexicons import titles

    def head(form: str) -> bool:
        persons = casualty_lexicon()["persons"]
        return form in _ranks(titles()) or form.startswith("ال") and form[2:] in persons and new_victim(form)
    return "head" if head(word) else "joined" if word.startswith("و") and head(word[1:]) else None


@lru_cache(maxsize=1)
def _ranks(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(t for t in titles if " " not in t)


def named_victims(words: list[str], i: int, stops: set[str]) -> tuple[int, int] | None:
    """(index where the list starts, victims it names) of the victims listed by rank and name before a
    count joined to them by و: "إن الضابطين العقيد فلان، والمقدم فلان، و5 مجندين قتلوا" = 2 + 5,
    "قتل النقيب فلان و3 جنود" = 1 + 3. Each entry is a rank or a person noun with the article and
    up to four name words; the list opens after a killing word, a quote, "إن" or the sentence start,
    and a dual person noun right before it ("الضابطين") is the listed ones themselves, not two more."""
    if words[i].startswith("و"):
        pos = i - 1
    elif i > 1 and words[i - 1] == "و":
        pos = i - 2
    else:
        return None
    count = 0
    while True:
        while pos >= 0 and words[pos] in stops:
            pos -= 1                                      # "… البشير، و5": the comma between entries
        for r in range(pos, max(-1, pos - _NAME_WORDS - 1), -1):
            if words[r] in stops or words[r] in _FUNCTION or casualty_kind(words[r]) or words[r][:1].isdigit():
                return None                               # no name goes on past these
            entry = _entry(words[r])
            if entry == "joined":                         # "والمقدم فلان": another entry before it
                count, pos = count + 1, r - 1
                break
            if entry == "head" and (opened := _opens(words, r, stops)) is not None:
                return opened, max(count + 1, 2) if opened < r else count + 1
        else:
            return None


def _opens(words: list[str], r: int, stops: set[str]) -> int | None:
    """Where a list whose first entry is words[r] starts, when something opens it there: a dual person
    noun right before ("الضابطين العقيد …"), then a killing word, a quote, "إن" or the sentence start."""
    start = r - 1 if r and any(f in casualty_lexicon()["duals"] for f in strip_clitics(words[r - 1])) else r
    before = words[start - 1] if start else ""
    opens = not before or before in stops or before in _LIST_OPENERS or casualty_kind(before) == "killed"
    return start if opens else None


@lru_cache(maxsize=1)
def _object_pronouns() -> tuple[tuple[str, int], ...]:
    """data/numbers.json's object pronouns, longest first (هما before ها and ه)."""
    raw = load_json("numbers.json")["casualties"]["object_pronouns"]
    return tuple(sorted(((normalize(k), v) for k, v in raw.items() if not k.startswith("_")), key=lambda p: -len(p[0])))


def object_victims(word: str) -> int | None:
    """A killing verb (`active`, `assassination`) with its object pronoun written onto it is its victim:
    "فاغتالوه"، "فقتلته" = 1, "أعدموهما" = 2, "قتلوهم" = 0 (a plural: as many as it takes back);
    None when the word is no such verb. The subject's وا loses its alef before the pronoun (قتلوه)."""
    lex = casualty_lexicon()
    verbs = lex["active"] | lex["assassination"]
    for suffix, victims in _object_pronouns():
        stem = word.removesuffix(suffix)
        if stem == word or len(stem) < 3:
            continue
        if has_form(stem, verbs) or stem.endswith("و") and has_form(stem + "ا", verbs):
            return victims
    return None


@lru_cache(maxsize=1)
def _sides() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    raw = load_json("numbers.json")["casualties"]["sides"]
    fold = lambda words: frozenset(normalize(w) for w in words)
    return {k: fold(raw[k]) for k in ("forces", "assailants", "civilians")}, fold(raw["apart_only"])


def _side(text: str, start: int, end: int) -> str | None:
    """The side whose dead the figure text[start:end] counts: its own noun, or the one after من
    (أربعة من المهاجمين), within five words and its clause (data/numbers.json casualties.sides)."""
    sides, _ = _sides()
    for w in normalize(text[start:end + 40]).split()[:5]:
        word = w.strip("،,.؛:\"'«»()")
        found = next((k for k, vocab in sides.items() if any(f in vocab for f in strip_clitics(word))), None)
        if found or word != w:
            return found
    return None


def two_sides(text: str, prev_start: int, prev_end: int, start: int, end: int, between: list[str]) -> bool:
    """Two counts that only a clause word parts (فيما، بينما، حين: "قتل ستة جنود …، فيما قتل أربعة من
    المهاجمين") and that count the dead of different sides: more dead of one incident, not another account."""
    _, apart_only = _sides()
    alternative = casualty_lexicon()["alternative"]
    if any(f in alternative and f not in apart_only for w in between for f in strip_clitics(w)):
        return False        # a source or an earlier toll between: another account
    one, other = _side(text, prev_start, prev_end), _side(text, start, end)
    if one is None or other is None or one == other:
        return False
    from marsad.extraction.triggers import find_triggers

    stop = re.search(r"[،,.؛:]", text[end:end + 120])
    return not find_triggers(text, end, end + (stop.start() if stop else 120))   # "… في اشتباك لاحق": another incident's
