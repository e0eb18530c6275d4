"""Conflict events in ACLED's scheme, each field backed by the text.

For every sentence: trigger phrases (data/events.json) give type and sub-type; a negation, denial
or future marker just before a trigger (لم، لن، نفى، يعتزم، سـ…) cancels it. The places are the
geocoded LOC entities the trigger governs — those after it up to the next trigger, else those
before it — and a coordination of places ("قصر بن غشير ووادي الربيع وسوق الخميس") gives one event
each. Actors are the organisations (or armed-group phrases) before and after the trigger; the
claimant is the speaker of the quote or claim the event is told in. Dates resolve against a
trustworthy publication date (dates.event_date); fatalities are the trigger's own figures, never
tolls (extraction/fatalities). Events of one (type, place, day) merge, as ACLED codes them.
"""
from __future__ import annotations

import re

from marsad.extraction.casualty_scope import over_period
from marsad.extraction.casualty_words import object_victims
from marsad.extraction.crowds import crowd_acts, demanded, one_sided
from marsad.extraction.event_actors import (
    ARMED,
    ARMED_KINDS,
    find_actors,
    resumed_agent,
)
from marsad.extraction.event_claims import Names, factual_claims, find_claimant
from marsad.extraction.event_merge import fold_mentions, merge
from marsad.extraction.event_places import (
    Place,
    article_place,
    candidate_places,
)
from marsad.extraction.event_places import (
    geo_precision as _precision,
)
from marsad.extraction.event_places import (
    governed_places as _places,
)
from marsad.extraction.event_types import by_taker, by_target, fired_from_air
from marsad.extraction.fatalities import event_fatalities
from marsad.extraction.geo import country_english
from marsad.extraction.implied_deaths import first_word
from marsad.extraction.placeless import (
    at_dateline,
    filed_at,
    inside,
    landmark_town,
    subject_place,
)
from marsad.extraction.protest_folds import intervened, protest_casualties
from marsad.extraction.roundup_days import carry_days
from marsad.extraction.spans import ByStart
from marsad.extraction.story_actors import fill_story_actors, new_incident
from marsad.extraction.tolls import casualty_figures, find_tolls
from marsad.extraction.trigger_context import reacted_to, reported
from marsad.extraction.trigger_frames import fired_by
from marsad.extraction.trigger_lexicon import lexicon
from marsad.extraction.triggers import Trigger, find_triggers, fold_weapons, plausible
from marsad.model import Document, Entity, Event, Quote, Span, Toll
from marsad.text.arabic import normalize, sentences
from marsad.text.dateline import read_dateline
from marsad.text.dates import event_date, find_dates, weekday_mentions
from marsad.text.lexicons import place_noun_pattern
from marsad.text.published import dating_reference

_NOWHERE = Place(-1, -1, None, None, None, None, None, False)


def _governable(places: list[Place], at: ByStart[Place], start: int, end: int) -> list[Place]:
    """The places a trigger in the sentence text[start:end] can govern (see event_places._places),
    in text order: those in the sentence or running into it, and the last named place before it and
    those of the last few sentences, which "بالمدينة"، "القرية" may point back to."""
    if not at.in_order:
        return places
    keep = [i for i in at.indexes(start - _RECENT, end) if places[i].end > start or not places[i].is_country]
    prior = at.last_before(start, lambda p: not p.is_country and p.end <= start)
    return [places[i] for i in sorted({*keep, *([prior] if prior is not None else [])})]


_DAY_AFTER = 180    # characters after a trigger in which the day of its event may follow its place
_RECENT = 600       # characters before a sentence whose places an anaphor in it may point back to


def _actor_ents(ents: list[Entity], at: ByStart[Entity], start: int, limit: int) -> list[Entity]:
    """The entities `find_actors` reads for a trigger in text[start:limit], in text order: those in that
    stretch, and the last armed organisation named before it, which a bare "القوات" refers to."""
    if not at.in_order:
        return ents
    keep = [i for i in at.indexes(start - at.longest, limit) if ents[i].end > start]
    prior = at.last_before(start, lambda e: e.type == "ORG" and e.end <= start
                           and ARMED.match(normalize(e.canonical or e.text)) is not None)
    return [ents[i] for i in sorted({*keep, *([prior] if prior is not None else [])})]


