"""An event's fatalities, read from its own stretch of its sentence the way ACLED codes them.

The killed figures (extraction/tolls.casualty_figures; tolls and parts left out) that belong to a
trigger are those after it up to the next trigger, or just before the incident noun they lead to
("مقتل شخصين في غارة …"). Figures joined in one account count different people and add up —
ACLED's fatalities are everyone killed, civilians and combatants alike ("مقتل 10 من قوات النظام
مقابل 12 من الفصائل" = 22); figures that come from another source or an earlier count ("وكانت
حصيلة سابقة …") are alternatives. ACLED: "If source reports differ or a vague estimate is provided,
ACLED uses the most conservative estimate available" (ACLED knowledge base, "Fatalities", 2023–2024),
so the lowest wins, across sentences too (`merge_fatalities`) — except a rising or final count of
this very incident (ارتفع عدد قتلى الهجوم إلى 8), which revises the earlier ones, as ACLED revises
its totals "when better information becomes available". "دون وقوع إصابات" gives 0.

Vague numbers (text/numbers.py, data/numbers.json): the same page: "ACLED codes 10 for 'tens,' 12 for
'dozens,' 100 for 'hundreds'". Arabic says "tens" (عشرات = 10), "hundreds" (مئات = 100), "thousands"
(آلاف = 1000); "a few / several" (بضعة، عدة) are 3, the smallest plural, by the same conservative rule.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

from marsad.extraction.casualty_later import died_later
from marsad.extraction.casualty_scope import Sent
from marsad.extraction.casualty_words import (
    another_incident,
    begins_another,
    casualty_kind,
    casualty_lexicon,
    has_form,
    more_people,
    object_victims,
    two_sides,
)
from marsad.extraction.implied_deaths import assassinated, first_word, pronoun_object
from marsad.extraction.story_actors import new_incident
from marsad.extraction.tolls import Figure, casualty_figures
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, find_triggers, fold_weapons
from marsad.model import Event
from marsad.text.arabic import Sentence, normalize, sentences, strip_clitics, token_words, tokens
from marsad.text.numbers import quantities

_CLAUSES = {"فيما", "بينما", "كما", "حين", "وكما"}      # a new clause about something else
_SAME = (["ذاته"], ["نفسه"], ["ذاتها"], ["نفسها"])        # "في القصف ذاته": the incident told
_WHEN = (["حين"], ["عندما"], ["وحين"], ["وعندما"])        # "… حين تعرضت لإطلاق نار": how the incident told went
_ALSO = {"ايضا", "كذلك", "وكذلك"}                         # "استهدف القصف أيضا …": one more target
_POINTING = ("هذا ", "هذه ", "ذلك ", "تلك ", "لهذا ", "لهذه ", "بهذا ", "بهذه ")


def _between(text: str, a: int, b: int) -> list[str]:
    return [w for w in normalize(text[a:b]).replace("،", " ").split() if w.strip("\"'«»“”()-")]


def _owner(text: str, f: Figure, triggers: list[Trigger], bounds: list[int]) -> int:
    """The incident trigger (an index among `bounds`, the triggers that can start an incident) a
    figure belongs to: the one it leads to ("مقتل شخصين في غارة …"), else the last one before it."""
    after = _led_to(text, f, [triggers[k] for k in bounds])
    if after is not None:
        return bounds[after]
    return max((k for k in bounds if triggers[k].start <= f.start), default=bounds[0] if bounds else 0)


def _led_to(text: str, f: Figure, triggers: list[Trigger]) -> int | None:
    """The trigger (an index into `triggers`) the figure leads to: "مقتل شخصين في غارة …"."""
    after = next((k for k, t in enumerate(triggers) if t.start >= f.end), None)
    if after is not None:
        gap = _between(text, f.end, triggers[after].start)
        joins = casualty_lexicon()["joins"]
        if len(gap) <= 3 and all(any(x in joins for x in strip_clitics(w)) for w in gap):
            return after
    return None


def _figures_in(text: str, start: int, end: int) -> list[Figure]:
    """The casualty figures that start in text[start:end], in text order."""
    figs = casualty_figures(text)                   # in text order
    return figs[bisect_left(figs, start, key=lambda f: f.start):bisect_left(figs, end, key=lambda f: f.start)]


def _killed(text: str, start: int, end: int) -> list[Figure]:
    """The one-incident killed figures of text[start:end] (tolls and parts left out)."""
    return [f for f in _figures_in(text, start, end)
            if f.kind == "killed" and not f.part and not f.scope and not _protested(text, f)]


def _protested(text: str, f: Figure) -> bool:
    """A death a crowd protests ("احتجاجا على مقتل ناشط"، "تنديدا بمقتل"، "مطالبين بمحاسبة قتلة"): the
    protest's cause, not its toll."""
    before = re.split(r"[.؟!؛\n]", normalize(text[max(0, f.start - 30):f.start]))[-1].split()[-3:]
    return any(fits(w, lexicon()["purpose"]) or w.startswith(("تنديدا", "استنكارا")) for w in before)


