"""Who said it: the speaker phrase after a speech cue, as Arabic news writes it.

After the cue (and any time words: "أفاد الثلاثاء قيادي محلي") comes the subject. It is a person when
one is named there — also after stacked roles and ranks ("الناطق الرسمي باسم الجيش العميد …"، "الباحث
في الشؤون العسكرية …"): the speaker is the name, the role stays in the entity. Otherwise the subject is
an organisation or an unnamed source, read as a noun phrase that ends where Arabic grammar ends it: at a
preposition, a date, a relative pronoun, a verb ("طلبوا عدم ذكر أسمائهم"), an announced object
("أعلنت القوات مقتل …"), an indefinite word after a definite one ("أكد الموقع استحالة …").

A definite phrase that names no one ("المصدر"، "الوزارة"، "الحركة"، "المسؤول العسكري") is the
antecedent the article named before ("مصدر أمني"، the ministry's full name). A statement as subject
("أفاد بيان أصدره X"، "قال بيان لوزير …") is its issuer; a relay ("نقلت وكالة X عن Y قوله") is Y, with
X's channel; a correspondent ("أفاد مراسل قناة X") speaks for the outlet.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.extraction.channels import outlet_channel
from marsad.extraction.mentions import Mentions
from marsad.extraction.name_ends import glued_surname
from marsad.extraction.org_phrases import named_after_head
from marsad.model import Entity
from marsad.text.arabic import Token, normalize, tokens
from marsad.text.lexicons import (
    nisba,
    org_heads,
    person_names,
    place_names,
    role_heads,
    titles,
)

_OPEN, _CLOSE = "«“\"", "»”\""
MAX_SPEAKER_TOKENS = 9
MAX_ROLE_TOKENS = 14                  # a role phrase the name comes after ("المتحدث باسم … في …، NAME")
_PUNCT = set("،,:()[]؛;.!?؟")
_PREPOSITIONS = frozenset({"من", "عن", "الي", "علي", "مع", "ضد", "في", "ب", "ل"})


@lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = load_json("quotes.json")
    lex = {k: frozenset(normalize(x) for x in v) for k, v in raw.items() if isinstance(v, list)}
    lex["pairs"] = {normalize(k): normalize(v) for k, v in raw["number_pairs"].items()}
    lex["statements"] = {normalize(k): v for k, v in raw["statement_nouns"].items()}
    lex["role_heads"] = frozenset(role_heads("speaker"))        # lexicon/role_heads.tsv, the one list of roles
    lex["issuer_links"] = tuple(sorted((normalize(x) for x in raw["issuer_links"]), key=len, reverse=True))
    # "قال مصدر لموقع X"، "لشبكة X"، "لإذاعة X": an outlet with ل is the addressee, it ends the speaker
    lex["speaker_stop"] = lex["speaker_stop"] | {"ل" + normalize(h) for h in raw["outlet_heads"]}
    return lex


@dataclass
class Said:
    """The speaker a cue found (surface, canonical) or None, where the words after it start, and the
    channel the speaker phrase itself names (a relay by an agency, a statement); `addressee`: the words
    at `start` are the verb's object ("اتهم الجيش بقصف …"), the claim's content from there on."""
    name: tuple[str, str] | None
    start: int
    channel: str | None = None
    addressee: bool = False


def word_of(tok: Token) -> str:
    """A token's normalised word: what every cue and speaker rule compares."""
    return normalize(tok.text)


