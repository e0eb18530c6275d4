"""Where an event happened: candidate place mentions in an article and the ones a trigger governs.

Candidates are geocoded LOC entities, facilities (مطار طرابلس الدولي، قاعدة الوطية) and names listed
after a place noun that NER missed (read by `listed_places`). A trigger governs the first
coordinated run of places after it ("قصر بن غشير ووادي الربيع وسوق الخميس" → one event each), else
the nearest one before it in the same clause. A place in an organisation's name (ميليشيات "مصراتة") is not where anything
happened; a country only counts after a locative preposition (في ليبيا).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from marsad.extraction.home_country import (
    actor_votes,
    actors_country_before,
    article_country,
    country_named_before,
    country_votes,
    local_country,
    named_water,
    sea_country,
)
from marsad.extraction.listed_places import (
    RELATIONS,
    list_items,
    list_place,
    listed,
    name_end,
)
from marsad.extraction.org_phrases import is_landmark
from marsad.extraction.place_runs import (
    between,
    coordinated_names,
    listed_on,
    locate_by_anchor,
    locates,
    no_name,
    plausible_name,
    referent,
    relative_locator,
    road,
    run_of,
)
from marsad.extraction.spans import covered
from marsad.extraction.trigger_lexicon import lexicon
from marsad.extraction.triggers import Trigger
from marsad.model import Entity
from marsad.text.arabic import in_vocabulary, normalize, normalize_map, strip_clitics
from marsad.text.lexicons import directions, place_noun_pattern
from marsad.text.lexicons import place_nouns as lx_place_nouns

_FACILITY = re.compile(r"(?<!\w)(?:[وبل]|ال)?((?:مطار|قاعده|معسكر|ميناء)\s+\S+)(?:\s+\S+){0,2}")


@dataclass(frozen=True)
class Place:
    """A place mention an event can be located at (a LOC entity, a facility, a gazetteer name)."""
    start: int
    end: int
    name: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    is_country: bool
    near: bool = False        # located by a nearby known place ("كنصفرة في ريف إدلب"): precision 2
    beside: bool = False      # … that lies beside it ("قيزان جنوب خان يونس"), not inside it ("حي X بمدينة Y")
    in_name: bool = False     # inside an organisation's name (مجلس شورى مجاهدي درنة): evoked, not a location
    landmark: bool = False    # a square, street, mosque … (ساحة الكرامة): used only when no town is named


def candidate_places(text: str, ents: list[Entity]) -> list[Place]:
    """Every place mention an event can be put at, in text order: geocoded LOC entities,
    facilities (قاعدة الوطية), and single names after a place noun that NER missed — in the
    article's own country ("مناطق العسة ورقدالين") or, unresolved, after a singular place noun
    ("منطقة الرملة", kept without coordinates rather than dropped)."""
    from marsad.extraction.geo import foreign_namesake, resolve

    lex, out, taken = lexicon(), [], []
    # how many places lie in each country; the most is the article's (see entities.geocode), and
    # with two or more it is home to a foreign town's namesake (geo.foreign_namesake)
    support, actors_in = country_votes(ents), actor_votes(ents)
    # no place known at all: an unknown one is in the country of the local actors named ("حركة الشباب")
    country = article_country(ents) or local_country(ents)
    namesakes_home = country if support[country] + min(1, actors_in[country]) >= 2 else None  # a home place and actor
    for e in map(_without_relation, ents):
        name = e.canonical or e.text
        if e.type not in ("LOC", "ORG") or e.type == "ORG" and normalize(name).split()[0] not in lex["facilities"]:
            continue
        if normalize(name) in lex["common"] or normalize(name) in lex["toponym"] or no_name(normalize(name)) \
                or normalize(name)[2:] in lex["facilities"] and normalize(name).startswith("ال"):
            continue                            # "وادي" alone is a word, not a place; "المعسكر" refers back
        if re.match(r"لـ|ل[\"«“]", e.text):
            continue                            # "لـ\"العربي الجديد\"": told to a newspaper (tear gas: entities._no_place)
        # "هاجمت جماعة X قاعدة في منطقة Y": an unknown town (or the article's one namesake) is in X's country
        own = e.type == "LOC" and (support[country] <= 1 or not resolve(name, country)) and actors_country_before(text, ents, e.start)
        m = resolve(name, own or country)       # the entity's own geocode, the same preference
        if m and foreign_namesake(m, own or namesakes_home, support[m.country] + country_named_before(text, ents, e, m.country)):
            m = None                            # an event in the article's country, not at a namesake abroad
        if m and m.kind != "country" and named_water(text, e) and (sea := sea_country(text, ents)) not in (None, m.country):
            # a sea named as water is no division of the country that named one after it: the event is at
            # sea, coded to the article's country without coordinates (precision 3)
            out.append(Place(e.start, e.end, name, sea, None, None, None, False))
            taken.append((e.start, e.end))
        elif m:
            out.append(Place(e.start, e.end, name, m.country, m.admin1, m.latitude, m.longitude, m.kind == "country"))
            taken.append((e.start, e.end))
        elif e.type == "LOC" and plausible_name(text, e):
            # a place the gazetteers do not know keeps its words (and the article's country) rather
            # than losing the event; precision 3 says it was not located
            out.append(Place(e.start, e.end, name, own or country, None, None, None, False,
                             landmark=is_landmark(name)))
            taken.append((e.start, e.end))
    out += _places_in_names(ents, country)
    norm, index = normalize_map(text)
    for m in _FACILITY.finditer(norm):                 # "مطار طرابلس الدولي", "قاعدة الوطية الجوية"
        start1, end1 = index[m.start(1)], index[m.end() - 1] + 1
        words = text[start1:end1].split()
        for n in range(len(words), 1, -1):
            g = resolve(" ".join(words[:n]))
            if g and g.kind != "country":
                s0, e0 = start1, start1 + len(" ".join(words[:n]))
                out = [p for p in out if not (s0 <= p.start < e0)]
                out.append(Place(s0, e0, " ".join(words[:n]), g.country, g.admin1, g.latitude, g.longitude, False))
                taken.append((s0, e0))
                break
    home = Counter(p.country for p in out if not p.is_country and not p.in_name).most_common(1)
    home_country = home[0][0] if home else None
    held = covered(len(text), taken)      # offsets inside a place taken above: one lookup, not a scan of all
    pos = 0
    while m := listed().search(norm, pos):
        pos = m.start(1)                        # "ناحية X … بلدة Y": each place noun opens its own list
        noun = normalize(text[index[m.start()]:index[m.start(1)]]).strip()
        if noun.startswith("ال"):
            continue                            # "المنطقة بأكملها": a definite place noun refers back, names nothing
        if noun == "محليه" and not normalize(text[max(0, index[m.start()] - 4):index[m.start()]]).endswith("في "):
            continue                            # "مصادر محلية": an adjective; Sudan's locality is "في/بمحلية X"
        singular = lx_place_nouns().get(noun, lx_place_nouns().get(noun[1:])) == "singular"   # "وبلدة": one clitic
        for n, (s, e) in enumerate(list_items(text, index[m.start(1)], index[m.end(1) - 1] + 1, singular)):
            if n and not (held[s] or listed_on(text, s)):
                break                           # "مدن هندية مظاهرات مماثلة أدت": no و, no name: the list is over
            if held[s] or held[min(s + 1, e)]:     # already a known place ("“X”" too): the list goes on past it
                if singular:
                    break
                continue
            place = list_place(text[s:e], actors_country_before(text, ents, s) or home_country, first=n == 0, singular=singular)
            if place is None or singular and place[3] is None and " " not in place[0] and not name_end(text, e):
                break                           # "بلدة تبعد 40 كيلومترا": a verb, not a name
            out.append(Place(s, e, *place))
            if singular:
                break
    for s, e, g in coordinated_names(text, [p for p in out if p.latitude is not None and not p.is_country], home_country):
        out.append(Place(s, e, text[s:e], g.country, g.admin1, g.latitude, g.longitude, False))
    return locate_by_anchor(text, sorted(out, key=lambda p: p.start))


def _without_relation(e: Entity) -> Entity:
    """A place mention the tagger ran on into the participle relating it to the next ("تل الذهب
    الواقعة في ريف حلب"), without that word."""
    words = e.text.split(" ")
    if e.type != "LOC" or len(words) < 2 or normalize(words[-1]) not in RELATIONS:
        return e
    text = " ".join(words[:-1])
    canonical = " ".join((e.canonical or e.text).split(" ")[:-1]) or text
    return replace(e, text=text, end=e.start + len(text), canonical=canonical)


def _places_in_names(ents: list[Entity], country: str | None) -> list[Place]:
    """The town a known organisation is named after ("مجلس شورى مجاهدي درنة"): no event happens "at"
    it, but "the city" later in the article may refer to it."""
    from marsad.extraction.geo import FAMOUS_POPULATION, resolve

    out = []
    for e in ents:
        words = e.text.split()
        if e.type != "ORG" or not e.actor_id or len(words) < 2:
            continue
        for n in (2, 1):
            tail = " ".join(words[-n:])
            g = resolve(tail, country)
            # a town of the article's country, or one known abroad: not a word that spells a village
            # elsewhere ("حركة الشباب": الشباب is also a hamlet in Iran)
            if g and g.kind != "country" and (g.country == country or g.population >= FAMOUS_POPULATION):
                start = e.end - len(tail)
                out.append(Place(start, e.end, tail, g.country, g.admin1, g.latitude, g.longitude, False, in_name=True))
                break
    return out


def article_place(ents: list[Entity], dateline=None) -> Place | None:
    """Where an event told without a place happened, as far as the article says: its country (the one
    most of its places are in, else the dateline's), at country level. None when no country is known."""
    from marsad.extraction.geo import country_match, resolve

    country = article_country(ents)
    if country is None and dateline is not None:
        g = resolve(dateline.text.strip(" -–،,"))
        country = g.country if g else None
    if country is None:
        return None
    g = country_match(country)
    if g is None:
        return None
    return Place(-1, -1, g.name, country, None, g.latitude, g.longitude, True)


def _institutional(text: str, place: Place) -> bool:
    """A place in an organisation's name or description (ميليشيات "مصراتة"، مجلس النواب في طبرق), or in an
    official's title (مدير ناحية X، محافظ X، رئيس بلدية X)."""
    words = re.sub(r'["«»]', " ", normalize(text[max(0, place.start - 45):place.start])).split()
    before, fired = words[-2:], len(words) > 2 and words[-3] in lexicon()["fired_by"]   # برصاص الشرطة في X: the doer
    # "حاجز للجيش قرب درعا"، "مواقع للقوات شمال X": a direction or nearness locates a site, names no body
    near = " ".join(before) == "بالقرب من" or bool(words) and _near(strip_clitics(words[-1])) \
        or len(before) == 2 and before[1] == "في" and not re.match(r"[وفبك]?(?:ال|لل)", before[0]) \
        and in_vocabulary(before[0], lexicon()["org_heads"]) \
        or len(words) > 2 and words[-1] == "في" and bool(_SITES.intersection(strip_clitics(words[-3])))
    # "وسط تجمع في مقديشو": a gathering, no body; "أمام مبنى البرلمان في بغداد": the building is in the town
    return not fired and not near and (any(in_vocabulary(w, lexicon()["org_heads"]) for w in before) or bool(_TITLE.search(" ".join(before))))


_SITES = frozenset(("مبني", "مقر", "امام", "مدخل", "بوابه", "محيط", "قرب"))
_NEARNESS = frozenset(("قرب", "محيط", "اطراف", "ضواحي"))


def _near(forms: tuple[str, ...]) -> bool:
    """A word of nearness or a compass word (lexicon.directions) among a word's clitic-stripped forms."""
    return not _NEARNESS.isdisjoint(forms) or not directions().isdisjoint(forms)


_TITLE = re.compile(r"(?:^|\s)[وف]?(?:محافظ|قائمقام|(?:مدير|رييس|عمده|قايمقام)\s+(?:ناحيه|بلديه|قضاء|مديريه|منطقه|مدينه))$")


def governed_places(places: list[Place], text: str, trig: Trigger, limit: int, sent_start: int) -> list[Place]:
    """The places a trigger governs; a landmark (ساحة الكرامة، شارع مكة، مخيم …, data/lexicon/landmark_heads.txt)
    gives way to the town it is told with ("في ساحة الشهداء بمدينة طرابلس"), else to the town named in
    the same sentence, as ACLED codes the town (it stays when no town is named)."""
    found = _governed(places, text, trig, limit, sent_start)
    if not any(p.landmark for p in found):
        return found
    towns = [p for p in found if not p.landmark] or [
        p for p in places if sent_start <= p.start < limit and not p.landmark and not p.in_name and not p.is_country][:1]
    return towns or found


def _governed(places: list[Place], text: str, trig: Trigger, limit: int, sent_start: int) -> list[Place]:
    """The places a trigger governs: the first (coordinated) run after it, else the nearest before."""
    usable = [p for p in places if not (p.in_name or _institutional(text, p) or _aside(text, p))
              and (not p.is_country or _locative(text, p))]
    clause = _NEW_CLAUSE.search(normalize(text[trig.end:limit]))     # "غارة …، وفي حين …، فإن … قرب X"
    limit = trig.end + clause.start() if clause else limit
    after = [p for p in usable if trig.end <= p.start < limit and not _adjective_of(text, trig, p)]
    if after:
        run = run_of(text, after)       # "… ووادي الربيع و“سوق الخميس”", "… في ريف إدلب والزكاة"
        local = [p for p in run if not p.is_country]
        if len(local) > 1 and (between(w := normalize(text[max(0, local[0].start - 24):local[0].start]).split()) or road(w)):
            # "على الطريق بين X وY"، "على طريق X Y": one stretch (precision 2), at the end the sentence names before
            told = {p.name for p in usable if sent_start <= p.start < trig.start}
            return ([p for p in local if p.name in told] or local)[:1]
        return local or run
    if m := lexicon()["anaphor"].search(normalize(text[trig.end:limit])):        # "لمواقع بالمدينة"
        return referent(text, [p for p in places if p.end <= trig.start and not p.is_country], m.group(), sent_start)
    before = [p for p in usable if sent_start <= p.start and p.end <= trig.start and not p.is_country]
    while len(before) > 1 and (relative_locator(text, before[-2], before[-1]) or locates(text, before[-2], before[-1])):
        before = before[:-1]                    # "قاعدة عين الأسد الجوية غرب الأنبار", "قرية X بمحلية Y": X
    if before and ("،" in text[before[-1].end:trig.start] or "," in text[before[-1].end:trig.start]):
        if _FRONTED.fullmatch(normalize(text[sent_start:before[-1].start])):
            return before[-1:]                  # "وفي الموصل، انفجرت …": a fronted place frames the sentence
        # across a comma only when the trigger points back ("تصدت لهذا الهجوم")
        demonstrative = r"[لب]?(?:هذا|هذه|ذلك|تلك)"
        if not (re.search(demonstrative + r"\s*$", normalize(text[max(0, trig.start - 12):trig.start]))
                or re.match(r"\s*" + demonstrative + r"(?!\w)", normalize(text[trig.end:trig.end + 10]))):
            return []
    return before[-1:]


# A sentence opening with its place ("وفي الموصل،", "أما في مدينة درنة،", "إلى ذلك، في بلدة X،"):
# Arabic news fronts the locative to frame everything the sentence then reports.
_FRONTED = re.compile(r"[\s\"«(]*(?:(?:الي|علي) ذلك[،,]?\s*|اما\s+|و)?(?:في|ف?في|ب)\s*"
                      rf"(?:(?:{place_noun_pattern('singular')}|العاصمه|ريف)\s+)?")


_NEW_CLAUSE = re.compile(r"[،,]\s*(?:و?في حين|و?فيما|و?بينما|فان|لكن|غير ان|الا ان|في الوقت الذي)(?!\S)")


def _adjective_of(text: str, trig: Trigger, place: Place) -> bool:
    """A one-word, indefinite, nisba-shaped name right after the trigger is its adjective, not where it
    happened: "لغم بحري"، "قصف بحري" (naval), not Khartoum's بحري. The ending as written: ى is no nisba
    ("قصف ديالى")."""
    written = text[place.start:place.end].strip()
    return not text[trig.end:place.start].strip() and " " not in written and written.endswith("ي") \
        and not normalize(written).startswith("ال")


def _aside(text: str, place: Place) -> bool:
    """A place inside a bracketed aside of several words ("تنظيم القاعدة (المحظور في روسيا وعدد من الدول)")
    describes someone; a bracket holding just a name ("قرية (الحارة)") is the name itself."""
    opened = text.rfind("(", max(0, place.start - 60), place.start)
    if opened < 0 or ")" in text[opened:place.start]:
        return False
    closed = text.find(")", place.end, place.end + 80)
    inside = text[opened + 1:closed if closed >= 0 else place.end]
    return len(inside.split()) > 3


def _locative(text: str, place: Place) -> bool:
    """A country is where an event happened only as "في ليبيا" / "بليبيا", not as a subject or neighbour."""
    return normalize(text[max(0, place.start - 3):place.start]).endswith(("في ", "ب"))


def geo_precision(text: str, place: Place) -> int:
    """ACLED's geo_precision: 1 the town itself, 2 beside it or a place it locates ("جنوب مدينة X"), 3 a country or no coordinates."""
    if place.is_country or place.latitude is None:
        return 3
    if place.near:
        return 2
    before = normalize(text[max(0, place.start - 30):place.start]).split()[-3:]
    return 2 if any(in_vocabulary(w, lexicon()["relative"]) or road([w]) for w in before) else 1
