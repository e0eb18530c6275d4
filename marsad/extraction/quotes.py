"""Claims and quotes: who said what, directly or reported, through which channel.

Per sentence, speech cues (قال، أكد، أعلن …; continuations وأضاف، وتابع؛ participles موضحا، مضيفا …,
found by `quote_cues`) open a quote; its speaker comes from `cue_speakers` (the subject, resolved by
`speakers`), its words from `content`, its channel from `channels`. A participle opens its own quote
when reported or quoted speech follows it ("مضيفا أن …"، "معلنا مقتل …"); otherwise ("مؤكدا أهمية …") it stays in the quote
it follows. Verbs of accusation and appeal (اتهم X بـ، حمّل X المسؤولية، طالب X بـ، ناشد X) name their
object after the subject: the claim is the subject's, its content starts at the object. A relay — "نقلت
وكالة X عن Y قوله" — is Y's, through X. Attributions ("…، بحسب مصدر أمني") and back-references ("جاء
ذلك في بيان لـ…"، "صرح بذلك …") are read by `attributions`; a quotation before its cue, a closing hedge
("…، على حد قوله"), ردّ and a press conference held once by `quote_shapes`.
Every attributed statement, calls and announcements included, also goes to `claims` (events read
their claimant there); a call with no reported content is a claim but no quote.
"""
from __future__ import annotations

import re

from marsad.extraction.anaphora import Antecedents
from marsad.extraction.attributions import (
    attributions,
    later,
    later_issuer,
    source_before,
)
from marsad.extraction.channels import channel_in, outlet_channel, share_channels
from marsad.extraction.content import (
    clause_end,
    complementizer_in,
    content,
    described,
    object_content,
    past_dateline,
    quotation_spans,
    quoted,
    skip_appositives,
    strip_span,
)
from marsad.extraction.cue_speakers import (
    feminine_body_before,
    object_first,
    speaker_for,
)
from marsad.extraction.mentions import Mentions
from marsad.extraction.quote_cues import Cue, as_cue, attributed, opens, relays
from marsad.extraction.quote_shapes import (
    carry_venues,
    hedge_start,
    hedged,
    mended,
    opens_with_preposed,
    preposed,
    reply_word,
    unadorned,
    venue_in,
    words_back,
)
from marsad.extraction.speakers import (
    is_time,
    lexicon,
    phrase_length,
    word_of,
)
from marsad.model import Document, Entity, Quote
from marsad.text.arabic import normalize, sentences, tokens


class _Account:
    """The speaker and channel carried from quote to quote, and what anaphors point back to."""

    def __init__(self, text: str, ents: Mentions):
        self.speaker: tuple[str, str] | None = None
        self.channel: str | None = None
        self.ante = Antecedents(text, ents)

    def heard(self, speaker: tuple[str, str]) -> None:
        if self.speaker is None or self.speaker[1] != speaker[1]:   # "وذكر المصدر" is the same source
            self.channel = None
        self.speaker = speaker
        self.ante.add(*speaker)