def event_fatalities(text: str, sent_start: int, sent_end: int, triggers: list[Trigger], k: int
                     ) -> tuple[int | None, str | None]:
    """(fatalities, the words they come from) for triggers[k], one of the triggers of the sentence
    text[sent_start:sent_end]; (None, None) when the text gives no figure for it.

    A trigger that owns no figure takes those of the next figure after it, unless a new clause
    (فيما، كما …) comes between: "تعرضوا لهجوم في سدرة … معلنا عن مقتل جنديين في انفجار السيارة".
    A sentence without any figure takes those of the sentence after or before it when that one
    names no other incident ("… وقالت الوكالة إن الهجومين أسفرا عن مقتل 40")."""
    figs = _killed(text, sent_start, sent_end)
    # a trigger that is the outcome ("مقتل 9 مدنيين") or points back ("تصدت لهذا الهجوم"، "القصف ذاته")
    # starts no incident
    bounds = [i for i, t in enumerate(triggers) if not casualty_kind(first_word(text, t))
              and not normalize(text[max(sent_start, t.start - 8):t.start]).endswith(_POINTING)
              and [w.strip(".،,؛:") for w in _between(text, t.end, t.end + 8)[:1]] not in _SAME]
    owners = [_owner(text, f, triggers, bounds) for f in figs]
    mine = [f for f, o in zip(figs, owners) if o == k]
    if not mine and k and _weapon_of(text, triggers[k - 1], triggers[k]):
        mine = [f for f, o in zip(figs, owners) if o == k - 1]
    if not mine:
        nxt = next((i for i, f in enumerate(figs) if f.start >= triggers[k].start), None)
        if nxt is not None and not _CLAUSES & set(_between(text, triggers[k].end, figs[nxt].start)) \
                and not _elsewhere(text, triggers[k], triggers[owners[nxt]], figs[nxt]):
            mine = [f for f, o in zip(figs, owners) if o == owners[nxt]]
        elif nxt is None and figs and (prev := max(owners)) < k and _retold_here(text, triggers[prev], triggers[k]):
            mine = [f for f, o in zip(figs, owners) if o == prev]
    if mine and not any(f.update for f in mine):
        mine += _revised(text, triggers, k, figs, owners)
    if not figs:
        mine = _next_door(text, sent_start, triggers, trig=triggers[k])
    # an assassination, or the weapon named right after one ("اغتالت طائرة مسيرة …")
    told = [triggers[k - 1]] if k and _close(text, triggers[k - 1], triggers[k]) else []
    # the killing that ends the attack told, by its object pronoun: "هاجموا سيارته وقتلوه"
    then = triggers[k + 1:k + 2] if k + 1 < len(triggers) and triggers[k + 1].event_type == triggers[k].event_type \
        and object_victims(first_word(text, triggers[k + 1])) is not None else []
    for t in ([triggers[k], *told, *then] if not mine else []):
        if killed := pronoun_object(text, t, sent_start) or assassinated(text, t, sent_end):
            return killed
    if not mine:
        if not figs and (zero_casualties(text, triggers[k].start, sent_end)
                         or _next_door(text, sent_start, triggers, zero=True)):
            return 0, None
        return None, None
    value, words = _count(text, mine)
    if k == len(triggers) - 1 and (later := died_later(text, sent_end, value)):
        return later[0], f"{words} + {later[1]}"
    return value, words


