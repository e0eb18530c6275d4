"""Conflict events in ACLED's scheme, each field backed by the text.

For every sentence: trigger phrases (data/events.json) give type and sub-type; a negation, denial
or future marker just before a trigger (لم، لن، نفى، يعتزم، سـ…) cancels it. The places are the
geocoded LOC entities the trigger governs — those after it up to the next trigger, else those
before it — and a coordination of places ("قصر بن غشير ووادي الربيع وسوق الخميس") gives one event
each. Actors are the organisations (or armed-group phrases) before and after the trigger; the
claimant is the speaker of the quote or claim the event is told in. Dates resolve against a
trustworthy publication date (dates.event_date); fatalities come from this sentence's non-
cumulative tolls. Events of one (type, place, day) merge, as ACLED codes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .data import load_json
from .arabic import normalize, normalize_map, sentences
from .dates import event_date
from .model import Document, Entity, Event, Quote, Span, Toll
from .tolls import find_tolls

_ARMED = re.compile(r"(?<!\w)(?:[وفبل]|ال|وال|بال|لل)?(?:قوات|ميليشيات|ميليشيا|مليشيات|ميلشيات|مليشيا|جماعه|جيش|"
                    r"تنظيم|فصائل|كتائب|مسلحون|مسلحين|طيران|سلاح الجو|الحوثي|الحوثيون)"
                    r"(?:\s+(?:ال\w+|\"\w+\"|«\w+»|\w+ي)(?!\w)){0,3}")
_STOP_ACTOR = re.compile(r"\s(?:في|على|الى|إلى|من|عن|مع|ضد|قرب|بعد|قبل|منذ|التي|الذي|التابعه|المدعومه|اليوم|امس|"
                         r"صباح|مساء|فجر|ليل|ظهر|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)\b.*$")
_FACILITY = re.compile(r"(?<!\w)(?:[وبل]|ال)?((?:مطار|قاعده|معسكر|ميناء)\s+\S+)(?:\s+\S+){0,2}")
WINDOW_AFTER = 90           # characters after a trigger in which its place and target are sought


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    event_type: str
    sub_event_type: str


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = load_json("events.json")
    rules, alternatives = [], []
    for n, (phrase, etype, sub) in enumerate(raw["triggers"]):
        words = normalize(phrase).split()
        first = re.escape(words[0])
        if words[0].startswith("ال"):
            first = f"(?:{first}|{re.escape(words[0][2:])})"
        rest = "".join(r"\s+" + re.escape(w) for w in words[1:])
        alternatives.append(f"(?P<r{n}>{first}{rest})")
        rules.append((etype, sub))
    # One pass over a sentence: at each position the first rule in file order that matches wins,
    # which is the order the triggers list is written in (specific phrases first).
    combined = re.compile(r"(?<!\w)(?:[وفبلك]|ال|وال|بال|لل|فال)?(?:" + "|".join(alternatives) + r")(?!\w)")
    nouns = "|".join(re.escape(normalize(w)) for w in raw["place_nouns"])
    return {"rules": rules, "combined": combined, "negation": frozenset(normalize(w) for w in raw["negation"]),
            "agree": frozenset(normalize(w) for w in raw["agreement_verbs"]),
            "facilities": frozenset(normalize(w) for w in raw["facility_heads"]),
            "org_heads": _org_heads(),
            "listed": re.compile(rf"(?<!\w)(?:[وبل]|ال)?(?:{nouns})\s+((?:[^\s،,.]+\s*){{1,6}})"),
            "singular": frozenset(normalize(w) for w in raw["place_nouns_singular"]),
            "common": frozenset(normalize(w) for w in raw["common_words"]),
            "toponym": frozenset(normalize(w) for w in raw["toponym_heads"]),
            "pejorative": re.compile(r"\s+(?:" + "|".join(normalize(w) for w in raw["pejoratives"]) + r")(?!\w)"),
            "anaphor": re.compile(r"(?<!\w)(?:[وبلف]|في )?(?:" + "|".join(normalize(w) for w in raw["anaphors"]) + r")(?!\w)"),
            "future": tuple(normalize(p) for p in raw["future_prefix"]),
            "relative": frozenset(normalize(w) for w in raw["relative_place"])}


def _org_heads() -> frozenset[str]:
    from .lexicons import org_heads

    return org_heads() - {"الدفاع", "الامن"}


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], left to right; at one position the earlier rule wins."""
    norm, index = normalize_map(text[start:end])
    lex, out = _lex(), []
    for m in lex["combined"].finditer(norm):
        etype, sub = lex["rules"][int(m.lastgroup[1:])]
        out.append(Trigger(start + index[m.start()], start + index[m.end() - 1] + 1, etype, sub))
    return out


