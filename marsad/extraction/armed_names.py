"""The name of an armed actor as news writes it: the armed-group phrase (ARMED: "مسلحون مجهولون"،
"ميليشيات الوفاق"، "قوات الجيش الليبي"), how much of it agrees with its head (agreeing_length), and its
neutral canonical form (clean_actor: the dictionary's name, no pejoratives, "قوات الجيش X" → "الجيش X").
Read by event_actors, which finds the doers, and by every rule that names one.
"""
from __future__ import annotations

import re

from marsad.extraction.support_verbs import definite
from marsad.extraction.trigger_lexicon import lexicon
from marsad.text.arabic import normalize, normalize_map

# An armed-group word and up to three adjectives or names after it; not a word opening with و (but
# a coordinated adjective, "الطيران الحربي والمروحي"), which starts the next conjunct ("بين قوات
# الحرس | ومسلحي المجلس"), nor a feminine noun ending like a
# nisba adjective (-ية) that follows as the verb's object ("هاجم مسلحون قرية", "استهدفت قوات دورية")
_FEMININE_NOUNS = r"(?:قريه|دوريه|ناحيه|مديريه|اليه|عمليه|ضاحيه|زاويه|بنايه|مروحيه)(?!\w)"
# "معسكرات الجيش | الثلاثة": a number after an armed word counts what precedes it, it is no name
_NUMBER_WORDS = r"ال(?:اثنين|اثنان|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|اول|ثاني|ثالث|رابع|خامس)(?!\w)"
ARMED = re.compile(r"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?(?:(?:جماعه|جماعات) مسلحه|قوات|ميليشيات|ميليشيا|مليشيات|ميلشيات|مليشيا|جماعه|جيش|"
                    r"تنظيم|فصائل|كتائب|جماعات|مسلحون|مسلحين|مسلحو|مسلحي|طيران|سلاح الجو|الحوثي|الحوثيون|"
                    r"متمردون|متمردين|مهاجمون|مجهولون|مجهولين|(?:مجموعه|مجموعات|عناصر|خليه|خلايا) مسلحه|"
                    r"(?:مجموعات|جماعات|عناصر|خلايا) (?:ارهابيه|متطرفه|جهاديه|تكفيريه))"
                    r"(?:\s+(?:(?!" + _NUMBER_WORDS + r")ال\w+|\"\w+\"|«\w+»|(?!و(?!ال)|لل|بال)(?:\w+ي|\w+ي(?:ون|ين)|(?!" + _FEMININE_NOUNS + r")\w+يه|"
                    r"(?![يت])\w+(?:ون|ين)))(?!\w)){0,3}")


def agreeing_length(norm: str) -> int:
    """How much of a (normalised) armed-group phrase agrees in case with its head: "مسلحون مجهولون"
    all of it, "مسلحون | جنديين" (killed two soldiers) up to the object, whose plural ending is not the
    nominative of the head's."""
    words = norm.split(" ")
    head = words[0]
    clash = "ين" if head.endswith("ون") else "ون" if head.endswith(("ين", "ي")) else None
    # an indefinite plural keeping its ن takes no definite adjective (definiteness agrees) and no genitive
    # (that drops the ن: مسلحو التنظيم): "مسلحون مجهولون | الناشط …" ends before the victim
    bare = definite(head) == (False,) and head.endswith(("ون", "ين"))
    # a definite head takes no indefinite word after it, adjective or genitive: "القوات | جنديين"
    known = definite(head) == (True,)
    pos = len(head)
    for w in words[1:]:
        if clash and w.endswith(clash) and not w.startswith(("ال", "و")) or bare and w.startswith("ال") \
                or known and not w.startswith(("ال", "و", '"', "«")):
            return pos
        pos += 1 + len(w)
    return len(norm)


# words of a phrase that describes armed men without naming them
_UNNAMED = frozenset(normalize(w) for w in ["جماعات", "الجماعات", "مجموعات", "المجموعات", "جماعة", "الجماعة", "مجموعة", "المجموعة", "عناصر", "العناصر", "خلايا", "الخلايا", "خلية", "الخلية", "مسلحة", "المسلحة", "مسلحون", "المسلحون", "مسلحين", "المسلحين"])


def clean_actor(name: str) -> str:
    """Neutral, canonical actor names: the actor dictionary's name for any actor it knows ("مليشيا
    الدعم السريع" → "قوات الدعم السريع"), else no pejoratives, no quote marks, "قوات الجيش الليبي" →
    "الجيش الليبي"."""
    from marsad.text.actor_dictionary import actors

    name = re.sub(r'["«»“”]', "", name).strip()
    known = actors().lookup(name) or actors().within(name)
    if known:
        return known.name
    norm, index = normalize_map(name)
    m = lexicon()["pejorative"].search(norm)
    # "ميليشيات الوفاق الإرهابية" → "ميليشيات الوفاق"; but in "الجماعات الإرهابية المسلحة" the word
    # is all the description an unnamed group has, and the phrase stays as written
    if m and not all(w in _UNNAMED for w in norm[:m.start()].split()):
        name = name[:index[m.start()]].strip()
    words = name.split()
    if len(words) > 2 and normalize(words[0]) in ("قوات", "القوات") and normalize(words[1]).startswith(("الجيش", "جيش")):
        words = words[1:]
    if len(words) > 2 and normalize(words[-1]) in ("الحربي", "العسكري", "الحربيه", "العسكريه") and ARMED.match(
            normalize(words[0])):
        words = words[:-1]                     # "الطيران المصري الحربي" → "الطيران المصري"
    return " ".join(words)