def _elsewhere(text: str, trig: Trigger, owner: Trigger, f: Figure) -> bool:
    """The figure's own incident, told after a comma and with a town of its own before the figure, is
    another one: "هاجم مسلحون حاجزا في بلدة X، واندلعت اشتباكات في بلدة Y قتل خلالها ثلاثة" — Y's dead."""
    town = casualty_lexicon()["town"]
    return trig.end <= owner.start < f.start and any(c in text[trig.end:owner.start] for c in "،,") \
        and any(has_form(w, town) for w in _between(text, owner.end, f.start))


def _revised(text: str, triggers: list[Trigger], k: int, figs: list[Figure], owners: list[int]) -> list[Figure]:
    """A rising count of this incident later in its sentence, which names it again: "توفي ثلاثة من جرحى
    الغارة …، لترتفع حصيلة الغارة إلى 12" revises the count (no new clause, فيما …، between)."""
    return [f for f, o in zip(figs, owners) if f.update and o > k and triggers[o].event_type == triggers[k].event_type
            and _definite(text, triggers[o]) and not _CLAUSES & set(_between(text, triggers[k].end, f.start))]


def _retold_here(text: str, prev: Trigger, trig: Trigger) -> bool:
    """`trig` tells again, more precisely, the incident `prev` counted in the same sentence: "وفي هجوم
    آخر، أعلن مصدر مقتل ثلاثة … في انفجار عبوة ناسفة", "… جراء هجوم انتحاري بحزام ناسف أعقبه انفجار
    سيارة مفخخة" — no new clause (فيما، ، و…) between, and not "another" one or one joined by و."""
    gap = normalize(text[prev.end:trig.start])
    joined = (gap.split()[-1:] or [""])[0].startswith("و") or first_word(text, trig).startswith("و")
    return not _CLAUSES & set(gap.split()) and not re.search(r"[،,؛.]\s*و", gap) and not _told_as_another(text, trig) \
        and not joined


def _weapon_of(text: str, prev: Trigger, trig: Trigger) -> bool:
    """`trig` names the weapon of the incident `prev` tells, a few words on with no comma or new
    clause between: "استشهاد مواطن نتيجة قصف إسرائيلي من طائرة مسيرة", "هجوم مسلح بعبوة ناسفة"."""
    return prev.event_type == trig.event_type and _close(text, prev, trig)


def _close(text: str, prev: Trigger, trig: Trigger) -> bool:
    """At most three words between two triggers, and no comma or new clause."""
    gap = text[prev.end:trig.start]
    return len(gap.split()) <= 3 and not any(c in gap for c in "،,.؛:") and not _CLAUSES & set(normalize(gap).split())


def _definite(text: str, trig: Trigger) -> bool:
    """The incident noun is definite, by the article or by the definite noun it is annexed to
    ("الانفجار", "انفجار السيارة"): an incident already told."""
    words = normalize(text[trig.start:trig.end + 30]).split()[:2]
    return any(f.startswith("ال") and f not in ("الي", "الا") for w in words for f in strip_clitics(w)[:2])