def negated(text: str, trig: Trigger, sent_start: int) -> bool:
    """A denial, negation, condition or future marker among the three words before the trigger."""
    lex = _lex()
    before = normalize(text[max(sent_start, trig.start - 40):trig.start]).split()[-3:]
    word = normalize(text[trig.start:trig.end]).split()[0]
    if any(w in lex["negation"] or w.lstrip("و") in lex["negation"] for w in before):
        return True
    return word.startswith(lex["future"]) and len(word) > 4 and not word.startswith("سيطر")


@dataclass(frozen=True)
class Place:
    """A place mention an event can be located at (a LOC entity, a facility, a gazetteer name)."""
    start: int
    end: int
    name: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    is_country: bool


def candidate_places(text: str, ents: list[Entity]) -> list[Place]:
    """Every place mention an event can be put at, in text order: geocoded LOC entities,
    facilities (قاعدة الوطية), and single names after a place noun that NER missed — in the
    article's own country ("مناطق العسة ورقدالين") or, unresolved, after a singular place noun
    ("منطقة الرملة", kept without coordinates rather than dropped)."""
    from collections import Counter

    from .geo import resolve

    lex, out, taken = _lex(), [], []
    for e in ents:
        name = e.canonical or e.text
        if e.type not in ("LOC", "ORG") or e.type == "ORG" and normalize(name).split()[0] not in lex["facilities"]:
            continue
        if normalize(name) in lex["common"] or normalize(name) in lex["toponym"]:
            continue                            # "وادي" alone is a word, not a place
        m = resolve(name, _article_country(ents))     # the entity's own geocode, the same preference
        if m:
            out.append(Place(e.start, e.end, name, m.country, m.admin1, m.latitude, m.longitude, m.kind == "country"))
            taken.append((e.start, e.end))
    fnorm, findex = normalize_map(text)
    for m in _FACILITY.finditer(fnorm):                 # "مطار طرابلس الدولي", "قاعدة الوطية الجوية"
        start1, end1 = findex[m.start(1)], findex[m.end() - 1] + 1
        words = text[start1:end1].split()
        for n in range(len(words), 1, -1):
            g = resolve(" ".join(words[:n]))
            if g and g.kind != "country":
                s0, e0 = start1, start1 + len(" ".join(words[:n]))
                out = [p for p in out if not (s0 <= p.start < e0)]
                out.append(Place(s0, e0, " ".join(words[:n]), g.country, g.admin1, g.latitude, g.longitude, False))
                taken.append((s0, e0))
                break
    home = Counter(p.country for p in out if not p.is_country).most_common(1)
    home_country = home[0][0] if home else None
    mentioned = {p.country for p in out if p.is_country} | {home_country}
    # "صلاح الدين" in a Tripoli story is no Iraqi governorate: a town in a country the article
    # never names keeps its name but not the foreign coordinates
    out = [p if p.is_country or p.country in mentioned else
           Place(p.start, p.end, p.name, home_country, None, None, None, False) for p in out]
    norm, index = normalize_map(text)
    for m in lex["listed"].finditer(norm):
        noun = normalize(text[index[m.start()]:index[m.start(1)]]).strip().lstrip("وبل")
        for n, (s, e) in enumerate(_list_items(text, index[m.start(1)], index[m.end(1) - 1] + 1)):
            if any(a <= s < b for a, b in taken):
                break
            place = _list_place(text[s:e], home_country, first=n == 0, singular=noun in lex["singular"])
            if place is None:
                break
            out.append(Place(s, e, *place))
            if noun in lex["singular"]:
                break
    return sorted(out, key=lambda p: p.start)


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of "العسة الجميل ورقدالين وزلطن" / "قصر بن غشير ووادي الربيع": one word each, a leading
    و cut off, except that a toponym head (قصر، وادي، سوق …) binds up to two following words."""
    items = []
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s،,.]+", text[start:end])]
    i = 0
    while i < len(words):
        s, e = words[i]
        w = normalize(text[s:e])
        if w.startswith("و") and len(w) > 3 and i:
            s, w = s + 1, w[1:]
        j = i + 1
        if w.strip('"«') in _lex()["toponym"]:
            while j < len(words) and j - i < 3 and not normalize(text[words[j][0]:words[j][1]]).startswith("و"):
                j += 1
        items.append((s, words[j - 1][1]))
        if text[words[j - 1][1]:words[j - 1][1] + 1] in "،,.":
            break                               # a comma ends the list
        i = j
    return items


def _list_place(name: str, home: str | None, first: bool, singular: bool):
    """Place fields for one list item, or None when it is no place name."""
    from .geo import resolve

    lex = _lex()
    bare = name.strip('"«» ')
    norm = normalize(bare)
    if norm in lex["common"] or len(norm.removeprefix("ال")) < 3:
        return None
    g = resolve(bare, home)
    if g and g.kind != "country" and (g.country == home or home is None):
        return bare, g.country, g.admin1, g.latitude, g.longitude, False
    toponym = norm.split()[0] in lex["toponym"] and " " in norm
    if toponym or norm.startswith("ال") or not first:
        # an unknown name is kept, without coordinates, rather than losing the event
        return bare, home, None, None, None, False
    return None


def _article_country(ents: list[Entity]) -> str | None:
    """The country most of the article's geocoded places are in (see entities.geocode)."""
    from collections import Counter

    votes = Counter(e.country for e in ents if e.type == "LOC" and e.country)
    return votes.most_common(1)[0][0] if votes else None


