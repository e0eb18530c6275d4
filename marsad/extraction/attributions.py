"""Attributions and back-references: clauses told on a source's word without a speech verb of their own.

  - an attribution — "…، بحسب مصدر أمني" / "ووفق البيان، فإن …" / "وفق ما نقلت مصادر محلية عن …": the
    clause is the source's (after a quote, the source is only its channel: "، وفق ما نقلته الأناضول");
  - a back-reference — "جاء ذلك في بيان لـX": the sentence before is X's.
The clause never includes the article's dateline ("صنعاء - …").
"""
from __future__ import annotations

import re

from marsad.extraction.after_cue import issuer_at, skip_time, unglued
from marsad.extraction.channels import channel_in, outlet_channel, relay_channel
from marsad.extraction.content import past_dateline, quoted, strip_span
from marsad.extraction.speakers import lexicon, name_of, role_led, word_of
from marsad.model import Quote
from marsad.text.arabic import normalize
from marsad.text.lexicons import org_heads

# حسبما، وفقما: "وحسبما أفاد مسؤول محلي، فإن …" (the verb after it is skipped in `_marker_source`)
_MARKER = re.compile(r"(?:^|(?<=[\s،,(]))[وف]?(?:بحسب|حسب|وفق(?:ا|اً|ًا)?|طبق(?:ا|اً)|تبع(?:ا|اً)|نقل(?:ا|اً) عن|على لسان)"
                     r"(?=[\s،,]|ل|ما\s)(?:ما(?=\s))?")
_LATER = re.compile(r"^\s*[وف]?(?:جاء|ورد)\s+(?:ذلك|هذا|ذلك الإعلان|هذا الإعلان)\s+(?:في|خلال|على لسان|عبر|ضمن)\s+"
                    r"(?:ال)?(?:بيان|بلاغ|تصريح|تصريحات|تقرير|كلمة|مؤتمر|منشور|تغريدة|رسالة|حديث|مقابلة|مداخلة|اتصال)")


def attributions(text, sent, toks, ents, account, here, out, claims, leads) -> None:
    """"…، بحسب مصدر أمني" / "ووفق البيان، فإن …" / "وفق ما نقلت مصادر محلية عن …": the clause is the
    source's; right after a quote, the source is only its channel (", وفق ما نقلته الأناضول")."""
    chained = -1        # where the last marker's source ends: "بحسب ما أوردته X نقلا عن Y" is one chain
    for m in _MARKER.finditer(text, sent.start, sent.end):
        if any(q.start <= m.start() < q.end for q in out) or any(a <= m.start() < b for a, b in leads) \
                or not text[chained:m.start()].strip() and chained >= 0:
            continue
        said = _marker_source(text, m, toks, ents, account, sent.end)
        if said is None:
            continue
        name, src_end, channel = said
        chained = src_end
        channel = channel or channel_in(text[src_end:sent.end])
        before = text[sent.start:m.start()]
        if not re.sub(r"[\s،,(]|^[وف]", "", before.strip()):   # fronted: "ووفق البيان، فإن …"
            rel = re.match(r"[^.،,:]{1,50}[،,]\s*(?=ف[إا]ن)", text[src_end:sent.end])
            src_end += rel.end() if rel else 0     # "وحسب شهود عيان تحدثوا لوفا، فإن …": their clause is lead
            rest = re.match(r"[\s،,]*(?:ف?[إا]ن[\u064B-\u0652]*(?:ه|ها)?\s|فقد\s)?", text[src_end:sent.end])
            s, e = strip_span(text, src_end + rest.end(), sent.end)
            inner = quoted(text, s, e)
            if inner and not text[inner[1] + 1:e].strip(" .،,»”\""):
                s, e = inner[0] - 1, inner[1] + 1       # "ووفق البيان، فإن «…»": the quotation itself
        else:
            left = max([q.end for q in here if q.end <= m.start()] + [sent.start])
            if here and m.start() - left < 4:
                prior = next(q for q in here if q.end == left)
                prior.channel = prior.channel or outlet_channel(name[1]) or channel
                continue
            s, e = strip_span(text, left, m.start())
            s = past_dateline(text, _past_lead(text, s, e), e)
        if len(text[s:e].split()) < 3:
            continue
        kind = "direct" if quoted(text, s, e) else "indirect"
        if kind == "direct" and (text[s:s + 1] in "«“\"" and text[e - 1:e] in "»”\""):
            s, e = s + 1, e - 1
        q = Quote(name[0], name[1], re.sub(r"^[وف](?=[بحوط])", "", m.group()).strip(), kind, channel, text[s:e], s, e)
        claims.append(q)
        out.append(q)
        account.ante.add(*name)


