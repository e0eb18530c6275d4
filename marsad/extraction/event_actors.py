"""Who did it: actor1 and actor2 of an event, from the organisations and armed-group phrases
around its trigger, in neutral canonical form (no pejoratives, no clitics, "قوات الجيش X" → "الجيش X").
"""
from __future__ import annotations

import re

from marsad.extraction.triggers import Trigger, lexicon
from marsad.model import Entity
from marsad.text.arabic import normalize, normalize_map, strip_clitics

_ARMED = re.compile(r"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?(?:قوات|ميليشيات|ميليشيا|مليشيات|ميلشيات|مليشيا|جماعه|جيش|"
                    r"تنظيم|فصائل|كتائب|جماعات|مسلحون|مسلحين|مسلحو|مسلحي|طيران|سلاح الجو|الحوثي|الحوثيون|"
                    r"(?:مجموعه|مجموعات|عناصر|خليه|خلايا) مسلحه)"
                    r"(?:\s+(?:ال\w+|\"\w+\"|«\w+»|\w+ي|(?![يت])\w+(?:ون|ين))(?!\w)){0,3}")


_STOP_WORDS = ("في على إلى الى من عن مع ضد قرب بعد قبل منذ التي الذي التابعة المدعومة اليوم أمس صباح مساء فجر "
               "ليل ظهر السبت الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة النار الرصاص").split()
# matched against normalised text, so the words are normalised too (على → علي)
_STOP_ACTOR = re.compile(r"\s(?:" + "|".join(sorted({normalize(w) for w in _STOP_WORDS}, key=len, reverse=True))
                         + r")(?!\w).*$")


WINDOW_AFTER = 90           # characters after a trigger in which its place and target are sought


def _actor(text: str, ents: list[Entity], start: int, end: int, last: bool) -> str | None:
    """The organisation or armed-group phrase in text[start:end] nearest the trigger."""
    # after a trigger, a name starting in the window may run past it ("لهجوم جديد لتنظيم | داعش")
    orgs = [e for e in ents if e.type == "ORG" and start <= e.start
            and (e.end <= end or not last and e.actor_id and e.start < end)]
    phrases = []
    # after a trigger, a phrase starting in the window may run past it to its last word; before a
    # trigger, the phrase must end where the trigger begins ("قوات الجيش الليبي | السيطرة على")
    stop = end if last else min(len(text), end + 40)
    norm, index = normalize_map(text[start:stop])
    for m in _ARMED.finditer(norm):
        if start + index[m.start()] >= end:
            break
        s, e = start + index[m.start()], start + index[m.end() - 1] + 1
        norm_phrase, back = normalize_map(text[s:e])       # a diacritic inside (مسلٍحون) shifts offsets
        cut = _STOP_ACTOR.search(norm_phrase)
        phrase = text[s:s + back[cut.start()]] if cut else text[s:e]
        phrases.append((s, phrase.strip(" ،,\"«»")))
    candidates = [(e.start, e.canonical or e.text) for e in orgs] + phrases
    if not candidates:
        return None
    pos, name = (max if last else min)(candidates, key=lambda c: c[0])
    # an armed-group word followed by the organisation's name ("لتنظيم داعش"): the organisation
    org = next((e for e in orgs if e.start <= pos < e.end or pos <= e.start <= pos + len(name) + 1), None)
    return clean_actor((org.canonical or org.text) if org else _strip_clitic(name))