def without_article(word: str) -> str:
    """A word without its article or لل (الوزارة → وزاره), for matching an anaphor to its antecedent."""
    for p in ("وال", "ال", "لل"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    return word


def unquoted(s: str) -> str:
    """A speaker phrase without its quotation marks and the punctuation at its edges."""
    return re.sub(f"[{_OPEN}{_CLOSE}]", "", s).strip(" ،,:-–—")


def is_time(word: str) -> bool:
    lex = lexicon()
    return word in lex["time_words"] or (word[:1] in "وف" and word[1:] in lex["time_words"])


def plural_verb(word: str) -> bool:
    """A past-tense plural verb (طلبوا، رفضوا، قالوا): it ends an unnamed speaker phrase."""
    return len(word) >= 4 and word.endswith("وا") and not word.startswith("ال")


def _glued(text: str, e: Entity) -> bool:
    """An entity the tagger cut from inside a word ("لجان" → "جان"): a subject has no preposition."""
    return e.start > 0 and text[e.start - 1] in "لبك" and (e.start < 2 or not text[e.start - 2].isalpha())


def sane(text: str, e: Entity) -> bool:
    """A name the tagger found, not one run into a complementizer or a preposition ("الإعلامي أن أكثر")."""
    lex, own = lexicon(), [normalize(t.text) for t in tokens(text, e.start, e.end)]
    words = own + normalize(e.canonical or "").split()
    seat = own.index("في") + 1 if "في" in own[1:] else 0
    if e.type == "ORG" and own.count("في") == 1 and seat and " ".join(own[seat:]) in place_names():
        words = [w for w in words if w != "في"]   # "وزارة الصحة في غزة": a body and its seat, one name
    return not _glued(text, e) and not any(w in lex["complementizers"] or w in ("في", "من", "عن") for w in words)


def _entity_at(text: str, ents: Mentions, tok: Token, end: int) -> Entity | None:
    for e in ents.at.starting(tok.start, tok.end):
        if e.type in ("PER", "ORG") and e.end <= end and sane(text, e):
            return e
    return None


def is_media(e: Entity) -> bool:
    """An outlet's name (وكالة الأنباء الألمانية): after a subject it is the addressee, not the speaker."""
    return bool(e.actor and outlet_channel(e.actor)) or outlet_channel(e.canonical or e.text) is not None


def _no_subject(word: str) -> bool:
    """A word that cannot open a subject: a verb, a negation, an announced object (مقتل، بمقتل)."""
    lex = lexicon()
    return (word in lex["subject_breakers"] or plural_verb(word) or word in lex["object_nouns"]
            or (word[:1] in "بل" and word[1:] in lex["object_nouns"]) or word in lex["say_nouns"]
            or word in lex["speech_objects"])


def _quote_close(toks: list[Token], i: int, most: int = 6) -> int | None:
    """Index of the mark closing the short quotation opening at toks[i] (a quoted name), or None."""
    for k in range(i + 1, min(len(toks), i + most + 1)):
        if toks[k].text in _CLOSE:
            return k if k > i + 1 else None
        if toks[k].text in _PUNCT:
            return None
    return None


def _grammar_break(prev: str, word: str) -> bool:
    """The noun phrase cannot go on from `prev` to `word`."""
    if prev.startswith(("ال", "لل")) and prev not in titles() and not word.startswith(("ال", "لل", "بال", "وال")):
        return not (word == "باسم" or (word[:1] == "ل" and len(word) > 3) or word in person_names())
    if prev.endswith("ون") and not prev.startswith("ال"):     # "ناشطون سوريون" but not "ناشطون مقتل"
        return not (word.endswith(("ون", "ين")) or nisba(word) or word.startswith("و"))
    return False


def phrase_length(text: str, toks: list[Token], ents: Mentions, end: int, limit: int = MAX_SPEAKER_TOKENS) -> int:
    """How many of `toks` (after a cue) make the subject noun phrase."""
    lex, i, n = lexicon(), 0, 0
    if toks and _no_subject(word_of(toks[0])):
        return 0
    while i < len(toks) and i < limit and toks[i].end <= end:
        t, w = toks[i], word_of(toks[i])
        prev = word_of(toks[i - 1]) if i else ""
        ent = _entity_at(text, ents, t, end)
        if ent is not None:
            if i and is_media(ent) and without_article(prev) not in ("مراسل", "مراسله"):
                break                           # "أبلغت المصادر وكالة الأنباء …"، "طبيب لفرانس برس": the addressee
            while i < len(toks) and toks[i].end <= ent.end and not (i and not ent.actor and word_of(toks[i]) in lex["object_nouns"]):
                i += 1
            if i < len(toks) and toks[i].text in _CLOSE and sum(ent.text.count(c) for c in _OPEN + "”»") % 2:
                i += 1                          # قناة "ليبيا الحدث": the tagger left the closing mark out
            n = i
            if (i < len(toks) and toks[i].end <= ent.end) or ent.actor:
                break                           # "قوات الجيش الليبي | السيطرة على …": the tagger ran on;
            continue                            # a dictionary name is whole ("أكد المرصد … الأنباء")
        if i and w[:1] == "ل" and any(is_media(e) for e in ents.at.starting(t.start + 1, t.start + 2)):
            break                               # "قال شهود عيان لرويترز": the outlet told, glued to its ل
        if t.text in _OPEN:
            close = _quote_close(toks, i)
            head = word_of(toks[0])
            if close is None or not i or (i >= 2 and (head in lex["source_nouns"] or lex["pairs"].get(head) in
                                                      lex["source_nouns"])) \
                    or (i + 1 < len(toks) and word_of(toks[i + 1]) in lex["object_nouns"]):
                break                           # "أكد مصدر طبي “مقتل …”": a source's quotation is its words
            n = close + 1                       # a quoted name ends the phrase: حركة "الشباب" المتطرفة
            break
        if w in ("ل", "لـ") and i and word_of(toks[0]).startswith("ال") and i + 1 < len(toks) and (
                toks[i + 1].text in _OPEN or _entity_at(text, ents, toks[i + 1], end)):
            i += 1                              # المركز الإعلامي لـ"قسد" (but "مصدر طبي لـ«X»" spoke to X)
            continue
        if t.text in _PUNCT or t.text in "-–—" or w in lex["complementizers"] or w in lex["relatives"]:
            break
        if w == "لدي":                          # "مندوب X لدى الأمم المتحدة"; "الرئيس | لدى وصوله" ends it
            if not (i + 1 < len(toks) and not re.search("(?:ه|ها|هم)$", word_of(toks[i + 1])) and any(
                    without_article(word_of(x)) in lex["envoy_heads"] for x in toks[:i])):
                break
            i = n = i + 1
            continue
        if i and (w in lex["speaker_stop"] or (is_time(w) and not _place_runs_on(ents, toks[i - 1], t))
                  or w in lex["subject_breakers"] or plural_verb(w)
                  or w in lex["object_nouns"] or w in lex["say_nouns"] or _grammar_break(prev, w)
                  or w[:2] == "ال" and w in lex["announced_acts"] and prev[:2] == "ال" and prev not in titles()):
            break
        if w == "باسم" and not any(re.search(r"(?:متحدث|ناطق)ه?$", word_of(x)) for x in toks[:i]):
            break
        i = n = i + 1
    return n


def _place_runs_on(ents: Mentions, prev: Token, t: Token) -> bool:
    """A place name that holds a day's name ("بلدية سوق الجمعة"، "سوق الأحد"): the tagged place runs
    from the word before the time word through it, so the phrase goes on."""
    return any(e.type == "LOC" and e.start <= prev.start and e.end >= t.end
               for e in ents.at.overlapping(prev.start, prev.end))


def role_led(words: list[str]) -> bool:
    """The phrase starts with a role or a rank (المتحدث باسم …، العقيد في …، قائد شرطة …)."""
    if not words:
        return False
    lex, first = lexicon(), words[0]
    bare = without_article(first)
    return bare in lex["role_heads"] or bare.endswith("ه") and bare[:-1] in lex["role_heads"] or any(
        " ".join(words[:2]).startswith(t) for t in titles())      # الناطقة، المتحدثة: her role too


def name_run(text: str, toks: list[Token], i: int, end: int) -> tuple[int, int] | None:
    """A person's name the tagger missed, from toks[i]: a known first name (or عبد…) and up to three
    more words, ending at a preposition, a comma, a complementizer or the content."""
    lex = lexicon()
    if i >= len(toks) or toks[i].end > end:
        return None
    first = word_of(toks[i])
    if toks[i].text in ("على", "إلى", "الى"):
        return None                          # على (on) is علي (Ali) once normalised
    if not (first in person_names() or (first.startswith("عبد") and len(first) > 5)) or first in lex["role_heads"] \
            or first.startswith("ال") or first == "باسم" or is_time(first) or first.removeprefix("ف") in lex["complementizers"] \
            or first in lex["speaker_stop"]:
        return None                          # a family name (المصري), باسم, فإن (فان, Van) or خلال (a given name too) is none
    j = i + 1
    while j < len(toks) and j < i + 4 and toks[j].end <= end:
        w, raw = word_of(toks[j]), toks[j].text
        stop = (toks[j].text in _PUNCT or toks[j].text in _OPEN or w in lex["complementizers"] or is_time(w)
                or (w in lex["speaker_stop"] and raw != "علي") or w.startswith(("لل", "بال")) or plural_verb(w)
                or w in lex["object_nouns"])
        if stop or (w[:1] in "لب" and len(w) > 4 and not w.startswith("ال") and not glued_surname(toks, j, end, lex["complementizers"])):
            break
        j += 1
    return toks[i].start, toks[j - 1].end


def bound(text: str, toks: list[Token], end: int) -> int:
    """Index of the first token that opens the content: a complementizer, a colon or a quotation."""
    lex = lexicon()
    for k, t in enumerate(toks):
        if t.end > end:
            return k
        if word_of(t) in lex["complementizers"] or t.text == ":" or (t.text in _OPEN and _quote_close(toks, k) is None):
            return k
    return len(toks)


def person_after_role(text: str, toks: list[Token], ents: Mentions, n: int, end: int) -> tuple[str, int] | None:
    """The person a role phrase (toks[:n]) leads to before the content: (name, end offset)."""
    stop = min(bound(text, toks, end), MAX_ROLE_TOKENS)
    for k in range(1, stop):                 # the phrase may have run on into a name the tagger missed
        before = word_of(toks[k - 1]) if k else ""
        if before in _PREPOSITIONS:
            continue
        e = _entity_at(text, ents, toks[k], end)
        if e is not None and e.type == "PER":
            return _given_name(text, toks, ents, e) or e.canonical or e.text, e.end
        if e is None and (k >= n or toks[k - 1].text in "،,»”\"" or before.startswith("ال")) and not any(
                o.type == "ORG" and o.end > toks[k].start for o in ents.at.starting(toks[k].start - 40, toks[k].start)):
            run = name_run(text, toks, k, end)
            if run:
                return text[run[0]:run[1]], run[1]
        w = word_of(toks[k])
        if k >= n and e is None and (w in ("ما", "مما") or w in lexicon()["relatives"] or _no_subject(w)):
            break                            # "وكذّب المتحدث | ما نشرته …": no name, the content has begun
    return None


def name_of(text: str, toks: list[Token], ents: Mentions, end: int, ante,
            pos: int) -> tuple[str, str, int, int] | None:
    """The speaker a subject phrase starting at toks[0] names: (surface, canonical, end offset, tokens);
    `ante` (anaphora.Antecedents) resolves a definite phrase to the name it points back to."""
    lex = lexicon()
    n = phrase_length(text, toks, ents, end)
    if n == 0:
        return None
    sub = toks[:n]
    s_start, s_end = sub[0].start, sub[-1].end
    words = [word_of(t) for t in sub]
    people = [e for e in ents.within(s_start, s_end, ("PER",)) if sane(text, e) and not named_after_head(text, e)]
    appositive = apposition(text, ents, s_end)    # "رئيس …، اللواء ركن صقر الجروشي، إن"
    if appositive and (not people or appositive[0].title and not people[0].title):
        people = appositive
    if people:
        p = people[0]
        name = _given_name(text, toks, ents, p) or p.canonical or p.text
        _remember_role(ante, text[s_start:min(p.start, s_end)], name)
        return name, name, max(p.end, s_end), n
    if role_led(words):
        found = person_after_role(text, toks, ents, n, end)
        if found:
            return found[0], ante.ents.canonical(found[0], ante.heard), found[1], n
    cut = next((k for k in range(1, n) if _nisba_end(sub, k) and not any(
        e.start <= sub[k].start and e.end > sub[k].end for e in ents.within(s_start, s_end, ("ORG",)))), None)
    if cut is not None:                        # "الجيش المصري | توجيه ضربات": the subject ends there
        s_end, n = sub[cut].end, cut + 1
    orgs = ents.within(s_start, s_end, ("ORG",))
    tail = normalize(unquoted(text[orgs[0].end:s_end])).split() if orgs else []
    if orgs and tail and not tail[0].startswith(("ال", "ل")):
        s_end = orgs[0].end                    # "… للقوات المسلحة الليبية | دخول …", not "شعبة الإعلام | الحربي"
    phrase = unquoted(sub[0].text[:s_end - sub[0].start] if s_end < sub[0].end else sub[0].text + text[sub[0].end:s_end])
    if not phrase:
        return None
    if without_article(normalize(phrase.split()[0])) == "مراسل" and len(phrase.split()) > 1:
        phrase = " ".join(phrase.split()[1:])  # "مراسل قناة X": the outlet speaks through its correspondent
    head = normalize(phrase.split()[0])
    if not head.startswith("ال") and (head in lex["source_nouns"] or lex["pairs"].get(head) in lex["source_nouns"]):
        more = _body_after(text, toks, n, ents, end)   # "مصدر في الجيش"، "مصادر في سلاح الجو": the body
        if more:
            phrase, s_end, n = unquoted(text[s_start:more[0]]), more[0], more[1]
    canonical = ante.resolve(phrase, pos)
    second = normalize(phrase.split()[1]) if len(phrase.split()) > 1 else ""
    if canonical is None and second and head.startswith("ال") and not nisba(second) and not second.endswith(("ي", "يه")):
        alone = ante.resolve(phrase.split()[0], pos)   # "ووصف الوالي الاعتداءات …": the anaphor is one word
        if alone:
            return phrase.split()[0], alone, sub[0].end, 1
    role = ante.role_person(phrase, pos) if hasattr(ante, "role_person") else None   # "المتحدث" again: who it named
    return phrase, canonical or role or ents.canonical(phrase, ante.heard), s_end, n


def _remember_role(ante, role: str, name: str) -> None:
    """"قال مدير ناحية X، NAME، إن …": the role phrase, said again later alone, is that person."""
    role = normalize(unquoted(role)).strip(" ،,")
    if len(role.split()) >= 2 and role not in titles() and hasattr(ante, "roles"):
        ante.roles.setdefault(role, name)


def _given_name(text: str, toks: list[Token], ents: Mentions, p: Entity) -> str | None:
    """"… في جلولاء هجار ابراهيم": the tagger kept only the family name of a person named after a role;
    the bare word before it (no article, role, title, organisation or place word) is the given name."""
    if " " in (p.canonical or p.text).strip():
        return None
    k = next((i for i, t in enumerate(toks) if t.start == p.start), None)
    if not k:
        return None
    w = word_of(toks[k - 1])
    if (not w.isalpha() or w.startswith(("ال", "لل")) or w in lexicon()["role_heads"] or w in org_heads()
            or w in _PREPOSITIONS or w in lexicon()["source_nouns"] or is_time(w) or any(w == t or t.startswith(w + " ")
                                                                                      for t in titles())
            or any(e.end >= toks[k - 1].end and e is not p for e in ents.at.starting(toks[k - 1].start - 40,
                                                                                        toks[k - 1].end))):
        return None
    return unquoted(text[toks[k - 1].start:p.end])


def _body_after(text: str, toks: list[Token], n: int, ents: Mentions, end: int) -> tuple[int, int] | None:
    """(end offset, tokens) of "في/داخل + organisation" after an unnamed source, else None ("في المدينة")."""
    if n + 1 >= len(toks) or word_of(toks[n]) not in ("في", "داخل", "بـ"):
        return None
    nxt = toks[n + 1]
    e = _entity_at(text, ents, nxt, end)
    if (e is not None and e.type == "ORG") or word_of(nxt) in org_heads() or word_of(nxt) in lexicon()["source_bodies"]:
        k = n + 1 + phrase_length(text, toks[n + 1:], ents, end)
        return toks[k - 1].end, k
    return None


def _nisba_end(rest: list[Token], i: int) -> bool:
    """Token i is a nationality adjective closing the subject (the next word is no adjective)."""
    w = rest[i].text
    if not nisba(w[:-1] if normalize(w).endswith("يه") else w):
        return False
    nxt = normalize(rest[i + 1].text) if i + 1 < len(rest) else ""
    return bool(nxt) and not nxt.startswith("ال") and nxt not in ("،", ",", "لدي")   # "مندوب X الديمقراطية لدى …"


def apposition(text: str, ents: Mentions, pos: int) -> list[Entity]:
    """A person named right after the subject, between commas (", اللواء أحمد المسماري،"، "، ويدعى فلان،")."""
    m = re.match(r"\s*[،,]\s*(?:و?(?:يدعى|يُدعى|يدعي|اسمه|تدعى|تُدعى|اسمها)\s+)?", text[pos:pos + 14])
    if not m:
        return []
    start = pos + m.end()
    return [e for e in ents.at.starting(start, start + 2) if e.type == "PER"]
