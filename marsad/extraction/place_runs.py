"""Coordinated places as Arabic news lists them after an event: "غارات على X، مركز المحافظة، وY وZ في
ريف A الجنوبي وW وV في ريف B". The list goes on across an apposition of the place just named (مركز
المحافظة، عاصمة الولاية) and across a locator ("في ريف A") that places the items before it and is
itself no event place; names the tagger missed inside such a list are found in the gazetteers.
Written for marsad (Apache-2.0).
"""
from __future__ import annotations

import re
from typing import Protocol, TypeVar

from marsad.text.arabic import normalize
from marsad.text.lexicons import countries, nisba_country, place_adjectives, place_names, place_noun, place_noun_pattern, place_nouns


class _Span(Protocol):
    start: int
    end: int


P = TypeVar("P", bound=_Span)

# what may stand between two items of one list (normalised text)
_JOIN = re.compile(r"[\s،,و\"“”«»()]*")
# "، مركز المحافظة، و" / "، عاصمة الولاية، و": the place just named, described
_APPOSITION = re.compile(r"\s*[،,]\s*(?:مركز|عاصمه|كبري)\s+\S+(?:\s+\S+)?\s*[،,]\s*(?:و\s*)?")
# "في ريف" / "بمحافظة" before a place that locates the items before it …
_LOCATOR = re.compile(rf"\s*(?:في|ب)\s*(?:(?:ريف|منطقه|{place_noun_pattern('singular', 'division')})\s*)?")
# … after which the list resumes ("… الجنوبي و…", past one name no gazetteer knows: "… والزكاة و…")
_RESUME = re.compile(r"(?:\s+ال\S+ي(?:ه)?)?\s*[،,]?\s*و\s*(?:[^\s،,.]+\s+و\s*)?")


def locates(text: str, place: _Span, region: _Span) -> bool:
    """`region`, named right after `place` behind في or ب and a division noun, only says where it lies
    ("قرية ود عشيب بمحلية الكاملين في ولاية الجزيرة"): ACLED codes the most specific place of the chain."""
    from marsad.text.lexicons import nisba_country

    words = normalize(text[place.start:place.end]).split()
    if len(words) == 1 and nisba_country(words[0]):
        return False            # "البحرية الهندية في خليج عدن": an adjective the tagger took for الهندية (Iraq)
    return place.end <= region.start and _LOCATOR.fullmatch(normalize(text[place.end:region.start])) is not None


def relative_locator(text: str, place: _Span, region: _Span) -> bool:
    """`region` only locates `place` by a direction or nearness: "X (الجوية) غرب الأنبار", "X جنوبي طرابلس"."""
    from marsad.extraction.trigger_lexicon import lexicon

    gap = normalize(text[place.end:region.start]).split()
    return 1 <= len(gap) <= 3 and any(w in lexicon()["relative"] for w in gap)


def run_of(text: str, after: list[P]) -> list[P]:
    """The run of coordinated places that begins with after[0] (places in text order)."""
    run, k = [after[0]], 1
    while k < len(after):
        gap = normalize(text[run[-1].end:after[k].start])
        if _JOIN.fullmatch(gap) or _APPOSITION.fullmatch(gap):
            run.append(after[k])
            k += 1
        elif _LOCATOR.fullmatch(gap) and k + 1 < len(after) \
                and _RESUME.fullmatch(normalize(text[after[k].end:after[k + 1].start])):
            run.append(after[k + 1])            # after[k] locates the items before it; the list goes on
            k += 2
        else:
            break
    return run


# the name is a whole word (the negative lookahead): a shorter match inside "وقنابل" would be قنا
_COORDINATED = re.compile(r"(?<!\S)و([^\s،,.\"“”«»()]{3,})(?![^\s،,.\"“”«»()])(?=\s*(?:[،,]\s*)?(?:و|في|ب|$))")


def coordinated_names(text: str, places: list[_Span], home: str | None) -> list[tuple[int, int, object]]:
    """Single words joined by و to a known place ("إدلب، …، وأريحا ومعرة النعمان") that the gazetteers
    know in the article's country `home`: (start, end, geocode) for each, the tagger having missed them."""
    from marsad.extraction.geo import resolve

    def resolve_in_home(word: str):
        g = resolve(word, home)
        return g if g and g.kind != "country" and g.country == home else None

    out, known = [], {(p.start, p.end) for p in places}
    for p in places:
        lo, hi = max(0, p.start - 40), min(len(text), p.end + 40)
        for m in _COORDINATED.finditer(text, lo, hi):
            s, e = m.start(1), m.end(1)
            if (s, e) in known or any(q.start <= s < q.end for q in places):
                continue
            g = resolve_in_home(text[s:e])
            if g is not None:
                out.append((s, e, g))
                known.add((s, e))
    return out


