"""Where an event told without a place of its own happened (extraction/events): at the town named
inside a casualty told by its cause, at the town of its sentence's subject phrase, or — in a brief
report that locates no event — at its dateline's town."""
from __future__ import annotations

import re

from marsad.extraction.event_places import Place
from marsad.extraction.geo import country_english
from marsad.extraction.place_runs import referent, relative_locator
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger
from marsad.model import Event, Span
from marsad.text.arabic import normalize
from marsad.text.lexicons import place_noun_pattern


def filed_at(dateline: Span | None, places: list[Place], whole: Place) -> Place | None:
    """The town of the dateline ("البصرة -"، "بغداد (رويترز) -"), where the report was filed, when it lies
    in the article's country (a story told from abroad is not located where it was filed)."""
    if dateline is None:
        return None
    town = next((p for p in places if dateline.start <= p.start < dateline.end and not p.is_country
                 and p.latitude is not None), None)
    if town is None or whole.country and town.country != whole.country:
        return None
    return town


def at_dateline(text: str, found: list[Event], filed: Place | None) -> list[Event]:
    """Events told without a place, in an article that locates none: at the dateline's town when there is
    one, at precision 2 (a brief report is filed near where it happened; ACLED: "near" the named town)."""
    if filed is None:
        return found
    for e in found:
        e.location, e.admin1, e.country = filed.name, filed.admin1, country_english(filed.country)
        e.latitude, e.longitude, e.geo_precision = filed.latitude, filed.longitude, 2
    return found


def inside(places: list[Place], trig: Trigger) -> Place | None:
    """A town named inside a trigger's own words ("استشهد شاب من مدينة جنين برصاص"، "أصيب مدنيون في حلب
    بنيران قناص": the victims' town, between the casualty and its cause) when none follows it."""
    if trig.flag != "cause":
        return None
    return next((p for p in reversed(places) if trig.start < p.start and p.end <= trig.end
                 and not p.is_country and not p.in_name and p.latitude is not None), None)


# what may stand between a subject phrase's place and the trigger: its time, a preposition
_SUBJECT_GAP = frozenset({"في", "اول", "من", "خلال"})
_SUBJECT_HEAD = re.compile(rf"(?:(?<!\S)(?:في|من)\s+|(?<!\S)ب|(?<!\S)(?:{place_noun_pattern('singular')})\s+)$")


def subject_place(text: str, places: list[Place], trig: Trigger, sent_start: int) -> Place | None:
    """A place in the subject phrase of the sentence's verb when the trigger is its object and has no
    place of its own ("نظم العشرات من المعلمين في البصرة، اليوم السبت، وقفة احتجاجية"، "شارك مئات من
    أهالي مدينة الكوت أمس في مسيرة"): the last town before the trigger, named after في/من/ب or a town
    word, with only punctuation, a day or a preposition between it and the trigger."""
    lex = lexicon()
    before = [p for p in places if sent_start <= p.start and p.end <= trig.start and not p.is_country
              and not p.in_name and p.latitude is not None]
    if not before:
        return _anaphor_subject(text, places, trig, sent_start)
    told_to = before[-1].end
    while len(before) > 1 and relative_locator(text, before[-2], before[-1]):
        before = before[:-1]        # "شهدت مدينة الزاوية غرب العاصمة طرابلس، مساء الأحد، اشتباكات": الزاوية
    place = before[-1]
    if not _SUBJECT_HEAD.search(normalize(text[max(sent_start, place.start - 12):place.start])):
        return None
    gap = re.sub(r"[،,:؛()\"«»-]", " ", normalize(text[told_to:trig.start])).split()
    if any(w not in _SUBJECT_GAP and not fits(w, lex["recent"]) for w in gap):
        return None
    return place


# the people of a place, whose phrase the place word ends: "أهالي المدينة"، "سكان البلدة"
_PEOPLE_OF = frozenset(normalize(w) for w in ("أهالي", "وأهالي", "سكان", "وسكان", "أبناء", "وأبناء", "مواطني", "شباب", "وجهاء"))


def _anaphor_subject(text: str, places: list[Place], trig: Trigger, sent_start: int) -> Place | None:
    """A sentence whose subject names its place by a back-reference only ("ونظم أهالي المدينة وقفة
    احتجاجية"، "خرج العشرات في البلدة، اليوم، في مسيرة"): the place that word points back to, the last
    one the article named by that noun or at all (place_runs.referent), when only a time or a preposition
    stands between it and the trigger."""
    norm = normalize(text[sent_start:trig.start])
    found = list(lexicon()["anaphor"].finditer(norm))
    if not found:
        return None
    m = found[-1]
    head = norm[:m.start()].split()[-1:]
    if not (m.group()[0] in "بف" or m.group().startswith("في ") or head and head[0] in _PEOPLE_OF):
        return None
    gap = re.sub(r"[،,:؛()\"«»-]", " ", norm[m.end():]).split()
    if any(w not in _SUBJECT_GAP and not fits(w, lexicon()["recent"]) for w in gap):
        return None
    pool = [p for p in places if p.end <= trig.start and not p.is_country and not p.in_name and p.latitude is not None]
    return next(iter(referent(text, pool, m.group(), sent_start)), None)


def landmark_town(found: list[Place], places: list[Place], trig: Trigger) -> list[Place]:
    """A trigger's only places are landmarks the gazetteers do not know (وأغلقوا جسر الزيتون، اعتصموا في
    ساحة الحبوبي) and its sentence names no town: the town the story named last before it, as ACLED codes a
    square or bridge at its town (event_places.governed_places does so within the sentence)."""
    if not found or not all(p.landmark and p.latitude is None for p in found):
        return found
    town = [p for p in places if p.end <= trig.start and p.latitude is not None and not p.landmark
            and not p.in_name and not p.is_country][-1:]
    return town or found