def find_quotes(text: str, entities: list[Entity], claims: list[Quote] | None = None) -> list[Quote]:
    """Quotes in `text`; every attributed statement (calls and announcements too) also goes to `claims`;
    a paragraph's dateline ("CITY -", read by marsad.text.dateline) is never content."""
    out: list[Quote] = []
    claims = claims if claims is not None else []
    ents = Mentions(mended(text, entities))     # looked up by offset and name, never scanned whole
    venues: list[tuple[int, set[str]]] = []
    account = _Account(text, ents)
    prev, sents = None, sentences(text)
    for si, sent in enumerate(sents):
        toks = tokens(text, sent.start, sent.end)
        spans = quotation_spans(text, sent.start, sent.end)
        cues = [c for c in map(as_cue, toks) if c and not any(a <= c.tok.start < b for a, b in spans)
                and not (c.tok.start > sent.start and re.search(r"(?<!\w)عدم\s*$", text[max(0, c.tok.start - 6):c.tok.start]))]
        # "مفضلا عدم ذكر اسمه": a cue's form after عدم is its verbal noun, no speech
        cues = [c for c in cues if opens(text, c, sent.end) and not attributed(text, c) and relays(text, c, sent.end)]
        cues = [c for n, c in enumerate(cues) if not (n and c.form == "part" and reply_word(normalize(cues[n - 1].word))
                                                      and not re.search(r"[.،,؛]", text[cues[n - 1].tok.end:c.tok.start]))]
        issuer = later_issuer(text, sent, toks, ents, account.ante)     # "جاء ذلك في تصريحات أدلت بها X، حيث ذكرت"
        here: list[Quote] = []
        named = None                            # "نفى X …، واتهم …": a subject read, its content too short
        leads: list[tuple[int, int]] = []      # cue → content stretches: an attribution there is the lead's
        for n, cue in enumerate(cues):
            if here and cue.tok.start < here[-1].end:
                continue                        # a cue word inside the quote just read
            nxt = next((c for c in cues[n + 1:] if not _inside(text, cue, c)), None)
            seg_end = nxt.tok.start if nxt else sent.end
            if seg_end <= cue.tok.end:
                continue
            carried = (here[-1].speaker, here[-1].speaker_canonical) if here else named or \
                (tuple(issuer[:2]) if issuer else (cue.form == "part" and source_before(
                    text, sent, toks, ents, account, cue.tok.start)) or (object_first(toks, cue) and feminine_body_before(
                    text, ents, cue.tok.start, sent.start)) or account.speaker)
            coordinated = bool(here) and normalize(cue.tok.text)[:1] == "و" != normalize(cue.word)[:1]
            said = speaker_for(text, toks, ents, cue, seg_end, carried, account.ante, sent.start, coordinated)
            if said is None or said.name is None:
                continue
            said.name = unadorned(said.name)        # "رد خلف ضاحكاً": the manner adverb is no name
            if _back_reference(text, toks, cue) and prev is not None:
                q = ("indirect", strip_span(text, past_dateline(text, prev.start, prev.end), prev.end), said.start)
            elif text[cue.tok.end:said.start].strip() and (pre := preposed(text, sent.start, cue.tok.start)) \
                    and not complementizer_in(text, said.start, seg_end):     # its subject named after the cue
                q = ("direct", pre, seg_end)          # "«…»، قال X في كلمة …": the quotation before the cue
            elif said.addressee or (normalize(cue.word) in lexicon()["describe_verbs"] and described(text, said.start, seg_end)):
                # "اتهم الجيش بقصف …"، "وصف الهجوم بأنه …": the accusation or description, its object first
                q = object_content(text, said.start, seg_end)
            else:
                start = _past_relay(text, said.start, seg_end, ents)
                if not text[start:start + 3].lstrip().startswith(("«", "“", '"')):
                    start = skip_appositives(text, start, seg_end)   # past ", المتحدث باسم …،"
                q = content(text, start, seg_end)
                if seg_end == sent.end and si + 1 < len(sents) and (q is None or q[0] == "indirect" and not (
                        complementizer_in(text, start, seg_end) or quotation_spans(text, start, seg_end))):
                    q = _next_quotation(text, sents[si + 1], seg_end) or q
            if q is None:
                named = said.name if text[cue.tok.end:said.start].strip() else named
                continue
            kind, (cs, ce), lead_end = q
            tail = hedge_start(text, cs, ce)
            ce = tail if tail is not None and tail > cs else ce       # "…، على حد قوله": no content
            leads.append((cue.tok.start, cs))
            lead = here[-1].end if here else sent.start      # this quote's own lead-in, not an earlier quote
            channel = said.channel or channel_in(_lead(text, cue, said.start, ents, lead, lead_end)) \
                or _statement_before(text, toks, cue, lead) or _fronted_channel(text, sent.start, cue) \
                or channel_in(text[ce:clause_end(text, ce, seg_end)]) \
                or (channel_in(text[sent.start:cue.tok.start]) if issuer and said.name == tuple(issuer[:2]) else None)
            quote = _quote(said.name, cue.word, kind, channel, text, cs, ce)
            claims.append(quote)
            account.heard(said.name)               # a call's speaker is the next cue's antecedent too
            if not _is_claim(text, cue, kind, cs, said.name, said.start, said.name[1] in ents.people) or \
                    _embedded(text, toks, cue, ents):
                quote.channel = None
                if here and here[-1].speaker_canonical == said.name[1] and kind == "indirect" and \
                        re.fullmatch(r"[\s،,]*", text[here[-1].end:cue.tok.start]) and cue.tok.text[:1] == "و":
                    _extend(here[-1], text, ce)      # "أكد أن …، وتوعد بالاقتصاص …": one statement
                continue
            quote.channel = quote.channel or account.channel or outlet_channel(said.name[1])   # an agency speaks as one
            account.channel = quote.channel
            out.append(quote)
            here.append(quote)
        last = max(out, key=lambda q: q.start) if out else None     # an attribution's source too
        if not here and (h := hedged(text, sent, toks, (last.speaker, last.speaker_canonical) if last else None)):
            claims.append(h)                   # "…، على حد قوله": the last speaker's, no verb of its own
            out.append(h)
            here.append(h)
            leads.append((h.end, sent.end))
        venue = venue_in(text, sent, toks, ents)
        venues += [venue] if venue else []
        attributions(text, sent, toks, ents, account, here, out, claims, leads)
        later(text, sent, toks, ents, account, prev, out, claims)
        prev = sent
    out.sort(key=lambda q: q.start)
    carry_venues(out, venues, text)
    share_channels(out)
    return out