def _refers(text: str, start: int, trig: Trigger) -> bool:
    """The trigger names an incident already told: "الهجوم", "بالقصف", "لهذا الهجوم", "مقتل 5", or
    strikes a place already told: "اقتحموا المدينة", "هاجموا القرية" (the town noun alone, with the article),
    or tells when it happened ("… حين تعرضت لإطلاق نار");
    not a killing whose armed doer is named ("قتل مسلحون مجهولون شابين": an incident of its own)."""
    first = first_word(text, trig)
    lead = normalize(text[max(start, trig.start - 8):trig.start])
    return (casualty_kind(first) is not None and trig.flag != "doer" or any(w.startswith("ال") for w in strip_clitics(first)[1:] + (first,))
            or lead.endswith(_POINTING) or _told_place(text, trig) or lead.split()[-1:] in _WHEN)


def _told_place(text: str, trig: Trigger) -> bool:
    after = [w for w in normalize(text[trig.end:trig.end + 30]).split()[:3] if w not in casualty_lexicon()["joins"]][:1]
    return any(f.startswith("ال") and f[2:] in casualty_lexicon()["town"] for w in after for f in strip_clitics(w))


def _next_door(text: str, start: int, triggers: list[Trigger], zero: bool = False,
               trig: Trigger | None = None) -> list[Figure] | bool:
    """Figures for a sentence without any, told around it about the same incident: in the sentence
    after, when every incident it names points back ("… وقالت الوكالة إن الهجومين أسفرا عن مقتل
    40"); or before, up to two sentences back with no incident of their own between, when every
    incident this sentence names points back ("قتل 40 … . وأفادت مصادر أن الهجوم نفذته مسيرة في …").
    With `zero`: whether that sentence says no one was killed ("مبينا أن القصف لم يوقع أي ضحايا")."""
    sents = sentences(text)
    i = bisect_left(sents, start, key=lambda s: s.start)
    if i >= len(sents) or sents[i].start != start:
        return False if zero else []

    def told(s: Sentence) -> list[Figure] | bool:
        # a vague count of thousands ("بعد أن قتل عشرات الآلاف") told apart from the incident is a war's dead
        figs = [f for f in _killed(text, s.start, s.end) if not (f.approximate and f.value >= 1000)]
        return zero_casualties(text, s.start, s.end) and not figs if zero else figs

    def refer(s: Sentence, trigs: list[Trigger]) -> bool:
        return all(_refers(text, s.start, t) for t in trigs)

    if not zero and trig is not None and i + 1 < len(sents) and (back := _summed_back(text, sents[i], sents[i + 1], trig)):
        return back
    if i + 1 < len(sents) and (found := told(sents[i + 1])):
        after = _triggers(text, sents[i + 1])
        if refer(sents[i + 1], after):
            return found
        if zero or trig is None:
            return False if zero else []
        # "… معلنا عن مقتل جنديين في انفجار السيارة المفخخة": these dead are the told incident's
        tied = [f for f in found if (t := _led_to(text, f, after)) is not None
                and after[t].event_type == trig.event_type and _definite(text, after[t])]
        if tied:
            return tied
        # "قتل وجرح العديد من … في هجوم … . وأفاد مراسل أن 13 عنصرا قتلوا إثر هجوم …": a lead that
        # tells deaths without a number, then a report of the same kind of incident that counts them
        if _uncounted(text, sents[i]) and _retold(sents[i + 1]) and all(
                t.event_type == trig.event_type for t in after):
            return found
    # "والقصف استهدف أيضا مخيم X": the incident told before, at another target, is no retelling of its dead
    also = not _ALSO.isdisjoint(token_words(text, sents[i].start, sents[i].end))
    # "وفي تطور آخر، اختطف مسلحون ثلاثة معلمين": a roundup's next incident takes no dead from the one before
    if not also and not new_incident(text, sents[i].start) and (
            refer(sents[i], triggers) or _victims_told(text, sents[i]) or _retells(text, sents[i].start, triggers)):
        for j in (i - 1, i - 2):
            if j < 0:
                break
            if found := told(sents[j]):
                return found
            if _triggers(text, sents[j]) and not _reported(text, sents[j]):
                break                                   # another incident comes between
    return False if zero else []


