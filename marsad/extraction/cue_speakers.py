"""The speaker of one speech cue: the subject after it, before it, or carried from the account.

"قال X إن" names X after the cue; "وكان مصدر عسكري قد قال إن" names it before; "وأضاف أن"، "موضحا
أن" and "أكد فيه" name no one and carry the speaker of the account so far (or, for a cue with no
account yet, the person or body the sentence named last). A statement as subject is its issuer
("أفاد بيان أصدره X"); a relay ("نقلت وكالة X عن Y قوله") is Y, with X's channel.
"""
from __future__ import annotations

import re

from marsad.extraction.after_cue import issuer_at, skip_time, unglued
from marsad.extraction.anaphora import Antecedents
from marsad.extraction.channels import relay_channel
from marsad.extraction.content import quoted
from marsad.extraction.cue_objects import (
    before_bi,
    feminine_before_masculine,
    masculine_before_object,
    said_of_object,
)
from marsad.extraction.mentions import Mentions
from marsad.extraction.spans import variant_key
from marsad.extraction.speakers import (
    Said,
    is_time,
    lexicon,
    name_of,
    sane,
    unquoted,
    word_of,
)
from marsad.model import Entity
from marsad.text.arabic import Token, normalize, normalize_map, tokens
from marsad.text.lexicons import org_heads, titles

_OPEN, _CLOSE = "«“\"", "»”\""


def prepositional(word: str) -> bool:
    """A subject never starts with a preposition ("كما طالبت بالعودة …": the subject is carried)."""
    return word in {"الي", "علي", "عن", "من", "في", "مع", "ب", "ل"} or (
        len(word) > 4 and word[0] in "بل" and word[1:3] == "ال")


def speaker_for(text: str, toks: tuple[Token, ...], ents: Mentions, cue, seg_end: int, carried,
                ante: Antecedents, sent_start: int, coordinated: bool = False) -> Said | None:
    """The speaker of `cue` (a quotes.Cue) within its segment, or None when the cue opens no quote;
    `coordinated`: the cue is "و…" after a quote of the same sentence (its subject is that speaker's)."""
    said = _speaker_for(text, toks, ents, cue, seg_end, carried, ante, sent_start)
    verb = normalize(cue.word)
    lex = lexicon()
    if said and said.name and verb in lex["bi_verbs"] and cue.form == "verb":   # "ندد X بالهجوم": بـ opens it
        said = before_bi(text, toks, ents, cue, said, ante)
    if said and said.name and carried and cue.form == "verb" and said.name != carried:     # "ولخص الموقف بقوله"
        said = said_of_object(toks, ents, cue, said, carried)
    if said is None or said.addressee or cue.form != "verb" or (verb not in lex["object_verbs"] and
                                                                verb not in lex["call_verbs"] and
                                                                verb not in lex["describe_verbs"]):
        return said
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    after = [t for t in toks[idx + 1:] if t.start < seg_end]
    i0 = skip_time(after, 0)
    after = after[i0:]
    n = next((k for k, t in enumerate(after) if t.start >= said.start), len(after))
    if not after or n == 0 or said.name is None or said.name == carried and after[0].start >= said.start:
        return said
    split = _object_start(text, after, n, ents)
    if split is not None:                 # "طالب محافظ الإقليم الحكومة بإرسال …": subject, then object
        found = name_of(text, after[:split], ents, after[split].start, ante, cue.tok.start)
        if found:
            return Said(found[:2], after[split].start, said.channel, True)
    if carried and masculine_before_object(verb, word_of(after[0])) and carried != said.name:
        return Said(carried, after[0].start, None, True)   # "وطالب الحكومة بـ…": she is addressed, he speaks
    if n < len(after) and _complement(word_of(after[n])) and carried and (
            (verb in lex["object_verbs"] or coordinated) and word_of(after[0]).startswith("ال")
            or _disagrees(verb, word_of(after[0])) or feminine_before_masculine(verb, [word_of(t) for t in after[:n]])):
        return Said(carried, after[0].start, None, True)   # "، واتهم الجيش بقصف …": the accused, not a speaker
    named = text.find(said.name[0], cue.tok.end, said.start) if verb not in lex["describe_verbs"] else -1
    m = next((k for k, t in enumerate(after) if t.start >= named + len(said.name[0])), len(after)) if named >= 0 else n
    if m < n and word_of(after[m]).startswith("ال") and any(_complement(word_of(t)) for t in after[m + 1:m + 5]):
        return Said(said.name, after[m].start, said.channel, True)   # "طالب الوزير فلان المنظمات بالتحرك"
    return said


