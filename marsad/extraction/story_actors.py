"""The doer of an event whose own sentence names none, from the story around it.

News tells an attack over several sentences: "قتل 3 في هجوم بمقديشو. وتبنت حركة الشباب الهجوم";
"وأوضح المصدر أن مجموعة مسلحة هاجمت القوة. … وأشار إلى أن الضابط لقي حتفه في الهجوم". ACLED codes
every event with an actor1 (at worst an unidentified armed group), so an event left without one takes,
in this order: the armed group that claims responsibility anywhere in the article, else the armed
actor named in the sentence before it, the one after it, then two sentences away. Only armed actors
(the dictionary's armed kinds, armed-group phrases) are taken. A protest's actor1 is its protesters.
This runs on the events already found, so it never decides whether an event exists.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.event_actors import (
    actor_in,
    armed_actor,
    candidates,
    named,
    protesters,
)
from marsad.extraction.stated_doers import CLAIMED
from marsad.extraction.support_verbs import national_forces
from marsad.extraction.trigger_context import denies
from marsad.extraction.triggers import find_triggers
from marsad.model import Entity, Event
from marsad.text.arabic import normalize, normalize_map, sentences

# "وتبنت حركة الشباب الهجوم", "تبنى تنظيم الدولة التفجير": to adopt an attack is to claim it
_ADOPTED = re.compile(r"(?<!\w)[وف]?(?:تبنت|تبني)\s+")
REACH = 2                    # sentences either side searched for a doer


def fill_story_actors(text: str, ents: list[Entity], events: list[Event]) -> None:
    """Give each event without actor1 the armed actor its story names (see the module docstring);
    a protest's or a riot's actor1 is its protesters."""
    for e in events:
        if e.event_type in ("Protests", "Riots") and e.evidence is not None:
            _protest_sides(text, e)
    sents = sentences(text)
    claims = _claims(text, ents) if _CLAIM_WORDS.search(text) else []
    for e in events if claims else ():
        if e.event_type not in ("Protests", "Riots") and e.evidence is not None:
            _claimed_nearby(text, sents, claims, e)
    # a protest's or riot's doer is its crowd, never an armed body its story names (ACLED: protesters,
    # rioters): "… دون أن تتدخل القوات الحكومية" is no doer of the strike it follows
    missing = [e for e in events if e.actor1 is None and e.evidence is not None
               and e.event_type not in ("Protests", "Riots")]
    for e in missing:
        # the event's own target (its actor2: "غارات على مواقع تابعة لجماعة X") is never its doer; nor is a
        # claim told across the opener of another incident ("إلى ذلك، قتل عنصران … . وتبنى التنظيم الهجوم"
        # claims the attack after إلى ذلك, not the clash told before it)
        claimed = next((c for c, at in claims if c != e.actor2 and not _across(text, sents, e.evidence.start, at)), None)
        found = claimed or _armed_nearby(text, ents, sents, e.evidence.start, e.actor2)
        e.actor1 = None if _same_side(found, e.actor2) else _at_home(found, e.country)


# cheap gate on the raw text before any claim is read: "تبنى/تبنت"، "مسؤوليته/المسئولية" (not "مسؤولين")
_CLAIM_WORDS = re.compile(r"تبن|مسؤوليت|مسئوليت|مسووليت|المسؤولية|المسئولية")
# an actor that names nobody: ACLED's unidentified armed group, which a claim told of its attack names
_UNIDENTIFIED = frozenset(normalize(w) for w in ("مسلحون", "مسلحين", "المسلحون", "المسلحين", "مسلحون مجهولون",
                                                  "مسلحين مجهولين", "مجهولون", "مجهولين", "مسلحون ملثمون"))


def _claimed_nearby(text: str, sents: tuple, claims: list[tuple[str, int]], e: Event) -> None:
    """A claim of responsibility told in the event's sentence or up to REACH sentences around it, with
    no other incident opened between ("قتل عنصران بهجوم شنه مسلحون … . وتبنى تنظيم X الهجوم"): the
    claimant is who claims the event when no source does, and its doer when the event names none or
    only unidentified gunmen."""
    if not sents:
        return
    i = _index(sents, e.evidence.start)
    lo, hi = sents[max(0, i - REACH)].start, sents[min(len(sents) - 1, i + REACH)].end
    for claimant, at in sorted(claims, key=lambda c: abs(c[1] - e.evidence.start)):
        if lo <= at < hi and claimant != e.actor2 and not _across(text, sents, e.evidence.start, at):
            e.claimed_by = e.claimed_by or claimant
            if e.actor1 is None or normalize(e.actor1) in _UNIDENTIFIED:
                e.actor1 = claimant
            return


def _across(text: str, sents: tuple, a: int, b: int) -> bool:
    """Whether a sentence after the earlier of offsets a and b, up to the later, opens another incident."""
    lo, hi = min(a, b), max(a, b)
    return any(new_incident(text, sents[k].start) for k in range(_index(sents, lo) + 1, _index(sents, hi) + 1))


_STARTS: list = [None, None]        # the last article's sentences and their starts


def _index(sents: tuple, at: int) -> int:
    """The index of the sentence holding offset `at` (by bisection on their starts)."""
    from bisect import bisect_right

    if _STARTS[0] is not sents:
        _STARTS[:] = [sents, [s.start for s in sents]]
    return max(0, bisect_right(_STARTS[1], at) - 1)


def _claims(text: str, ents: list[Entity]) -> list[tuple[str, int]]:
    """The armed groups the article says claim an attack, each with where its claim is told: "أعلنت
    X مسؤوليتها" first, then "تبنى X"."""
    out = []
    norm, index = normalize_map(text)
    for pattern in (CLAIMED, _ADOPTED):
        for m in pattern.finditer(norm):
            s0 = index[m.start(1)] if m.groups() else index[m.end()] if m.end() < len(index) else len(text)
            e0 = index[m.end(1) - 1] + 1 if m.groups() else min(len(text), s0 + 12)
            found = armed_actor(actor_in(text, ents, s0, e0, last=False))
            if found:
                out.append((found, s0))
    return out


