"""Is a trigger's mention a report of an event that happened? Not when negation, denial, condition,
a future marker or a call stands before it, a topic word governs it, the sentence asks, recalls
background or dates it by a past year, or a weak noun or weapon's name has nothing happening near it.
"""
from __future__ import annotations

import re
from itertools import pairwise

from marsad.extraction.drones import a_drone
from marsad.extraction.trigger_figures import not_conflict
from marsad.extraction.trigger_frames import (
    remembered,
    staged,
    told_with_doer,
    warned_of,
)
from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.trigger_past import recalled_past
from marsad.extraction.trigger_time import (
    future_verb,
    hedging_qad,
    past_year,
    recalled,
    recent_day_in,
)
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize, sentence_at, strip_clitics
from marsad.text.lexicons import place_tiers


def negated(text: str, trig: Trigger, sent_start: int) -> bool:
    """True when the trigger reports no event that happened: refuted (see `refuted`), or a weak noun
    or a weapon's name with nothing happening near it."""
    return refuted(text, trig, sent_start) or _unanchored(text, trig, sent_start)


def _unanchored(text: str, trig: Trigger, sent_start: int) -> bool:
    """A weak noun or a weapon's name with nothing happening near it."""
    if trig.flag in ("weak", "weapon", "crowd", "gather", "drone"):
        if trig.flag == "drone" and not a_drone(text, trig):
            return True      # مسيرة: a march, or a drone with no sign of a weapon by it (extraction/drones)
        if trig.flag == "weak" and told_with_doer(text, trig):
            return False     # "التفجير الذي تبناه تنظيم X": told with who did it
        here = sentence_at(text, trig.start)
        return not _anchored(text, trig, sent_start, here.end if here else len(text))
    return False


def _place_name(word: str) -> bool:
    """A gazetteer name is itself, not a clitic on a topic word: بعقوبة is the city, not ب + عقوبة."""
    return word.strip("،,.:؛") in place_tiers()