def extract_events(doc: Document, claims: list[Quote] | None = None) -> tuple[list[Event], list[Toll]]:
    text, ents = doc.text, doc.entities
    claims = claims if claims is not None else doc.quotes
    published = dating_reference(doc.published, doc.published_confidence, text)
    tolls = find_tolls(text)
    events: dict[tuple, Event] = {}
    keyed: dict[tuple, list[tuple]] = {}
    strengths: dict[int, int] = {}
    dateline = doc.dateline
    candidates = candidate_places(text, ents)
    all_places = [p for p in candidates      # "بيروت -" is where it was filed
                  if not (dateline and dateline.start <= p.start < dateline.end)]
    # every lookup below goes by offset (spans.ByStart), never through the whole article
    places_at, ents_at = ByStart(all_places), ByStart(ents)
    # a brief item that names no country at all ("خطف موظف أجنبي أمس …") still reports its event:
    # kept unlocated (no place, no precision) under the same conditions as a placeless one below
    whole = article_place(ents, dateline) or _NOWHERE
    filed = filed_at(dateline, candidates, whole)
    unplaced: dict[tuple, Event] = {}       # events told without a place (see below)
    dispersals: list[tuple] = []            # force on protesters told with no act of theirs (crowd_acts)
    shot: set[int] = set()                  # events told only by their casualties' cause (قتل شاب برصاص)
    factual = factual_claims(claims)
    claims_at, names = ByStart(factual), Names(ents)
    # the dateline's own date ("الفاشر (السودان) - 3 أكتوبر 2026 -") is the report's, not a past year that
    # makes the first sentence background: the context checks read that sentence from the dateline's end
    filed_whole = doc.dateline_whole
    lead = read_dateline(text) if filed_whole else None      # the report starts past the dateline's dash
    filed_body = lead.body if lead else filed_whole.end if filed_whole else 0
    for sent in sentences(text):
        told_from = max(sent.start, filed_body) if filed_whole and sent.start < filed_whole.end else sent.start
        told = [t for t in reported(text, find_triggers(text, sent.start, sent.end), told_from)
                if plausible(text, t, told_from)]
        triggers = _one_incident(text, fold_weapons(text, told))
        if not triggers:
            continue
        governable = _governable(all_places, places_at, sent.start, sent.end)
        exclude = [(p.start, p.end) for p in places_at.overlapping(sent.start, sent.end)]  # dates are in the sentence
        if told_from > sent.start:      # the dateline's date is the report's: "أمس" after it counts from it
            exclude.append((sent.start, told_from))
        claimed_here: set[int] = set()          # one event per place mention: the first trigger's
        acted = crowd_acts(text, told, sent.start)
        for k, trig in enumerate(triggers):
            limit = triggers[k + 1].start if k + 1 < len(triggers) else sent.end
            places = landmark_town([p for p in _places(governable, text, trig, limit, told_from)
                                    if p.start not in claimed_here and not _speakers_town(text, p, trig)], governable, trig)
            if not places and (subject := inside(governable, trig) or subject_place(text, governable, trig, told_from)) \
                    is not None and subject.start not in claimed_here:
                places = [subject]      # "نظم العشرات من المعلمين في البصرة، اليوم، وقفة احتجاجية"
            if places and all(p.end <= trig.start for p in places) and any(
                    (t.event_type, t.sub_event_type) == (trig.event_type, trig.sub_event_type) for t in triggers[:k]):
                continue        # "هاجم مسلحون قرية X في محلية Y وأطلقوا النار على السكان": one attack, not one at Y
            # told without a place: at the article's country (precision 3), kept only when the article
            # locates no event at all (a brief item); beside located events it is their background
            placeless = not places
            places = places or [whole]
            claimed_here.update(p.start for p in places)
            when = event_date(text, sent.start, sent.end, published, near=trig.start, exclude=exclude)
            if when.text is None:       # a weekday or date told after a long place phrase, before the next trigger
                later = event_date(text, trig.start, min(limit, trig.start + _DAY_AFTER), published, exclude=exclude)
                when = later if later.text and (weekday_mentions(later.text) or find_dates(later.text)) else when
            actor1, actor2 = find_actors(text, _actor_ents(ents, ents_at, sent.start, limit), trig, sent.start, limit)
            if actor1 is None and k + 1 < len(triggers) and _restated(text, triggers[k + 1]):
                # "انفجرت عبوة بقافلة …، في هجوم تبناه تنظيم X": the attack told again names the doer
                actor1 = resumed_agent(text, ents, triggers[k + 1],
                                       triggers[k + 2].start if k + 2 < len(triggers) else sent.end)
            # the force a bullet names ("برصاص الشرطة"، "بنيران قناصة") is the doer whatever stood before it,
            # which is then its target ("أصيب جندي من الجيش بنيران قناصة")
            shooter = fired_by(text, trig)
            actor2 = None if shooter and actor2 == shooter else actor2
            if shooter and actor1 and shooter != actor1:
                actor1, actor2 = shooter, actor2 or actor1
            actor1 = actor1 or shooter or _armed_before(text, ents_at, sent.start)
            actor2 = None if reacted_to(text, trig, told_from) else actor2     # who condemned it is no side
            trig = by_taker(by_target(text, _by_air(trig, actor1, text), actor2, limit), actor1)
            claimant, strength = find_claimant(text, claims_at, names, trig, sent.start, sent.end)
            killed, killed_text = event_fatalities(text, sent.start, sent.end, triggers, k)
            if trig.flag in ("cause", "doer") and not killed and _tolled(text, trig, limit):
                continue        # "منذ بداية العام قتل 40 شخصا برصاص مجهولين": a toll, not one incident
            if trig.event_type in ("Protests", "Riots") and not acted and not (killed and one_sided(text, told)):
                if trig.sub_event_type == "Protest with intervention":   # kept for a protest told elsewhere
                    dispersals.append(({normalize(p.name) for p in places if p.name and p is not whole},
                                       when.value.isoformat() if when.text and when.value else None, actor1,
                                       trig.start))
                continue        # protesters only dispersed, fired on or fought: the force's report (crowd_acts)
            for place in places:
                e = Event(trig.event_type, trig.sub_event_type, Span(sent.start, sent.end, sent.text),
                          event_date=when.value.isoformat() if when.value else None,
                          date_precision=when.precision, date_text=when.text,
                          actor1=actor1, actor2=actor2,
                          location=place.name, admin1=place.admin1,
                          country=country_english(place.country), latitude=place.latitude, longitude=place.longitude,
                          geo_precision=_precision(text, place) if place.name else None,
                          fatalities=killed, fatalities_text=killed_text,
                          claimed_by=claimant)
                key = (e.event_type, e.event_date or e.date_text)
                if placeless:
                    counted = e.fatalities or _counted(text, sent, trig)
                    if not (counted or e.date_text or e.actor1):
                        continue                # nothing but a word: no victims, no day, no doer named
                    if place is _NOWHERE and not (counted or e.date_text and e.actor1
                                                  or _told_by_verb(trig) and (e.date_text or e.actor1)):
                        continue                # unlocated: only victims, day and doer, or a verb with either
                    if key not in unplaced:
                        unplaced[key] = e
                    else:
                        merge(unplaced[key], e)
                    continue
                # a village located only by the town it lies beside ("قيزان جنوب خان يونس") shares the
                # town's coordinates, not its identity: it is keyed by name
                where = (round(e.latitude, 2), round(e.longitude, 2)) if e.latitude is not None and not place.beside \
                    else normalize(e.location)
                # ACLED: type, place, day; a mention whose sentence names no day took the publication
                # date by default, so it joins a dated mention of the same type and place
                key = (e.event_type, where, (e.event_date or e.date_text) if e.date_text else None)
                # an undated mention and a dated one of the same type and place are one event;
                # `keyed` holds the keys of each (type, place) in the order `events` has them
                same = key if key in events else next(
                    (k for k in keyed.get(key[:2], ()) if k[2] is None or key[2] is None), None)
                if same is not None:
                    if strength > strengths.get(id(events[same]), 0):   # a direct attribution wins
                        events[same].claimed_by = e.claimed_by
                        strengths[id(events[same])] = strength
                    merge(events[same], e)
                    if trig.flag != "cause":
                        shot.discard(id(events[same]))
                    if same[2] is None and key[2] is not None:
                        events[key] = events.pop(same)
                        keyed[key[:2]].remove(same)
                        keyed[key[:2]].append(key)
                else:
                    events[key] = e
                    keyed.setdefault(key[:2], []).append(key)
                    strengths[id(e)] = strength
                    if trig.flag == "cause":
                        shot.add(id(e))
    found = fold_mentions(list(events.values())) or at_dateline(text, list(unplaced.values()), filed)
    found = protest_casualties(found, shot)
    carry_days(text, found)            # a roundup's items without a day of their own: the day told before
    fill_story_actors(text, ents, found)      # a doer the sentence does not name, from its story
    intervened(found, dispersals)
    for e in found:         # ACLED: protesters killed or badly hurt by force is excessive force, not intervention
        if e.event_type == "Protests" and e.fatalities and e.sub_event_type in ("Peaceful protest",
                                                                                 "Protest with intervention"):
            e.sub_event_type = "Excessive force against protesters"
    _displacement(text, found)
    return found, tolls


