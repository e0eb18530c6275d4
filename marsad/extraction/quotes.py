"""Claims and quotes: who said what, directly or reported, through which channel.

Per sentence, speech cues (قال، أكد، أعلن …; continuations وأضاف، وتابع، وأردف; participles
موضحا، قائلا …) open a quote. Its speaker is the person named between the cue and the content,
else the organisation phrase there (cut at attributive words such as التابعة، بقيادة), else —
for continuations, pronoun objects (أكد فيه) and "ومضى البيان" — the speaker carried over from
the account so far. Its content is the quoted span («…», "…", “…», or unmarked after a colon:
direct) or the reported clause from the complementizer (إن/أن) to the next finite cue or the
sentence end (indirect). A participle with reported content (موضحا أن …) continues the current
quote; with a direct quote (معقبا: "…") it opens its own. The channel (phone interview, TV,
press conference, Facebook, Twitter, statement, agency) is read from the sentence and shared by
the quotes of one speaker's uninterrupted account.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.data import load_json
from marsad.model import Document, Entity, Quote
from marsad.text.arabic import Token, normalize, sentences, tokens

_OPEN, _CLOSE = "«“\"", "»”\""
MAX_SPEAKER_TOKENS = 9
# ", وفقًا لما ذكرته فضائية …" / ", بحسب بيان …": where the report says it got the claim from
_ATTRIBUTION = re.compile(r"[،,]\s*(?:وفق(?:ا|اً|ًا)? لما|بحسب|حسب ما|حسبما|نقلا عن|نقلاً عن|وفق ما)")


@lru_cache(maxsize=1)
def _lex() -> dict:
    raw = load_json("quotes.json")
    norm = lambda xs: frozenset(normalize(x) for x in xs)  # noqa: E731
    return {"verbs": norm(raw["verbs"]), "cont": norm(raw["continuations"]), "part": norm(raw["participles"]),
            "comp": norm(raw["complementizers"]), "stop": norm(raw["speaker_stop"]),
            "skip": norm(raw["skip_words"]), "not_speakers": norm(raw["not_speakers"]),
            "directives": norm(raw["directives"]), "heads": norm(raw["announcing_heads"]),
            "announce": norm(raw["announce_verbs"]),
            "pron": norm(raw["pronoun_objects"]), "priority": raw["channel_priority"],
            "channels": {k: re.compile("|".join(rf"(?<!\w)(?:[وبلف]|ال)?{re.escape(normalize(p))}" for p in v))
                         for k, v in raw["channels"].items()},
            "statement": norm(["البيان", "بيان", "البلاغ", "الرسالة"])}


@dataclass
class Cue:
    tok: Token
    form: str                 # verb | cont | part
    word: str                 # the cue without its conjunction (أضاف)


def _cue(tok: Token) -> Cue | None:
    lex, w = _lex(), normalize(tok.text)
    for form in (w, w[1:] if w[:1] in "وف" and len(w) > 3 else None):
        if not form:
            continue
        for kind in ("cont", "verbs", "part"):
            if form in lex[kind]:
                word = tok.text[1:] if form != w else tok.text      # without its و/ف, diacritics kept
                return Cue(tok, "verb" if kind == "verbs" else kind, word)
    return None


def _channel(text: str) -> str | None:
    norm, lex = normalize(text), _lex()
    for name in lex["priority"]:
        if lex["channels"][name].search(norm):
            return name
    return None


def _quoted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first quotation of 3+ words in text[start:end] that opens before any other word."""
    i = start
    while i < end and (text[i].isspace() or text[i] in "،,:"):
        i += 1
    if i >= end or text[i] not in _OPEN or (text[i] == '"' and (
            text[i + 1:i + 2].isspace() or (i > 0 and text[i - 1].isalnum()))):
        return None                             # a '"' after a word or before a space closes one
    closer = {"«": "»", "“": "”", '"': '"'}[text[i]]
    j = text.find(closer, i + 1, end + 1)
    j = end if j < 0 else j
    if len(text[i + 1:j].split()) < 3:
        return None
    return i + 1, j


