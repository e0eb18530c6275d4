"""Word shapes that tell where a tagged name begins and ends, and what is no name at all: a region's
direction that belongs to its name (شمال سيناء), an indefinite word after a definite one that ends an
organisation (البنك الدولي | بول), an adjective after a place noun that is no place (منطقة صناعية).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.data import load_json
from marsad.extraction.head_names import place_noun_before
from marsad.extraction.place_runs import relative_adjective
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics


def strong_place(name: str) -> bool:
    """A country, region or Arab town of the gazetteer (not a faraway namesake of a name's tail)."""
    tier = lx.place_tiers().get(name) or lx.place_tiers().get(name.removeprefix("ب").removeprefix("ل"))
    return bool(tier) and tier.endswith(("arab", "region", "country"))


def direction_before(text: str, toks, tags: list[str], i: int, j: int) -> int:
    """1 when the untagged word before a place is a direction that the gazetteer knows as part of its
    name — a division named by its part of a region (شمال سيناء، جنوب كردفان، غرب دارفور), a region
    tier of the gazetteer ("شمال حلب" is north of Aleppo) — else 0."""
    if i == 0 or tags[i - 1] != "O" or text[toks[i - 1].end:toks[i].start].strip():
        return 0
    name = normalize(text[toks[i].start:toks[j - 1].end])
    return int(any((f in lx.directions() or f == "وسط") and lx.place_tiers().get(f + " " + name) == "region"
                   for f in strip_clitics(normalize(toks[i - 1].text))))


def definite_name_end(mention: str) -> int:
    """Where a tagged organisation ends: a definite word closes an idafa chain, so an indefinite word
    right after one — a verb, a verbal noun, the next person's name — is no part of the name, unless
    it is a place, a preposition's phrase (في، ل/لل …: "القاعدة في بلاد المغرب", "الجبهة الشعبية
    لتحرير فلسطين") or another body's head."""
    words = mention.split(" ")
    for k in range(1, len(words)):
        before, w = strip_clitics(normalize(words[k - 1]))[-1], normalize(words[k])
        if not normalize(words[k - 1]).startswith(("ال", "وال")) or not w.isalpha() or w.startswith(("ال", "ل", "وال")):
            continue
        if w in ("في", "فى") or strong_place(w) or w in lx.org_heads() or strip_clitics(w)[-1] in lx.org_heads() \
                or before == "ال":
            continue
        return len(" ".join(words[:k]))
    return len(mention)


def adjective_after_noun(text: str, e: Entity, word: str) -> bool:
    """An indefinite adjective, not a place: a nationality in the accusative or plural (فلسطينيا،
    سوريين) anywhere, or a feminine relative adjective agreeing with the place noun before it
    ("منطقة شيعية", "بلدة حدودية")."""
    if word in lx.place_names() or word in lx.countries() or word.startswith("ال"):
        return False
    if word.endswith(("يا", "يين", "يون")) and lx.nisba_country(word):
        return True
    if relative_adjective(word) and place_noun_before(text, e.start):
        return not normalize(text[max(0, e.start - 8):e.start]).rstrip().endswith("ه")   # "حي سكني"، "مجمع تجاري"
    return word.endswith("يه") and len(word) >= 5 and normalize(text[max(0, e.start - 8):e.start]).rstrip().endswith("ه") \
        and place_noun_before(text, e.start)


def accusative_pair(text: str, e: Entity) -> bool:
    """A one-word LOC in an indefinite accusative noun + relative adjective pair ("كمينا أمنيا"، "موقعا
    عسكريا"، "حيا سكنيا"): the two agree in case and indefiniteness, a common noun and its adjective,
    which the tagger reads as two places before a direction ("… جنوب مدينة X"). A country or town
    spelled with يا (سوريا، كينيا) is a name, not such an adjective."""
    def named(w: str) -> bool:
        return w in lx.place_names() or w in lx.countries()

    def adjective(w: str) -> bool:     # "وإيطاليا"، "لكينيا": a place after a clitic, no adjective
        return w.endswith("يا") and len(w) >= 4 and not w.startswith("ال") \
            and not any(named(f) for f in strip_clitics(w))

    def noun(w: str) -> bool:
        return w.endswith("ا") and not w.endswith("يا") and not w.startswith(("ال", "وال")) and not named(w)

    start = e.start
    while start > 0 and not text[start - 1].isspace():
        start -= 1                      # the whole word: "كمينا", whose ك the tagger took for a preposition
    word = normalize(text[start:e.end])
    if " " in word:
        return False
    before = normalize(text[max(0, start - 20):start]).split()[-1:]
    after = normalize(text[e.end:e.end + 20]).split()[:1]
    return bool(adjective(word) and before and noun(before[0]) or noun(word) and after and adjective(after[0]))


@lru_cache(maxsize=1)
def _clause_verbs() -> frozenset[str]:
    """Past verbs a clause opens with, و glued on: the speech cues of quotes.json and the reaction
    verbs of events.json (أدان، دان، ندد، استنكر …)."""
    verbs = {normalize(v) for v in load_json("quotes.json")["verbs"]}
    verbs |= {normalize(w.rstrip("+~")) for w in load_json("events.json")["reactions"]["words"] if "+" in w}
    return frozenset(verbs)


def clause_verb(toks, i: int, j: int) -> bool:
    """The one word toks[i:j] the tagger read as a place is و/ف + a past verb opening a sentence or a
    clause, its subject right after it: "ودان رئيس الحكومة فلان الغارات" (he condemned; ودان is also a
    Libyan town, which follows في or a place noun, not a sentence's start)."""
    if j - i != 1 or j >= len(toks) or (i and any(ch.isalnum() for ch in toks[i - 1].text)):
        return False
    w, nxt = normalize(toks[i].text), normalize(toks[j].text)
    return w[:1] in "وف" and w[1:] in _clause_verbs() and (
        nxt.startswith("ال") or nxt in lx.titles() or nxt in lx.org_heads())