def refuted(text: str, trig: Trigger, sent_start: int) -> bool:
    """True when the trigger reports no event that happened: a denial, negation, condition, call or
    future marker among the three words before it; a topic word governing it (سياسة الاغتيالات، حق
    التظاهر، محاكمة … في قضية خطف); a question; a past year with no recent day; a reaction, trial or
    frame taking it."""
    lex = lexicon()
    before = normalize(text[max(sent_start, trig.start - 40):trig.start]).split()[-3:]
    if any(fits(w, lex["negation"]) for w in before) or hedging_qad(before) \
            or (before and fits(before[-1], lex["stop"])):      # "لوقف الهجمات", not "وقف إطلاق النار واحتجزت"
        return True
    # A future verb right before the trigger ("ستشن القوات هجوما" has the subject between; "ستشن
    # هجوما" not). The trigger word itself is never one: future forms are not in the lexicon, and
    # سيارة مفخخة merely starts like سـ + verb.
    if before and future_verb(before[-1]):
        return True
    if any(fits(w, lex["governor"]) and not _place_name(w) for w in before[-2:]):
        return True
    if before and _head(before[-1]) in lex["construct"] or len(before) > 1 and _head(before[-2]) in lex["construct"] \
            and before[-1] in ("هذا", "هذه", "ذلك", "تلك"):
        return True      # "موقع الهجوم"، "مكان هذا الانفجار": the site of an event told, not a new one
    if before and any(f in lex["name_heads"] for f in strip_clitics(before[-1])):
        return True      # "ساحة التحرير"، "رئيس تحرير"، "جبهة التحرير": a name or a title, no event
    clause = normalize(text[max(sent_start, trig.start - 90):trig.start]).split()[-10:]
    if _called_for(clause) or _denied_that(clause) or staged(text, trig, sent_start):
        return True
    # an attack told with its doer (هجمات شنتها ميليشيا X) is reported, whatever followed it or was said of it
    with_doer = trig.event_type in _REACTED_TO and told_with_doer(text, trig)
    if not with_doer and (trig.event_type in _REACTED_TO and _reacting(clause) or warned_of(clause)):
        return True
    if trig.flag in ("weak", "cause") and trig.event_type in _REACTED_TO and not with_doer \
            and _framed(text, trig, sent_start, clause):
        return True
    after = normalize(text[trig.end:trig.end + 30]).split()[:2]
    if trig.flag == "doer" and _passive(text, trig):
        return True
    if _listed_kind(normalize(text[trig.start:trig.end]).split(), before, after):
        return True
    if any(fits(w, lex["hedge"]) for w in after):        # "ضربة جوية محتملة"، "هجوم وشيك"
        return True
    if len(after) == 2 and after[0] in RELATIVES and future_verb(after[1]):
        return True      # "المظاهرات التي ستنظم"، "الهجمات التي سيشنها": planned, not told
    if after and (trig.flag == "weapon" and future_verb(after[0]) or re.fullmatch(r"1\d{3}|20\d\d", after[0])):
        return True      # "سيارة مفخخة ستدخل المدينة": planned; "مذبحة 1391"، "تفجيرات 2005": named by their year
    here = sentence_at(text, trig.start)
    sent_end = here.end if here else len(text)
    if _question(text, sent_start, sent_end) or past_year(text, trig, sent_start, sent_end) \
            or remembered(text, trig, sent_start, sent_end) or not_conflict(text, trig, sent_start, sent_end) \
            or recalled(text, sent_start, trig.start) or recalled_past(text, trig, sent_start, sent_end):
        return True
    if trig.flag == "cause" and _not_political(text, sent_start, sent_end):
        return True      # "قتل طفل برصاصة طائشة"، "أصيب بالخطأ": a death by a bullet, no political violence
    if trig.flag in ("", "doer", "gather", "cause") and before and before[-1] in RELATIVES and not recent_day_in(text, sent_start, sent_end):
        return True      # "الصحافي الذي اختطف وقطع رأسه"، "المحتجون الذين تجمعوا قرب …": a story of who they are, not today's report
    if trig.event_type in _REACTED_TO[:2] and _victims_story(before) and not recent_day_in(text, sent_start, sent_end):
        return True      # "الوكالتين اللتين تعرضتا لاعتداء انتحاري"، "الرهينة التي تم اختطافها": the same, told of its victim
    return False


_CLAUSE_END = (".", "،", ",", "؛", ":")


def ends_clause(word: str) -> bool:
    """A word written with the punctuation that closes its clause."""
    return word.endswith(_CLAUSE_END)


def _unbroken(words: list[str]) -> bool:
    """No clause ends inside these words: they are one clause."""
    return not any(ends_clause(w) for w in words)


def _victims_story(before: list[str]) -> bool:
    """A relative clause that tells what its antecedent suffered (اللتين تعرضتا لـ، التي تم اختطافها،
    الذين قتلوا في، الذين سقطوا في): a description of victims, not a report; a doer's clause (التي
    استخدمت سيارات مفخخة) may be the report itself."""
    lex = lexicon()
    at = next((i for i in (len(before) - 2, len(before) - 3) if i >= 0 and before[i] in RELATIVES), None)
    if at is None or not _unbroken(before):
        return False
    verb = before[at + 1]
    return verb in ("تم", "يتم") or fits(verb, lex["suffer"]) or fits(verb, lex["victims"])


def reported(text: str, triggers: list[Trigger], sent_start: int) -> list[Trigger]:
    """The triggers of one sentence that report an event (see `negated`). A weapon named right after an
    attack that is not reported (يخططون لشن تفجيرات متزامنة بسيارات ملغومة، في أعقاب انفجار سيارة
    مفخخة، قد ينفذون تفجيرات قنابل) is that attack's weapon: planned, recalled or denied with it."""
    out, dropped, denied, refused = [], None, None, None
    for t in triggers:
        means = denied is not None and _means_of(text, denied, t)
        # "ذكرى مجزرة القصف الكيميائي": a trigger in construct right after a refuted one names the same act
        construct = refused is not None and not text[refused.end:t.start].strip()
        denial = not means and not construct and refuted(text, t, sent_start)   # asked once: `negated` would ask again
        if means or construct or denial or _unanchored(text, t, sent_start) or t.flag == "weapon" \
                and dropped is not None and t.event_type == dropped.event_type and _joined(text[dropped.end:t.start]):
            dropped = t
            denied = t if means or denial and t.event_type in _REACTED_TO[:2] else None
            refused = t if means or construct or denial else None
            continue
        out.append(t)
        dropped = denied = refused = None
    return out


