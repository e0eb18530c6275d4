"""Who did it: actor1 and actor2 of an event, from the organisations and armed-group phrases
around its trigger, in neutral canonical form (no pejoratives, no clitics, "قوات الجيش X" → "الجيش X").
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.affiliation import affiliated, victims_of
from marsad.extraction.armed_names import ARMED, agreeing_length, clean_actor
from marsad.extraction.speaker_roles import tells
from marsad.extraction.state_forces import bare_forces
from marsad.extraction.stated_doers import accused, stated_spans
from marsad.extraction.support_verbs import (
    ARMED_KINDS,
    light_verb_doer,
    national_forces,
    nisba_actor,
)
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger
from marsad.model import Entity
from marsad.text.arabic import normalize, normalize_map, strip_clitics

_STOP_WORDS = ["في", "على", "إلى", "الى", "من", "عن", "مع", "ضد", "قرب", "بعد", "قبل", "منذ", "التي", "الذي", "التابعة", "المدعومة", "اليوم", "أمس", "صباح", "مساء", "فجر", "ليل", "الليلة", "ليلة", "صباحا", "مساءا", "ظهرا", "ظهر", "السبت", "الأحد", "الإثنين", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "النار", "الرصاص",
               # the definite incident a verb takes as object after its subject: "نسب الجيش الهجوم إلى …"
               "الهجوم", "الهجمات", "القصف", "الغارة", "الغارات", "الاعتداء", "التفجير", "الانفجار", "الكمين",
               "المسؤولية"]
# matched against normalised text, so the words are normalised too (على → علي)
_STOP_ACTOR = re.compile(r"\s(?:" + "|".join(sorted({normalize(w) for w in _STOP_WORDS}, key=len, reverse=True))
                         + r")(?!\w).*$")

# a source, spokesman or statement of a body: the body tells the event, it is not said to do it
_SOURCE_OF = re.compile(r"(?<!\w)(?:مصدر|مصادر|مسوول|مسوولو|مسوولون|مسوولين|ضابط|متحدث|المتحدث|ناطق|الناطق|"
                        r"بيان|بيانا|مراسل|قائد)(?:\s+ال\S+ي)?\s+(?:(?:في|من|باسم|داخل)\s+)?(?:لل|[لب])?$"
                        # "…، بحسب الشرطة المحلية"، "حسب ما أفادت X"، "حسبما أعلنت X": the body the report cites
                        r"|(?<!\w)[وف]?(?:بحسب|حسب|وفق|وفقا|طبقا|تبعا|نقلا\s+عن|علي\s+لسان)(?:\s*ما\s+\S+(?:\s+به)?)?"
                        r"\s+(?:لل|[لب])?$")

# the charge or suspicion an arrest, sentence or killing is told with (بتهمة، بشبهة، للاشتباه، بدعوى، بذريعة، لاتهامه)
_CHARGE = re.compile(r"(?<!\S)(?:بتهم[ةه]?|بتهمتي|بشبه[ةه]|للاشتباه|بدعو[ىي]|بذريع[ةه]|لاتهام\w*)(?!\S)")

_NEAR = 40                  # characters before a trigger in which a bare state force is its subject
WINDOW_AFTER = 90           # characters after a trigger in which its place and target are sought


def actor_in(text: str, ents: list[Entity], start: int, end: int, last: bool, dead: bool = False) -> str | None:
    """The organisation or armed-group phrase in text[start:end] nearest the trigger."""
    found = candidates(text, ents, start, end, last, dead)
    return named(max(found) if last else min(found)) if found else None


def candidates(text: str, ents: list[Entity], start: int, end: int, last: bool, dead: bool = False) -> list[tuple]:
    """The doers named in text[start:end], in text order, as (position, name, organisations there):
    pass one to `named` for its canonical name."""
    # after a trigger, a name starting in the window may run past it ("لهجوم جديد لتنظيم | داعش")
    orgs = [e for e in ents if e.type == "ORG" and start <= e.start
            and (e.end <= end or not last and e.actor_id and e.start < end)]
    phrases = []
    # after a trigger, a phrase starting in the window may run past it to its last word; before a
    # trigger, the phrase must end where the trigger begins ("قوات الجيش الليبي | السيطرة على")
    stop = end if last else min(len(text), end + 40)
    norm, index = normalize_map(text[start:stop])
    whose = affiliated(text, start, end)        # "مسلحون من جماعة X": X's men (extraction/affiliation)
    for m in ARMED.finditer(norm):
        if start + index[m.start()] >= end:
            break
        s, e = start + index[m.start()], start + index[m.end() - 1] + 1
        norm_phrase, back = normalize_map(text[s:e])       # a diacritic inside (مسلٍحون) shifts offsets
        cut = _STOP_ACTOR.search(norm_phrase)
        stop = min(cut.start() if cut else len(norm_phrase), agreeing_length(norm_phrase))
        phrase = text[s:s + back[stop]] if stop < len(norm_phrase) else text[s:e]
        phrases.append((s, whose.pop(s, None) or phrase.strip(" ،,\"«»")))
    phrases += whose.items()                    # heads no armed-group pattern reads ("خلايا تابعة لـX")
    # "عناصر من الشرطة"، "رجال الأمن": a bare state force, the police of the sentence's country (state_forces)
    for s0, s1, name in bare_forces(norm, ents):
        s0, s1 = start + index[s0], start + index[s1 - 1] + 1
        # before the trigger, only its near subject (a bare noun is too often another verb's)
        if s0 < end and (not last or end - s0 <= _NEAR) and not any(e.start <= s0 < e.end for e in ents if e.type == "ORG"):
            phrases.append((s0, name or text[s0:s1]))
    # a hospital, ministry or agency named nearer the trigger is not its doer, nor the body a source
    # speaks for ("مصدر في الجيش"، "المتحدث باسم القوات"): the nearest doer is
    found = [(e.start, e.canonical or e.text) for e in orgs if _doer(e.canonical or e.text)] + [p for p in phrases if _doer(p[1])]
    return sorted((pos, name, tuple(orgs)) for pos, name in found   # nor a civil body telling it (speaker_roles)
                  if not _SOURCE_OF.search(normalize(text[max(0, pos - 30):pos]))
                  and not (last and tells(text, pos, end) and armed_actor(name) is None)
                  and (last and victims_of(text, start, pos)) == dead)      # "مقتل ستة من أفراد X": X's dead


def named(candidate: tuple) -> str:
    pos, name, orgs = candidate
    # an armed-group word followed by the organisation's name ("لتنظيم داعش"): the organisation
    org = next((e for e in orgs if e.start <= pos < e.end or pos <= e.start <= pos + len(name) + 1), None)
    return clean_actor((org.canonical or org.text) if org else _strip_clitic(name))


def find_actors(text: str, ents: list[Entity], trig: Trigger, sent_start: int, limit: int) -> tuple:
    """(actor1, actor2). A nominal trigger takes its actor from the noun right after it ("انسحاب
    ميليشيات مصراتة"، "الهجوم الفاشل لميليشيات الوفاق"); a verb from its subject before it."""
    after_end = min(limit, trig.end + WINDOW_AFTER)
    if charge := _CHARGE.search(text, trig.end, after_end):
        after_end = charge.start()      # "اعتقلت الشرطة شابا بتهمة الانتماء لتنظيم X": the charge names no side
    first = min(candidates(text, ents, trig.end, min(after_end, trig.end + 12), last=False), default=None)
    # not the side the trigger counts among its dead or seized ("اعتقال قيادي في تنظيم X")
    follower = named(first) if first and not victims_of(text, trig.start, first[0]) else None
    before = actor_in(text, ents, sent_start, trig.start, last=True)
    gap = normalize(text[trig.end:trig.end + 12]).split()[:1]
    # Arabic puts the subject after the verb ("قصفت جماعة الحوثي"), a masdar its agent after it
    # ("انسحاب ميليشيات مصراتة"); a noun after a preposition is the target, not the actor.
    # "اشتباكات [في محيط القصر … أمس] بين الجيش السوداني وقوات الدعم السريع": both sides, however far
    # the place and day put بين from the trigger within its clause ("من بين" is "among")
    between = re.match(r"(?:\s+[^\s.؛:]+){0,12}?\s+(?<!\sمن\s)بين\s+", normalize(text[trig.end:after_end]))
    if between:
        s0 = trig.end + len(between.group())
        split = normalize(text[s0:after_end]).find(" و")
        # the first side ends at و: "بين القوات الحكومية والحوثيين" is two sides, not one phrase
        first = (split > 0 and actor_in(text, ents, s0, s0 + split, last=True)) or actor_in(text, ents, s0, s0 + 4, last=False)
        second = actor_in(text, ents, s0 + split + 1, after_end, last=False) if split > 0 else None
        if first:
            return _resolve_generic(first, text, ents, trig.start), second if second != first else None
    # nor one after a word of time, which belongs to another event ("هذا القصف غداة طرد قوات X")
    # nor the owner of what it hit ("قصفت المدفعية مواقع | لهيئة X"): the target
    if follower and not (gap and gap[0] in ("علي", "الي", "في", "من", "مع", "ضد", "عن", "نحو", "غداه", "بعد", "قبل",
                                            "عقب", "اثر", "منذ", "خلال", "اثناء")
                         or gap and _lex()["target"].intersection(strip_clitics(gap[0]))
                         or gap and gap[0][:1] == "ل" and lexicon()["ambush"].intersection(normalize(text[trig.start:trig.end]).split())):
        actor1, actor2 = follower, before
    else:
        actor1, actor2 = before, actor_in(text, ents, trig.end, after_end, last=False)
    # "أطلق مسلحون مجهولون النار", "سلاح الجو قصف": a trigger whose words hold its doer
    inside = actor_in(text, ents, trig.start, trig.end, last=False) if " " in text[trig.start:trig.end] else None
    if inside:
        actor1, actor2 = inside, (actor2 if actor2 != inside else None)
    # "أعلنت X مسؤوليتها عن الهجوم", "استهدفت من قبل X", "كمين نصبته X": the doer named outright
    agent = resumed_agent(text, ents, trig, after_end) or _stated_agent(text, ents, sent_start, limit)
    if not agent and (blamed := accused(text, ents, sent_start, limit)):    # "اتهمت X Y بالوقوف وراء القصف"
        agent, accuser = (e and actor_in(text, ents, e.start, e.end, last=False) for e in blamed)
        agent, actor2 = _doer(agent), (None if actor2 == accuser else actor2)
    if agent:
        actor1, actor2 = agent, (actor2 if actor2 != agent else None)
    else:       # "غارات إسرائيلية": a nationality right on the attack names its forces before its subject
        national = national_forces(text, trig, min(after_end, trig.end + 30), subject=False)
        actor1 = national if national and actor1 != national and actor1 == before else actor1
        # "شنت طائرات أمريكية غارات": the light verb's subject, nearer than any actor named before it
        lightly = light_verb_doer(text, trig, sent_start) if actor1 == before and not inside else None
        actor1 = lightly or actor1
    actor1 = _resolve_generic(_doer(actor1), text, ents, trig.start) or national_forces(text, trig, after_end) \
        or _antecedent(text, ents, trig, sent_start)
    actor2 = _doer(actor2)
    if actor2 is None and trig.event_type == "Battles" and trig.flag != "clash":
        # "سيطرت على X بعد معارك مع الجيش": the fight is the next trigger, so read past the limit
        actor2 = _fought_after(text, ents, trig, min(len(text), trig.end + WINDOW_AFTER + 40))
    if trig.flag == "clash" and (partner := _fought_with(text, ents, trig, after_end)):
        # "اشتبكت قوات الجيش مع مسلحين": the side after مع is the other side, not the subject's place
        actor1, actor2 = (None if actor1 == partner else actor1), partner
    # the side counted among the dead before the trigger ("قتل ستة من أفراد X في هجوم"): actor2, or the
    # other side of a battle named after it becomes actor1
    fallen = actor_in(text, ents, sent_start, trig.start, last=True, dead=True)
    actor1, actor2 = (actor2, fallen) if actor1 is None and actor2 and fallen else (actor1, actor2 or fallen)
    if (victim := _doer(inside or before)) and suffered(text, trig, sent_start):
        # "تعرضت دورية للجيش لإطلاق نار من قبل مسلحين": the subject of تعرض is the target; the doer is named outright or not at all
        actor1, actor2 = (agent if agent != victim else None), victim
    return actor1, actor2 if actor2 != actor1 else None


def suffered(text: str, trig: Trigger, sent_start: int) -> bool:
    """The trigger is what its clause's subject suffered: "تعرضت دورية للجيش لإطلاق نار" (the verb opens the
    trigger), "تعرض موكب المحافظ لهجوم" (لـ on the act, تعرض a few words before it, no comma between)."""
    if "تعرض" not in text[max(sent_start, trig.start - 50):trig.end]:
        return False                # the cheap test first: most triggers have no تعرض before them
    suffer = lexicon()["suffer"]
    words = normalize(text[trig.start:trig.end]).split()
    if words and fits(words[0], suffer):
        return True
    if not words or not words[0].startswith("ل"):
        return False
    before = re.split(r"[،,.؛:]", normalize(text[max(sent_start, trig.start - 50):trig.start]))[-1].split()
    return any(fits(w, suffer) for w in before[-5:])


# مع after a clash is its other side, unless it names an ally (بالتنسيق مع، بالتعاون مع، جنبا إلى جنب مع)
_WITH = re.compile(r"^(?:\s+[^\s.؛:]+){0,8}?\s+(?<!تنسيق\s)(?<!تعاون\s)(?<!جنب\s)(?<!اشتراك\s)مع\s+")


def _fought_with(text: str, ents: list[Entity], trig: Trigger, end: int) -> str | None:
    """The side a clash was fought with: the doer named right after مع in the clash's clause."""
    return _side_after(text, ents, trig.end, end, lambda norm: _WITH.match(norm))


# a fight told after a takeover: "بعد معارك (عنيفة) مع X"، "إثر اشتباكات مع X"
_FOUGHT = re.compile(r"(?<!\S)[وبل]?(?:ال)?(?:معارك|معركه|اشتباكات|اشتباك|مواجهات|قتال)(?:\s+\S+)?\s+مع\s+")


def _fought_after(text: str, ents: list[Entity], trig: Trigger, end: int) -> str | None:
    """The other side of a battle told by its outcome (a takeover): the doer named after مع in a fight
    noun's phrase in the trigger's sentence."""
    return _side_after(text, ents, trig.end, end, lambda norm: _FOUGHT.search(re.split(r"[.؛]", norm)[0]))


def _side_after(text: str, ents: list[Entity], start: int, end: int, find) -> str | None:
    """The doer named right where `find` (over the normalised text[start:end]) ends its match."""
    norm, index = normalize_map(text[start:end])
    m = find(norm)
    if not m or m.end() >= len(index):
        return None
    s0 = start + index[m.end()]
    first = min(candidates(text, ents, s0, min(end, s0 + 12), last=False), default=None)
    return _doer(named(first)) if first and first[0] <= s0 + 4 else None


def _antecedent(text: str, ents: list[Entity], trig: Trigger, sent_start: int) -> str | None:
    """"غارات إسرائيلية على X حيث استهدفت الغارات Y": a definite trigger takes back the attack its
    sentence told before it, with that mention's doer; "قصف إسرائيلي من طائرة مسيرة": the weapon an
    attack was carried out with takes the nationality of the attack."""
    words = normalize(text[trig.start:trig.end]).split()
    before = normalize(text[sent_start:trig.start])
    stem = next((f[2:] for f in strip_clitics(words[0]) if f.startswith("ال") and len(f) > 4), None) if words else None
    found = list(re.finditer(r"(?<!\w)[وفبل]?" + re.escape(stem) + r"(?!\w)", before)) if stem else []
    if not found:
        instrument = re.search(r"(?<!\w)(?:من|عبر|بواسطه)\s+$", before)
        attack = before[:instrument.start()].split()[-2:] if instrument else []
        return next((f for w in attack if (f := nisba_actor(w))), None)
    _, index = normalize_map(text[sent_start:trig.start])
    start, end = sent_start + index[found[-1].start()], sent_start + index[found[-1].end() - 1] + 1
    earlier = Trigger(start, end, trig.event_type, trig.sub_event_type)
    return national_forces(text, earlier, trig.start) or actor_in(text, ents, end, min(trig.start, end + 12), last=False)


_SUPPORTED = re.compile(r"(?:بدعم|بمسانده|باسناد|بمشارك|بغطاء|بالتعاون|بالتنسيق)")


def resumed_agent(text: str, ents: list[Entity], trig: Trigger, end: int) -> str | None:
    """"كمين نصبته مجموعات مسلحة"، "هجومين نفذهما تنظيم X"، "صاروخ أطلقه متمردون": a verb after the
    trigger, in its stretch of the sentence, whose pronoun takes the attack back names its doer as its
    subject; not an ally after it ("عملية نفذتها بدعم من التحالف": the pronoun is the doer, named before)."""
    norm, index = normalize_map(text[trig.end:end])
    m = _lex()["resumed"].search(norm)
    if not m or _SUPPORTED.match(norm[m.end():]):
        return None
    s0 = trig.end + index[m.end()] if m.end() < len(index) else end
    return _doer(actor_in(text, ents, s0, min(end, s0 + 12), last=False))


def protesters(text: str, start: int, end: int) -> str | None:
    """The protesters a protest sentence names ("المحتجون", "متظاهرون غاضبون"), the first of them."""
    norm, index = normalize_map(text[start:end])
    found = list(_lex()["protester"].finditer(norm))
    if not found:
        return None
    m = found[0]
    word = text[start + index[m.start("w")]:start + index[m.end() - 1] + 1]
    return "ال" + word if m.group("ll") else word          # "للمحتجين" → "المحتجين"


def is_protesters(name: str | None) -> bool:
    """Whether an actor is the protesters a protest's own words name ("المحتجين"), not an organisation."""
    return bool(name) and _lex()["protester"].fullmatch(normalize(name)) is not None


@lru_cache(maxsize=1)
def _lex() -> dict:
    """data/lexicon/actor_nouns.tsv as patterns on normalised text."""
    from marsad.text import lexicons as lx

    rows = lx.table("actor_nouns.tsv")
    verbs = {normalize(r["word"]) for r in rows if r["role"] == "agent_verb"}
    # ى before a pronoun is written ا: تبنى → تبناه
    verbs |= {v[:-1] + "ا" for v in verbs if v.endswith("ي")}
    rescuers = tuple(normalize(r["word"]) for r in rows if r["role"] == "rescuer")
    people = sorted({normalize(r["word"]) for r in rows if r["role"] == "protester"}, key=len, reverse=True)
    return {
        "rescuer": rescuers,
        "target": frozenset(normalize(r["word"]) for r in rows if r["role"] == "target_noun"),
        # "هجومين انتحاريين وثالث مسلح نفذها"، "الهجوم وقع عندما تعرضت دورية لكمين نصبته"
        "resumed": re.compile(r"(?<!\w)(?:" + "|".join(sorted(verbs, key=len, reverse=True)) + r")(?:هما|ها|هم|ه)\s+"),
        "protester": re.compile(r"(?<!\w)(?:(?P<ll>[وف]?لل)(?=" + "|".join(w for w in people if not w.startswith("ال"))
                                + r")|[وف]?[بل]?)(?P<w>" + "|".join(people) + r")(?!\w)"),
    }


# matched against normalised text (ؤ → و, ى → ي)
def _stated_agent(text: str, ents: list[Entity], start: int, end: int) -> str | None:
    """The doer the sentence names outright: a claim of responsibility, a passive's agent (stated_doers)."""
    return next((_doer(found) for s0, s1 in stated_spans(text, start, end)
                 if (found := actor_in(text, ents, s0, s1, last=False))), None)


_NOT_DOERS = frozenset({"media", "monitor", "ngo", "un", "igo", "other"})   # tell of, treat or relieve violence
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
    # any reading of the first word: "وكالة" is the noun itself, not و + "كالة"
    words = normalize(name).split()
    heads = strip_clitics(words[0])
    if any(h in _REPORTER_HEADS or h in _CIVIL_HEADS for h in heads):
        return None
    # rescuers ("الدفاع المدني"، "الهلال الأحمر") treat the victims of an attack
    return None if any(" ".join([h, *words[1:]]).startswith(r) for h in heads for r in _lex()["rescuer"]) else name


_GENERIC = frozenset(normalize(w) for w in ("القوات", "قوات", "الجيش", "الوحدات", "وحدات", "المسلحين"))


def armed_actor(name: str | None) -> str | None:
    """The armed actor a doer's name stands for (the dictionary's armed kinds, an armed-group phrase),
    else None: a bare "القوات" says nothing on its own; "مسلحون" is the unidentified armed group."""
    from marsad.text.actor_dictionary import actors

    name = _doer(name)
    if not name or normalize(name) in _GENERIC and not normalize(name).startswith(("مسلح", "المسلح")):
        return None
    known = actors().lookup(name) or actors().within(name)
    if known:
        return known.name if known.kind in ARMED_KINDS else None
    return clean_actor(name) if ARMED.match(normalize(name)) else None


_LOYAL_TO = re.compile(r"(?:الموالي|المواليه|موالي|مواليه|التابع|التابعه|تابع|تابعه|المرتبط|المرتبطه|المقرب|المقربه)"
                       r"\s+(?:من\s+)?[لب]?$")


def _resolve_generic(name: str | None, text: str, ents: list[Entity], before: int) -> str | None:
    """A bare "القوات" refers to the last armed organisation named before it."""
    if not name or normalize(name) not in _GENERIC:
        return name
    # not one named as the group another is loyal to ("عناصر الحركة الموالية لتنظيم القاعدة")
    # nor one counted among the dead ("مقتل قياديين في تنظيم داعش"); an army is an army ("الجيش")
    army = "جيش" in normalize(name)
    armed = [e for e in ents if e.type == "ORG" and e.end <= before and ARMED.match(normalize(e.canonical or e.text))
             and not _LOYAL_TO.search(normalize(text[max(0, e.start - 25):e.start]))
             and not victims_of(text, max(0, e.start - 70), e.start)
             and (not army or "جيش" in normalize(e.canonical or e.text))]
    return clean_actor(armed[-1].canonical or armed[-1].text) if armed else name


def _strip_clitic(name: str) -> str:
    n = normalize(name)
    if n.startswith(("وال", "بال", "فال")):
        return name[1:]
    if n.startswith("لل"):
        return "ال" + name[2:]
    if n[:1] in "لبوف" and n[1:].split(" ")[0] in _ARMED_HEADS:        # لميليشيات الوفاق، وجماعة الحوثي
        return name[1:]
    return name


_ARMED_HEADS = frozenset(normalize(w) for w in ["قوات", "ميليشيات", "ميليشيا", "مليشيات", "ميلشيات", "مليشيا", "جماعة", "جيش",
                                              "تنظيم", "فصائل", "كتائب", "مسلحون", "مسلحين", "طيران"])
