"""A state force named by its bare common noun: الشرطة، عناصر من الشرطة، رجال الأمن، أفراد من الأمن.
News names a country's police by the bare noun when the country is plain from the story (اشتبك عناصر
من الشرطة مع مسلحين في الموصل); the actor dictionary never lists such words as aliases (actors.tsv:
bare common words are no alias), so no organisation is found there and the event lost its side. Such a
noun is a doer: the police of the country the sentence's places lie in (actors.tsv, kind police: its
national force, named by ACLED "Police Forces of X (years)" with no unit after it), else the bare noun.

الأمن alone is also security as a topic (مجلس الأمن، الأمن والاستقرار): it counts only after a word of
members (عناصر، رجال، أفراد، قوى). الشرطة after the noun of a place or an office (مركز الشرطة، مدير
الشرطة) names that place or office, a target or a speaker, not the force; after قوات it is the armed
phrase event_actors already reads (armed_names.ARMED).
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.trigger_lexicon import lexicon
from marsad.model import Entity

# on normalised text (ة → ه, أ → ا)
_MEMBERS = r"(?:عناصر|عنصر|افراد|رجال|قوي|دوريه|دوريات|قوه)"
_BARE = re.compile(r"(?<!\w)(?:(?P<m>[وف]?" + _MEMBERS + r")\s+(?:من\s+)?ال(?P<s>امن|شرطه)"
                   r"|[وف]?ال(?P<p>شرطه))(?!\w)")
# a place, an office or a rank of the police: "مركز الشرطة" is a building, "مدير الشرطة" a person;
# "نقلت عن الشرطة"، "مصدر من الشرطة"، "في الشرطة": its word, not its act
_NOT_THE_FORCE = frozenset({"عن", "من", "في", "مركز", "مراكز", "قسم", "اقسام", "مديريه", "مديريات", "مقر", "مقار",
                            "وزاره", "وزير", "اكاديميه", "كليه", "مدير", "قائد", "مخفر", "نقطه", "قوات", "ضابط", "ضباط", "مفوض",
                            "مفوضيه", "ناطق", "متحدث", "باسم", "سياره", "سيارات", "عربه", "مبني", "ثكنه"})


def bare_forces(norm: str, ents: list[Entity]) -> list[tuple[int, int, str | None]]:
    """(start, end, name) in `norm`, the normalised text of a stretch whose entities are `ents`, of each
    bare police or security noun: name is the police of the one country their places lie in, else the
    noun; None when a nisba follows (الشرطة الروسية: the phrase as written names it)."""
    if "شرطه" not in norm and "الامن" not in norm:
        return []
    found = []
    for m in _BARE.finditer(norm):
        before = norm[max(0, m.start() - 12):m.start()].split()
        prev = before[-1] if before else ""
        if prev in lexicon()["fired_by"]:
            continue        # "برصاص الشرطة": who fired, which trigger_frames.fired_by reads as written
        if not m.group("m") and (prev in _NOT_THE_FORCE or len(prev) > 3 and prev[0] in "بل" and prev != "بين"):
            continue        # "بمساعدة الشرطة"، "لمطالبة الشرطة": the genitive of another noun
        # its position is the noun's (its article's), so that "مقتل اثنين من عناصر الشرطة" counts them dead
        noun = "p" if m.group("p") else "s"
        nisba = _NISBA.match(norm, m.end())
        found.append((m.start(noun) - 2, nisba.end() if nisba else m.end(),
                      None if nisba else "الشرطة" if m.group(noun) == "شرطه" else "الأمن"))
    if not found:
        return []
    countries = {e.country for e in ents if e.type == "LOC" and e.country}
    police = police_of(countries.pop()) if len(countries) == 1 else None
    return [(s0, s1, name and (police or name)) for s0, s1, name in found]


_NISBA = re.compile(r"\s+ال\w+يه(?!\w)")


def police_of(country: str) -> str | None:
    """A country's national police in the actor dictionary: the police actor ACLED names "Police Forces
    of X (years)" with no unit after it; None where there is none (Syria's General Security is one body
    of the authorities since December 2024, not the police of an older report)."""
    from marsad.text.actor_dictionary import actors

    return _police_of(country, len(actors().actors))      # the dictionary's size: a user file added is read


@lru_cache(maxsize=64)
def _police_of(country: str, _size: int) -> str | None:
    from marsad.text.actor_dictionary import actors

    return next((a.name for a in actors().actors.values() if a.country == country and a.kind == "police"
                 and a.name_en.startswith("Police Forces of") and a.name_en.endswith(")")), None)