def _means_of(text: str, denied: Trigger, t: Trigger) -> bool:
    """"الذكرى الثانية لاغتيال النائب بتفجير استهدف موكبه"، "اتهم جماعة بمحاولة اغتيال الوزير بواسطة
    هجوم انتحاري": an attack named as the means of one that is not reported (an anniversary's,
    a charge's) is the same attack, within a few words and no punctuation."""
    if t.event_type not in _REACTED_TO[:2] or t.flag not in ("weak", "weapon"):
        return False
    gap = normalize(text[denied.end:t.start])
    instrumental = text[t.start] == "ب" or re.search(r"(?:في|بواسطه|عبر)\s*$", gap)
    return bool(instrumental) and len(gap.split()) <= 6 and not re.search(r"[،,.؛:()«»\"]", gap)


def _joined(gap: str) -> bool:
    """Two triggers with at most two words and no punctuation between them: one phrase."""
    return len(gap.split()) <= 2 and not re.search(r"[،,.؛:()«»\"]", gap)


def _not_political(text: str, sent_start: int, sent_end: int) -> bool:
    _, words = sentence_words(text, sent_start, sent_end)
    return any(fits(w, lexicon()["not_political"]) for w in words)


def _head(word: str) -> str:
    """A construct head without the one proclitic it may take (بموقع، ومكان): never with the article."""
    return word[1:] if len(word) > 4 and word[0] in "وفبل" else word


_REACTED_TO = ("Violence against civilians", "Explosions/Remote violence", "Battles")


def reacted_to(text: str, trig: Trigger, sent_start: int) -> bool:
    """"أدانت وزارة الخارجية الهجمات التي شنتها جماعة X على قرى": an attack reported with its doer inside a
    reaction; the body named before it reacts (its actor2 is no side in it)."""
    clause = normalize(text[max(sent_start, trig.start - 90):trig.start]).split()[-10:]
    return trig.event_type in _REACTED_TO and _reacting(clause) and told_with_doer(text, trig)


def _reacting(before: list[str]) -> bool:
    """A reaction or trial word in the trigger's clause before it ("أعرب عن انزعاجه الشديد لهذا الهجوم"،
    "بث اعترافات عشرة أشخاص حول تنفيذ اعتداء"): the event reacted to or tried, told elsewhere. A
    protest is left out: protesters condemn what they protest."""
    react = lexicon()["reactions"]
    at = next((i for i in range(len(before) - 1, -1, -1) if fits(before[i], react)), None)
    return at is not None and _unbroken(before[at:])


# what follows a passive killing (قتل مسلحون في اشتباك، برصاص الجيش، أمس) rather than its object
_NOT_OBJECT = frozenset({"في", "خلال", "اثناء", "بعد", "جراء", "اثر", "عقب", "علي", "عند", "حين", "عندما", "الي",
                         "من", "و", "او", "بين", "بينهم", "برصاص", "بنيران", "بقصف", "بغاره"})


def _passive(text: str, trig: Trigger) -> bool:
    """"قتل مسلحون مجهولون شرطيا" has an object after the armed subject (and its adjectives);
    "قتل مسلحون في اشتباك مع الجيش" none: militants were killed, no attack by them."""
    if re.match(r"\s*[،,.؛:؟?!)]|\s*$", text[trig.end:trig.end + 3]):
        return True
    words = re.split(r"(?<=[،,.؛:؟?!])\s*|\s+", normalize(text[trig.end:trig.end + 60]).strip())[:4]
    rest = [w for w in words if not re.fullmatch(r"(?:ال)?(?:مجهول|ملثم|مسلح)\S*", w)
            and not fits(w, lexicon()["recent"])][:1]
    if not rest or not rest[0] or rest[0][-1] in "،,.؛:؟?!":
        return True
    return rest[0] in _NOT_OBJECT and not _object_later(text[trig.end:trig.end + 80])


