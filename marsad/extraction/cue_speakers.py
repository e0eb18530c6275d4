"""The speaker of one speech cue: the subject after it, before it, or carried from the account.

"قال X إن" names X after the cue; "وكان مصدر عسكري قد قال إن" names it before; "وأضاف أن"، "موضحا
أن" and "أكد فيه" name no one and carry the speaker of the account so far (or, for a cue with no
account yet, the person or body the sentence named last). A statement as subject is its issuer
("أفاد بيان أصدره X"); a relay ("نقلت وكالة X عن Y قوله") is Y, with X's channel.
"""
from __future__ import annotations

from marsad.extraction.anaphora import Antecedents
from marsad.extraction.channels import outlet_channel
from marsad.extraction.content import quoted
from marsad.extraction.mentions import Mentions
from marsad.extraction.speakers import (
    Said,
    _clean,
    _w,
    issuer_at,
    lexicon,
    name_of,
    sane,
    skip_time,
    unglued,
)
from marsad.model import Entity
from marsad.text.arabic import Token, normalize, tokens
from marsad.text.lexicons import titles

_OPEN, _CLOSE = "«“\"", "»”\""


def prepositional(word: str) -> bool:
    """A subject never starts with a preposition ("كما طالبت بالعودة …": the subject is carried)."""
    return word in {"الي", "علي", "عن", "من", "في", "مع", "ب", "ل"} or (
        len(word) > 4 and word[0] in "بل" and word[1:3] == "ال")


def speaker_for(text: str, toks: tuple[Token, ...], ents: Mentions, cue, seg_end: int, carried,
                ante: Antecedents, sent_start: int) -> Said | None:
    """The speaker of `cue` (a quotes.Cue) within its segment, or None when the cue opens no quote."""
    lex = lexicon()
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    rest = [t for t in toks[idx + 1:] if t.start < seg_end]
    if normalize(cue.word) in lex["relay_verbs"] and not any(_w(t) == "عن" for t in rest[:12]):
        return None                         # "ونُقل المصابون إلى …": no relay, no speech
    i0 = skip_time(rest, 0)
    if i0 + 1 < len(rest) and _w(rest[i0]) in lex["back_references"] and rest[i0 + 1].text not in "،,:.":
        i0 = skip_time(rest, i0 + 1)        # "صرح بذلك مدير المستشفى …": the subject follows بذلك
    after = rest[i0:]
    start = after[0].start if after else cue.tok.end
    first = _w(after[0]) if after else ""
    if cue.form == "part" or not after or first in lex["complementizers"] or first in lex["pronoun_objects"] \
            or after[0].text in "،,:" or (after[0].text in _OPEN and quoted(text, after[0].start, seg_end)) \
            or prepositional(first) or first in lex["say_nouns"]:
        before = _subject_before(text, toks, idx, ents, ante, cue.tok.start) if cue.form != "part" else None
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
            phrase = _clean(text[after[k].start:after[close].end])
            return Said((phrase, ante.resolve(phrase, cue.tok.start) or ents.canonical(phrase, ante.heard)),
                        after[close].end)
    statement = lex["statements"].get(first, False)
    if statement is not False:             # "أفاد بيان أصدره X"، "قال بيان لوزير الدفاع"، "وأضاف البيان"
        return _statement(text, after, ents, seg_end, ante, cue, statement, carried)
    found = name_of(text, after, ents, seg_end, ante, cue.tok.start)
    if found is None:
        return Said(carried, start)
    phrase, canonical, end, n = found
    if _title_only(phrase) and carried:
        return Said(carried, end)
    if normalize(cue.word) in lex["relay_verbs"] and n < len(after) and _w(after[n]) == "عن":
        return _relay(text, after[n:], ents, seg_end, ante, cue, phrase)
    return Said((phrase, canonical), end)


def _relay(text, toks, ents, seg_end, ante, cue, relayer: str | None) -> Said:
    """"نقلت X عن Y [قوله]": Y speaks, through X's channel (toks[0] is عن)."""
    channel = outlet_channel(ante.resolve(relayer, cue.tok.start) or relayer) if relayer else None
    statement = lexicon()["statements"].get(_w(toks[1]), False) if len(toks) > 1 else False
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
            sub[0] = unglued(sub[0]) if k == 1 and _w(toks[1])[:1] == "ل" else sub[0]
            found = name_of(text, sub, ents, seg_end, ante, cue.tok.start)
            if found:
                if channel == "statement":
                    ante.issuer = found[:2]
                return Said(found[:2], found[2], channel)
    issuer = ante.issuer or carried
    return Said(issuer, toks[0].end, channel)


def _subject_before(text: str, toks, idx: int, ents: Mentions, ante: Antecedents, pos: int):
    """"وكان مصدر عسكري (قد) قال …": the subject stands between كان and the cue."""
    j = idx - 1
    if j >= 0 and _w(toks[j]) == "قد":
        j -= 1
    for k in range(j, max(-1, j - 9), -1):
        w = _w(toks[k])
        if toks[k].text in ".:؛" or (toks[k].text in "،," and k < j - 1):
            return None                         # "وكانت وكالة …، نقلت": a comma right before the cue is fine
        if w in ("كان", "كانت", "وكان", "وكانت", "فكان", "فكانت") and k < j:
            found = name_of(text, list(toks[k + 1:j + 1]), ents, toks[j].end, ante, pos)
            return (*found[:2], None) if found else None
    return None


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

