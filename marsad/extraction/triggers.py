"""Event triggers: the phrases of data/events.json that name an ACLED event type and sub-type,
found in a sentence, and folded as ACLED codes the triggers of one sentence together.

The phrases are compiled once (extraction/trigger_lexicon), so matching stays a set lookup per word;
at one word the rule written first in the file wins, which is why specific phrases precede general
ones there. Whether a mention reports an event that happened is extraction/trigger_context's question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.extraction.trigger_lexicon import (
    GAP,
    fits,
    lexicon,
    verbal_forms,
)
from marsad.extraction.trigger_lexicon import (
    MAX_GAP as _GAP,
)
from marsad.text.arabic import (
    in_vocabulary,
    normalize,
    sentence_at,
    strip_clitics,
    tokens,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    event_type: str
    sub_event_type: str
    flag: str = ""          # how context decides it: weak, weapon, crowd, gather, context, clash, attack
                            # (data/events.json, _morphology)


@lru_cache(maxsize=64)        # a sentence's words are read again for each of its triggers
def sentence_words(text: str, start: int, end: int) -> tuple[tuple, tuple[str, ...]]:
    toks = tuple(t for t in tokens(text, start, end) if any(ch.isalpha() for ch in t.text))
    return toks, tuple(normalize(t.text) for t in toks)


def _match_rest(words: list[str], i: int, slots) -> int | None:
    """Index of the last word of a rule whose first word is words[i], or None."""
    j, room = i, 0
    for slot in slots:
        if slot is GAP:
            room = _GAP
            continue
        if not room:            # the next word, or no match
            if j + 1 < len(words) and fits(words[j + 1], slot):
                j += 1
                continue
            return None
        # a gap's day phrase is free: "استشهد شاب فلسطيني، فجر اليوم الأحد، برصاص" (up to _DAY_FREE words)
        k, last, free, j = j + 1, j + 1 + room, 0, None
        while k <= last and k < len(words):
            if fits(words[k], slot):
                j = k
                break
            if free < _DAY_FREE and words[k] in _DAY_WORDS:
                free, last = free + 1, last + 1
            k += 1
        if j is None:
            return None
        room = 0
    return j


_DAY_FREE = 4
_DAY_WORDS = frozenset(("اليوم", "امس", "فجر", "صباح", "مساء", "ليله", "ظهر", "عصر", "الليله", "الاحد", "الاثنين",
                        "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الماضي", "الماضيه"))


# Words after which a bare verb form starts its clause: "خطف مسلحون …" is the verb, "تكرار خطف
# الصحفيين" the noun spelt the same way.
_OPENERS = frozenset({"قد", "لقد", "وقد", "فقد", "الذي", "التي", "الذين", "اللذين", "اللتين", "ثم", "حيث", "عندما",
                      "بعدما", "حين", "حينما", "كما", "فيما", "بينما", "اذ", "لما", "وعندما", "وحين", "وبينما"})


_PREPOSITIONS = frozenset({"في", "خلال", "اثناء", "من", "الي", "علي", "عن", "مع", "حول", "لدي"})


def _opens_clause(text: str, toks, words: list[str], i: int) -> bool:
    if i == 0 or words[i - 1] in _OPENERS:
        return True
    return any(ch in "،,:;«\"(-–" for ch in text[toks[i - 1].end:toks[i].start])


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], left to right; at one word the rule written
    first in data/events.json wins (specific phrases are listed before general ones)."""
    lex = lexicon()
    toks, words = sentence_words(text, start, end)
    out, i = [], 0
    while i < len(toks):
        # no verb follows a preposition: "أثناء تجمع في عمان" is a gathering's noun, not تجمع+ (gathered)
        verbal = [] if i and words[i - 1] in _PREPOSITIONS else \
            [f for f in verbal_forms(words[i]) if f not in lex["homographs"] or _opens_clause(text, toks, words, i)]
        candidates = {n for f in verbal for n in lex["by_verbal"].get(f, ())}
        candidates.update(n for f in strip_clitics(words[i]) for n in lex["by_nominal"].get(f, ()))
        best = None
        for n in sorted(candidates):
            rest, etype, sub, flag = lex["rules"][n]
            last = _match_rest(words, i, rest)
            if last is not None:
                best = (last, etype, sub, flag)
                break
        if best is None:
            i += 1
            continue
        last, etype, sub, flag = best
        if flag == "claimed" and impersonal(text, toks[i].start, toks[last].end):
            i += 1          # "أعلن أنه قتل 5 جنود برصاص …": the passive, which the rules at قتل read
            continue
        if _in_name(text, start, end, toks[i].start, toks[i].end, etype):
            i += 1
            continue
        out.append(Trigger(toks[i].start, toks[last].end, etype, sub, flag))
        i = last + 1
    return out