def no_name(word: str) -> bool:
    """One (normalised) word that cannot be a place's name: a place noun, bare or with its preposition
    ("بولاية"), or a word carrying a plural object pronoun ("قبلهم"، "ديارهما")."""
    if " " in word:
        return False
    nouns = place_nouns()
    return word.endswith(("هم", "هما", "هن")) or word in nouns or word[1:] in nouns or word[2:] in nouns


def listed_on(text: str, start: int) -> bool:
    """A list item after the first goes on the list only as a list item does: after و or a comma, marked
    by a quote or bracket, or definite ("العسة الجميل"); a bare indefinite word (a verb, an adjective)
    means the list is over."""
    before = text[max(0, start - 2):start]
    return before.endswith(("و", "،", ",", "، ", ", ")) or text[start:start + 1] in tuple("\"“”«(") or \
        normalize(text[start:start + 3]).startswith("ال")


def referent(text: str, before: list[P], anaphor: str, sent_start: int) -> list[P]:
    """The place "القرية"، "المدينة" … points back to: the last one its own sentence introduced by that
    noun ("بلدة X جنوب Y … البلدة": X), else the last one named in its own sentence, else the last one
    introduced by that noun, else the last place named before it; of a chain of places that locate one
    another ("X بمحلية Y"، "X جنوب Y"), its first."""
    noun = re.sub(r"^(?:[وبلف]|في )?ال", "", anaphor)              # normalised: "بالقريه" → "قريه"
    introduced = [p for p in before if normalize(text[max(0, p.start - 12):p.start]).rstrip(' "«“(').endswith(noun)]
    pool = [p for p in introduced if p.start >= sent_start] or [p for p in before if p.start >= sent_start] \
        or introduced or before
    k = len(pool) - 1
    while k > 0 and (locates(text, pool[k - 1], pool[k]) or relative_locator(text, pool[k - 1], pool[k])):
        k -= 1                      # "قرية X بمحلية Y في ولاية Z … في المنطقة": X, the chain's most specific
    return pool[k:k + 1]


class _Located(Protocol):
    start: int
    end: int
    name: str | None
    country: str | None
    latitude: float | None
    is_country: bool


L = TypeVar("L", bound=_Located)


def locate_by_anchor(text: str, places: list[L]) -> list[L]:
    """A place followed by a known one that contains it ("كنصفرة في ريف إدلب", "صلاح الدين بالعاصمة
    طرابلس", "X بمنطقة Y") is read in the anchor's country: that country's place of the name when it
    has one; else an unknown name, or a namesake in another country (صلاح الدين is also an Iraqi
    province), takes the anchor's country, admin1 and coordinates, at ACLED precision 2 (`near`). A
    country after it ("X وسط مالي", "X، اليمن") gives its country: the name read there, else kept
    without coordinates (precision 3). Places are event_places.Place (a frozen dataclass)."""
    from dataclasses import replace

    from marsad.extraction.geo import resolve

    out = []
    for k, p in enumerate(places):
        # the last item of the list p opens ("في مناطق X، وY، وZ، جنوب غرب مأرب"): the locator after it
        # locates them all
        last = k
        while last + 1 < len(places) and not places[last + 1].is_country \
                and _JOIN.fullmatch(normalize(text[places[last].end:places[last + 1].start])):
            last += 1
        end = places[last].end
        anchor = next((q for q in places[last + 1:last + 3] if q.latitude is not None and q.start - end < 40
                       and (_LOCATOR_GAP.fullmatch(gap := normalize(text[end:q.start]))
                            or q.is_country and re.fullmatch(r"\s*[،,]\s*", gap))), None)
        if anchor and not p.is_country and (p.latitude is None or p.country != anchor.country):
            g = resolve(p.name, anchor.country) if p.name else None
            if g and g.kind != "country" and g.country == anchor.country:
                p = replace(p, country=g.country, admin1=g.admin1, latitude=g.latitude, longitude=g.longitude)
            elif anchor.is_country:
                p = replace(p, country=anchor.country, admin1=None, latitude=None, longitude=None)
            else:
                # beside the anchor, or a locality of the division it names ("X بقضاء Y"): a place of its
                # own that shares the anchor's coordinates (events key it by name); inside a town ("حي X
                # بمدينة Y") it is that town
                beside = _OWN_PLACE.search(normalize(text[p.end:anchor.start])) is not None
                p = replace(p, country=anchor.country, admin1=anchor.admin1, latitude=anchor.latitude,
                            longitude=anchor.longitude, near=True, beside=beside)
        out.append(p)
    return out


