"""The trigger lexicon: data/events.json's phrases compiled to the word forms they match, and the
context word sets (negation, anchors, governors …) read with them.

A rule's words may be marked to take the inflections Arabic grammar gives them (see `_morphology`
in data/events.json): اغتال+~ matches اغتالت، اغتالوا، اغتالوه، يغتال; عبوة* matches عبوات، عبوتين.
The surface forms are spelled out once, when the lexicon loads, so matching stays a set lookup per
word (extraction/triggers).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.text.arabic import normalize, strip_clitics
from marsad.text.word_cache import remember

# --- morphology ------------------------------------------------------------------------------
# Perfect: subject suffixes, then object pronouns; وا drops its alef before a pronoun (اغتالوه).
_SUBJECT = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم")
_OBJECT = ("", "ه", "ها", "هم", "هما")
# Imperfect: ي/ت/ن before the stem (an initial hamzat al-wasl or form-IV alef falls: يختطف، يحرق).
_IMPF_SUFFIX = ("", "ون", "ان", "ن")
# Nouns: a ta marbuta stem (normalised to ه) takes the sound feminine plural, the dual and pronouns
# on ت; other stems take the accusative alef, duals, sound plurals, the feminine and pronouns. No ي
# alone: قتلى، هجمات and other broken plurals are written out in the rules, never guessed.
_NOUN_T = ("ه", "ات", "تان", "تين", "ته", "تها", "تهم", "اته", "اتها", "اتهم")
_NOUN = ("", "ا", "ان", "ين", "ون", "ه", "ات", "ها", "هم", "هما", "اته", "اتها", "اتهم")
GAP = None                  # "…": up to MAX_GAP words between two slots
MAX_GAP = 4


@dataclass(frozen=True)
class Slot:
    verbal: frozenset[str]   # forms that take only و/ف before them
    nominal: frozenset[str]  # forms that take any proclitic


def _inflect(word: str) -> tuple[set[str], set[str]]:
    """The (verbal, nominal) surface forms one marked word stands for."""
    verbal, nominal = set(), set()
    base = word.rstrip("+~*=")
    marks = word[len(base):]
    if marks == "=":     # as written: "الأحد=" (Sunday) must not also be read as أحد (one)
        return verbal, {base}
    if "+" in marks:
        for s in _SUBJECT:
            verbal.update(base + (s[:-1] if s == "وا" and o else s) + o for o in _OBJECT)
    if "~" in marks:
        core = base.removeprefix("ا")
        verbal.update(p + core + s + o for p in "يتن" for s in _IMPF_SUFFIX for o in _OBJECT)
    if "*" in marks:
        nominal.update(base[:-1] + s for s in _NOUN_T) if base.endswith("ه") else \
            nominal.update(base + s for s in _NOUN)
    if not marks:        # a plain word, with or without its article (as rules were always read)
        nominal.update({base, base[2:]} if base.startswith("ال") and len(base) > 4 else {base})
    return verbal, nominal


def compile_phrase(phrase: str) -> tuple[Slot | None, ...]:
    slots = []
    for word in normalize(phrase).split():
        if word == "…":
            slots.append(GAP)
            continue
        verbal, nominal = set(), set()
        for alt in word.split("|"):
            v, n = _inflect(alt)
            verbal |= v
            nominal |= n
        slots.append(Slot(frozenset(verbal), frozenset(nominal)))
    return tuple(slots)


def verbal_forms(word: str) -> tuple[str, ...]:
    return (word, word[1:]) if len(word) > 3 and word[0] in "وف" else (word,)


_fitted: dict[tuple[str, Slot], bool] = {}


def fits(word: str, slot: Slot) -> bool:
    """A normalised word is one of the slot's forms (with the proclitics its kind allows).

    Every trigger's context asks this of the words around it, and words recur: answers are kept per
    (word, slot) in a bounded dict (a slot's hash is its two frozensets', each computed once)."""
    key = (word, slot)
    found = _fitted.get(key)
    if found is None:
        found = remember(_fitted, key, any(f in slot.verbal for f in verbal_forms(word))
                         or any(f in slot.nominal for f in strip_clitics(word)), 200_000)
    return found


def _word_set(words) -> Slot:
    """Several marked words as one slot (anchors, governors)."""
    slots = [compile_phrase(w)[0] for w in words if not w.startswith("_")]
    return Slot(frozenset().union(*(s.verbal for s in slots)), frozenset().union(*(s.nominal for s in slots)))


def conjoined(words) -> frozenset[str]:
    """Normalised words, each also with و or ف joined to it (دعا، ودعا، فدعا): a list in events.json
    names a word once, and a set of them is matched by exact lookup."""
    forms = {normalize(w) for w in words}
    return frozenset(forms | {c + w for w in forms for c in "وف"})


def conjoined_phrases(words) -> list[str]:
    """Marked words (see `_inflect`), each plain one also with و or ف joined to it: clitic stripping
    keeps a word of three letters whole, so ولم is not read as لم without it."""
    words = list(words)
    return words + [c + w for w in words if not w.endswith(("+", "~", "*", "=")) for c in "وف"]


@lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = load_json("events.json")
    # Rules indexed by the forms of their first word: a token's candidate forms are looked up, then
    # the rule's other slots compared with the words that follow.
    rules, by_verbal, by_nominal = [], {}, {}
    for n, (phrase, etype, sub, *flag) in enumerate(raw["triggers"]):
        slots = compile_phrase(phrase)
        rules.append((slots[1:], etype, sub, flag[0] if flag else ""))
        for form in slots[0].verbal:
            by_verbal.setdefault(form, []).append(n)
        for form in slots[0].nominal:
            by_nominal.setdefault(form, []).append(n)
    # a verb's bare form that a weak rule also reads as a noun (خطف، نهب، تظاهر) is the verb only
    # where a clause starts (see _opens_clause)
    weak_nouns = {f for n, (*_, flag) in enumerate(rules) if flag == "weak"
                  for f in compile_phrase(raw["triggers"][n][0])[0].nominal}
    homographs = frozenset(f for f in by_verbal if f in weak_nouns)
    anchors = raw["anchors"]
    return {"rules": rules, "by_verbal": by_verbal, "by_nominal": by_nominal, "homographs": homographs,
            "negation": _word_set(conjoined_phrases(w for w in raw["negation"] if " " not in w)),
            "weak": _word_set(anchors["event"] + anchors["time"]), "weapon": _word_set(anchors["weapon"]),
            "crowd": _word_set(anchors["crowd"]), "hedge": _word_set(raw["hedges_after"]),
            "refer": _word_set(raw["referring"]), "stop": _word_set(raw["negation_adjacent"]),
            "armed_victims": _word_set(raw["victims"]["armed"]), "civilians": _word_set(raw["victims"]["civilian"]),
            "protesters": _word_set(raw["victims"]["protesters"]),
            "clash_crowds": _word_set(raw["clash_crowds"]["words"]),
            "not_political": _word_set(raw["not_political"]["words"]),
            "gather": _word_set(anchors["gather"]), "explode": _word_set(["انفجر+~"]), "suffer": _word_set(["تعرض+~"]),
            "recent": _word_set(anchors["time"]), "governor": _word_set(raw["governors"]["words"]),
            "agree": frozenset(normalize(w) for w in raw["agreement_verbs"]),
            "facilities": frozenset(normalize(w) for w in raw["facility_heads"]),
            "ambush": frozenset(normalize(w) for w in raw["ambush_words"]["words"]),
            "org_heads": _org_heads(),
            "common": _not_places(),
            "toponym": frozenset(normalize(w) for w in raw["toponym_heads"]),
            "pejorative": re.compile(r"\s+(?:" + "|".join(normalize(w) for w in raw["pejoratives"]) + r")(?!\w)"),
            "anaphor": re.compile(r"(?<!\w)(?:[وبلف]|في )?(?:" + "|".join(normalize(w) for w in raw["anaphors"]) + r")(?!\w)"),
            "future": tuple(normalize(p) for p in raw["future_prefix"]),
            "construct": frozenset(normalize(w) for w in raw["governors"]["construct"]),
            "name_heads": frozenset(normalize(w) for w in raw["name_heads"]["words"]),
            "reactions": _word_set(raw["reactions"]["words"]),
            "frames": conjoined(raw["frames"]["words"]),
            "kinds": frozenset(normalize(w) for w in raw["kinds_of_violence"]["words"]),
            "victims": _word_set(raw["frames"]["victims"]),
            "calls": conjoined(raw["calls"]["words"]),
            "crowd_size": re.compile(r"(?<!\w)[وب]?(?:من\s+)?(?:ال)?(?:" + "|".join(normalize(w) for w in raw["crowd_sizes"])
                                     + r")(?!\w)|\d+\s+(?:الف\s+)?(?:متظاهر|محتج|معتصم)"),
            "attack_doers": _word_set(raw["armed_attack"]["doers"]),
            "attack_targets": _word_set(raw["armed_attack"]["targets"]),
            "air": tuple(normalize(w) for w in raw["air_actors"]),
            "drone": _word_set(anchors["weapon"] + raw["drones"]["verbs"]), "drone_verbs": _word_set(raw["drones"]["verbs"]),
            "drone_adjectives": _word_set(raw["drones"]["adjectives"]), "downed": _word_set(raw["drones"]["downed"]),
            "drone_means": frozenset(normalize(w) for w in raw["drones"]["means"]), "launched": _word_set(raw["drones"]["launched"]),
            "towards": frozenset(normalize(w) for w in raw["drones"]["towards"]),
            "enemies": _word_set(raw["claimed_kills"]["enemies"]), "causes": _word_set(raw["claimed_kills"]["causes"]),
            "pronoun_verbs": {k: frozenset(v) for k, v in raw["claimed_kills"]["pronoun_verbs"].items()},
            "relative": frozenset(normalize(w) for w in raw["relative_place"]),
            "force": _word_set(raw["force"]["words"]), "purpose": _word_set(raw["purpose"]["words"]),
            "streets": frozenset(normalize(w) for w in raw["purpose"]["streets"]),
            "take_part": _word_set(raw["purpose"]["take_part"]),
            "doer_clause": _doer_clause(raw["doer_clause"]["verbs"]),
            "warnings": _word_set(raw["warnings"]["words"]), "expected": _word_set(raw["warnings"]["expected"]), "drills": _word_set(raw["staged"]["drills"]),
            "works": _word_set(raw["staged"]["works"]), "telling": _word_set(raw["staged"]["telling"]),
            "fired_by": frozenset(normalize(w) for w in raw["fired_by"]["words"]),
            "forces": frozenset(normalize(w) for w in raw["fired_by"]["forces"]),
            "remembered": _word_set(raw["remembered"]["words"]), "years": _word_set(raw["remembered"]["years"]),
            "ago": frozenset(normalize(w) for w in raw["remembered"]["ago"]),
            "this_day": tuple(normalize(w) for w in raw["remembered"]["this_day"]),
            **{f"nc_{k}": _word_set(v) for k, v in raw["not_conflict"].items() if not k.startswith("_")}}


def _doer_clause(verbs) -> re.Pattern:
    """After an attack noun (normalised text): its adjectives, a relative pronoun, then one of `verbs` with
    a subject ending and the pronoun that takes the noun back (شنتها، نفذه، نفذوها، تبناه)."""
    stems = sorted({normalize(v) for v in verbs} | {normalize(v)[:-1] + "ا" for v in verbs if normalize(v).endswith("ي")},
                   key=len, reverse=True)
    return re.compile(r"\s*(?:ال\S+(?:ي|يه)\s+){0,2}(?:(?:الذي|التي|اللذين|اللتين)\s+)?(?:" + "|".join(stems)
                      + r")(?:ت|وا|و)?(?:هما|ها|هم|ه)\s+(?P<doer>\S+)")


def _not_places() -> frozenset[str]:
    from marsad.text.lexicons import not_places

    return not_places()


def _org_heads() -> frozenset[str]:
    from marsad.text.lexicons import org_heads

    return org_heads() - {"الدفاع", "الامن"}