def _armed_nearby(text: str, ents: list[Entity], sents: tuple, start: int, target: str | None = None) -> str | None:
    """The armed actor of the nearest sentence around the one at `start` that names one: one sentence
    before, one after, then two away (REACH), each read like a trigger's own actors (candidates:
    dictionary names and armed-group phrases). Not events._armed_before, which runs while the event is
    built, before its sub-type is chosen, and reads only the sentence before in the same paragraph and
    only dictionary names: a doer close enough to type the event ("قصف" by an air force), where this
    one, run on finished events, only fills actor1."""
    i = next((k for k, s in enumerate(sents) if s.start <= start < s.end), None)
    if i is None:
        return None
    # not across a sentence that opens another incident ("وفي حادث آخر، …"): the event's own, or one between
    for d in range(1, REACH + 1):
        for k in (i - d, i + d):
            if not 0 <= k < len(sents) or any(new_incident(text, sents[j].start)
                                              for j in range(min(i, k) + 1, max(i, k) + 1)):
                continue
            if not any(map(denies, normalize(sents[k].text).split())):
                # the first armed actor: a report names its doer before its target; a body that denies a
                # part in the event ("نفى متحدث باسم التحالف أي دور لقواته") is no doer by the story
                for c in candidates(text, ents, sents[k].start, sents[k].end, last=True):
                    found = armed_actor(named(c))
                    if found and found != target:
                        return found
                found = _by_nationality(text, sents[k])          # "يأتي هذا القصف الإسرائيلي الجديد عقب …"
                if found and found != target:
                    return found
    return None


def _by_nationality(text: str, sent) -> str | None:
    """The forces a nationality on an attack the sentence tells names ("القصف الإسرائيلي"، "غارات
    أمريكية"): read by the triggers' own adjectives, as an event's actor is (support_verbs.national_forces)."""
    return next((found for t in find_triggers(text, sent.start, sent.end)
                 if (found := armed_actor(national_forces(text, t, sent.end, subject=False))) is not None), None)


def new_incident(text: str, start: int) -> bool:
    """Whether the sentence at `start` opens with another incident ("وفي حادث آخر،"، "وفي سياق منفصل،",
    data/lexicon/actor_nouns.tsv role new_incident): its events are not those of the sentences before."""
    head = normalize(text[start:start + 40])
    if _NEW_INCIDENT().match(head):
        return True
    # a roundup moving to another place, fronted before a comma ("وفي تعز،"، "وفي بوركينا فاسو المجاورة،"),
    # one the sentences before do not name: "وفي الفاشر، قتل …" after a report from الفاشر goes on with it
    m = _FRONTED_PLACE.match(head) if start and ("،" in head or "," in head) else None
    if m is None or _told_before(m.group(1).split()[0], normalize(text[max(0, start - _BEFORE):start])):
        return False
    from marsad.extraction.geo import resolve
    from marsad.extraction.trigger_lexicon import lexicon

    words = m.group(1).split()
    if words[0] in lexicon()["common"] or words[0] in _TIMES:
        return False                # "وفي بيان،"، "وفي الليل،": a word that a small town abroad is also called
    return any(resolve(" ".join(words[:n])) for n in (2, 1) if n <= len(words))