def _institutional(text: str, place: Place) -> bool:
    """A place in an organisation's name or description (ميليشيات "مصراتة"، مجلس النواب في طبرق)."""
    before = re.sub(r'["«»]', " ", normalize(text[max(0, place.start - 45):place.start])).split()[-2:]
    return any(w in _lex()["org_heads"] or w.lstrip("وبل") in _lex()["org_heads"] for w in before)


def _places(places: list[Place], text: str, trig: Trigger, limit: int, sent_start: int) -> list[Place]:
    """The places a trigger governs: the first (coordinated) run after it, else the nearest before."""
    usable = [p for p in places if not _institutional(text, p) and (not p.is_country or _locative(text, p))]
    after = [p for p in usable if trig.end <= p.start < limit]
    if after:
        run = [after[0]]
        for p in after[1:]:
            if re.fullmatch(r"[\s،,و]*", normalize(text[run[-1].end:p.start])):   # "… ووادي الربيع وسوق الخميس"
                run.append(p)
            else:
                break
        local = [p for p in run if not p.is_country]
        return local or run
    if _lex()["anaphor"].search(normalize(text[trig.end:limit])):             # "لمواقع بالمدينة"
        named = [p for p in places if p.end <= trig.start and not p.is_country]
        return named[-1:]
    before = [p for p in usable if sent_start <= p.start and p.end <= trig.start and not p.is_country]
    if len(before) > 1 and _locator(text, before[-2], before[-1]):
        before = before[:-1]                    # "قاعدة عين الأسد الجوية غرب الأنبار": the base
    if before and ("،" in text[before[-1].end:trig.start] or "," in text[before[-1].end:trig.start]):
        # across a comma only when the trigger points back ("تصدت لهذا الهجوم")
        demonstrative = r"[لب]?(?:هذا|هذه|ذلك|تلك)"
        if not (re.search(demonstrative + r"\s*$", normalize(text[max(0, trig.start - 12):trig.start]))
                or re.match(r"\s*" + demonstrative + r"(?!\w)", normalize(text[trig.end:trig.end + 10]))):
            return []
    return before[-1:]