def _disagrees(verb: str, word: str) -> bool:
    """A feminine verb before a masculine body or title ("وطالبت مجلس الأمن بفتح تحقيق"، "ودعت الرئيس
    إلى …"): a verb agrees in gender with a subject that follows it, so the noun is its object and the
    speaker is the one carried from before."""
    if not verb.endswith("ت") or verb.endswith("ات"):
        return False
    core = word.removeprefix("ال")
    return not core.endswith(("ه", "ات")) and (core in org_heads() or word in org_heads() or core in titles())


def object_first(toks: tuple[Token, ...], cue) -> bool:
    """The cue is a feminine verb whose next word is a masculine body or title (`_disagrees`): its
    subject was named before it ("أدانت الجامعة القصف، وطالبت مجلس الأمن بـ…")."""
    if cue.form != "verb":
        return False
    idx = next((i for i, t in enumerate(toks) if t.start == cue.tok.start), None)
    after = toks[idx + 1:] if idx is not None else ()
    k = skip_time(list(after), 0)
    return k < len(after) and _disagrees(normalize(cue.word), word_of(after[k]))


def feminine_body_before(text: str, ents: Mentions, pos: int, sent_start: int) -> tuple[str, str] | None:
    """The subject an `object_first` cue was named with: the nearest organisation before it in the
    sentence whose head is feminine, as the verb is ("أدانت جامعة الدول العربية …، وطالبت …")."""
    for e in reversed(ents.within(sent_start, pos, ("ORG",))):
        head = normalize(e.text.split()[0]) if e.text.split() else ""
        if head.endswith("ه"):
            return e.text, e.canonical or e.text
    return None


def _directed(cue) -> bool:
    """An accusation, a call or a threat: "توعد بملاحقة …" opens with its complement, not a subject."""
    lex, verb = lexicon(), normalize(cue.word)
    return verb in lex["object_verbs"] or verb in lex["call_verbs"] or verb in lex["threats"]


def _complement(word: str) -> bool:
    """What follows the object of an accusation or a call: بـ…، إلى، على، من، عن، المسؤولية."""
    lex = lexicon()
    return word in {"الي", "علي", "من", "عن"} or word in lex["blame_objects"] or (
        word[:1] == "ب" and len(word) > 3 and word not in lex["complementizers"])


def _adjective(prev: str, word: str) -> bool:
    """`word` (definite) can be an adjective of the definite `prev`: a nisba, an elative, a participle that
    agrees with it, or a listed adjective ("الجيش الوطني"، "الأطراف المتحاربة"، "الأمين العام")."""
    bare = word[2:]
    if word in lexicon()["definite_adjectives"]:
        return True
    if bare.endswith(("يه", "يون", "يين", "يات")):
        return True
    if bare.endswith("ي"):                 # a masculine singular: no adjective of a plural in -ون
        return not prev.endswith("ون")
    if len(bare) == 4 and (bare[0] == "ا" or bare[-1] in "يا"):
        return True                        # الأكبر، الأعلى، الكبرى، العليا
    if bare[:1] == "م" and len(bare) >= 4:
        if word.endswith(("ين", "ون")):             # "المواطنين" after "الوزارة" is her object
            return prev.endswith(("ين", "ون")) or prev in lexicon()["definite_adjectives"]
        if word.endswith("ه"):
            return not prev.endswith(("ين", "ون"))
        return not prev.endswith(("ه", "ات", "ين", "ون"))
    return False


def _object_start(text: str, toks, n: int, ents: Mentions) -> int | None:
    """Index in toks[:n] (the subject phrase read so far) where a second noun phrase, the object, starts:
    a definite noun after a definite word it cannot qualify ("المنظمة | الأطراف"), or after an
    indefinite adjective ("مصدر أمني | المواطنين")."""
    for k in range(1, n):
        prev, w = word_of(toks[k - 1]), word_of(toks[k])
        if toks[k - 1].text in "،," or toks[k - 1].text in _PREPOSITIONS:
            continue                       # "المبعوث الخاص إلى | السودان": a preposition's object (إلى is no ال…)
        inside = ents.within(toks[0].start, toks[n - 1].end)
        if any(e.start == toks[k].start and e.type != "PER" for e in inside) and (any(
                e.end == toks[k - 1].end for e in ents.within(toks[0].start, toks[k].start, _NAMES)) or k < 3 and all(
                (x := word_of(t)).endswith(("ون", "ين")) and x.isalpha() and not x.startswith("ال") for t in toks[:k])):
            return k                       # one name after another ("فتح | حماس"، "مصر | مجلس الأمن"), a person's is apposition;
                                           # an unnamed plural, then the named object ("ناشطون | قوات X")
        if any(e.start < toks[k].start < e.end for e in inside) or not w.startswith("ال"):
            continue                       # inside a name the tagger found
        if prev.startswith("ال") and prev not in titles() and not _adjective(prev, w):
            return k
        if not prev.startswith(("ال", "و")) and k > 1 and prev.endswith(("ي", "يه")) and len(prev) > 3:
            return k
    return None