def _summed_back(text: str, s: Sentence, nxt: Sentence, trig: Trigger) -> list[Figure]:
    """"شن الطيران غارات على بلدة X. وأسفرت الغارات عن مقتل 5": the definite plural (الغارات) points back
    to the strikes just told on one town, whose dead these are, not to a sum over other incidents (ACLED:
    a day's strikes on one place are one event); only when every incident of that sentence points back."""
    figs = [f for f in _figures_in(text, nxt.start, nxt.end) if f.kind == "killed" and not f.part and not f.update]
    lex = casualty_lexicon()
    if not figs or not all(f.scope and normalize(f.scope).startswith(("ال", "وال", "بال"))
                           and has_form(normalize(f.scope), lex["events"]) for f in figs):
        return []
    after = _triggers(text, nxt)
    if not after or not all(t.event_type == trig.event_type and _refers(text, nxt.start, t) for t in after
                            if not casualty_kind(first_word(text, t))):
        return []
    here = Sent(text, s)
    towns = [i for i, w in enumerate(here.words) if has_form(w, lex["town"])]
    return figs if len(towns) == 1 and here._clause_cues(here.clause[towns[0]])["one_town"] else []


def _retells(text: str, start: int, triggers: list[Trigger]) -> bool:
    """The sentence opens on the incident told before and only describes it: "إن الهجوم وقع أمس
    عندما تعرضت دورية لكمين …" — its first incident points back, the others are of its kind and
    none is another one (هجوم آخر، هجوم ثان)."""
    if not triggers or not _refers(text, start, triggers[0]):
        return False
    return all(t.event_type == triggers[0].event_type and not _told_as_another(text, t) for t in triggers[1:])


def _reported(text: str, s: Sentence) -> bool:
    """A source's account of how the incident went, with no count, no other incident and no town named:
    "وأوضح المصدر أن مسلحين هاجموا القوة وأطلقوا قذائف عليها" between the count and "… قتل في الهجوم"
    (not "… هاجموا حاجزا آخر في بلدة X")."""
    words = normalize(s.text).split()
    town = casualty_lexicon()["town"]
    return _retold(s) and not any(another_incident(w) or any(f in town for f in strip_clitics(w)) for w in words)


def _told_as_another(text: str, trig: Trigger) -> bool:
    """The incident noun's own adjective says it is another one: "هجوم آخر", "هجوما جديدا"."""
    return any(begins_another(w) for w in normalize(text[trig.end:trig.end + 12]).split()[:1])


def _uncounted(text: str, s: Sentence) -> bool:
    """The sentence tells deaths without a number: "قتل وجرح العديد من …", "مقتل عدد من …" (and no
    toll either: "قتل 300 منذ بداية العام" counts them)."""
    if any(f.kind == "killed" for f in _figures_in(text, s.start, s.end)):
        return False
    return any(casualty_kind(normalize(t.text)) == "killed" for t in tokens(text, s.start, s.end))


def _retold(s: Sentence) -> bool:
    """The sentence opens with a report of what was said (وأفاد، وقال، وبحسب …): the same incident retold."""
    first = normalize(s.text).split()[:1]
    return bool(first) and any(x in casualty_lexicon()["alternative"] for x in strip_clitics(first[0]))


def _victims_told(text: str, s: Sentence) -> bool:
    """The sentence names dead already counted: "هؤلاء قضوا في …", "الضحايا سقطوا في …", "مقتلهم"."""
    words = [normalize(t.text) for t in tokens(text, s.start, s.end)]
    pointing = casualty_lexicon()["victims"]
    return any(w in pointing and any(casualty_kind(x) == "killed" for x in words[i:i + 3])
               for i, w in enumerate(words))