def impersonal(text: str, start: int, end: int) -> bool:
    """"أعلن الجيش أنه قتل 12 مسلحا" tells the claimant's killing; "أعلن أنه قتل 12 جنديا في هجوم" the
    impersonal passive, written the same (data/events.json, claimed_kills): أنه قتل is active only when
    armed enemies are killed and no cause of death follows in the clause; another pronoun must agree
    with its verb (أنها قتلت، أنهم قتلوا)."""
    lex = lexicon()
    own = normalize(text[start:end]).split()
    pronoun = next((f for f in (own[0], own[0][1:]) if f in lex["pronoun_verbs"]), None)
    verb = own[-1][1:] if own[-1][:1] in "وف" and len(own[-1]) > 4 else own[-1]
    if pronoun is None or verb not in lex["pronoun_verbs"][pronoun]:
        return True         # "أنه قتلت امرأة": a passive agreeing with what follows
    if pronoun != "انه":
        return False
    clause = re.split(r"[،,.؛:؟?!]", text[end:end + 80])[0]
    words = normalize(clause).split()
    return not any(fits(w, lex["enemies"]) for w in words[:4]) or any(fits(w, lex["causes"]) for w in words)


@lru_cache(maxsize=64)
def _names(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    from marsad.text.actor_dictionary import actors

    return tuple((m.start, m.end) for m in actors().find_between(text, start, end))


def _in_name(text: str, start: int, end: int, w_start: int, w_end: int, etype: str) -> bool:
    """A trigger word that is part of a known actor's name (marsad.text.actor_dictionary): "هيئة تحرير
    الشام"، "الحركة الشعبية لتحرير السودان"، "قوة الأمم المتحدة لمراقبة فض الاشتباك" name a body, not
    an act. A name that opens with a weapon (سلاح الجو، الطيران الحربي، مدفعية الاحتلال) still tells it:
    the force is named by what it strikes with."""
    for n_start, n_end in _names(text, start, end):
        if n_start < w_end and w_start < n_end:
            return w_start > n_start or etype != "Explosions/Remote violence"
    return False

# --- folding the triggers of one sentence --------------------------------------------------------
_PROTEST_RANK = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}