_NAMES = ("PER", "ORG", "LOC")
_PREPOSITIONS = frozenset(("إلى", "الى", "على", "في", "من", "عن", "مع", "لدى"))


def _speaker_for(text: str, toks: tuple[Token, ...], ents: Mentions, cue, seg_end: int, carried,
                 ante: Antecedents, sent_start: int) -> Said | None:
    lex = lexicon()
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    rest = [t for t in toks[idx + 1:] if t.start < seg_end]
    if normalize(cue.word) in lex["relay_verbs"] and not any(word_of(t) == "عن" for t in rest[:12]):
        return None                         # "ونُقل المصابون إلى …": no relay, no speech
    i0 = skip_time(rest, 0)
    if i0 + 1 < len(rest) and word_of(rest[i0]) in lex["back_references"] and rest[i0 + 1].text not in "،,:.":
        i0 = skip_time(rest, i0 + 1)        # "صرح بذلك مدير المستشفى …": the subject follows بذلك
    after = rest[i0:]
    if len(after) > 1 and word_of(after[0]) in lex["pronoun_objects"] and _named(after[1], ents) and not _directed(cue):
        after = after[1:]                   # "أعلن فيه تنظيم X أنه …": the subject after the pronoun
    if normalize(cue.word) in lex["statement_cues"] and len(after) > 1:     # "جاء في بيان لـX": the issuer
        return _statement(text, after[1:], ents, seg_end, ante, cue, lex["statements"].get(word_of(after[1])), carried)
    start = after[0].start if after else cue.tok.end
    first = word_of(after[0]) if after else ""
    named = after and after[0].text == ":" and len(after) > 1 and after[1].text in _OPEN and any(
        t.text in _CLOSE for t in after[2:7])               # 'قال: «المرصد …»، اليوم، إن': a quoted name
    if cue.form == "part" or not after or first in lex["complementizers"] or first in lex["pronoun_objects"] \
            or (after[0].text in "،,:" and not named) or (after[0].text in _OPEN and quoted(text, after[0].start, seg_end)) \
            or prepositional(first) or first in lex["say_nouns"] or (_complement(first) and _directed(cue)
                                                                     and not _named(after[0], ents)):
        before = _subject_before(text, toks, idx, ents, ante, cue.tok.start) if cue.form != "part" else None
        before = before or (_antecedent(text, toks, idx, ents, ante, cue.tok.start) if cue.form != "part" else None)
        if first == "عن" and normalize(cue.word) in lex["relay_verbs"]:
            relayer = before[0] if before else None   # "وكانت وكالة X، نقلت عن شاهد عيان قوله"
            if relayer is None:
                subject = _sentence_subject(text, ents, sent_start, cue.tok.start, False)
                relayer = subject.canonical or subject.text if subject else None
            return _relay(text, after, ents, seg_end, ante, cue, relayer)
        if before:
            return Said(before[:2], start, before[2])
        if first in lex["pronoun_objects"] or cue.form == "verb":
            pron = first in lex["pronoun_objects"]
            person = _sentence_subject(text, ents, sent_start, cue.tok.start, pron)
            if not pron and carried and person and len(tokens(text, sent_start, person.start)) > 6:
                person = None                   # named deep in the sentence: not its subject
            if person:
                name = person.canonical or person.text
                return Said((name, person.actor or name), start)
        if cue.form == "part" or not after:
            return Said(carried, cue.tok.end)
        return Said(carried, start)
    if first in lex["not_speakers"]:
        return None
    if after[0].text in _OPEN or (after[0].text == ":" and len(after) > 1 and after[1].text in _OPEN):
        k = 0 if after[0].text in _OPEN else 1   # وأوضح "المسماري" …: a quoted name is the subject
        close = next((i for i, t in enumerate(after[k + 1:k + 6], k + 1) if t.text in _CLOSE), None)
        if close and close > k + 1:
            phrase = unquoted(text[after[k].start:after[close].end])
            return Said((phrase, ante.resolve(phrase, cue.tok.start) or ents.canonical(phrase, ante.heard)),
                        after[close].end)
    statement = lex["statements"].get(first, False)
    if statement is not False:             # "أفاد بيان أصدره X"، "قال بيان لوزير الدفاع"، "وأضاف البيان"
        return _statement(text, after, ents, seg_end, ante, cue, statement, carried)
    found = name_of(text, after, ents, seg_end, ante, cue.tok.start)
    if found is None:                       # "وكانت X قد أعلنت مسؤوليتها …": the subject came first
        before = _subject_before(text, toks, idx, ents, ante, cue.tok.start)
        return Said(before[:2] if before else carried, start)
    phrase, canonical, end, n = found
    if _title_only(phrase) and carried:
        return Said(carried, end)
    if n < len(after) and after[n].text == "(":     # "وكالة الأنباء السورية (سانا) عن …": its acronym
        n = next((k + 1 for k in range(n + 1, min(n + 6, len(after))) if after[k].text == ")"), n)
    if normalize(cue.word) in lex["relay_verbs"] and n < len(after) and word_of(after[n]) == "عن":
        return _relay(text, after[n:], ents, seg_end, ante, cue, phrase)
    bracket = re.match(r"\s*\([^()\n،,]{1,30}\)", text[end:seg_end])
    return Said((phrase, canonical), end + bracket.end() if bracket else end)   # "بعثة … (أتميس)": its acronym