# "قال مسؤول (محلي) في (مدينة) X … إن …": the town a source speaks from, not where the event it reports was
_SOURCE_IN = re.compile(r"(?:مسوول|مسوولون|مسوولين|مصدر|مصادر|متحدث|ناطق|مراسل)(?:\s+\S+){0,2}?\s+(?:في|من|ب)\s*"
                        rf"(?:(?:{place_noun_pattern('singular')}|العاصمه)\s+)?$")
_THAT = re.compile(r"(?<!\S)[وف]?(?:ان|انه|انها|بان)(?!\S)")


def _speakers_town(text: str, place: Place, trig: Trigger) -> bool:
    """A place in the phrase of a source before the إن/أن of what it reports ("قال مصدر أمني في مدينة X إن
    مسلحين خطفوا موظفا") is where the source is, not where the event happened, unless it points back to it (بالمدينة)."""
    if place.end > trig.start or not _SOURCE_IN.search(normalize(text[max(0, place.start - 60):place.start])):
        return False
    return _THAT.search(normalize(text[place.end:trig.start])) is not None \
        and not lexicon()["anaphor"].search(normalize(text[trig.end:trig.end + 90]))


def _counted(text: str, sent, trig: Trigger) -> bool:
    """An event told without a place is still a report when its sentence counts what happened: the
    people hurt in it ("أصيب ستة أشخاص"), or, for a protest, the crowd that took part ("تظاهر مئات"،
    "ونزل آلاف المتظاهرين") or what it wants ("احتجاجا على"، "مطالبين"، crowds.demanded); a bare word
    ("الاختطاف"، "مظاهرات") counts nothing."""
    if trig.event_type in ("Protests", "Riots"):
        return lexicon()["crowd_size"].search(normalize(sent.text)) is not None or demanded(text, sent.start, sent.end)
    # casualty_figures is cached per article (find_tolls read it already)
    return any(sent.start <= f.start < sent.end for f in casualty_figures(text) if f.kind == "injured" and not f.scope)