def fold_weapons(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers of one sentence as ACLED codes them together: a weapon named after an attack
    is that attack ("سلاح الجو المصري بقصف …", "لهجوم بصواريخ"); a raid or storming gives way to
    what happened in it; an attack in which civilians are shot is violence against them; and a
    protest is coded once, at its most severe: a riot when protesters clash, burn or throw stones,
    else with intervention or excessive force when that is told (data/events.json, _coding). A casualty
    told by its cause is typed by its victim (`by_victim`), is the attack or explosion told before it
    in the sentence, and is the shelling whose weapon follows its bullet (بنيران المدفعية)."""
    out: list[Trigger] = []
    for t in triggers:
        t = by_victim(text, crowd_fights(text, t) or t)
        if t is None or not armed_attack(text, t):
            continue
        prev = out[-1] if out else None
        close = prev is not None and t.start - prev.end < 40
        if t.flag in ("cause", "doer") and any(o.event_type in _ONE_SIDED and o.flag != "context" for o in out):
            continue        # "فجر انتحاريون أنفسهم بينما قتل الرابع برصاص الأمن": casualties of the attack told first,
                            # as are those its doers killed ("قصفوا المواقع وقتلوا 20 مسلحا")
        if t.flag == "gather" and close and prev.event_type in _ONE_SIDED and not re.search(r"[،,؛]", text[prev.end:t.start]):
            continue        # "فجر انتحاري نفسه وسط تجمع للمصلين": the gathering is the attack's target, not a protest
        if _fire_on_forces(text, t) and any(o.event_type in _ONE_SIDED and o.flag != "context" for o in out):
            continue        # "بدأ الهجوم بالقنابل وإطلاق النار على الجنود": the fire is part of the attack told first
        if close and prev.flag == "cause" and t.event_type == "Explosions/Remote violence" and t.start - prev.end < 15:
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type, "cause")   # "قتل مدنيان بنيران المدفعية"
        elif (close and prev.sub_event_type == "Air/drone strike" and t.event_type == prev.event_type
                and any(f.startswith("قصف") for f in strip_clitics(normalize(text[t.start:t.end]).split()[0]))):
            out[-1] = Trigger(prev.start, t.end, prev.event_type, prev.sub_event_type, prev.flag)
        elif close and prev.sub_event_type == "Armed clash" and t.event_type == "Explosions/Remote violence" \
                and any(f.startswith("هجوم") for f in strip_clitics(normalize(text[prev.start:prev.end]).split()[0])):
            out[-1] = Trigger(prev.start, t.end, t.event_type, t.sub_event_type, t.flag)   # "لهجوم بصواريخ"
        elif _attacked_with(text, prev, t):     # the verb keeps its span: its target and place follow it
            out[-1] = Trigger(prev.start, prev.end, t.event_type, t.sub_event_type, t.flag)
        else:
            out.append(t)
    if any(t.flag != "context" for t in out):
        out = [t for t in out if t.flag != "context"]
    if any(t.event_type == "Violence against civilians" for t in out):     # "هاجمت القرية وأطلقت النار على المدنيين"
        out = [Trigger(t.start, t.end, "Violence against civilians", "Attack", t.flag)
               if t.flag == "attack" and t.event_type == "Battles" else t for t in out]
    return _fold_protests(out)


def _fold_protests(triggers: list[Trigger]) -> list[Trigger]:
    kinds = {t.event_type for t in triggers}
    if not kinds & {"Protests", "Riots"}:
        return triggers
    # "أصيب 90 بالرصاص الحي وبحالات اختناق بالغاز المسيل للدموع": the protest's casualties, told with it
    triggers = [t for t in triggers if t.flag != "cause"]
    if "Riots" in kinds:
        return [Trigger(t.start, t.end, "Riots", "Violent demonstration", t.flag)
                if t.event_type in ("Protests", "Riots") or _clash(t)
                or t.sub_event_type == "Looting/property destruction" else t for t in triggers]
    worst = max((t.sub_event_type for t in triggers if t.event_type == "Protests"), key=_PROTEST_RANK.get)
    out = []
    for t in triggers:
        if t.event_type == "Protests":
            t = Trigger(t.start, t.end, "Protests", worst, t.flag)
        elif _clash(t) or (t.event_type, t.sub_event_type) == ("Strategic developments", "Looting/property destruction"):
            t = Trigger(t.start, t.end, "Riots", "Violent demonstration", t.flag)   # protesters clashing or burning
        out.append(t)
    if any(t.event_type == "Riots" for t in out):
        return _fold_protests(out)
    return out


_CEASEFIRE = frozenset({"وقف", "لوقف", "بوقف", "ووقف"})
_EXCHANGE = frozenset({"تبادل", "لتبادل", "وتبادل", "بتبادل"})
_ONE_SIDED = ("Explosions/Remote violence", "Violence against civilians")


def by_victim(text: str, t: Trigger) -> Trigger | None:
    """A casualty told by its cause (flag cause: قتل شرطي برصاص، أصيب مدنيون بنيران قناص) is typed by its
    victim, the last person named before the bullet or blade, else among the three words before the
    casualty word ("19 جنديا قتلوا بالرصاص"، "سقط جندي قتيلا برصاص قناص"; data/events.json, victims):
    police, soldiers or fighters shot are one side of an armed clash, anyone else a civilian attacked.
    Protesters shot are their protest's casualties, which the protest's own rules code: None."""
    if t.flag in ("doer", "claimed"):
        return _by_object(text, t)
    if t.flag != "cause":
        return t
    lex = lexicon()
    _, words = sentence_words(text, t.start, t.end)
    if any(f.startswith(("باتجاه", "صوب", "نحو")) for f in strip_clitics(words[-1])):
        return _by_object(text, t)     # "أطلقوا النار باتجاه السيارة": the target follows, the shooter precedes
    if any(w in _CEASEFIRE for w in words):
        return None             # "قتل ثلاثة رغم وقف إطلاق النار": a truce named, no shooting told
    if any(w in _EXCHANGE for w in words):
        return Trigger(t.start, t.end, "Battles", "Armed clash", t.flag)   # "قتل مدنيان في تبادل لإطلاق النار"
    before = normalize(text[max(0, t.start - 40):t.start]).split()[-3:]
    for w in [*reversed(words[1:-1]), *reversed(before)]:
        if fits(w, lex["protesters"]):
            return None
        if fits(w, lex["civilians"]):
            return t
        if fits(w, lex["armed_victims"]):
            return Trigger(t.start, t.end, "Battles", "Armed clash", t.flag)
    return t


def _by_object(text: str, t: Trigger) -> Trigger | None:
    """Armed men who kill police or soldiers ("قتل مسلحون مجهولون شرطيا أمام منزله") fight one side of an
    armed clash, as a casualty told by its cause: the first person named in the object, within its clause.
    Fire at protesters (أطلقوا النار باتجاه المتظاهرين) is the protest rules' to code."""
    lex = lexicon()
    for w in normalize(text[t.end:t.end + 60]).split()[:5]:
        if t.flag == "cause" and fits(w.rstrip("،,.؛:"), lex["protesters"]):
            return None
        if fits(w.rstrip("،,.؛:"), lex["civilians"]):     # "أعلنت أنها قتلت مدنيين": the claimant's attack on them
            return t if t.flag != "claimed" else Trigger(t.start, t.end, "Violence against civilians", "Attack", t.flag)
        if fits(w.rstrip("،,.؛:"), lex["armed_victims"]) and not w.startswith(("مسلح", "المسلح")):
            return Trigger(t.start, t.end, "Battles", "Armed clash", t.flag)
        if w.endswith(("،", ",", ".", "؛", ":")):
            break
    return t


_ATTACK_VERB = ("هاجم", "يهاجم", "تهاجم", "نهاجم")
_STATE_OR_ARMED = frozenset({"state_force", "police", "intelligence", "armed_group", "militia", "coalition"})


def armed_attack(text: str, t: Trigger) -> bool:
    """هاجم reports an armed attack, not a verbal one (هاجم الوزير خصومه), when its clause names an armed
    doer within three words before it or six after (data/events.json, armed_attack: مسلحون، قوات، a force
    or armed group of the actor dictionary) or a physical target after it (a post, a village, a convoy)."""
    if t.flag != "attack" or not normalize(text[t.start:t.end]).lstrip("وف").startswith(_ATTACK_VERB):
        return True
    from marsad.text.actor_dictionary import actors

    lex = lexicon()
    before = re.split(r"[،,.؛:؟?!«»\"()]", text[max(0, t.start - 60):t.start])[-1]
    after = re.split(r"[،,.؛:؟?!«»\"()]", text[t.end:t.end + 90])[0]
    words_before, words_after = normalize(before).split()[-3:], normalize(after).split()[:6]
    here = sentence_at(text, t.start)
    if any(fits(w, lex["protesters"]) for w in sentence_words(text, here.start, here.end)[1] if here):
        return False     # "هاجم متظاهرون السفارة"، "هاجم الجنود المتظاهرين": the protest rules' to code
    if any(fits(w, lex["attack_doers"]) for w in words_before + words_after) \
            or any(fits(w, lex["attack_targets"]) for w in _objects(words_after)):
        return True
    return any(m.actor.kind in _STATE_OR_ARMED for m in actors().find(" ".join(words_before + words_after)))


def _objects(words: list[str]) -> list[str]:
    """The words of the verb's subject and direct object: up to a preposition, and none written with
    one ("في مدينة X"، "بمدينة X" tell where, not what was attacked)."""
    out = []
    for w in words:
        if w in _PREPOSITIONS or w in ("قرب", "عند", "امام", "داخل", "بين"):
            break
        if not w.startswith(("ب", "ل", "وب", "ول")):
            out.append(w)
    return out


def _attacked_with(text: str, prev: Trigger | None, t: Trigger) -> bool:
    """"هاجم الحوثيون سفينة شحن في البحر الأحمر بزوارق مفخخة": an attack verb whose means, written with
    ب later in its clause, is a remote weapon is that remote attack (its target cannot fight back)."""
    return prev is not None and prev.flag == "attack" and t.event_type == "Explosions/Remote violence" \
        and text[t.start] == "ب" and t.start - prev.end < 90 and not re.search(r"[،,.؛:]", text[prev.end:t.start]) \
        and normalize(text[prev.start:prev.end]).lstrip("وف").startswith(_ATTACK_VERB)


_FIRE = ("اطلق", "فتح", "اطلاق")


def _fire_on_forces(text: str, t: Trigger) -> bool:
    """Fire opened on soldiers, police or their posts (أطلق مسلحون النار على دورية): data/events.json's
    Battles rule for shooting, as against its rule for shooting at civilians."""
    return (t.event_type, t.sub_event_type, t.flag) == ("Battles", "Armed clash", "") and any(
        f.startswith(_FIRE) for f in strip_clitics(normalize(text[t.start:t.end]).split()[0]))


def _clash(t: Trigger) -> bool:
    return t.sub_event_type == "Armed clash" and t.flag == "clash"


def crowd_fights(text: str, t: Trigger) -> Trigger | None:
    """A clash (flag clash, verb or noun) whose sentence names a crowd (data/events.json, clash_crowds:
    اشتبك المتظاهرون مع الشرطة، المحتجون … اشتبكوا): their riot, Riots / Violent demonstration; else None."""
    if t.flag != "clash" or t.event_type == "Riots":
        return None
    here = sentence_at(text, t.start)
    crowds = lexicon()["clash_crowds"]
    if here is None or not any(fits(w, crowds) for w in sentence_words(text, here.start, here.end)[1]):
        return None
    return Trigger(t.start, t.end, "Riots", "Violent demonstration", t.flag)


def plausible(text: str, trig: Trigger, sent_start: int) -> bool:
    """Agreements need an agreement verb nearby (وقع، توصل، أبرم): "للهدنة" alone is no event."""
    if trig.sub_event_type != "Agreement":
        return True
    around = normalize(text[sent_start:trig.start]).split()
    return any(in_vocabulary(w, lexicon()["agree"]) for w in around)