def _relay(text, toks, ents, seg_end, ante, cue, relayer: str | None) -> Said:
    """"نقلت X عن Y [قوله]": Y speaks, through X's channel (toks[0] is عن)."""
    channel = relay_channel(ante.resolve(relayer, cue.tok.start) or relayer) if relayer else None
    statement = lexicon()["statements"].get(word_of(toks[1]), False) if len(toks) > 1 else False
    if statement is not False:              # "نقلت الوكالة عن بيان لـX": the statement's issuer
        said = _statement(text, toks[1:], ents, seg_end, ante, cue, statement, None)
        return Said(said.name, said.start, channel or said.channel) if said.name else Said(None, cue.tok.end)
    found = name_of(text, list(toks[1:]), ents, seg_end, ante, cue.tok.start)
    if found is None:
        return Said(None, cue.tok.end)
    return Said(found[:2], found[2], channel)


def _statement(text, toks, ents, seg_end, ante, cue, channel, carried) -> Said:
    """A statement, report or post as the subject: its issuer speaks."""
    k = issuer_at(text, list(toks), 1)
    if k is not None:
        sub = list(toks[k:])
        if sub:
            sub[0] = unglued(sub[0]) if k == 1 and word_of(toks[1])[:1] == "ل" else sub[0]
            found = name_of(text, sub, ents, seg_end, ante, cue.tok.start)
            if found:
                if channel == "statement":
                    ante.issuer = found[:2]
                return Said(found[:2], found[2], channel)
    noun = word_of(toks[0])
    if noun.startswith("ال"):            # "وأشار التقرير"، "وجاء في البيان": the one the article told of
        told = _told_issuer(text, ents, ante, toks[0].start, noun[2:])
        if told:
            ante.issuer = told
            return Said(told, toks[0].end, channel)
        if not ante.issuer and noun[2:] in _DOCUMENTS and carried and carried[1] in ents.people:
            body = next((n for n in reversed(ante.heard.names) if n not in ents.people
                         and variant_key(n) in ents.by_key), None)    # a report is a body's, not a person's
            if body:
                return Said((body, body), toks[0].end, channel)
    issuer = ante.issuer or carried
    return Said(issuer, toks[0].end, channel)


_DOCUMENTS = frozenset(normalize(w) for w in ("تقرير", "إحصائية", "دراسة"))    # bodies issue them; a person rarely does


def _told_issuer(text: str, ents: Mentions, ante: Antecedents, pos: int, noun: str) -> tuple[str, str] | None:
    """Who issued the statement a definite noun points back to: the last indefinite mention of the
    noun before `pos` ("أصدرت منظمة X بيانا"، "في تقرير لـX"، "قال الوزير في بيان") names its issuer
    after it (issuer_at) or as the subject of the verb that put it out (quotes.json issue_verbs)."""
    origin = max(0, pos - 1500)
    norm, index = normalize_map(text[origin:pos])
    last = None
    for m in re.finditer(rf"(?<!\w)[وفبل]?{noun}ا?(?!\w)", norm):
        last = m
    if last is None:
        return None
    at = origin + index[last.start()]
    toks = tokens(text, at, min(len(text), at + 200))
    k = issuer_at(text, list(toks), 1) if len(toks) > 1 else None
    if k is not None and k < len(toks):
        sub = list(toks[k:])
        sub[0] = unglued(sub[0]) if k == 1 and word_of(toks[1])[:1] == "ل" else sub[0]
        found = name_of(text, sub, ents, sub[-1].end, ante, pos)
        if found:
            return found[:2]
    start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    first = tokens(text, start, at)[:1]
    verb = word_of(first[0]) if first else ""
    if verb not in lexicon()["issue_verbs"] and verb[1:] not in lexicon()["issue_verbs"]:
        return None                     # "قال الوزير في بيان": the statement is the quote's speaker's
    subject = _sentence_subject(text, ents, start, at, False)
    if subject is None:
        return None
    name = subject.canonical or subject.text
    return name, subject.actor or name