_ADVERBS = frozenset({"ايضا", "حاليا", "مؤخرا", "سابقا", "تقريبا", "جدا", "صباحا", "مساء", "ليلا", "فجرا", "ظهرا", "عصرا"})


def _object_later(rest: str) -> bool:
    """"قتل مسلحون في أحدهما عضواً في البرلمان": an accusative noun (its alif of tanwin) after a phrase
    fronted before it, in the same clause, is the killing's object."""
    for w in re.split(r"\s+", rest.strip())[:8]:
        n = normalize(w)
        if n and (w.rstrip("،,.؛:").endswith("اً") or len(n) >= 4 and n.endswith("ا") and not n.endswith(("ها", "نا"))
                  and n not in _ADVERBS and n.isalpha()):
            return True
        if re.search(r"[،,.؛:]$", w) or n in ("و", "او"):
            return False
    return False


def _kind(word: str) -> bool:
    return any(f in lexicon()["kinds"] for f in strip_clitics(word))


def _listed_kind(own: list[str], before: list[str], after: list[str]) -> bool:
    """A noun of one kind of violence joined by و to another (القتل والخطف، من تفجير وقتل واعتداء،
    دوامة القتل والانفجارات وأعمال الخطف): a list of what violence is like, not one act reported."""
    if len(own) != 1 or not _kind(own[0]):
        return False
    prev = before[-2] if len(before) > 1 and before[-1] in ("اعمال", "واعمال") else (before[-1] if before else "")
    joined_before = own[0].startswith("و") and prev != "" and not ends_clause(prev) and _kind(prev)
    joined_after = bool(after) and after[0].startswith("و") and _kind(after[0]) and not own[0].endswith(("،", ","))
    return joined_before or joined_after


_SPAN_END = frozenset({"من", "علي"})      # "بعد يومين من"، "بعد ثلاثة أيام على"


def _framed(text: str, trig: Trigger, sent_start: int, clause: list[str]) -> bool:
    """An event named by its noun that is the time or cause of what the sentence tells (بعد هجوم
    انتحاري، في أعقاب اغتيال، بعد يومين فقط من محاولة الاغتيال، على خلفية التفجير): one told before,
    unless the sentence counts its victims ahead of the frame ("قتل ثلاثة وأصيب ستة إثر انفجار سيارة"
    reports it). An act told with its object ("فروا بعد إطلاق النار على مسؤول") is the doers' own, told here."""
    lex = lexicon()
    if not clause:
        return False
    at = len(clause) - 1 if clause[-1] in lex["frames"] else next(
        (i for i in range(len(clause) - 3, len(clause) - 6, -1)
         if i >= 0 and clause[i] in lex["frames"] and clause[-1] in _SPAN_END), None)
    if at is None or not _unbroken(clause[at:]):
        return False
    ahead = len(clause) - at            # the frame word and what follows it, up to the trigger
    _, words = sentence_words(text, sent_start, trig.start)
    return not any(fits(w, lex["victims"]) for w in words[:max(0, len(words) - ahead)])


DENIAL_VERBS = frozenset({"نفي", "نفت", "نفوا", "ينفي", "تنفي", "ينفون"})      # normalised: نفى → نفي


def denies(word: str) -> bool:
    """A (normalised) verb of denying, with or without و/ف before it: ونفى، فنفت، ينفون."""
    return word in DENIAL_VERBS or word[:1] in "وف" and word[1:] in DENIAL_VERBS


_BE = frozenset({"يكون", "تكون", "يكونوا", "يكونا", "تكونا"})