_BEFORE = 400       # characters before a fronted place in which the story may have named it


def _told_before(word: str, before: str) -> bool:
    """Whether the story before names `word` other than as its dateline ("مقديشو (وكالة) -" at a line's
    start is where the report was filed, not an incident there: "وفي مقديشو، قتل …" opens another one)."""
    return any(not re.match(r"\s*(?:\(|[-–—:])", before[m.end():]) or (m.start() and before[m.start() - 1] != "\n")
               for m in re.finditer(re.escape(word), before))


_TIMES = frozenset(("الليل", "الليله", "المساء", "الصباح", "النهار", "اليوم", "الاثناء", "المقابل", "الوقت"))


_FRONTED_PLACE = re.compile(r"[\s\"«(]*و(?:في|ب)\s+(?:(?:مدينه|محافظه|ولايه|بلده|اقليم|منطقه|ريف|قضاء|مديريه|ناحيه|قريه|مخيم)\s+)?"
                            r"([^\s،,]+(?:\s+[^\s،,]+){0,2})\s*[،,]")


@lru_cache(maxsize=1)
def _NEW_INCIDENT() -> re.Pattern:
    from marsad.text import lexicons as lx

    phrases = sorted({normalize(r["word"]) for r in lx.table("actor_nouns.tsv") if r["role"] == "new_incident"},
                     key=len, reverse=True)
    return re.compile(r"[\s\"«(]*[وف]?(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def _at_home(name: str | None, country: str | None) -> str | None:
    """A guess from the story keeps only a group of the event's own country: a Syrian command named by
    a common phrase ("لإدارة العمليات العسكرية") in a Sudanese report is that phrase, not the doer.
    State forces and coalitions of states (التحالف العربي) act abroad (air strikes, deployments), so they pass."""
    from marsad.extraction.geo import english_names
    from marsad.text.actor_dictionary import actors

    known = actors().lookup(name) if name else None
    if known is None or known.kind in ("state_force", "police") or known.kind == "coalition" and known.inter == 1 \
            or known.country == "XX" or not country:
        return name
    return name if english_names().get(known.country) == country else None


def _protest_sides(text: str, e: Event) -> None:
    """ACLED: the protesters are a protest's actor1 ("المحتجون"), a force facing them its actor2
    ("تفريق قوات الأمن للمحتجين"). Set on events already found: a protester noun is part of telling a
    protest, not evidence that one took place. What the crowd protests against ("احتجاجا على انقطاع
    التيار الكهربائي"، "ضد قرار الحكومة") is no side: actor2 is kept only when it is a force; a body
    named beside a protest with no protesters named is its organiser, actor1 ("نظم التجمع الشبابي وقفة")."""
    found = protesters(text, e.evidence.start, e.evidence.end)
    if found and found != e.actor1:
        e.actor1, e.actor2 = found, e.actor2 or e.actor1
    if e.actor2 and _demanded(e.evidence.text, e.actor2):
        e.actor2 = None         # "مطالبين بخروج القوات الحكومية": what the crowd wants, not who faced it
    if e.actor2 and armed_actor(e.actor2) is None and not _POLICE.search(normalize(e.actor2)):
        e.actor1, e.actor2 = e.actor1 or e.actor2, None


# police and security forces, which face protesters but are no armed group ("شرطة الحكومة"، "الأمن المركزي")
_POLICE = re.compile(r"(?<!\w)(?:[وبل]?ال|لل)?(?:شرطه|امن|درك|حرس|جنود|عسكر|مكافحه الشغب)")


def _demanded(sentence: str, name: str) -> bool:
    """Whether every mention of `name` in a protest's sentence is what its crowd wants or protests, within
    three words after a word of its purpose (data/events.json, purpose: مطالبين بخروج X، احتجاجا على
    ممارسات X، رفضا لوجود X)."""
    from marsad.extraction.trigger_lexicon import fits, lexicon

    norm, key = normalize(sentence), normalize(name)
    spots = [m.start() for m in re.finditer(re.escape(key), norm)]
    return bool(spots) and all(any(fits(w, lexicon()["purpose"]) for w in norm[:at].split()[-3:]) for at in spots)


def _same_side(doer: str | None, target: str | None) -> bool:
    """Whether a doer the story names and an event's target belong to one state (actor dictionary: the
    same actor at the head of their affiliations, جهاز مكافحة الإرهاب and الجيش العراقي under the Iraqi
    government): a bomb on an army patrol is not the work of its own state's forces named nearby."""
    from marsad.text.actor_dictionary import actors

    book = actors()
    a, b = book.lookup(doer), book.lookup(target)
    return a is not None and b is not None and book.top(a).id == book.top(b).id