def _marker_source(text, m, toks, ents, account, end):
    """The source the attribution marker `m` names (see `_source`)."""
    src_toks = [t for t in toks if t.start >= m.end()]
    while src_toks and (word_of(src_toks[0]) in ("ما", "ل", "لـ", "لما") or src_toks[0].text in "ـ"):
        src_toks = src_toks[1:]
    if src_toks and normalize(src_toks[0].text)[:1] == "ل" and re.match(r"[وف]?(?:وفق|طبق|تبع)", m.group()):
        src_toks[0] = unglued(src_toks[0])
    relay = False
    if src_toks and re.match(r"[أا]?(?:ذكر|افاد|أفاد|نقل|أعلن|اعلن|قال|أورد|اورد|أكد|اكد|أوضح|اوضح|كشف|بث|نشر)",
                             src_toks[0].text) and len(src_toks) > 1:
        relay = src_toks[0].text.startswith("نقل")
        src_toks = src_toks[1:]             # "بحسب ما أفاد X": the verb before the source
        if src_toks and word_of(src_toks[0]) in ("به", "بها"):
            src_toks = src_toks[1:]
        src_toks = src_toks[skip_time(src_toks, 0):]
    end = next((t.start for t in src_toks if word_of(t) in _THEN), end)   # "…، فإن": the content, no name
    src_toks = [t for t in src_toks if t.end <= end]
    said = _source(text, src_toks, ents, end, account, m.start())
    about = _RELAYED.match(text, said[1], end) if said and relay else None
    if about:                               # "حسبما نقلت وكالة X عن مسؤول في …": the official speaks, X relays
        inner = _source(text, [t for t in src_toks if t.start >= about.end()], ents, end, account, m.start())
        if inner:
            return inner[0], inner[1], inner[2] or relay_channel(said[0][1]) or said[2]
    return said


_THEN = frozenset(("فان", "فانه", "فانها", "فانهم"))      # normalised فإن…: the attributed clause opens
_RELAYED = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?عن\s+")    # "… (واع) عن": the outlet's acronym, then its source


def source_before(text, sent, toks, ents, account, pos) -> tuple[str, str] | None:
    """"…، بحسب ما أفادت X الخميس، محذرة من أن «…»": the source of the last attribution before `pos` in
    the sentence, whom a participle after it speaks for."""
    marks = [m for m in _MARKER.finditer(text, sent.start, pos)]
    said = _marker_source(text, marks[-1], toks, ents, account, sent.end) if marks else None
    return said[0] if said else None