def _locator(text: str, place: Place, region: Place) -> bool:
    """`region` only locates `place`: "X (الجوية) غرب الأنبار", "X جنوبي طرابلس"."""
    gap = normalize(text[place.end:region.start]).split()
    return 1 <= len(gap) <= 3 and any(w in _lex()["relative"] for w in gap)


def _locative(text: str, place: Place) -> bool:
    """A country is where an event happened only as "في ليبيا" / "بليبيا", not as a subject or neighbour."""
    return normalize(text[max(0, place.start - 3):place.start]).endswith(("في ", "ب"))


def _precision(text: str, place: Place) -> int:
    if place.is_country:
        return 3
    before = normalize(text[max(0, place.start - 30):place.start]).split()[-3:]
    return 2 if any(w in _lex()["relative"] or w.lstrip("وب") in _lex()["relative"] for w in before) else 1


def _actor(text: str, ents: list[Entity], start: int, end: int, last: bool) -> str | None:
    """The organisation or armed-group phrase in text[start:end] nearest the trigger."""
    orgs = [e for e in ents if e.type == "ORG" and start <= e.start and e.end <= end]
    phrases = []
    # after a trigger, a phrase starting in the window may run past it to its last word; before a
    # trigger, the phrase must end where the trigger begins ("قوات الجيش الليبي | السيطرة على")
    stop = end if last else min(len(text), end + 40)
    norm, index = normalize_map(text[start:stop])
    for m in _ARMED.finditer(norm):
        if start + index[m.start()] >= end:
            break
        s, e = start + index[m.start()], start + index[m.end() - 1] + 1
        cut = _STOP_ACTOR.search(normalize(text[s:e]))
        phrase = text[s:e][:cut.start()] if cut else text[s:e]
        phrases.append((s, phrase.strip(" ،,\"«»")))
    candidates = [(e.start, e.canonical or e.text) for e in orgs] + phrases
    if not candidates:
        return None
    pos, name = (max if last else min)(candidates, key=lambda c: c[0])
    org = next((e for e in orgs if e.start <= pos < e.end or pos <= e.start < pos + len(name)), None)
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
    return _resolve_generic(actor1, text, ents, trig.start), actor2 if actor2 != actor1 else None


_GENERIC = frozenset(normalize(w) for w in ("القوات", "قوات", "الجيش", "الوحدات", "وحدات", "المسلحين", "مسلحون"))


def _resolve_generic(name: str | None, text: str, ents: list[Entity], before: int) -> str | None:
    """A bare "القوات" refers to the last armed organisation named before it."""
    if not name or normalize(name) not in _GENERIC:
        return name
    armed = [e for e in ents if e.type == "ORG" and e.end <= before and _ARMED.match(normalize(e.canonical or e.text))]
    return clean_actor(armed[-1].canonical or armed[-1].text) if armed else name


def clean_actor(name: str) -> str:
    """Neutral, canonical actor names: no pejoratives, no quote marks, "قوات الجيش الليبي" → "الجيش الليبي"."""
    name = re.sub(r'["«»“”]', "", name).strip()
    m = _lex()["pejorative"].search(normalize(name))
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


ATTRIBUTED, QUOTED, NEARBY = 3, 2, 1     # how directly the text ties a claimant to the event
_ATTRIBUTED = re.compile(r"(?:بحسب|حسب|وفقا ل|وفق|نقلا عن)\s+(?:ما\s+(?:اعلن|اعلنت|ذكر|ذكرت|افاد|افادت|اورد|اوردت)\S*\s+(?:به\s+)?)?"
                         r"(?:بيان|تصريحات|مصادر في|بلاغ)?\s*(?:ل|لـ)?\s*(\S+(?:\s+\S+){0,4})")


