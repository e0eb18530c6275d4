"""The doer of an attack named by nationality: the forces a nationality adjective on the attack names
("غارات إسرائيلية", national_forces); and the doer of an attack told with a light verb: "شنت طائرات
أمريكية غارات على X", "نفذت مقاتلات روسية وسورية، فجر الأحد، ضربات على Y", "طائرات تركية شنت قصفا على
Z". The attack noun is the trigger; the doer is the subject of the light verb (شن، نفذ، وجه، أطلق، قام
بـ), aircraft, ships, guns or troops whose nationality adjective names the forces, as "قصفت طائرات
روسية" does with the plain verb. Of coordinated nationalities ("أمريكية وبريطانية") the first is actor1
(the model has no associated actor). The words (data/lexicon/actor_nouns.tsv, roles support_verb and
vehicle) were written for marsad.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.triggers import Trigger
from marsad.text.arabic import normalize, strip_clitics

REACH = 80          # characters before the attack noun in which its light verb and subject are sought


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    from marsad.text import lexicons as lx

    rows = lx.table("actor_nouns.tsv")
    verbs = "|".join(sorted({normalize(r["word"]) for r in rows if r["role"] == "support_verb"}, key=len, reverse=True))
    nouns = "|".join(sorted({normalize(r["word"]) for r in rows if r["role"] == "vehicle"}, key=len, reverse=True))
    # the vehicle, then up to one descriptive word ("طائرات حربية", "طائرة مسيرة"), then the nationality
    subject = rf"(?:{nouns})(?:\s+(?P<adj>\S+))?\s+(?P<nat>\S+)"
    # verb first ("شنت طائرات أمريكية … غارات"), or subject first, of the light verb or of the trigger
    # itself ("طائرات أمريكية شنت غارات"، "مقاتلات سعودية قد شنت"، "طائرات إسرائيلية | قصفت")
    return (re.compile(rf"(?<!\S)[وف]?(?:{verbs})\s+{subject}"),
            re.compile(rf"(?<!\S)[وف]?{subject}\s+(?:(?:قد|لقد)\s+)?(?:[وف]?(?:{verbs})(?!\S)|$)"))


def light_verb_doer(text: str, trig: Trigger, sent_start: int) -> str | None:
    """The forces the subject of the light verb before `trig` names ("شنت طائرات أمريكية غارات" → the
    US forces), or None. The verb must govern the trigger: no full stop between, and the trigger noun
    not itself a verb (the plain verb names its own subject)."""
    lo = max(sent_start, trig.start - REACH)
    before = normalize(text[lo:trig.start])
    if re.search(r"[.؛:]", before):
        before = re.split(r"[.؛:]", before)[-1]
    for pattern in _patterns():
        found = list(pattern.finditer(before))
        if not found:
            continue
        m = found[-1]
        if pattern is _patterns()[0] and re.search(r"(?<!\S)[وف]?(?:" + _verbs_alt() + r")(?!\S)", before[m.end():]):
            continue                            # another light verb after the subject: not this trigger's
        for word in (m.group("nat"), m.group("adj")):
            forces = nisba_actor(word.strip("،,")) if word else None
            if forces:
                return forces
    return None


@lru_cache(maxsize=1)
def _verbs_alt() -> str:
    from marsad.text import lexicons as lx

    return "|".join(sorted({normalize(r["word"]) for r in lx.table("actor_nouns.tsv") if r["role"] == "support_verb"},
                           key=len, reverse=True))


def nisba_actor(word: str) -> str | None:
    """The forces a nationality adjective names (إسرائيلية → the IDF), or the armed group a nisba of
    its name does (حوثيا → جماعة الحوثي): only armed actors of the dictionary."""
    from marsad.text import lexicons as lx
    from marsad.text.actor_dictionary import actors

    country = lx.nisba_country(word) or _country_named_by_nisba(word)
    if country:
        forces = actors().forces_of(country)
        return forces.name if forces else None
    stem = lx.nisba_stem(word, ("يه", "يا", "ي"))      # a group's is singular: صاروخ حوثي، قذيفة حوثية
    if stem is None:
        return None
    for form in ("ال" + stem + "يون", "ال" + stem + "يين", "ال" + stem + "ي", stem):
        known = actors().lookup(form)
        if known:
            return known.name if known.kind in ARMED_KINDS else None
    return None


ARMED_KINDS = frozenset({"state_force", "police", "armed_group", "militia", "coalition"})


def _country_named_by_nisba(word: str) -> str | None:
    """A country whose name is itself a nisba (السعودية): "سعودية"، "السعودي" name it too."""
    from marsad.text import lexicons as lx

    stem = lx.nisba_stem(word)
    return lx.countries().get("ال" + stem + "يه") if stem else None


def national_forces(text: str, trig: Trigger, end: int, subject: bool = True) -> str | None:
    """"غارات إسرائيلية", "قصف جوي تركي", "طائرة تركية مسيرة": a nationality among the adjectives of
    the attack names the forces ("صاروخ باليستي حوثي": so does a group's nisba); "شنت إسرائيل غارات":
    so does a country as the subject before it. Both stand for that country's armed forces in the
    actor dictionary."""
    from marsad.text import lexicons as lx
    from marsad.text.actor_dictionary import actors

    if trig.sub_event_type == "Abduction/forced disappearance":
        return None                     # "خطف 13 إثيوبياً"، "خطف طائرة هندية": the nationality is the victims'
    found = next((f for w in _attack_words(text, trig, end) if (f := nisba_actor(w))), None)
    if found is None and subject:
        words = normalize(text[max(0, trig.start - 40):trig.start]).split()
        # a subject: not a country a preposition governs ("في الهند ونيبال، | المظاهرات"), nor with ب/ل on it
        subjects = [w for k, w in enumerate(words) if k >= len(words) - 3 and w[:1] not in "بل"
                    and not _PHRASE_ENDS.intersection(words[max(0, k - 2):k])]
        country = next((lx.countries()[f] for w in subjects for f in strip_clitics(w) if f in lx.countries()), None)
        forces = actors().forces_of(country) if country else None
        found = forces.name if forces else None
    return found


# words that end the attack's own noun phrase: what follows them is its target, place or time
# (not من, which gives its source: "قصف من طائرة تركية مسيرة")
_PHRASE_ENDS = frozenset(normalize(w) for w in (
    ["في", "على", "إلى", "الى", "ضد", "عن", "قرب", "بين", "نحو", "تجاه", "داخل", "خارج", "عند", "بعد", "قبل", "منذ", "خلال", "حيث", "التي", "الذي", "و"]))


def _attack_words(text: str, trig: Trigger, end: int) -> list[str]:
    """The trigger's words and the adjectives that agree with it after it ("غارات | إسرائيلية",
    "القصف | الجوي الإسرائيلي", "قصف | بطائرة مسيرة تركية"): at most four, up to a preposition, a
    clause break, a word of other definiteness ("استهدفت الغارات | بناء … العاصمة السورية") or a
    plural of people ("صاروخ أطلقه | متمردون يمنيون": people, not the weapon's maker). None after a
    trigger that ends in its preposition ("اعتدى … على | سفن أوكرانية") or an abduction ("خطف | طائرة
    هندية"): what follows is the target."""
    own = normalize(text[trig.start:trig.end]).split()
    if not own or own[-1] in _PHRASE_ENDS or trig.sub_event_type == "Abduction/forced disappearance":
        return own
    clause = re.split(r"[،,.:؛()«»\"“”]", text[trig.end:end])[0]
    the = own[-1].startswith("ال") or own[-1][1:3] == "ال" if own else False
    chain = []
    for w in normalize(clause).split()[:4]:
        if w in _PHRASE_ENDS or the not in definite(w) or w.endswith(("ون", "ين")):
            break
        chain.append(w)
    return own + chain


def definite(word: str) -> tuple[bool, ...]:
    """Whether a word can be definite: "بالستي" may be ب + الستي or the adjective itself."""
    if word.startswith("ال"):
        return (True,)
    return (True, False) if any(f.startswith("ال") for f in strip_clitics(word)) else (False,)
