"""Shapes of attributed speech that a cue word alone does not give (lexicon: data/speech_shapes.json).

  - a quotation before its speaker: "«…»، قال المبعوث …" / "«…»، أضاف المسؤول": the quotation is the
    cue's content, its speaker the subject after the cue; it is never the content of the sentence before;
  - a reporter's hedge closing a sentence with no speech verb ("…، على حد قوله"، "…، بحسب تعبيره"): the
    sentence is the last speaker's claim, the hedge no part of it;
  - رد (replied) as a speech cue, only with reported content after it ("ورد الوزير بأن …"، "وردّ قائلا: …");
  - a press conference held once ("عقد X مؤتمرا صحفيا …") is the channel of what its holders say after;
  - speaker mentions mended for the quote rules: a family name with ال the tagger left after a given
    name ("اللواء الركن علي فاضل | الكعبي"), a participle it glued on ("الوزير قائلا").
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from marsad.data import load_json
from marsad.extraction.channels import channel_in
from marsad.extraction.content import past_dateline, quoted, strip_span
from marsad.extraction.speakers import lexicon, word_of
from marsad.model import Entity, Quote
from marsad.text.arabic import normalize, normalize_map
from marsad.text.lexicons import nisba_country

_OPEN = "«“\""


@lru_cache(maxsize=1)
def shapes() -> dict:
    raw = load_json("speech_shapes.json")
    return {k: frozenset(normalize(w) for w in v) for k, v in raw.items() if not k.startswith("_")}


# ---- a quotation before its speaker ------------------------------------------------------------

def preposed(text: str, sent_start: int, cue_start: int) -> tuple[int, int] | None:
    """The quotation that opens the sentence (past a paragraph's dateline) and ends right before the cue
    ("«…»، قال X"، "«…»، بهذه الكلمات وصف X …"), else None."""
    i = past_dateline(text, sent_start, cue_start) if text[sent_start:sent_start + 1] not in _OPEN else sent_start
    while i < cue_start and (text[i].isspace() or text[i] in "-–"):
        i += 1
    if i < cue_start and text[i] == "و" and text[i + 1:i + 2] in _OPEN:
        i += 1
    if i >= cue_start or text[i] not in _OPEN:
        return None
    q = quoted(text, i, cue_start)
    if q is None or q[1] >= cue_start or text[q[1]:q[1] + 1] not in "»”\"":
        return None
    gap = text[q[1] + 1:cue_start].strip(" \t،,-–")
    return q if not gap or _WORDS_BACK.fullmatch(gap) else None


# words pointing back at the quotation just given, between it and its cue ("بهذه الكلمات وصف X …")
_BACK = r"(?:و?ب)?(?:هذه|تلك) (?:الكلمات|العبارات|العبارة|الكلمة)|هكذا|بهذا"
_WORDS_BACK, _WORDS_BACK_END = re.compile(_BACK), re.compile(rf"(?:{_BACK})\s*$")


def words_back(text: str, cue_start: int) -> bool:
    """The cue follows words pointing back at a quotation ("«…»، بهذه الكلمات وصف X"): it opens its own
    clause, no noun's relative clause."""
    return text[max(0, cue_start - 1):cue_start] == " " and bool(_WORDS_BACK_END.search(text, max(0, cue_start - 20), cue_start))


def opens_with_preposed(text: str, start: int, end: int) -> bool:
    """The sentence text[start:end] opens with a quotation a speech cue follows ("«…»، أضاف …"): that
    quotation is its own cue's, not the content a cue of the sentence before introduced."""
    i = start
    while i < end and text[i].isspace():
        i += 1
    if i >= end or text[i] not in _OPEN:
        return False
    q = quoted(text, i, end)
    if q is None:
        return False
    m = re.match(r"[»”\"]?[\s،,]*([^\s،,.:]+)", text[q[1]:min(end, q[1] + 30)])
    if not m:
        return False
    w, lex = normalize(m.group(1)), lexicon()
    return any(f in lex["verbs"] or f in lex["continuations"] for f in (w, w[1:] if w[:1] in "وف" else ""))


# ---- a reporter's hedge ------------------------------------------------------------------------

_HEDGE = re.compile(r"[،,]?\s*(?:و|وذلك )?(?:علي حد|بحسب|حسب|وفق|وفقا ل|طبقا ل)\s*"
                    r"(?:قول|تعبير|وصف)(?:ه|ها|هم|هما)[\s.،,]*$")


def hedge_start(text: str, start: int, end: int) -> int | None:
    """Where a closing "، على حد قوله" / "، بحسب تعبيره" begins in text[start:end], else None."""
    origin = max(start, end - 40)
    norm, index = normalize_map(text[origin:end])
    m = _HEDGE.search(norm)
    return origin + index[m.start()] if m else None


def hedged(text: str, sent, toks, speaker: tuple[str, str] | None) -> Quote | None:
    """A sentence with no speech verb closing with a hedge: the last speaker's claim."""
    if speaker is None or not toks or not any(word_of(t) in shapes()["hedge_nouns"] for t in toks[-3:]):
        return None
    cut = hedge_start(text, sent.start, sent.end)
    if cut is None:
        return None
    s, e = strip_span(text, past_dateline(text, sent.start, cut), cut)
    if len(text[s:e].split()) < 3:
        return None
    kind = "indirect"
    inner = quoted(text, s, e)
    if inner and not text[inner[1] + 1:e].strip(" .،,»”\""):
        s, e, kind = inner[0], inner[1], "direct"
    return Quote(speaker[0], speaker[1], text[cut:sent.end].strip(" .،,"), kind, None, text[s:e], s, e)


# ---- رد: replied -------------------------------------------------------------------------------

def reply_word(form: str) -> bool:
    return form in shapes()["reply_verbs"]


def reply_opens(text: str, start: int, end: int) -> bool:
    """Reported content follows a رد cue in its clause: بأن، بالقول، قائلا، or a colon and a quotation."""
    window = text[start:min(end, start + 90)]
    for w in window.split():
        w = normalize(w.strip("،,"))
        if w in shapes()["reply_openers"]:
            return True
    return re.search(r":\s*[«“\"]", window) is not None


# ---- a press conference as the venue of later quotes -------------------------------------------

def venue_in(text: str, sent, toks, ents) -> tuple[int, set[str]] | None:
    """"عقد X [وY] مؤتمرا صحفيا …": (where, the names of the people and bodies who held it)."""
    if text.find("عقد", sent.start, sent.end) < 0:
        return None
    lex = shapes()
    verb = next((k for k, t in enumerate(toks[:8]) if (w := word_of(t)) in lex["venue_verbs"]
                 or w[:1] in "وف" and w[1:] in lex["venue_verbs"]), None)
    if verb is None:
        return None
    noun = next((t for t in toks[verb + 1:verb + 25] if word_of(t) in lex["venue_nouns"]), None)
    if noun is None or channel_in(text[noun.start:min(sent.end, noun.end + 20)]) != "press_conference":
        return None
    holders = set()
    for e in ents.within(toks[verb].end, noun.start, ("PER", "ORG")):
        holders.update(n for n in (e.canonical, e.actor, e.text) if n)
    return (sent.start, holders) if holders else None


def carry_venues(quotes: list[Quote], venues: list[tuple[int, set[str]]], text: str = "") -> None:
    """A quote with no channel after a press conference its speaker held is said at it — until the
    account leaves the conference: a holder's quote with a channel of its own ("وفي مقابلة مع قناة …"), or
    another speaker heard in a later paragraph (the story moved on; a holder quoted after that spoke
    elsewhere, e.g. "وكان X قد قال …")."""
    ended: set[int] = set()             # venues the account has left
    for q in quotes:
        last = next((v for v in reversed(venues) if v[0] <= q.start), None)
        if last is None or last[0] in ended:
            continue
        holder = q.speaker_canonical in last[1] or q.speaker in last[1]
        if q.channel and q.channel != "press_conference" and holder or \
                not holder and "\n" in text[last[0]:q.start]:
            ended.add(last[0])
        elif holder and not q.channel:
            q.channel = "press_conference"


# ---- speaker mentions mended ---------------------------------------------------------------------

def mended(text: str, entities: list[Entity]) -> list[Entity]:
    """The entities as the quote rules read them: a person's family name with ال the tagger left out
    after a given name ("علي فاضل | الكعبي": a nisba-shaped word, no nationality, no listed adjective,
    no place or body of its own) joined to it; a speech participle or medium noun glued on cut off."""
    out, drop, lex = [], set(), lexicon()
    starts = {e.start: e for e in entities}
    for e in entities:
        if e.type != "PER" or id(e) in drop:
            out.append(e)
            continue
        words = e.text.split()
        if len(words) > 1 and _glued(normalize(words[-1]), lex):
            cut = e.text.rfind(" ")
            canon = (e.canonical or e.text).split()
            e = replace(e, text=e.text[:cut], end=e.start + cut,
                        canonical=" ".join(canon[:-1]) if _glued(normalize(canon[-1]), lex) else e.canonical)
        m = _FAMILY.match(text, e.end)
        last = normalize((e.canonical or e.text).split()[-1])
        if m and not last.startswith("ال") and len((e.canonical or e.text).split()) >= 2:
            w = normalize(m.group(1))
            other = starts.get(m.start(1))
            if w.endswith("ي") and len(w) >= 5 and w not in lex["definite_adjectives"] and \
                    nisba_country(w) is None and (other is None or other.type in ("MISC", "PER")):
                if other is not None:
                    drop.add(id(other))
                e = replace(e, text=text[e.start:m.end(1)], end=m.end(1),
                            canonical=f"{e.canonical or e.text} {m.group(1)}")
        out.append(e)
    out = [e for e in out if id(e) not in drop]
    full: dict[str, set[str]] = {}               # a person's last name → the full names it ends
    for e in out:
        name = (e.canonical or e.text).split()
        if e.type == "PER" and len(name) >= 2:
            full.setdefault(normalize(name[-1]), set()).add(" ".join(name))
    for i, e in enumerate(out):                  # "وأوضح الكعبي": the one person of that name
        one = normalize(e.canonical or e.text)
        if e.type == "PER" and " " not in one and len(full.get(one, ())) == 1:
            out[i] = replace(e, canonical=next(iter(full[one])))
    return out


def unadorned(name: tuple[str, str]) -> tuple[str, str]:
    """A speaker phrase without an indefinite accusative closing it ("خلف ضاحكاً"، "الوزير مبتسماً"): a
    circumstantial adverb (tanween fatha) is never the last word of a name."""
    return tuple(" ".join(w.split()[:-1]) if len(w.split()) > 1 and w.endswith(("اً", "ًا")) else w
                 for w in name)


def _glued(word: str, lex: dict) -> bool:
    """A speech participle or a medium noun the tagger ran a name into ("X قائلا"، "تلا X بيانا")."""
    return word in lex["participles"] or word in _MEDIUM


_MEDIUM = frozenset(normalize(w) for w in ("بيانا", "بيان", "تصريحا", "تصريحات", "كلمة", "رسالة", "تغريدة", "منشورا"))
_FAMILY = re.compile(r" (ال[\u0621-\u064A]{3,})(?=[\s،,.:؛)]|$)")
