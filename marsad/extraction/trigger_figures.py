"""Conflict words that tell no conflict event: figures of speech, private crime, crowds that are not
protests (data/events.json, not_conflict). Arabic news borrows the words of war for sport, politics and
the economy (اغتال الحكم فرحة الجماهير، قصفت المعارضة الحكومة بوابل من الانتقادات، اقتحم المهاجم
منطقة الجزاء), tells crimes with the verbs of attacks (قتل رجل شقيقه طعنا، على يد لصوص) and gathers
crowds that protest nothing (احتشد آلاف المشجعين). ACLED codes none of these; extraction/trigger_context
asks `not_conflict` when it decides whether a trigger reports an event.

Each check reads a few words after the trigger or the sentence's words, already cut once
(triggers.sentence_words), and looks them up in word sets: no pattern runs over the text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize

_ARMED = ("Violence against civilians", "Explosions/Remote violence", "Battles")
_PROTEST = ("Protests",)
# a preposition before a kin word: the kin is where or with whom (أمام زوجته، مع والده), not the victim
_PREPOSITIONS = frozenset({"امام", "مع", "من", "عن", "في", "الي", "علي", "بحضور", "برفقه", "و"})
_POSSESSED = ("ه", "ها", "هم", "هما")          # a pronoun of possession: his brother, her husband
_CLAUSE_END = "،,.؛:؟?!"


def not_conflict(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """True when the trigger's words of violence tell a figure of speech, a private crime or a crowd
    that is not a protest (see the module's doc)."""
    if trig.event_type in _PROTEST:
        return trig.sub_event_type == "Peaceful protest" and _crowd_not_protest(text, trig, sent_start, sent_end)
    if trig.event_type not in _ARMED and trig.sub_event_type != "Arrests":
        return False
    raw, after = _clause_after(text, trig, sent_start, sent_end)
    if trig.event_type in _ARMED and (_figurative(after) or _drill_after(after)):
        return True
    return _private(text, trig, sent_start, sent_end, raw)


def _clause_after(text: str, trig: Trigger, sent_start: int, sent_end: int) -> tuple[list[str], list[str]]:
    """Up to six words after the trigger, to the end of its clause: as written (a pronoun ending that
    normalising blurs, ة and ه) and normalised, cut from the sentence's words (read once)."""
    toks, words = sentence_words(text, sent_start, sent_end)
    at = bisect_left(toks, trig.end, key=_start)
    raw, norm = [], []
    for k in range(at, min(at + 6, len(toks))):
        raw.append(toks[k].text)
        norm.append(words[k])
        if k + 1 < len(toks) and any(ch in _CLAUSE_END for ch in text[toks[k].end:toks[k + 1].start]):
            break
    return raw, norm


def _figurative(words: list[str]) -> bool:
    """The verb's object, within three words and before any preposition, is a hope, a joy or a freedom
    in construct with a definite noun (فرحة الجماهير، حرية الصحافة، أحلام الشباب) or a thing no
    victim is (المرمى، منطقة الجزاء، بطاقة التأهل، الأضواء، الأضاحي); or its means is words (بوابل من
    الانتقادات، بالاتهامات). `words`: the normalised words of the clause after the trigger."""
    lex = lexicon()
    for k, w in enumerate(words[:3]):
        if w in _PREPOSITIONS:
            break
        if fits(w, lex["nc_objects"]):
            return True
        if k + 1 < len(words) and words[k + 1].startswith(("ال", "لل")) and fits(w, lex["nc_figures"]):
            return True
    # the string tests first: a word set is asked only of a word written with ب or after "بوابل من"
    return any((w.startswith(("ب", "وب")) or k >= 2 and words[k - 1] == "من" and words[k - 2].startswith("ب"))
               and fits(w, lex["nc_speech"]) for k, w in enumerate(words))


_DURING = frozenset({"خلال", "اثناء", "في", "ضمن"})


def _drill_after(words: list[str]) -> bool:
    """A drill that frames the act, told after it in its clause (قصفت الطائرات أهدافا وهمية خلال تمرين
    عسكري، أطلقت القوات صواريخ ضمن مناورات): staged, as a drill told before it (trigger_frames.staged)."""
    return any(k and words[k - 1] in _DURING and fits(w, lexicon()["drills"]) for k, w in enumerate(words))


def _private(text: str, trig: Trigger, sent_start: int, sent_end: int, after: list[str]) -> bool:
    """A killing of the killer's own kin or neighbour (قتل رجل شقيقه طعنا، قتلت امرأة زوجها), or a
    sentence of robbery, drugs or a family feud (لصوص، السطو، إثر خلاف عائلي على الميراث), or an
    execution after a court's sentence, with no armed group named in it: crime and justice, not
    political violence. A kin word joined by و (قتل الشاب وشقيقه) or after a preposition (أمام
    زوجته) is another victim or a witness."""
    if trig.event_type == "Explosions/Remote violence":
        return False         # a bomb or a shell is no one's private quarrel
    arrest = trig.sub_event_type == "Arrests"
    executed = not arrest and _executed(text, trig)
    if not (executed and _sentenced(text, trig, sent_start, sent_end)
            or not arrest and _kin_object(text, trig, after) or _crime_after(text, trig, sent_start, sent_end)):
        return False
    # the police arrest and the state executes: only militants named make it political
    return not _names(text, sent_start, sent_end, "nc_militants") \
        and (arrest or executed or not _names(text, sent_start, sent_end, "attack_doers"))


def _kin_object(text: str, trig: Trigger, after: list[str]) -> bool:
    """The killing's object, inside the trigger after its verb or just after it, is the doer's own kin
    or neighbour, written with a pronoun of possession (شقيقه، زوجها، جاره)."""
    lex = lexicon()
    own = text[trig.start:trig.end].split()[1:]
    words = own + after[:2]
    for k, raw in enumerate(words):
        if not raw.rstrip("،,.؛:").endswith(_POSSESSED):
            continue
        w = normalize(raw.strip("،,.؛:"))
        prev = normalize(words[k - 1]) if k else ""
        if fits(w, lex["nc_kin"]) and not (w[0] in "وف" and fits(w[1:], lex["nc_kin"])) and prev not in _PREPOSITIONS:
            return True
    return False


def _crime_after(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A crime's word within twelve words after the trigger: its doers (على يد لصوص), its object (عصابة
    سرقة، تاجر مخدرات) or its cause (إثر خلاف عائلي على الميراث) follows the act it names."""
    toks, words = sentence_words(text, sent_start, sent_end)
    at = bisect_left(toks, trig.end, key=_start)
    return any(fits(w, lexicon()["nc_crime"]) for w in words[at:at + 12])


_WITHOUT = frozenset({"دون", "بدون", "بلا", "خارج", "نطاق"})      # دون محاكمة، خارج نطاق القضاء: extrajudicial


def _sentenced(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A court's sentence within twelve words after an execution (شنقا في السجن بعد إدانته، تنفيذا لحكم
    المحكمة), not one it went without (دون حكم قضائي، خارج نطاق القضاء)."""
    toks, words = sentence_words(text, sent_start, sent_end)
    at = bisect_left(toks, trig.end, key=_start)
    return any(fits(words[k], lexicon()["nc_judicial"]) and not _WITHOUT.intersection(words[max(at, k - 2):k])
               for k in range(at, min(at + 12, len(words))))


def _executed(text: str, trig: Trigger) -> bool:
    """The trigger is the verb of executing (أعدم، أعدمت، وأعدموا)."""
    return normalize(text[trig.start:trig.end]).lstrip("وف").startswith("اعدم")


def _start(tok) -> int:
    return tok.start


@lru_cache(maxsize=256)
def _names(text: str, sent_start: int, sent_end: int, words_of: str) -> bool:
    """Does the sentence name one of a word set (a crime, militants, an armed force)? Once per sentence."""
    _, words = sentence_words(text, sent_start, sent_end)
    return any(fits(w, lexicon()[words_of]) for w in words)


def _crowd_not_protest(text: str, trig: Trigger, sent_start: int, sent_end: int) -> bool:
    """A gathering whose crowd, within three words after the verb, is fans, pilgrims, runners or
    shoppers (احتشد آلاف المشجعين في الملعب), with no purpose of a protest told in the sentence
    (احتجاجا، مطالبين، هتفوا): a crowd, not a protest."""
    lex = lexicon()
    if not any(fits(w, lex["nc_crowds"]) for w in _clause_after(text, trig, sent_start, sent_end)[1][:3]):
        return False
    _, words = sentence_words(text, sent_start, sent_end)
    return not any(fits(w, lex["purpose"]) or fits(w, lex["gather"]) and not re.match(r"[وف]?(?:احتشد|تجمع)", w)
                   for w in words)