def _quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside «…», “…” and "…" (3+ words) in text[start:end]: speech cues there are quoted words."""
    spans, i = [], start
    while i < end:
        if text[i] in _OPEN:
            q = _quoted(text, i, end)
            if q:
                spans.append(q)
                i = q[1] + 1
                continue
        i += 1
    return spans


def _entities_in(ents: list[Entity], start: int, end: int, kinds=("PER", "ORG")) -> list[Entity]:
    return [e for e in ents if e.type in kinds and start <= e.start and e.end <= end]


def _clean(s: str) -> str:
    return re.sub(f"[{_OPEN}{_CLOSE}]", "", s).strip(" ،,:")


class _Account:
    """The speaker and channel carried from quote to quote."""

    def __init__(self):
        self.speaker: tuple[str, str] | None = None
        self.channel: str | None = None
        self.speakers: list[str] = []          # canonical names quoted so far, in order


def find_quotes(text: str, entities: list[Entity], claims: list[Quote] | None = None) -> list[Quote]:
    """Quotes in `text`; every attributed statement (calls and announcements too) also goes to `claims`."""
    lex, account, out = _lex(), _Account(), []
    for sent in sentences(text):
        toks = tokens(text, sent.start, sent.end)
        quoted = _quotation_spans(text, sent.start, sent.end)
        cues = [c for c in map(_cue, toks) if c and not any(a <= c.tok.start < b for a, b in quoted)]
        last: Quote | None = None
        for n, cue in enumerate(cues):
            after = cue.tok.end
            if last and cue.tok.start < last.end:
                continue                        # a cue word inside the quote just read
            if cue.form == "part":
                direct = _quoted(text, after, sent.end)
                if not direct or (last and last.end >= cue.tok.start and not _colon_before(text, after)):
                    continue                    # موضحا أن …: the current quote goes on
            seg_end = next((c.tok.start for c in cues[n + 1:] if c.form != "part" or
                            (_quoted(text, c.tok.end, sent.end) and _colon_before(text, c.tok.end))), sent.end)
            if seg_end <= after:
                continue
            speaker, content_start = _speaker(text, toks, entities, cue, seg_end, account, sent.start)
            if speaker is None:
                continue
            q = _content(text, content_start, seg_end, cue)
            if q is None:
                continue
            kind, (cs, ce) = q
            lead = last.end if last else sent.start    # this quote's own lead-in, not an earlier quote
            channel = _channel(text[lead:cs]) or _channel(text[ce:seg_end])
            is_person = any(e.type == "PER" and e.canonical == speaker[1] for e in entities)
            if not _is_claim(text, cue, kind, cs, speaker, content_start, is_person):
                if claims is not None:
                    claims.append(Quote(speaker[0], speaker[1], cue.word, kind, None, text[cs:ce], cs, ce))
                continue
            if account.speaker != speaker:
                account.channel = None
            account.speaker = speaker
            account.speakers.append(speaker[1])
            channel = channel or account.channel
            if normalize(speaker[0]) in lex["statement"] and channel is None:
                channel = "statement"
            account.channel = channel
            quote = Quote(speaker[0], speaker[1], cue.word, kind, channel, text[cs:ce], cs, ce)
            if normalize(speaker[0]) in lex["statement"]:
                quote.speaker, quote.speaker_canonical = account_speaker(out) or speaker
            out.append(quote)
            if claims is not None:
                claims.append(quote)
            last = quote
    _share_channels(out)
    return out


def _is_claim(text: str, cue: Cue, kind: str, cs: int, speaker, content_start: int,
              speaker_is_person: bool) -> bool:
    """Reported speech, not a call or an announced action.

    Calls and threats (دعا إلى، طالب بـ، حذر من، توعد بـ) are claims only with quoted or reported
    (أن/إن) content; an announcement with a bare object (أعلنت القوات السيطرة على …) is a claim
    only from a communicating body (an office, ministry, spokesman), not from the actor itself.
    """
    lex = _lex()
    word = normalize(cue.word)
    reported = kind == "direct" or re.match(r"(?:(?:من|علي|الي) )?ب?ا?[اإ]?ن(?:ه|ها|هم)?(?!\w)",
                                            normalize(text[cs:cs + 12])) is not None
    if word in lex["directives"]:
        return reported
    if word in lex["announce"] and not reported and not speaker_is_person:
        head = normalize(speaker[0]).split(" ")[0] if speaker else ""
        explicit = content_start > cue.tok.end
        return explicit and head in lex["heads"]
    return True


def account_speaker(quotes: list[Quote]) -> tuple[str, str] | None:
    return (quotes[-1].speaker, quotes[-1].speaker_canonical) if quotes else None


def _colon_before(text: str, i: int) -> bool:
    return text[i:i + 3].lstrip().startswith(":")


def _speaker(text, toks, ents, cue: Cue, seg_end, account, sent_start):
    """((surface, canonical), where the content starts), or (None, _) when there is no quote."""
    lex = _lex()
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    rest = [t for t in toks[idx + 1:] if t.start < seg_end]
    first = normalize(rest[0].text) if rest else ""
    carried = account.speaker
    if cue.form == "part" or not rest or first in lex["comp"] or first in lex["pron"] or rest[0].text in "،,:" \
            or (rest[0].text in _OPEN and _quoted(text, rest[0].start, seg_end)) or _prepositional(first):
        if first in lex["pron"] or (cue.form == "verb" and not carried):
            person = _nearest_before(ents, sent_start, cue.tok.start)
            if person:
                name = person.canonical or person.text
                return (name, name), cue.tok.end
        return carried, cue.tok.end
    # The subject: up to a comma, colon, bracket, quotation, complementizer or attributive word.
    cut = len(rest)
    if first in lex["not_speakers"]:
        return None, 0
    if rest[0].text in _OPEN:                   # وأوضح "المسماري" …: a quoted name is the subject
        close = next((i for i, t in enumerate(rest[1:5], 1) if t.text in _CLOSE), None)
        if close and close > 1:
            phrase = _clean(text[rest[0].start:rest[close].end])
            return (phrase, _canonical(phrase, ents, account.speakers)), _skip_appositives(
                text, rest[close].end, seg_end)
    for i, t in enumerate(rest):
        w = normalize(t.text)
        prev = normalize(rest[i - 1].text) if i else ""
        if t.text in "،,:(" or w in lex["comp"] or (i and w in lex["stop"]) or i >= MAX_SPEAKER_TOKENS or (
                t.text in _OPEN and _quoted(text, t.start, seg_end)) or (
                w == "باسم" and not re.search(r"(?:متحدث|ناطق)$", prev)):
            cut = i
            break
    if cut == 0:
        return carried, cue.tok.end
    subj_start, subj_end = rest[0].start, rest[cut - 1].end
    people = _entities_in(ents, subj_start, subj_end, ("PER",))
    appositive = _apposition(text, ents, subj_end)   # "رئيس …، اللواء ركن صقر الجروشي، إن"
    if appositive and (not people or appositive[0].title and not people[0].title):
        people = appositive
    if people:
        p = people[0]
        name = p.canonical or p.text
        return (name, name), _skip_appositives(text, max(p.end, subj_end), seg_end)
    nisba = next((i for i in range(1, cut) if _nisba_end(rest, i)), None)
    if nisba is not None:                       # "الجيش المصري | توجيه ضربات": the subject ends there
        subj_end = rest[nisba].end
    orgs = _entities_in(ents, subj_start, subj_end, ("ORG",))
    if orgs and orgs[0].end < subj_end and not normalize(text[orgs[0].end:subj_end]).split()[0].startswith("ال"):
        subj_end = orgs[0].end                  # "… للقوات المسلحة الليبية | دخول …", not "شعبة الإعلام | الحربي"
    phrase = _clean(text[subj_start:subj_end])
    if not phrase:
        return carried, cue.tok.end
    words = normalize(phrase).split()
    if words[0] in lex["statement"]:            # "ومضى البيان قائلا", "وشدد البيان على …"
        return (phrase.split()[0], phrase.split()[0]), subj_start + len(phrase.split()[0])
    if _is_title_only(phrase) and carried:
        return carried, subj_end
    return (phrase, _canonical(phrase, ents, account.speakers)), _skip_appositives(text, subj_end, seg_end)


def _nisba_end(rest: list[Token], i: int) -> bool:
    """Token i is a nationality adjective closing the subject (the next word is no adjective)."""
    from marsad.text.lexicons import nisba

    w = rest[i].text
    if not nisba(w[:-1] if normalize(w).endswith("يه") else w):
        return False
    nxt = normalize(rest[i + 1].text) if i + 1 < len(rest) else ""
    return bool(nxt) and not nxt.startswith("ال") and nxt not in ("،", ",")


def _prepositional(word: str) -> bool:
    """A subject never starts with a preposition ("كما طالبت بالعودة …": the subject is carried)."""
    return word in {"الي", "علي", "عن", "من", "في", "مع", "ب", "ل"} or (
        len(word) > 4 and word[0] in "بل" and word[1:3] == "ال")


def _apposition(text: str, ents: list[Entity], pos: int) -> list[Entity]:
    """A person named right after the subject, between commas (", اللواء أحمد المسماري،")."""
    m = re.match(r"\s*[،,]\s*", text[pos:pos + 4])
    if not m:
        return []
    start = pos + m.end()
    return [e for e in ents if e.type == "PER" and start <= e.start <= start + 1 or
            e.type == "PER" and e.title and e.start == start]


def _canonical(phrase: str, ents: list[Entity], earlier: list[str]) -> str:
    """The entity name a speaker phrase refers to (المسماري → أحمد المسماري; المكتب → the office
    named in full by an earlier quote), else the phrase."""
    from marsad.extraction.entities import variant_key

    key = variant_key(phrase)
    for name in reversed(earlier):
        if variant_key(name).startswith(key + " "):
            return name
    for e in ents:
        if e.type in ("PER", "ORG") and e.canonical and variant_key(e.canonical) == key:
            return e.canonical
    tails = {e.canonical for e in ents if e.type == "PER" and e.canonical and
             variant_key(e.canonical).endswith(" " + key)}
    return tails.pop() if len(tails) == 1 else phrase


def _is_title_only(phrase: str) -> bool:
    from marsad.text.lexicons import titles
    return normalize(phrase) in titles()


def _nearest_before(ents, start, end) -> Entity | None:
    people = [e for e in ents if e.type == "PER" and start <= e.start < end]
    orgs = [e for e in ents if e.type == "ORG" and start <= e.start < end]
    return (people or orgs or [None])[-1]


def _skip_appositives(text: str, pos: int, end: int) -> int:
    """Past ", المتحدث باسم …،" / "التابعة لـ …،" / "خلال مداخلة …،" after the subject, never past the
    complementizer that opens the content nor past `end`; objects (عن/على/إلى …) are content."""
    lex = _lex()
    for _ in range(3):
        m = re.match(r"[\s،,«»“”\"]*", text[pos:end])
        nxt = pos + m.end()
        word = normalize(text[nxt:nxt + 14].split(" ")[0]) if nxt < end else ""
        if word in lex["comp"]:
            return nxt
        if word in lex["skip"] or word in lex["pron"] or "،" in m.group() and re.match(
                r"(?:ال)?(?:متحدث|ناطق|رئيس|وزير|قائد|مدير|امين|تابع|منبثق|مكلف)", word):
            stop = re.search(r"[،,:]|(?<!\w)(?:[إا]ن|ب?[أا]ن)(?:ه|ها|هم)?(?!\w)", text[nxt:min(end, nxt + 200)])
            if not stop:
                break
            pos = nxt + (stop.start() if stop.group() not in "،," else stop.end())   # a colon stays: direct
        else:
            break
    return pos


def _content(text: str, start: int, end: int, cue: Cue) -> tuple[str, tuple[int, int]] | None:
    lex = _lex()
    direct = _quoted(text, start, end)
    m = re.match(r"[\s،,]*", text[start:end])
    pos = start + m.end()
    word = re.match(r"[^\s:،,]*", text[pos:end]).group()
    if normalize(word) in lex["part"] or normalize(word) in lex["pron"]:   # قائلا: … / قال خلالها: …
        pos += len(word)
        direct = _quoted(text, pos, end)
    if not direct:
        later = re.search(r":\s*(?=[«“\"])", text[pos:end])     # "…، خلال مؤتمر صحفي …: «…»"
        comp = re.search(r"(?<!\w)(?:[إا]ن|ب?[أا]ن)(?!\w)", text[pos:end])
        if later and (not comp or later.start() < comp.start()):
            direct = _quoted(text, pos + later.end(), end)
    if not direct and text[pos:pos + 1] == ":" and len(text[pos + 1:end].split()) >= 3:
        return "direct", _strip_span(text, pos + 1, end)
    if direct:
        return "direct", direct
    # reported: from the complementizer when it comes soon, else right here
    window = text[pos:end]
    comp = re.search(r"(?<!\w)(?:[إا]ن|ب?[أا]ن|[إا]لى [أا]ن|على [أا]ن)(?:ه|ها|هم)?(?!\w)", window[:60])
    if comp:
        inner = _quoted(text, pos + comp.end(), end)
        if inner:
            return "direct", inner
    attribution = _ATTRIBUTION.search(text, pos, end)
    s, e = _strip_span(text, pos, attribution.start() if attribution else end)
    if len(text[s:e].split()) < 3:
        return None
    return "indirect", (s, e)


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "،,:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,.:؛"):
        e -= 1
    return s, e


def _share_channels(quotes: list[Quote]) -> None:
    """Within one speaker's uninterrupted run of quotes, a channel named once applies to all."""
    i = 0
    while i < len(quotes):
        j = i
        while j + 1 < len(quotes) and quotes[j + 1].speaker_canonical == quotes[i].speaker_canonical:
            j += 1
        known = next((q.channel for q in quotes[i:j + 1] if q.channel), None)
        for q in quotes[i:j + 1]:
            q.channel = q.channel or known
        i = j + 1


def find_doc_quotes(doc: Document) -> Document:
    """Pipeline stage: fill `doc.quotes` (after entities)."""
    doc.claims = []
    doc.quotes = find_quotes(doc.text, doc.entities, doc.claims)
    return doc