def _claimant(text: str, quotes: list[Quote], ents: list[Entity], trig: Trigger,
              sent_start: int, sent_end: int) -> tuple[str | None, int]:
    """Who the report says claims the event: an attribution ("بحسب بيان لشعبة الإعلام الحربي"),
    else the speaker whose statement tells it. Threats and calls claim nothing."""
    norm, index = normalize_map(text[sent_start:sent_end])
    m = _ATTRIBUTED.search(norm)
    if m and index[m.start()] + sent_start > trig.start:
        phrase = text[sent_start + index[m.start(1)]:sent_start + index[m.end(1) - 1] + 1]
        return _speaker_name(re.split(r"[،,.]| التابع", phrase)[0].strip(" \"«»"), ents), ATTRIBUTED
    factual = [q for q in quotes if normalize(q.cue) not in _directives() and q.speaker_canonical]
    inside = [q for q in factual if q.start <= trig.start < q.end + 1]
    same = [q for q in factual if sent_start <= q.start < sent_end]
    if inside:
        return _speaker_name(inside[0].speaker_canonical, ents), QUOTED
    if same:
        return _speaker_name(same[0].speaker_canonical, ents), NEARBY
    return None, 0


def _speaker_name(phrase: str, ents: list[Entity]) -> str:
    """A claimant phrase that runs past its organisation ("قوات الجيش الليبي السيطرة") is that organisation."""
    if any(e.type == "PER" and e.canonical == phrase for e in ents):
        return phrase
    armed = _ARMED.match(normalize(phrase))
    inner = [e.canonical for e in ents if armed and e.type == "ORG" and e.canonical and e.canonical in phrase
             and not phrase.endswith(e.canonical)]
    return clean_actor(max(inner, key=len)) if inner else clean_actor(phrase)


@lru_cache(maxsize=1)
def _directives() -> frozenset[str]:
    from .quotes import _lex as quote_lexicon

    return quote_lexicon()["directives"]


def extract_events(doc: Document, claims: list[Quote] | None = None) -> tuple[list[Event], list[Toll]]:
    text, ents = doc.text, doc.entities
    claims = claims if claims is not None else doc.quotes
    trusted = doc.published if doc.published and doc.published_confidence == "high" else None
    published = date.fromisoformat(trusted) if trusted else None
    tolls = find_tolls(text)
    events: dict[tuple, Event] = {}
    strengths: dict[int, int] = {}
    all_places = candidate_places(text, ents)
    for sent in sentences(text):
        triggers = _fold_weapons(text, [t for t in find_triggers(text, sent.start, sent.end)
                                        if not negated(text, t, sent.start) and _plausible(text, t, sent.start)])
        claimed_here: set[int] = set()          # one event per place mention: the first trigger's
        for k, trig in enumerate(triggers):
            limit = triggers[k + 1].start if k + 1 < len(triggers) else sent.end
            places = [p for p in _places(all_places, text, trig, limit, sent.start) if p.start not in claimed_here]
            if not places:
                continue
            claimed_here.update(p.start for p in places)
            when = event_date(text, sent.start, sent.end, published, near=trig.start,
                              exclude=[(p.start, p.end) for p in all_places])
            actor1, actor2 = _actors(text, ents, trig, sent.start, limit)
            claimant, strength = _claimant(text, claims, ents, trig, sent.start, sent.end)
            deaths = [t for t in tolls if t.kind == "killed" and t.scope is None and sent.start <= t.start < sent.end]
            for place in places:
                e = Event(trig.event_type, trig.sub_event_type, Span(sent.start, sent.end, sent.text),
                          event_date=when.value.isoformat() if when.value else None,
                          date_precision=when.precision, date_text=when.text,
                          actor1=actor1, actor2=actor2,
                          location=place.name, admin1=place.admin1,
                          country=_country_name(place.country), latitude=place.latitude, longitude=place.longitude,
                          geo_precision=_precision(text, place),
                          fatalities=max((t.value for t in deaths), default=None),
                          fatalities_text=deaths[0].text if deaths else None,
                          claimed_by=claimant)
                where = (round(e.latitude, 2), round(e.longitude, 2)) if e.latitude is not None else normalize(e.location)
                key = (e.event_type, where, e.event_date or e.date_text)      # ACLED: type, place, day
                # an undated mention and a dated one of the same type and place are one event
                same = key if key in events else next(
                    (k for k in events if k[:2] == key[:2] and (k[2] is None or key[2] is None)), None)
                if same is not None:
                    if strength > strengths.get(id(events[same]), 0):   # a direct attribution wins
                        events[same].claimed_by = e.claimed_by
                        strengths[id(events[same])] = strength
                    _merge(events[same], e)
                    if same[2] is None and key[2] is not None:
                        events[key] = events.pop(same)
                else:
                    events[key] = e
                    strengths[id(e)] = strength
    return _fold_country_level(list(events.values())), tolls


