"""Rule fills after the tagger, for conflict reports (`tag_many(rules=True)`): names the CRF, trained
on ANERcorp's world news, leaves untagged. `gazetteer_fill`: a gazetteer place after a location
cue, a place noun or a ب/ل clitic, a multi-word place name, and the names coordinated before a known
place are LOC. `title_fill`: the name after a rank or honorific (اللواء ركن، المشير) is PER. They
raise recall on conflict reports but cost precision on general news, so `marsad ner` leaves them
off. Cue words and ranks are data (lexicon/place_cues.tsv, place_nouns.tsv, rank_words.tsv)."""
from __future__ import annotations

from functools import lru_cache

from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics


@lru_cache(maxsize=1)
def _place_cues() -> dict[str, str]:
    """normalised cue word → kind (lexicon/place_cues.tsv: prepositions, directions, the parts of a place)."""
    return {normalize(r["word"]): r["kind"] for r in lx.table("place_cues.tsv")}


@lru_cache(maxsize=1)
def _loc_cues() -> frozenset[str]:
    """Words after which a gazetteer name is a place: the cues of lexicon/place_cues.tsv and every
    place noun of lexicon/place_nouns.tsv, plurals too ("أحياء الكرخ والرصافة", "مخيمات X"), and the
    dual in construct of a singular one ("منطقتي X وY"), as lexicons.place_noun reads it."""
    nouns = lx.place_nouns()
    duals = {n[:-1] + "تي" for n, number in nouns.items() if number == "singular" and n.endswith("ه")}
    return frozenset(_place_cues()) | frozenset(nouns) | duals


_COUNTRYSIDE = normalize("ريف")
_STRONG_TIERS = ("country", "big-arab", "region")
_TIER_RANK = ("country", "region", "big-arab", "mid-arab", "small-arab", "big", "mid", "small")


def gazetteer_fill(tokens: list[str], tags: list[str]) -> list[str]:
    """Mark as LOC an untagged word that is a strong gazetteer place after a location cue.

    The CRF under-uses the gazetteer because ANERcorp's world news holds few of our towns; a place
    name after في/مدينة/قرب… or with a ب/ل clitic (بالجفرة) is very rarely anything else.
    """
    tiers = lx.place_tiers()
    out = list(tags)
    for i, tok in enumerate(tokens):
        if out[i] != "O":
            continue
        forms = strip_clitics(normalize(tok))
        if forms[-1] in _loc_cues() or forms[0] in _loc_cues() or any(f in lx.not_places() for f in forms):
            continue                        # "مدينة" is GeoNames' Medina, "بيان" Bayan: here both are words
        found = next((f for f in forms[1:] + forms[:1] if f in tiers), None)
        if found is None:
            continue
        before = strip_clitics(normalize(tokens[i - 1]))[-1] if i else ""
        # one place's name follows a singular or dual place noun (lexicon/place_nouns.tsv) or ريف, "the
        # countryside of", listed plural there as a list may follow it; after other plurals a list does
        after_noun = lx.place_noun(before) in ("singular", "dual") or before == _COUNTRYSIDE
        if after_noun and forms[0].startswith("ال") and forms[0] in tiers and \
                _TIER_RANK.index(tiers[forms[0]]) <= _TIER_RANK.index(tiers[found]):
            found = forms[0]                # "قضاء الدبس": the town; "دبس" without its article is another
        # after a place noun (قضاء مخمور، بلدة X) even a small Arab town is a place
        named = after_noun and tiers[found].endswith(("arab", "region", "country"))
        if len(found.removeprefix("ال")) < 4 and tiers[found] != "region" and not (named and found.startswith("ال")):
            continue                        # curated names may be short, GeoNames' short ones are words
        # "جنوبي مخمور": an indefinite word after a direction is a name (a common noun there is definite)
        named = named or _place_cues().get(before) == "direction" and not found.startswith("ال") and tiers[found].endswith("arab")
        if tiers[found] not in _STRONG_TIERS + ("mid-arab",) and not named:
            continue
        clitic = len(forms) > 1 and normalize(tok)[0] in "بل"
        cue = i > 0 and (before in _loc_cues() or normalize(tokens[i - 1]) in _loc_cues())
        # a country, big Arab city or region stands on its own; a mid-sized town needs a cue or a clitic
        if tiers[found] in _STRONG_TIERS or clitic or cue or named or _coordinated(tokens, out, i):
            out[i] = "B-LOC"
    return _listed_before(tokens, _multiword_places(tokens, out))


def _listed_before(tokens: list[str], tags: list[str]) -> list[str]:
    """"في سيفاري وبافو ونيونو": names coordinated before a known place, the list opened by a location
    cue, are places too (the tagger and the gazetteer knew only the last one)."""
    out = list(tags)
    words = [normalize(t) for t in tokens]
    for i, w in enumerate(words):
        if not (out[i] == "B-LOC" and w.startswith("و") and i > 1):
            continue
        # a lone word the tagger took for a person ("وبافو") is in the list too
        free = lambda k: out[k] == "O" or out[k] == "B-PER" and not out[k + 1].startswith("I-")   # noqa: E731
        j = i - 1
        while j > 0 and words[j].startswith("و") and free(j) and _name_like(words[j][1:]):
            j -= 1
        first_ok = free(j) and _name_like(words[j]) or out[j].endswith("LOC")
        if j < i - 1 or first_ok:
            if j > 0 and first_ok and (words[j - 1] in _loc_cues() or strip_clitics(words[j - 1])[-1] in _loc_cues()):
                for k in range(j, i):
                    if free(k):
                        out[k] = "B-LOC"
    return out