def _inside(text: str, cue: Cue, later: Cue) -> bool:
    """`later` is a verb of the content `cue` reports ("ذكرت الصحيفة أن إسرائيل أبلغت حلفاءها …"): a
    complementizer of `cue` opens a clause whose subject (five words at most, no punctuation) the later
    verb follows, itself no "و…"/"ف…" continuation."""
    if later.tok.text[:1] in "وف" or later.form != "verb":
        return False
    between = text[cue.tok.end:later.tok.start]
    comp = list(re.finditer(r"(?<!\w)(?:[إأا]ن|ب[أا]ن)(?!\w)", between))
    rest = between[comp[-1].end():] if comp else ""
    return bool(comp) and 0 < len(rest.split()) <= 5 and not re.search(r"[،,.:؛«»“”\"]", rest) \
        and normalize(rest.split()[-1]) not in ("ما", "كما", "حسبما", "مثلما")    # "على ما أفادت به X"


def _lead(text: str, cue: Cue, speaker_end: int, ents: Mentions, lead: int, lead_end: int) -> str:
    """The words from the cue to the content, where the channel is named; a role before the person who
    speaks is none ("قال المدير العام لوكالة الإغاثة فلان إن": no agency relays it), unless a comma sets a
    channel apart there ("قال، في تصريح لوكالة …، المتحدث …") or a correspondent speaks for the outlet."""
    start = max(lead, cue.tok.start)
    p = next(iter(ents.within(cue.tok.end, speaker_end, ("PER",))), None)
    role = text[cue.tok.end:p.start] if p is not None else ""
    if p is None or re.search("[،,]", role) or "مراسل" in normalize(role):
        return text[start:lead_end]
    return text[start:cue.tok.end] + " " + text[p.end:lead_end]


def _extend(q: Quote, text: str, end: int) -> None:
    q.end, q.text = end, text[q.start:end]


def _quote(name, cue_word, kind, channel, text, cs, ce) -> Quote:
    q = Quote(name[0], name[1], cue_word, kind, channel, text[cs:ce], cs, ce)
    return q


def _past_relay(text: str, pos: int, end: int, ents: Mentions) -> int:
    """Past "نقلا عن مصادر طبية" after the speaker ("أكدت قناة X نقلا عن مصادر طبية سقوط …"): the
    outlet speaks, its source is lead."""
    m = re.match(r"\s*[،,]?\s*نقل(?:ا|اً|ًا) عن\s+", text[pos:end])
    if not m:
        return pos
    toks = list(tokens(text, pos + m.end(), end))
    n = phrase_length(text, toks, ents, end)
    return toks[n - 1].end if n else pos


def _next_quotation(text: str, nxt, lead: int):
    """"وقال مصدر عسكري لوكالة X طالبا عدم الكشف عن اسمه. «…»" (or ". إن …"): when the cue's own clause
    holds no content, only its lead, the quotation or the إن-clause opening the next sentence is what it
    introduced (a stray full stop split them)."""
    q = quoted(text, nxt.start, nxt.end)
    if q and opens_with_preposed(text, nxt.start, nxt.end):
        return None                             # "«…»، أضاف X": that quotation is the next cue's
    if q:
        return "direct", q, lead
    first = text[nxt.start:nxt.end].split()
    if first and normalize(first[0]) in ("ان", "انه", "انها", "بان"):
        c = content(text, nxt.start, nxt.end)
        return (c[0], c[1], lead) if c else None
    return None