def _fold_country_level(events: list[Event]) -> list[Event]:
    """"ضربات في ليبيا" and "ضربات على درنة" in one article are the same strikes, coded at Derna."""
    kept = []
    for e in events:
        better = next((o for o in events if o is not e and e.geo_precision == 3 and (o.geo_precision or 3) < 3
                       and (o.event_type, o.sub_event_type, o.country) == (e.event_type, e.sub_event_type, e.country)
                       and (o.event_date == e.event_date or None in (o.event_date, e.event_date))), None)
        if better:
            _merge(better, e)
        else:
            kept.append(e)
    return kept


def _merge(kept: Event, new: Event) -> None:
    """Repeated mentions of one event: keep the first, fill what it lacked."""
    for field in ("actor1", "actor2", "claimed_by", "fatalities", "fatalities_text", "date_text"):
        if getattr(kept, field) is None:
            setattr(kept, field, getattr(new, field))
    if new.fatalities and kept.fatalities and new.fatalities > kept.fatalities:
        kept.fatalities, kept.fatalities_text = new.fatalities, new.fatalities_text


def _country_name(country: str | None) -> str | None:
    from .geo import _english

    return _english().get(country) if country else None


def _fold_weapons(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """"سلاح الجو المصري بقصف …": a bare shelling word right after an air trigger is that air strike."""
    out: list[Trigger] = []
    for t in triggers:
        prev = out[-1] if out else None
        close = prev is not None and t.start - prev.end < 40
        if (close and prev.sub_event_type == "Air/drone strike" and t.event_type == prev.event_type
                and normalize(text[t.start:t.end]).lstrip("وبل").startswith("قصف")):
            out[-1] = Trigger(prev.start, t.end, prev.event_type, prev.sub_event_type)
        elif close and prev.sub_event_type == "Armed clash" and t.event_type == "Explosions/Remote violence" \
                and normalize(text[prev.start:prev.end]).lstrip("وبل").startswith(("هجوم", "الهجوم")):
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type)   # "لهجوم بصواريخ"
        else:
            out.append(t)
    return out


def _plausible(text: str, trig: Trigger, sent_start: int) -> bool:
    """Agreements need an agreement verb nearby (وقع، توصل، أبرم): "للهدنة" alone is no event."""
    if trig.sub_event_type != "Agreement":
        return True
    around = normalize(text[sent_start:trig.start]).split()
    return any(w in _lex()["agree"] or w.lstrip("و") in _lex()["agree"] for w in around)


def find_doc_events(doc: Document) -> Document:
    """Pipeline stage: fill `doc.events` and `doc.tolls` (after entities and quotes)."""
    doc.events, doc.tolls = extract_events(doc, doc.claims or doc.quotes)
    return doc