def _actors(text: str, ents: list[Entity], trig: Trigger, sent_start: int, limit: int) -> tuple:
    """(actor1, actor2). A nominal trigger takes its actor from the noun right after it ("انسحاب
    ميليشيات مصراتة"، "الهجوم الفاشل لميليشيات الوفاق"); a verb from its subject before it."""
    after_end = min(limit, trig.end + WINDOW_AFTER)
    follower = _actor(text, ents, trig.end, min(after_end, trig.end + 12), last=False)
    before = _actor(text, ents, sent_start, trig.start, last=True)
    gap = normalize(text[trig.end:trig.end + 12]).split()[:1]
    # Arabic puts the subject after the verb ("قصفت جماعة الحوثي"), a masdar its agent after it
    # ("انسحاب ميليشيات مصراتة"); a noun after a preposition is the target, not the actor.
    between = re.match(r"(?:\s+\S+){0,4}?\s+بين\s+", normalize(text[trig.end:after_end]))
    if between:                                 # "اشتباكات … بين الجيش السوداني وقوات الدعم السريع"
        s0 = trig.end + len(between.group())
        first = _actor(text, ents, s0, s0 + 4, last=False)
        split = normalize(text[s0:after_end]).find(" و")
        second = _actor(text, ents, s0 + split + 1, after_end, last=False) if split > 0 else None
        if first:
            return _resolve_generic(first, text, ents, trig.start), second if second != first else None
    if follower and not (gap and gap[0] in ("علي", "الي", "في", "من", "مع", "ضد", "عن", "نحو")):
        actor1, actor2 = follower, before
    else:
        actor1, actor2 = before, _actor(text, ents, trig.end, after_end, last=False)
    agent = _stated_agent(text, ents, sent_start, limit)
    if agent:                                   # "أعلنت X مسؤوليتها عن الهجوم", "استهدفت من قبل X"
        actor1, actor2 = agent, (actor2 if actor2 != agent else None)
    if actor1 is None and " " in text[trig.start:trig.end]:
        actor1 = _actor(text, ents, trig.start, trig.end, last=False)     # "أطلق مسلحون مجهولون النار"
    # "غارات إسرائيلية": a nationality right on the attack names its forces before any other candidate
    national = _national_forces(text, trig, min(after_end, trig.end + 30), subject=False)
    actor1 = national if national and actor1 != national and actor1 == before else actor1
    actor1 = _resolve_generic(_doer(actor1), text, ents, trig.start) or _national_forces(text, trig, after_end)
    actor2 = _doer(actor2)
    return actor1, actor2 if actor2 != actor1 else None


_CLAIMED = re.compile(r"(?:اعلن|اعلنت|تبنى|تبنت|اعلنوا)\s+(.{3,80}?)\s+(?:مسؤوليت|المسؤوليه)")
_PASSIVE_AGENT = re.compile(r"(?:من قبل|على يد|علي يد|بواسطه)\s+")


def _stated_agent(text: str, ents: list[Entity], start: int, end: int) -> str | None:
    """The doer the sentence names outright: whoever claims responsibility ("أعلنت حركة الشباب مسؤوليتها
    عن الهجوم"), or the agent of a passive ("استهدفت من قبل الجماعات المسلحة", "على يد مسلحين")."""
    norm, index = normalize_map(text[start:end])
    m = _CLAIMED.search(norm)
    if m:
        found = _actor(text, ents, start + index[m.start(1)], start + index[m.end(1) - 1] + 1, last=False)
        if found:
            return _doer(found)
    m = _PASSIVE_AGENT.search(norm)
    if m:
        s0 = start + index[m.end()] if m.end() < len(index) else end
        return _doer(_actor(text, ents, s0, min(end, s0 + 12), last=False))
    return None


_REPORTERS = frozenset({"media", "monitor"})
# kinds of actor that tell of, treat or relieve violence rather than commit it
_NOT_DOERS = _REPORTERS | {"ngo", "un", "igo", "other"}
# heads of bodies outside the fighting (a hospital, a health ministry, a foundation): the dictionary
# names the armed ones among such words (هيئة تحرير الشام), so only unknown names meet this list
_CIVIL_HEADS = frozenset(normalize(w) for w in (
    "مستشفى", "المستشفى", "وزارة", "الوزارة", "مؤسسة", "المؤسسة", "مركز", "المركز", "جامعة", "مدرسة", "منظمة",
    "المنظمة", "لجنة", "اللجنة", "لجان", "نقابة", "شركة", "بنك", "جمعية", "مكتب", "المكتب", "دائرة", "مديرية"))