def _name_like(word: str) -> bool:
    """Could be a place's one-word name: letters only, not a function or common word."""
    return len(word) >= 3 and word.isalpha() and word not in _FUNCTION_WORDS and word not in lx.not_places()


def _coordinated(tokens: list[str], tags: list[str], i: int) -> bool:
    """"طرابلس ورشفانة وجنزور", "كردفان ودارفور": a و-word in a run of و-words after a place."""
    if not normalize(tokens[i]).startswith("و"):
        return False
    j = i - 1
    while j > 0 and normalize(tokens[j]).startswith("و") and j > i - 4:
        j -= 1
    return tags[j].endswith("LOC")


def _multiword_places(tokens: list[str], tags: list[str]) -> list[str]:
    """Untagged multi-word gazetteer names after a location cue or a ب/في clitic: "قضاء طوز خرماتو",
    "في معرة النعمان", "بذي قار" (single words are gazetteer_fill's)."""
    first, names = lx.multiword("loc"), lx.place_names()
    words = [normalize(t) for t in tokens]
    out, i = list(tags), 0
    while i < len(tokens):
        best = 0
        for head in strip_clitics(words[i]):
            if head not in first:               # most words open no multi-word name
                continue
            for n in range(min(first[head], len(tokens) - i), 1, -1):
                if " ".join([head, *words[i + 1:i + n]]) in names:
                    best = n
                    break
            if best:
                break
        # a cue, a ب/و clitic, or an Arab place of several words (they seldom spell an ordinary phrase)
        cue = best and (i > 0 and strip_clitics(words[i - 1])[-1] in _loc_cues() or words[i][:1] in "بو" and
                        len(words[i]) > 1 and words[i] not in names or _arab_place(" ".join(words[i:i + best])))
        if best and cue and all(t == "O" for t in out[i:i + best]):
            out[i:i + best] = ["B-LOC"] + ["I-LOC"] * (best - 1)
            i += best
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _rank_words() -> dict[str, bool]:
    """normalised rank or title word → whether it is an officer's rank (lexicon/rank_words.tsv)."""
    return {normalize(r["word"]): r["military"] == "yes" for r in lx.table("rank_words.tsv")}


# particles that follow a title word used as a noun ("وذكر مركز حماة الإعلامي أن …"): never a name
_FUNCTION_WORDS = frozenset(normalize(w) for w in (
    "أن", "إن", "ان", "في", "من", "على", "إلى", "عن", "مع", "الذي", "التي", "قد", "لم", "لن", "كما", "بعد", "قبل",
    # the copula and its sisters after a noun spelt like a rank ("الفريق كان …": the team was)
    "كان", "كانت", "يكون", "تكون", "ظل", "ظلت", "بات", "باتت", "أصبح", "أصبحت", "ليس", "ليست"))


_NOT_FAMILY = frozenset(normalize(w) for w in ("الثاني", "الماضي", "الحالي", "الجاري", "التالي", "الأولي", "الرسمي",
                                                "الحكومي", "المحلي", "الدولي", "الاتحادي", "الإقليمي", "العسكري"))


def _family_name(word: str) -> bool:
    """A family name of the relative-adjective shape (الديهي، الزعبي) that is no nationality, date or
    status adjective: after a title and a given name the lexicon does not know, it closes a name."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 6 and word.isalpha() \
        and word not in _NOT_FAMILY and not lx.nisba(word) and word not in lx.not_places()


def title_fill(tokens: list[str], tags: list[str]) -> list[str]:
    """A rank or honorific (اللواء ركن، المشير، الرئيس المصري) followed by an untagged name → PER.

    The name is two words (three after عبد/أبو/بن), one of its first two a known personal name,
    not starting with the article (first names almost never do; التنفيذي، الأمريكي after a title
    do) nor with punctuation. "المؤتمر الصحفي خرجت …" is thus no person.
    """
    from marsad.text.lexicons import nisba

    out = list(tags)
    n = len(tokens)
    i = 0
    while i < n:
        if normalize(tokens[i]) not in _rank_words() or out[i] != "O":
            i += 1
            continue
        j = i + 1
        while j < n and (normalize(tokens[j]) in _rank_words() or nisba(tokens[j])):
            j += 1
        size = 3 if j < n and normalize(tokens[j]) in lx.NAME_JOINERS else 2
        if size == 2 and j + 1 < n and lx.no_name_tail(normalize(tokens[j + 1])):
            size = 1                        # "الجنرال فلان معتبرا": how he spoke, not his name
        name = tokens[j:j + size]
        known = lx.person_names()
        if (len(name) == size and not normalize(name[0]).startswith("ال") and normalize(name[0]) not in _FUNCTION_WORDS
                and (_rank_words().get(normalize(tokens[j - 1]), False) or any(normalize(t) in known for t in name[:2])
                     or size == 2 and _family_name(normalize(name[1])))
                and all(any(ch.isalpha() for ch in t) for t in name) and all(out[k] == "O" for k in range(j, j + size))):
            out[j] = "B-PER"
            for k in range(j + 1, j + size):
                out[k] = "I-PER"
            i = j + size
        else:
            i += 1
    return out


def _arab_place(name: str) -> bool:
    bare = strip_clitics(name.split()[0])[-1] + name[len(name.split()[0]):]
    tier = lx.place_tiers().get(name) or lx.place_tiers().get(bare)
    return bool(tier) and tier.endswith(("arab", "region"))