def _tolled(text: str, trig: Trigger, limit: int) -> bool:
    """The casualties a trigger tells by their cause are a toll over a period or several incidents
    (extraction/tolls: a figure with its scope); so is the object of a doer's killing verb, the first
    count after it ("قتلت القوات منذ بداية الحرب أكثر من 40 ألفا")."""
    if trig.flag == "doer":
        first = next((f for f in casualty_figures(text) if trig.end <= f.start < limit and not f.part), None)
        return bool(first and first.scope) or over_period(text, trig.end, first.start if first else limit)
    return any(trig.start <= f.start < trig.end and f.scope for f in casualty_figures(text))


def _told_by_verb(trig: Trigger) -> bool:
    """A violent act told by its own verb (انفجرت، اختطف، فجر نفسه), not a noun needing context; protests
    are left out, their doer being protesters whoever they are."""
    return trig.flag in ("", "doer", "cause") and trig.event_type not in ("Protests", "Riots")


def _displacement(text: str, events: list[Event]) -> None:
    """An event's displaced: a one-incident displacement count ("نزحت أكثر من 300 أسرة") told at or
    after the event, before the next one (ACLED's lowest figure when several are given)."""
    figures = [f for f in casualty_figures(text) if f.kind == "displaced" and not f.scope and not f.part]
    if not figures or not events:
        return
    ordered = sorted(events, key=lambda e: e.evidence.start)
    for f in figures:
        owner = next((e for e in reversed(ordered) if e.evidence.start <= f.start), ordered[0])
        owner.displaced = f.value if owner.displaced is None else min(owner.displaced, f.value)


