"""ACLED's type of an attack decided by its target, not only by its verb.

ACLED codes an armed group's attack on villages, homes, markets or displaced people, with nobody
fighting back, as Violence against civilians (Attack); an exchange between armed sides is a Battle.
Arabic uses one verb for both (هاجمت قوات X قرية Y / هاجمت قوات X مواقع الجيش), so the object decides.
"""
from __future__ import annotations

import re

from marsad.extraction.trigger_lexicon import lexicon
from marsad.extraction.triggers import Trigger
from marsad.text.arabic import normalize, strip_clitics

WINDOW = 60          # characters after the trigger in which its object is read

# What civilians are and where they live, as objects of an attack
_CIVILIAN = frozenset(normalize(w) for w in (
    "قرية", "قرى", "القرية", "القرى", "بلدة", "بلدات", "منزل", "منازل", "مدنيين", "المدنيين", "مدنيا",
    "مواطنين", "المواطنين", "مواطنا", "سكان", "السكان", "الأهالي", "أهالي", "سوق", "السوق", "مخيم", "مخيمات",
    "النازحين", "نازحين", "مستشفى", "المستشفى", "مسجد", "المسجد", "مدرسة", "المدرسة", "عزاء", "حفل",
    "المارة", "تجمع", "قافلة", "مزارعين", "المزارعين", "رعاة", "الرعاة", "كنيسة", "فندق", "مطعم", "مقهى",
    # settlers and their settlements are civilians (ACLED), as are the cars and buses people travel in
    "مستوطنة", "مستوطنات", "مستوطنين", "المستوطنين", "مستوطن", "سيارة", "مركبة", "حافلة",
    # the areas and quarters people live in, like a village ("هاجمت قوة مناطق X وY")
    "مناطق", "المناطق", "أحياء", "الأحياء", "حي"))
# Armed targets: an attack on them is a battle (or a remote attack), whoever is named
_ARMED = frozenset(normalize(w) for w in (
    "مواقع", "موقع", "قاعدة", "ثكنة", "نقطة", "نقاط", "دورية", "قوات", "القوات", "حاجز", "معسكر", "رتل",
    "كمين", "جنود", "الجنود", "عناصر", "مقاتلي", "مقاتلين", "الجيش", "الشرطة", "مركز", "مقر", "ارتكاز",
    "تمركزات", "آلية", "آليات", "مسلحي", "ميليشيا", "مليشيا"))
# what makes an area an armed side's ("مناطق سيطرة X"، "مناطق تمركز X"): no civilian place then
_HELD = frozenset(normalize(w) for w in ("سيطرة", "تمركز", "انتشار", "نفوذ", "تواجد", "وجود"))
# a killing verb that data/events.json codes as an attack on civilians when armed men are its subject
_KILLING_WORDS = frozenset(normalize(w) for w in ("قتل", "قتلوا"))
# Soldiers and the places only they hold, named as the object of an attack: unlike _ARMED it leaves out
# what may be civilian too (مقر، مركز، نقطة، آلية: a television station's office, a medical point)
_MILITARY = frozenset(normalize(w) for w in (
    "ثكنة", "ثكنات", "معسكر", "معسكرا", "معسكرات", "حاجز", "حاجزا", "حواجز", "دورية", "دوريات", "رتل", "رتلا",
    "جنود", "الجنود", "جنديا", "جنديين", "عسكريين", "العسكريين", "جيش", "الجيش", "قوات", "القوات", "عناصر",
    "مقاتلي", "مقاتلين", "كتيبة", "تمركزات", "مواقع", "شرطيا", "شرطيين", "قاعدة", "قواعد"))
# a post, point or office is a military target when the word after it says so ("نقطة تفتيش"، "مقر عسكري"،
# "مركز للشرطة"، "موقع للجيش"); alone it may be civilian ("نقطة طبية"، "مقر فضائية")
_POSTS = frozenset(normalize(w) for w in ("نقطة", "نقاط", "مقر", "مقرا", "مقرات", "مركز", "مركزا", "مراكز", "موقع", "موقعا",
                                         "مواقع", "آلية", "آليات"))