# what lies between a place and the place that contains it: "في"، "بمنطقة"، "جنوب"، "وسط مدينة" …
# ("التابعة لمحافظة"، "الواقعة في"، "ضمن")
_LOCATOR_GAP = re.compile(r"[\s،,\"“”«»]*(?:(?:في|ب|ل|قرب|بالقرب من|وسط|ضمن|التابع\S*|الواقع\S*|جنوب\S*|شمال\S*|شرق\S*|غرب\S*|"
                          rf"ريف|العاصمه|{place_noun_pattern('singular')})\s*)+")
_OWN_PLACE = re.compile(rf"قرب|جنوب|شمال|شرق|غرب|ريف|منطقه|{place_noun_pattern('singular', 'division')}|التابع|الواقع|ضمن")


class _Named(Protocol):
    text: str
    canonical: str | None


def plausible_name(text: str, e: _Named) -> bool:
    """An unresolved LOC mention that can stand for a place: not a common word, an adjective (الليبية),
    a direction (غرب) or a participle (الخاضعة), and long enough to be a name."""
    from marsad.extraction.trigger_lexicon import lexicon
    from marsad.text.lexicons import nisba, not_places, person_names

    norm = normalize(e.canonical or e.text)
    words = norm.split()
    if not words or len(norm.removeprefix("ال")) < 3 or norm in not_places() or norm in person_names():
        return False
    head = words[0]
    if head in lexicon()["relative"] or head in lexicon()["common"] or nisba(head):
        return False
    if len(words) == 1 and head.endswith(("ها", "هم", "هما", "هن")) and head[:1] in "بلكو":
        return False                    # "بأكملها", "لقصفهم": a preposition + noun + pronoun, no name
    # a participle or adjective of the "الخاضعة/المسيطرة" kind is no name: definite, ending in ة/ه after a long stem
    return not (len(words) == 1 and head.startswith("ال") and head.endswith(("ه", "يه", "ين", "ون")))


def read_in_containers(text: str, ents: list) -> None:
    """Geocode a LOC entity followed by the place that contains it ("الخالدية بمحافظة الأنبار"، "بوني
    بمنطقة موبتي"، "X، اليمن") in that place's country: its namesake there when the gazetteers have one,
    else no coordinates at all rather than a namesake abroad. For entities.geocode, which resolves each
    name alone (the event stage reads events the same way: locate_by_anchor)."""
    from marsad.extraction.geo import FAMOUS_POPULATION, resolve
    from marsad.text.lexicons import REGION_POPULATION as REGION

    def is_country(e) -> bool:
        g = resolve(e.canonical or e.text)
        return g is not None and g.kind == "country"

    places = sorted((e for e in ents if e.type == "LOC"), key=lambda e: e.start)
    for k, e in enumerate(places):
        anchor = next((q for q in places[k + 1:k + 3] if q.country and q.start - e.end < 40
                       and (_LOCATOR_GAP.fullmatch(gap := normalize(text[e.end:q.start]))
                            or re.fullmatch(r"\s*[،,]\s*", gap) and is_country(q))), None)
        if anchor is None or not e.country or e.country == anchor.country:
            continue
        g = resolve(e.canonical or e.text, anchor.country)
        if g and g.country != anchor.country and (g.kind != "place" or FAMOUS_POPULATION <= g.population < REGION):
            continue                            # a country, a province, a famous city ("دمشق قرب بيروت"): itself
        if g and g.country == anchor.country:
            e.country, e.admin1, e.latitude, e.longitude = g.country, g.admin1, g.latitude, g.longitude
        else:
            e.country, e.admin1, e.latitude, e.longitude = anchor.country, None, None, None


# words that never continue a place's name: relatives and prepositions ("سوق الخميس | التي تبعد")
NOT_NAME = frozenset(normalize(w) for w in ("التي", "الذي", "اللذين", "اللتين", "الذين", "قرب", "في", "من",
                                             "على", "إلى", "عن", "بين", "شمال", "جنوب", "شرق", "غرب", "جنوبي",
                                             "شمالي", "شرقي", "غربي", "وسط", "بالقرب",
                                             # a complementizer opens a clause ("آمر منطقة X إن القوات …")
                                             "إن", "أن", "بأن", "إنه", "أنه", "إنها", "أنها"))


def for_people(word: str) -> bool:
    """"مخيم للنازحين"، "مأوى للمهجرين" (normalised): ل + a definite plural of people is whom a place is
    for, no place's name."""
    return word.startswith("لل") and word.endswith(("ين", "ون")) and "ا" + word[1:] not in place_names()