@lru_cache(maxsize=64)                  # each trigger of a sentence looks at the same neighbours
def _triggers(text: str, s: Sentence) -> list[Trigger]:
    return fold_weapons(text, find_triggers(text, s.start, s.end))


def _count(text: str, mine: list[Figure]) -> tuple[int, str]:
    """Figures joined in one account add up; separate accounts are alternatives, the lowest wins;
    a rising or final count of the incident replaces the others."""
    if any(f.update for f in mine):
        mine = [f for f in mine if f.update]
    alternative = casualty_lexicon()["alternative"]
    accounts: list[list[Figure]] = [[mine[0]]]
    for prev, f in pairwise(mine):
        between = _between(text, prev.end, f.start)
        apart = any(any(x in alternative for x in strip_clitics(w)) for w in between) \
            and not two_sides(text, prev.start, prev.end, f.start, f.end, between)    # "…، فيما قتل 4 من المهاجمين"
        more = more_people(normalize(f.text).split()[-1])  # "… وشخصين آخرين": more dead, never the same
        if not more and (apart or f.value == prev.value):
            accounts.append([f])                          # another account of the same dead
        else:
            accounts[-1].append(f)                        # more people in the same account
    best = min(accounts, key=lambda a: sum(f.value for f in a))
    return sum(f.value for f in best), " + ".join(f.text for f in best)


def _numeric(words: str | None) -> bool:
    return bool(words and quantities(words))


def merge_fatalities(kept: Event, new: Event) -> tuple[int | None, str | None]:
    """Fatalities of one event told twice: a rising or final count of it wins, then a number over a
    person named alone, else the lowest credible figure (a count beats "no casualties" told elsewhere)."""
    if new.fatalities is None:
        return kept.fatalities, kept.fatalities_text
    if kept.fatalities is None:
        return new.fatalities, new.fatalities_text
    kept_up, new_up = tells_update(kept.evidence.text), tells_update(new.evidence.text)
    if kept_up != new_up:
        return (new.fatalities, new.fatalities_text) if new_up else (kept.fatalities, kept.fatalities_text)
    # "قتل قيادي" then "مقتل 3 أشخاص": one person named is no count of all
    kept_n, new_n = _numeric(kept.fatalities_text), _numeric(new.fatalities_text)
    if kept_n != new_n:
        return (new.fatalities, new.fatalities_text) if new_n else (kept.fatalities, kept.fatalities_text)
    pick = max if 0 in (kept.fatalities, new.fatalities) else min
    chosen = pick((kept, new), key=lambda e: e.fatalities)
    return chosen.fatalities, chosen.fatalities_text


def zero_casualties(text: str, start: int, end: int) -> bool:
    """"دون وقوع إصابات", "لم يوقع أي ضحايا", "ولم ترد أنباء عن وقوع ضحايا", "دون خسائر بشرية": the
    text says no one was hurt — a negator, then within six words a casualty noun without the article
    ("لم يتم التعرف على هوية الضحايا" is about victims there were)."""
    lex = casualty_lexicon()
    words = [normalize(t.text) for t in tokens(text, start, end)]

    def casualty(i: int) -> bool:
        pair = " ".join(words[i:i + 2])
        article = words[i].startswith(("ال", "لل")) or any(f.startswith("ال") for f in strip_clitics(words[i])[1:2])
        return pair in lex["zero_nouns"] or not article and has_form(words[i], lex["zero_nouns"])
    return any(has_form(w, lex["zero_neg"]) and any(casualty(j) for j in range(i + 1, min(len(words), i + 7)))
               for i, w in enumerate(words))


@lru_cache(maxsize=256)
def tells_update(sentence: str) -> bool:
    """The sentence gives a rising or final count of one incident (ارتفع عدد قتلى الهجوم إلى 8)."""
    s = Sent(sentence, Sentence(0, len(sentence), sentence))
    return s.final or any(one for _, _, one, _ in s.rising)