def _held_by_forces(forms: tuple[str, ...]) -> bool:
    return any(f in ("تفتيش", "الجيش", "جيش", "الشرطه", "شرطه", "القوات", "قوات") or f.startswith(("عسكري", "امني"))
               for f in forms)


_ATTACK_WORDS = frozenset(normalize(w) for w in ("هاجم", "هاجمت", "هاجموا", "هجوم", "هجوما", "هجمات", "الهجوم",
                                                 "اقتحم", "اقتحمت", "اقتحموا", "اقتحام", "داهم", "داهمت", "داهموا",
                                                 # "عملية إطلاق نار|طعن|دهس": the attack Palestinian news calls an operation
                                                 "عملية", "عمليتي", "عمليتين"))


def by_target(text: str, trig: Trigger, actor2: str | None, limit: int) -> Trigger:
    """An attack verb (هاجم، اقتحم …) coded as a battle, with no second armed side, whose object is a
    civilian place or people, becomes Violence against civilians / Attack; one coded as an attack on
    civilians ("هاجم مسلحون"، "قتل مسلحون"، "اعتداء على") whose object is soldiers, a barracks, a
    checkpoint or a patrol is a fight between armed sides, a Battle / Armed clash, whether or not they
    fought back (ACLED codes violence against civilians only where the victims are unarmed)."""
    head = strip_clitics(normalize(text[trig.start:trig.end]).split()[0])
    if trig.flag == "cause":
        return trig      # "قتل مدني برصاص قناصة الجيش": who fired follows, the victim before decided (triggers.by_victim)
    if trig.event_type == "Violence against civilians" and trig.sub_event_type == "Attack":
        if any(f in _ATTACK_WORDS or f in _KILLING_WORDS for f in head) and _target(text, trig, limit, _MILITARY) == "armed":
            return Trigger(trig.start, trig.end, "Battles", "Armed clash", trig.flag)
        return trig
    ambush = bool(lexicon()["ambush"].intersection(head))      # data/events.json ambush_words
    if trig.event_type != "Battles" or actor2 or not ambush and not any(f in _ATTACK_WORDS for f in head):
        return trig
    waits_for = normalize(text[trig.end:trig.end + 2].lstrip())[:1] == "ل"
    if (waits_for or not ambush) and _target(text, trig, limit) == "civilian":
        return Trigger(trig.start, trig.end, "Violence against civilians", "Attack")
    return trig


def _target(text: str, trig: Trigger, limit: int, armed_words: frozenset = _ARMED) -> str | None:
    """What the attack's object is, by the first telling word after the verb and its subject:
    "civilian" (a village, homes, people), "armed" (troops, a base, a checkpoint), else None."""
    after = _after_subject(text, trig.end, limit)
    obj = [strip_clitics(w.strip("،,.()«»\"")) for w in normalize(text[after:min(limit, after + WINDOW)]).split()[:6]]
    held = [i + 1 < len(obj) and bool(_HELD.intersection(obj[i + 1])) for i in range(len(obj))]
    civilian = next((i for i, forms in enumerate(obj) if _CIVILIAN.intersection(forms) and not held[i]), None)
    armed = next((i for i, forms in enumerate(obj) if armed_words.intersection(forms) or held[i]
                  or _POSTS.intersection(forms) and i + 1 < len(obj) and _held_by_forces(obj[i + 1])), None)
    if civilian is not None and (armed is None or civilian < armed):
        return "civilian"
    return "armed" if armed is not None else None