def _embedded(text: str, toks, cue: Cue, ents: Mentions) -> bool:
    """A cue inside a noun's relative clause ("هجوم انتحاري أعلنت الحركة مسؤوليتها عنه"، "صورا قالوا
    إنها …"): the claim is told, not quoted. A cue with و/ف, after punctuation, a time word, a clause
    opener (كما، فيما، من جهته) or a name ("وفي غزة قال …"), or after a fronted phrase when reported speech
    follows ("وفي بيان لاحق ذكرت الوكالة أن …"), opens its own clause."""
    lex = lexicon()
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    if idx == 0 or normalize(cue.tok.text) != normalize(cue.word):
        return False
    prev = toks[idx - 1]
    w = word_of(prev)
    nxt = word_of(toks[idx + 1]) if idx + 1 < len(toks) else ""
    if w in ("التي", "الذي", "الذين") and (nxt in lex["complementizers"] or nxt in ("الي", "علي", "ب")):
        return False                             # "المصادر التي أشارت إلى أن …": the antecedent speaks
    if _FRONTED.match(text[toks[0].start:cue.tok.start]) and idx <= 5 and complementizer_in(
            text, cue.tok.end, toks[-1].end):
        return False                             # "وفي بيان لاحق ذكرت الوكالة أن …": a fronted phrase
    if not w[:1].isalpha() or w in lex["clause_openers"] or is_time(w) or as_cue(prev) or w in ("قد", "ثم") \
            or words_back(text, cue.tok.start):
        return False
    if (w in lex["statements"] or w.rstrip("ا") in lex["statements"]) and nxt in lex["pronoun_objects"]:
        return False                             # "أصدرت بيانا حمّلت فيه …": what the statement says
    for t in reversed(toks[max(0, idx - 9):idx]):    # "وكان مصدر عسكري قال": the subject came first
        if t.text in "،,.:؛":
            break
        if word_of(t) in ("كان", "كانت", "وكان", "وكانت"):
            return False
    return not any(e.end == prev.end for e in ents.at.starting(prev.start - 60, prev.end))


def _statement_before(text: str, toks, cue: Cue, lead: int) -> str | None:
    """The channel of the statement whose words the cue reports, named before it ("أصدر بيانا عبر صفحته
    على فيسبوك، أكد فيه"، "تغريدة قال فيها")."""
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    k = idx + 2 if idx + 2 < len(toks) and word_of(toks[idx + 1]) in ("من", "عبر") else idx + 1   # "أكد من خلالها"
    if idx == 0 or k >= len(toks) or word_of(toks[k]) not in lexicon()["pronoun_objects"]:
        return None
    return channel_in(text[lead:cue.tok.start])


def _fronted_channel(text: str, sent_start: int, cue: Cue) -> str | None:
    """"وفي بيان آخر، أعلن الدفاع المدني …": a channel phrase fronted before the cue."""
    before = text[sent_start:cue.tok.start]
    if len(before.split()) > 8 or not _FRONTED.match(before):
        return None
    return channel_in(before)


_FRONTED = re.compile(r"\s*[وف]?(?:في|عبر|خلال|ب)\s*\S+[^،,.]*[،,]?\s*$")   # "وفي بيان لاحق[،]"


def _back_reference(text: str, toks, cue: Cue) -> bool:
    """"صرح بذلك X" / "أفاد بذلك": the statement is the sentence before."""
    lex = lexicon()
    if normalize(cue.word) not in lex["back_cues"]:
        return False
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    return idx + 1 < len(toks) and word_of(toks[idx + 1]) in lex["back_references"] and \
        (idx + 2 >= len(toks) or toks[idx + 2].text not in "،,:.")


def _is_claim(text: str, cue: Cue, kind: str, cs: int, speaker, content_start: int,
              speaker_is_person: bool) -> bool:
    """Reported speech or an announcement, not a bare call.

    Calls and threats (دعا إلى، طالب بـ، حذر من) are speech of their own; verbs that also name
    actions (وجهت ضربة، جددت القوات هجماتها، شددت الحصار) are speech only with reported content or
    a speech noun after them (جدد التأكيد، شدد على).
    """
    lex = lexicon()
    word = normalize(cue.word)
    reported = kind == "direct" or re.match(r"(?:(?:من|علي|الي) )?ب?ا?[اإ]?ن(?:ه|ها|هم)?(?!\w)",
                                            normalize(text[max(0, cs - 8):cs + 12]).split(" ", 1)[-1]) is not None
    if word in lex["threats"]:
        return False
    if word in lex["weak_directives"]:
        nxt = normalize(text[content_start:content_start + 30]).split()
        return reported or bool(nxt and nxt[0] in lex["speech_objects"]) or \
            re.search(r"(?<!\w)[اإ]ن(?:ه|ها|هم)?(?!\w)", normalize(text[content_start:cs])) is not None
    return True


def find_doc_quotes(doc: Document) -> Document:
    """Pipeline stage: fill `doc.quotes` (after entities)."""
    doc.claims = []
    doc.quotes = find_quotes(doc.text, doc.entities, doc.claims)
    return doc