def _denied_that(before: list[str]) -> bool:
    """"نفى الجيش أن يكون الشاب قتل برصاص جنوده": a denial that something is so, however long its
    subject, refutes the act told after it in its clause."""
    at = next((i for i in range(len(before) - 1, -1, -1) if denies(before[i])), None)
    if at is None or not _unbroken(before[at:]):
        return False
    rest = before[at + 1:]
    return any(a in ("ان", "بان") and b in _BE for a, b in pairwise(rest))


def _called_for(before: list[str]) -> bool:
    """A call for the act: "دعت النقابة المعلمين إلى الخروج في مظاهرات"، "ناشد الأهالي للاعتصام" — a call
    word, then إلى (or the trigger's own لـ) before the trigger in its clause, is no report that it happened."""
    calls = lexicon()["calls"]
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i] in calls), None)
    if at is None:
        return False
    rest = before[at + 1:]
    return any(w in ("الي", "والي") for w in rest) and _unbroken(rest)


def _question(text: str, sent_start: int, sent_end: int) -> bool:
    """"من يقف وراء الاغتيال؟" and "هل تظاهر …" ask; they do not report."""
    sent = text[sent_start:sent_end].strip(" \"'»”)*-–ـ\n")
    first = normalize(sent.split()[0]) if sent.split() else ""
    return sent.endswith(("؟", "?")) or first in ("هل", "وهل", "فهل")


_WINDOW = 10       # words either side of a weak trigger in which its anchor must stand
_NEAR = 3          # … and a recent-day word
RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "الذين"})   # the relative pronouns a clause of its noun opens with


def _anchored(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A weak noun (اغتيال، مظاهرات) reports an event when something happens near it (وقع، أسفر،
    مقتل) or a recent day is named; a weapon (صواريخ، قذيفة) when it is used; protesters
    (المتظاهرين) when they gather, march, block or storm (تجمع، خرج، أغلق) — not when merely counted."""
    toks, words = sentence_words(text, sent_start, sent_end)
    inside = [k for k, t in enumerate(toks) if trig.start <= t.start < trig.end]
    if not inside:
        return False
    lex = lexicon()
    definite = any(f.startswith("ال") for f in strip_clitics(words[inside[0]]))
    if trig.flag == "weak" and definite and inside[0] and fits(words[inside[0] - 1], lex["refer"]):
        return False         # "هذا الاعتداء"، "تداعيات التفجير": an event told before, not a new one
    lo, hi = max(0, inside[0] - _WINDOW), (len(words) if trig.flag == "gather" else inside[-1] + _WINDOW + 1)
    near = range(inside[0] - _NEAR, inside[-1] + _NEAR + 1)
    after = inside[-1] + 1
    if after + 1 < len(words) and words[after + 1] in RELATIVES and re.fullmatch(r"ال\S+(?:ي|يه)", words[after]):
        after += 1           # "التفجير الإرهابي الذي وقع": an adjective, then the relative clause
    if trig.flag in ("weak", "weapon", "crowd") and after < len(words) and words[after] in RELATIVES:
        # "التفجير الذي استهدف الدورية" names an event already known, "المحتجين الذين تجمعوا" people
        # by what they did; its relative clause is no report: the sentence must tell something outside it
        inside = inside + [after, after + 1, after + 2]
    if trig.flag == "weak" and text[trig.start] == "ل" and any(fits(w, lex["suffer"]) for w in words[:inside[0]]):
        return True          # "تعرض <a long noun phrase> لمحاولة اغتيال": the victim's verb, however far
    if trig.flag == "weapon" and any(fits(w, lex["explode"]) for w in words[inside[-1] + 1:]):
        return True          # "عبوة ناسفة كانت موضوعة … في منطقة X قرب Y، انفجرت": its verb may come late
    # a recent day dates the act only next to it: in "قال أمس إن الاغتيال …" it dates the saying
    return any(fits(w, lex[trig.flag]) and (k in near or not fits(w, lex["recent"]))
               for k, w in enumerate(words[lo:hi], lo) if k not in inside)
