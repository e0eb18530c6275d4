"""Speech cues: the words of a sentence that report what someone said (قال، أضاف، مؤكدا، وجاء في بيان),
and when such a word really opens reported speech rather than telling an act (حمل، جاء الهجوم، نُقل
المصابون) or closing an attribution (بحسب ما أفاد). quotes.find_quotes reads a sentence's cues here
before looking for their speakers and content."""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.extraction.content import colon_before, quoted
from marsad.extraction.quote_shapes import reply_opens, reply_word
from marsad.extraction.speakers import lexicon, word_of
from marsad.text.arabic import Token, normalize, tokens


@dataclass
class Cue:
    tok: Token
    form: str                 # verb | cont | part
    word: str                 # the cue without its conjunction (أضاف)


def as_cue(tok: Token) -> Cue | None:
    lex, w = lexicon(), normalize(tok.text)
    for form in (w, w[1:] if w[:1] in "وف" and len(w) > 3 else None):
        if not form:
            continue
        for kind in ("continuations", "verbs", "participles", "blame_verbs", "complement_cues", "statement_cues"):
            if form in lex[kind]:
                word = tok.text[1:] if form != w else tok.text      # without its و/ف, diacritics kept
                return Cue(tok, {"continuations": "cont", "participles": "part"}.get(kind, "verb"), word)
        if reply_word(form):                 # ردّ: a cue only with reported content after it (opens)
            return Cue(tok, "verb", tok.text[1:] if form != w else tok.text)
    return None


def opens(text: str, cue: Cue, end: int) -> bool:
    """A participle or a weak continuation that reports speech (مضيفا أن، معلنا مقتل، ومضى قائلا:)."""
    lex = lexicon()
    word = normalize(cue.word)
    if word in lex["blame_verbs"]:           # حمّل … المسؤولية (held responsible), not حمل (carried)
        return any(normalize(t.text) in lex["blame_objects"] for t in tokens(text, cue.tok.end, end)[:10])
    if word in lex["statement_cues"]:        # "وجاء في بيان لـX أن"، not "جاء الهجوم بعد …"
        nxt = [normalize(t.text) for t in tokens(text, cue.tok.end, end)[:2]]
        if len(nxt) == 2 and nxt[0] == "في" and lex["statements"].get(nxt[1], False) is not False:
            return True
        if word[:1] == "و" and reply_word(word[1:]) and reply_opens(text, cue.tok.end, end):
            cue.word = cue.tok.text[1:]      # "ورد الوزير بأن …": و + ردّ (replied), not ورد (appeared)
            return True
        return False
    if reply_word(word):
        return reply_opens(text, cue.tok.end, end)
    if word in lex["complement_cues"]:       # "وبيّن أن"، not "بين أن يتم … أو …" (between)
        nxt = tokens(text, cue.tok.end, end)[:1]
        verb = "ّ" in cue.tok.text or normalize(cue.tok.text) != word
        return verb and bool(nxt) and normalize(nxt[0].text) in lex["complementizers"]
    if cue.form == "part":                   # "مؤكدا أن …" goes on with the quote; "مضيفا أن …" adds one
        nxt = text[cue.tok.end:min(end, cue.tok.end + 40)]
        if colon_before(text, cue.tok.end) or quoted(text, cue.tok.end, end) or re.match(
                r"[\s،,]*(?:(?:الى|إلى|على|من) )?(?:[أإا]ن[\u064B-\u0652]* ?)?[«“\"]", nxt):
            return True                         # "مشيرا إلى "…"": a quotation of its own
        if word.startswith("مضيف") and re.match(r"[\s،,]*ب?[أإا]ن(?:ه|ها|هم)?(?!\w)", nxt):
            return True
        first = normalize(nxt.split()[0]) if nxt.split() else ""
        return word.startswith("معلن") and (first[1:] in lex["object_nouns"] or first in lex["object_nouns"]
                                            or first == "عن" or first in lex["announced_acts"])
    if word in lex["weak_continuations"]:
        nxt = normalize(text[cue.tok.end:min(end, cue.tok.end + 60)])
        return bool(re.search(r"^[^.،]{0,40}?(?::|قائل|[«“\"]|(?<!\w)[اإ]ن(?!\w))", nxt))
    return True


def relays(text: str, cue: Cue, end: int) -> bool:
    """A relay verb is a cue only in the relay shape "نقل X عن Y" (ونُقل المصابون إلى … is none)."""
    if normalize(cue.word) not in lexicon()["relay_verbs"]:
        return True
    return any(word_of(t) == "عن" for t in tokens(text, cue.tok.end, end)[:12])


def attributed(text: str, cue: Cue) -> bool:
    """The cue of an attribution ("بحسب ما أفاد X"): `_attributions` reads it."""
    return re.search(r"(?:بحسب|حسب|وفق|وفقا ل|طبقا ل|تبعا ل)\s*ما\s*$|حسبما\s*$",
                     normalize(text[max(0, cue.tok.start - 16):cue.tok.start])) is not None