def _source(text, src_toks, ents, end, account, pos):
    """The source an attribution names: (name, where it ends, channel) — None for "حسب المعلومات"."""
    lex = lexicon()
    if not src_toks:
        return None
    first = word_of(src_toks[0])
    if (first in lex["attribution_not_sources"] or _bare_not_source(first)) and not (
            len(src_toks) > 1 and _named_at(text, src_toks[1], ents)):
        return None
    statement = lex["statements"].get(first, False)
    channel = None
    if (statement is not False or _bare_not_source(first)) and len(src_toks) > 1 and issuer_at(text, src_toks, 1) is None \
            and _named_at(text, src_toks[1], ents):
        src_toks, channel = src_toks[1:], statement or None   # "بحسب تصريح الورفلي"، "وفق أرقام لجنة …"
        statement = False
    elif statement is not False:
        k = issuer_at(text, src_toks, 1)
        if k is None:
            iss = account.ante.issuer or account.speaker
            return (iss, src_toks[0].end, statement) if iss and first.startswith("ال") else None
        src_toks = src_toks[k:]
        if src_toks and k == 1 and word_of(src_toks[0])[:1] == "ل":
            src_toks[0] = unglued(src_toks[0])
        channel = statement
    found = name_of(text, src_toks, ents, end, account.ante, pos)
    if found is None:
        return None
    phrase, canonical, s_end, _ = found
    words = normalize(phrase).split()
    known = (canonical != phrase or canonical in ents.people or any(e.start <= src_toks[0].start < e.end for e in ents.within(
        src_toks[0].start - 1, s_end)) or words[0].removeprefix("ال") in lex["source_nouns"]
             or lex["pairs"].get(words[0].removeprefix("ال")) in lex["source_nouns"] or outlet_channel(phrase)
             or len(src_toks) > 1 and role_led([word_of(t) for t in src_toks[:2]]))   # "حسبما أفاد مسؤول محلي"، "المتحدث باسم … فلان"
    if not known:
        return None
    if statement == "statement":
        account.ante.issuer = (phrase, canonical)
    return (phrase, canonical), s_end, channel or (outlet_channel(canonical) if statement is False else None)


def _named_at(text: str, tok, ents) -> bool:
    """A person or body named from `tok` on (an entity, an organisation head): the genitive of a
    statement or a figure ("تصريح الورفلي"، "أرقام لجنة حقوق الإنسان")."""
    w = word_of(tok)
    return any(e.type in ("PER", "ORG") for e in ents.at.starting(tok.start, tok.end)) or \
        w in org_heads() or w.removeprefix("ال") in lexicon()["source_nouns"] or \
        any(p and normalize(p.split()[-1]) == w for p in ents.people)     # "تصريح علي": a family name named before


def _bare_not_source(word: str) -> bool:
    return word.removeprefix("ال") in {normalize(w) for w in ("معلومات", "تقديرات", "أرقام", "إحصاءات", "مصادر متوفرة")}


def _past_lead(text: str, s: int, e: int) -> int:
    """Past "وفي السياق،" / "من جهة أخرى،" opening the attributed clause."""
    m = re.match(r"[وف]?(?:في|من|على)\s+(?:السياق|سياق متصل|جهة أخرى|جهته|جانبه|الأثناء|غضون ذلك)[^،,]{0,20}[،,]\s*",
                 text[s:e])
    return s + m.end() if m else s


def later(text, sent, toks, ents, account, prev, out, claims) -> None:
    """"جاء ذلك في بيان لـX" / "جاء ذلك في تصريحات أدلت بها X عبر …": the sentence before is X's,
    through the channel this one names."""
    if prev is None or not _LATER.match(text[sent.start:sent.end]):
        return
    tail = text[sent.start:sent.end]
    channel = channel_in(tail)
    before = [q for q in out if prev.start <= q.start < prev.end]
    if before:
        for q in before:
            q.channel = q.channel or channel
        return
    found = later_issuer(text, sent, toks, ents, account.ante)
    if found:
        s, e = strip_span(text, past_dateline(text, prev.start, prev.end), prev.end)
        q = Quote(found[0], found[1], "جاء ذلك", "indirect", channel, text[s:e], s, e)
        claims.append(q)
        out.append(q)
        account.heard(found[:2])


def later_issuer(text, sent, toks, ents, ante):
    """The issuer a "جاء ذلك في بيان لـX" / "جاء ذلك في تصريحات أدلت بها X" sentence names (name_of's
    tuple), else None: that sentence's own cues ("…، حيث ذكرت أن") are X's too."""
    if not _LATER.match(text[sent.start:sent.end]):
        return None
    for k, t in enumerate(toks[:6]):
        if k > 2 and _LATER.match(text[sent.start:t.end]):
            j = issuer_at(text, list(toks), k + 1)
            if j is None:
                continue
            sub = list(toks[j:])
            if sub and j == k + 1 and word_of(sub[0])[:1] == "ل":
                sub[0] = unglued(sub[0])
            return name_of(text, sub, ents, sent.end, ante, t.start)
    return None