def _named(tok: Token, ents: Mentions) -> bool:
    """A person or body is named from `tok` on (an entity, an organisation or source noun)."""
    w = word_of(tok)
    return any(e.type in ("PER", "ORG") for e in ents.at.starting(tok.start, tok.end)) or \
        w.removeprefix("ال") in lexicon()["source_nouns"] or w in org_heads()


def _antecedent(text: str, toks, idx: int, ents: Mentions, ante: Antecedents, pos: int):
    """"بحسب المصادر التي أشارت إلى أن …": a cue opening a relative clause with no subject of its own
    speaks for the clause's antecedent, the longest source or name before the relative pronoun."""
    if idx < 2 or word_of(toks[idx - 1]) not in ("التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"):
        return None
    best = None
    for j in range(idx - 2, max(-1, idx - 7), -1):
        if toks[j].text in "،,.:؛()" or prepositional(word_of(toks[j])):
            break
        found = name_of(text, list(toks[j:idx - 1]), ents, toks[idx - 2].end, ante, pos)
        if found and found[2] == toks[idx - 2].end and _named(toks[j], ents):
            best = (*found[:2], None)
    return best


def _subject_before(text: str, toks, idx: int, ents: Mentions, ante: Antecedents, pos: int):
    """"وكان مصدر عسكري (قد) قال …": the subject stands between كان and the cue."""
    j = idx - 1
    if j >= 0 and word_of(toks[j]) == "قد":
        j -= 1
    j = _before_aside(toks, j)
    for k in range(j, max(-1, j - 9), -1):
        w = word_of(toks[k])
        if toks[k].text in ".:؛" or (toks[k].text in "،," and k < j - 1):
            return None                         # "وكانت وكالة …، نقلت": a comma right before the cue is fine
        if w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت") and k < j:
            found = name_of(text, list(toks[k + 1:j + 1]), ents, toks[j].end, ante, pos)
            return (*found[:2], None) if found else None
    return None


def _before_aside(toks, j: int) -> int:
    """"وكانت الجماعة، التي تسيطر على …، قد أعلنت"، "وكان الجيش، الثلاثاء، قد قال": an aside between
    commas — a relative clause or a time phrase — stands between the subject and (قد) the cue; the index
    of the subject's last token, before the aside (j itself when no comma closes an aside there)."""
    if j < 2 or toks[j].text not in "،,":
        return j
    for k in range(j - 1, max(0, j - 12), -1):
        if toks[k].text in ".:؛\n":
            return j
        if toks[k].text in "،,":
            first = word_of(toks[k + 1])
            aside = first in ("التي", "الذي", "الذين", "اللذين", "اللتين", "والتي", "والذي", "والذين") or \
                all(is_time(word_of(t)) for t in toks[k + 1:j])
            return k - 1 if aside and k > 0 else j
    return j


def _sentence_subject(text: str, ents: Mentions, start: int, end: int, nearest: bool) -> Entity | None:
    """Who a cue with no subject of its own speaks for: the sentence's subject, the first person or
    body named before the cue that no preposition governs ("خاطب البنك المركزي …، فيما أشار إلى أن");
    after a pronoun object (أكد فيه) the nearest one."""
    near = [e for e in ents.at.starting(start, end) if e.type in ("PER", "ORG") and e.end <= end and sane(text, e)
            and not prepositional((normalize(text[max(start, e.start - 5):e.start]).split() or ["x"])[-1])
            and not text[max(start, e.start - 1):e.start].strip() in ("ل", "ب")
            and not (text[e.start - 1:e.start] == "(" and text[e.end:e.end + 1] == ")")]   # "(كوردستان24)": a byline
    people = [e for e in near if e.type == "PER"]
    pool = near if not nearest else (people or near)
    return (pool[-1] if nearest else pool[0]) if pool else None


def _title_only(phrase: str) -> bool:
    return normalize(phrase) in titles()