# Heads of what reports an event rather than takes part in it: an agency, channel, paper, website,
# correspondent or source is its claimant (claimed_by), never its actor.
_REPORTER_HEADS = frozenset(normalize(w) for w in (
    "وكالة", "الوكالة", "قناة", "القناة", "صحيفة", "الصحيفة", "موقع", "الموقع", "شبكة", "إذاعة", "مراسل",
    "مصادر", "مصدر", "شهود", "ناشطون", "ناشطين", "المرصد", "مرصد", "تلفزيون", "التلفزيون"))


def _doer(name: str | None) -> str | None:
    """An agency, channel or monitor that tells of an event is its source, never a side in it."""
    from marsad.text.actor_dictionary import actors

    if not name:
        return None
    known = actors().lookup(name)
    if known:
        return None if known.kind in _NOT_DOERS else name
    head = strip_clitics(normalize(name).split()[0])[-1]
    return None if head in _REPORTER_HEADS or head in _CIVIL_HEADS else name


def _national_forces(text: str, trig: Trigger, end: int, subject: bool = True) -> str | None:
    """"غارات إسرائيلية", "قصف جوي تركي", "طائرة تركية مسيرة": a nationality among the words of the
    attack names the forces; "شنت إسرائيل غارات": so does a country as the subject before it. Both
    stand for that country's armed forces in the actor dictionary."""
    from marsad.text import lexicons as lx
    from marsad.text.actor_dictionary import actors

    clause = re.split(r"[،,.:؛]", text[trig.start:min(end, trig.end + 60)])[0].split()[:6]
    country = next((c for w in clause if (c := lx.nisba_country(w))), None)
    if country is None and subject:
        before = normalize(text[max(0, trig.start - 25):trig.start]).split()[-2:]
        country = next((lx.countries()[f] for w in before for f in strip_clitics(w) if f in lx.countries()), None)
    forces = actors().forces_of(country) if country else None
    return forces.name if forces else None


_GENERIC = frozenset(normalize(w) for w in ("القوات", "قوات", "الجيش", "الوحدات", "وحدات", "المسلحين", "مسلحون"))


def _resolve_generic(name: str | None, text: str, ents: list[Entity], before: int) -> str | None:
    """A bare "القوات" refers to the last armed organisation named before it."""
    if not name or normalize(name) not in _GENERIC:
        return name
    armed = [e for e in ents if e.type == "ORG" and e.end <= before and _ARMED.match(normalize(e.canonical or e.text))]
    return clean_actor(armed[-1].canonical or armed[-1].text) if armed else name


def clean_actor(name: str) -> str:
    """Neutral, canonical actor names: the actor dictionary's name for any actor it knows ("مليشيا
    الدعم السريع" → "قوات الدعم السريع"), else no pejoratives, no quote marks, "قوات الجيش الليبي" →
    "الجيش الليبي"."""
    from marsad.text.actor_dictionary import actors

    name = re.sub(r'["«»“”]', "", name).strip()
    known = actors().lookup(name) or actors().within(name)
    if known:
        return known.name
    m = lexicon()["pejorative"].search(normalize(name))
    if m:
        name = name[:m.start()].strip()
    words = name.split()
    if len(words) > 2 and normalize(words[0]) in ("قوات", "القوات") and normalize(words[1]).startswith(("الجيش", "جيش")):
        words = words[1:]
    if len(words) > 2 and normalize(words[-1]) in ("الحربي", "العسكري", "الحربيه", "العسكريه") and _ARMED.match(
            normalize(words[0])):
        words = words[:-1]                     # "الطيران المصري الحربي" → "الطيران المصري"
    return " ".join(words)


def _strip_clitic(name: str) -> str:
    n = normalize(name)
    if n.startswith(("وال", "بال", "فال")):
        return name[1:]
    if n.startswith("لل"):
        return "ال" + name[2:]
    if n[:1] in "لبوف" and n[1:].split(" ")[0] in _ARMED_HEADS:        # لميليشيات الوفاق، وجماعة الحوثي
        return name[1:]
    return name


_ARMED_HEADS = frozenset(normalize(w) for w in (
    "قوات ميليشيات ميليشيا مليشيات ميلشيات مليشيا جماعة جيش تنظيم فصائل كتائب مسلحون مسلحين طيران".split()))