# words that only link two descriptions of one incident ("هجوم أعقبه انفجار سيارة")
_LINKS = frozenset(normalize(w) for w in ("أعقبه", "أعقبها", "تلاه", "تلاها", "تبعه", "تبعها", "ثم", "بـ", "عبر"))


def _armed_before(text: str, at: ByStart[Entity], start: int) -> str | None:
    """A sentence that names no doer continues its paragraph: the armed group or force the sentence
    before names ("أعلنت حركة الشباب مسؤوليتها … . وقتل 3 في هجوم …"), from the actor dictionary."""
    from marsad.text.actor_dictionary import actors

    if new_incident(text, start):
        return None         # "وفي حادث آخر، قتل …": another incident, not the paragraph's
    para = text.rfind("\n", 0, start) + 1
    prev = text.rfind(".", para, max(para, start - 1))
    lo = max(para, text.rfind(".", para, max(para, prev)) + 1) if prev > para else para
    armed = [e for e in at.starting(lo, start) if e.type == "ORG" and e.actor_id
             and actors().actors[e.actor_id].kind in ARMED_KINDS]
    return armed[-1].actor if armed else None



def _restated(text: str, t: Trigger) -> bool:
    """"…، في هجوم تبناه X"، "بهجوم نفذته Y": an attack noun after في or ب, later in the sentence of an
    event, frames that event rather than telling another."""
    before = normalize(text[max(0, t.start - 4):t.end]).split()
    return t.flag == "attack" and bool(before) and (before[-2:-1] == ["في"] or before[-1].startswith("ب"))


def _one_incident(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """"هجوم أعقبه انفجار | سيارة ملغومة": triggers of one type side by side, or joined by a word that
    only links them (no place, no comma between), tell one incident — one trigger spanning both,
    typed by the later, more specific one."""
    out: list[Trigger] = []
    for t in triggers:
        prev = out[-1] if out else None
        gap = text[prev.end:t.start] if prev else ""
        if prev and _told_back(text, t):
            continue            # "شنت هجوما على قرى …، وأسفر الهجوم عن مقتل …": the same attack, told again
        if prev and prev.sub_event_type == "Arrests" and object_victims(first_word(text, t)) is not None:
            out[-1] = t         # "اعتقلوا أربعة رعاة ثم أعدموهم": the captives killed, one attack (ACLED codes the killing)
        elif prev and prev.event_type == t.event_type and all(normalize(w) in _LINKS for w in gap.split()) \
                and not re.search(r"[،,.؛:]", gap):
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type)
        else:
            out.append(t)
    return out


# verbs of effect whose subject, a definite event noun, is the event the sentence has just told
_EFFECT = re.compile(r"(?:[وف]?(?:اسفر|ادي|ادت|اوقع|خلف|تسبب)\S{0,2})\s+(?:[وبل]?ال)\S+$")


def _told_back(text: str, t: Trigger) -> bool:
    words = normalize(text[max(0, t.start - 20):t.end]).split()
    return len(words) >= 2 and bool(_EFFECT.search(" ".join(words[-2:]))) and len(normalize(text[t.start:t.end]).split()) == 1


def _by_air(trig: Trigger, actor1: str | None, text: str = "") -> Trigger:
    """A battle fought by an air force ("القوات الجوية تصدت للهجوم"), an attack called aerial
    ("هجوم إسرائيلي جوي", "هجوم جوي") or a missile or shelling an aircraft fires, named before its
    weapon or as the verb's subject after it (event_types.fired_from_air), is,
    in ACLED's terms, an air strike."""
    air = lexicon()["air"]
    aerial = any(w in ("جوي", "جويه", "الجوي", "الجويه") for w in normalize(text[trig.end:trig.end + 25]).split()[:3])
    if trig.event_type == "Battles" and (actor1 and any(a in normalize(actor1) for a in air) or aerial) \
            or fired_from_air(text, trig):
        return Trigger(trig.start, trig.end, "Explosions/Remote violence", "Air/drone strike")
    return trig


def find_doc_events(doc: Document) -> Document:
    """Pipeline stage: fill `doc.events` and `doc.tolls` (after entities and quotes)."""
    doc.events, doc.tolls = extract_events(doc, doc.claims or doc.quotes)
    return doc