def _after_subject(text: str, start: int, limit: int) -> int:
    """Where the object begins: after the subject when the verb comes first (هاجمت قوات X | قرية Y)."""
    from marsad.extraction.event_actors import ARMED, agreeing_length
    from marsad.text.actor_dictionary import actors

    window = text[start:min(limit, start + WINDOW)]
    lead = len(window) - len(window.lstrip())
    known = actors().find(window)
    if known and known[0].start <= lead + 1:
        return start + known[0].end
    # "هاجم عناصر من حركة الشباب | قرية": men of a named group are the subject with their group
    part_of = next((k for k in known if re.fullmatch(r"(?:\S+\s+)?من\s+", window[lead:k.start])), None)
    if part_of:
        return start + part_of.end
    m = ARMED.match(normalize(window[lead:]))
    if not m:
        return start
    # a preposition ends the subject: normalised على (علي) only looks like a nisba adjective of it
    cut = _PREPOSITION.search(m.group())
    return start + lead + min(agreeing_length(m.group()), cut.start() if cut else len(m.group()))


_PREPOSITION = re.compile(r"\s(?:علي|الي|في|من|عن|ضد)(?!\w)")



_TAKEOVERS = ("Non-state actor overtakes territory", "Government regains territory")


def by_taker(trig: Trigger, actor1: str | None) -> Trigger:
    """A takeover is coded by who takes the ground (ACLED): a state force the actor dictionary knows
    regains territory ("فرض الجيش السوداني سيطرته على"), a rebel group (ACLED inter 2) overtakes it
    ("حررت هيئة تحرير الشام بلدة"), whatever the verb suggested. Militias and unnamed or unknown
    forces keep the verb's reading: whose side they fight on is not in their name."""
    from marsad.text.actor_dictionary import actors

    known = (actors().lookup(actor1) or actors().within(actor1)) if actor1 else None
    if trig.sub_event_type not in _TAKEOVERS or known is None or known.inter not in (1, 2):
        return trig
    sub = _TAKEOVERS[1] if known.inter == 1 else _TAKEOVERS[0]
    return trig if sub == trig.sub_event_type else Trigger(trig.start, trig.end, trig.event_type, sub, trig.flag)


# An aircraft or drone as the one that fires ("أطلقت طائرة مسيرة صاروخين"، "أطلقت مروحية قتالية صواريخ"،
# "طائرة بدون طيار أطلقت صاروخا"): ACLED codes a missile an aircraft fires as an air/drone strike, not as
# shelling. A downing or interception verb in the words before makes the aircraft a target, not the firer.
_AIRCRAFT = frozenset(normalize(w) for w in (
    "طائرة", "طائرات", "الطائرة", "الطائرات", "مسيرة", "مسيرات", "المسيرة", "المسيرات", "مروحية", "مروحيات",
    "المروحية", "المروحيات", "مقاتلة", "مقاتلات", "المقاتلة", "المقاتلات", "طيار", "الطيران", "طيران"))
_DOWNED = ("اسقط", "اعترض", "تصدي", "تصدت", "دمر", "استهدف")


def fired_from_air(text: str, trig: Trigger) -> bool:
    """A missile trigger whose clause names an aircraft among the five words before its weapon, or right
    after its verb, as its firer (the weapon is the trigger's last word: a drone and its missile side by
    side are one trigger)."""
    if trig.sub_event_type != "Shelling/artillery/missile attack":
        return False
    after = normalize(text[trig.end:trig.end + 16]).split()[:1]
    if len(normalize(text[trig.start:trig.end]).split()) == 1 and after and (
            after[0] in _AIRCRAFT or strip_clitics(after[0])[-1] in _AIRCRAFT):
        return True         # "قصفت طائرة أمريكية مسيرة موقعا": the verb's subject, after it, is the aircraft
    before = re.split(r"[.،,؛:!؟]", normalize(text[max(0, trig.start - 60):trig.end]))[-1].split()[-6:-1]
    stems = [strip_clitics(w) for w in before]
    return any(w in _AIRCRAFT or s in _AIRCRAFT for w, s in zip(before, stems)) \
        and not any(w.lstrip("وف").startswith(_DOWNED) for w in before)