def relative_adjective(word: str) -> bool:
    """One indefinite adjective that describes a place ("حي سكني"، "مجمع تجاري"، "مبنى حكومي";
    lexicon/place_adjectives.txt): after a place noun it names no place. A closed list, since many
    names end in ي too."""
    return word in place_adjectives()


def strip_clitic_known(rest: str) -> bool:
    """After ب/ل the rest of a word is a known place, country or direction word ("بكندا"، "بشرق"): a
    preposition's object, no second word of a name."""
    return rest in place_names() or rest in countries() or rest in _TIME or rest in NOT_NAME or \
        rest.startswith(("شرق", "غرب", "شمال", "جنوب", "وسط", "ريف", "محيط"))


def second_word_of_name(text: str, s: int, e: int) -> int | None:
    """Where the second word of a two-word name ends, when text[s:e], after a one-word place that follows
    its place noun, is one ("مدينة بولو بوردي الصومالية"، "قرب بلدة بيلت ويني."): an indefinite word of
    three letters or more, no time, direction, clause word or place noun, before a country's adjective
    agreeing with the place noun (الصومالية) or a comma or full stop; else None."""
    core = text[s:e].rstrip("،,.")
    w = normalize(core)
    if w.startswith(("ال", "و", "بال", "لل")) or w[:1] in "بل" and strip_clitic_known(w[1:]) or len(w) < 3 or w in NOT_NAME or w in _TIME or no_name(w) \
            or not w.isalpha() or w in place_adjectives() or w in countries() or w in place_names():
        return None                     # a known place is a name of its own ("منطقة بشرق أفغانستان،")
    end = s + len(core)
    after = re.match(r"\s*([،,.]|\S+)", text[end:end + 24])
    nxt = normalize(after.group(1)) if after else ""
    if after and (after.group(1) in "،,." or nisba_country(after.group(1)) is not None and nxt.startswith("ال")
                  or nxt == "بان" or nxt[:1] == "و" and place_noun(nxt[1:]) is not None):
        return end                      # "بلدة عدن يابال وقرية …"، "في بلدة X Y بأن …" (not "مدينة X أدت إلى")
    return None


def second_name_word(text: str, words: list[tuple[int, int]], j: int) -> bool:
    """Whether words[j], after a one-word list item joined by و, is the item's second word: an indefinite
    word, no time or place noun, right before what ends or goes on with the list (a comma, جنوبي، في، و…)."""
    if j >= len(words) or text[words[j - 1][1]:words[j - 1][1] + 1] in "،,.":
        return False
    w = normalize(text[words[j][0]:words[j][1]]).strip("،,.")
    if w.startswith(("ال", "و")) or w in NOT_NAME or no_name(w) or w in _TIME or len(w) < 3:
        return False
    after = text[words[j][1]:words[j][1] + 1]
    nxt = normalize(text[words[j + 1][0]:words[j + 1][1]]) if j + 1 < len(words) else ""
    return after in "،,." and after != "" or nxt in NOT_NAME or nxt.startswith("و")


_TIME = frozenset(normalize(w) for w in ("أمس", "اليوم", "صباح", "مساء", "فجر", "ليلة", "ظهر", "منذ", "خلال", "بعد",
                                         "قبل", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                         "الخميس", "الجمعة", "صباحا", "مساء", "ليلا", "فجرا", "ظهرا"))


# a road named by its ends: "طريق دمشق السويداء"، "الطريق الدولي حلب - دمشق"، "أوتوستراد حمص طرطوس"
_ROAD = frozenset(("طريق", "الطريق", "بطريق", "لطريق", "وطريق", "اوتوستراد", "الاوتوستراد", "باوتوستراد"))
_ROAD_KIND = frozenset(("الدولي", "السريع", "الرييسي", "العام", "الصحراوي", "الساحلي"))


def road(before: list[str]) -> bool:
    """The (normalised) words before a run of places name a road ("على طريق X Y"، "الطريق الدولي X - Y"):
    the run is the road's two ends, one stretch of it, not one place each."""
    return bool(before) and (before[-1] in _ROAD or before[-1] in _ROAD_KIND and before[-2:-1] != [] and before[-2] in _ROAD)


def between(before: list[str]) -> bool:
    """The (normalised) words before a run of places end in بين, or بين and a place noun (بين بلدتي X وY):
    the run is one stretch between them, not one place each."""
    return before[-1:] == ["بين"] or before[-2:-1] == ["بين"] and place_noun(before[-1]) is not None
