"""What was said: the quoted or reported words after a speaker.

Direct speech is a quotation («…», "…", “…») that opens right after the speaker, after a colon, or —
after a role, a place or a channel ("… في جنيف “…”") — one that runs to the end of the clause. Reported
speech starts after its complementizer (أن، إن، بأن، إلى أن), which is no part of it, and runs to the
next speech cue, an attribution ("، وفق ما نقلته …") or the sentence end. Between speaker and content
lie appositions ("، المتحدث باسم …،"), time words and the channel ("في بيان"، "على تويتر"): the lead,
which is read for the channel and never quoted.
"""
from __future__ import annotations

import re

from marsad.data import load_json
from marsad.extraction.speakers import is_time, lexicon
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize
from marsad.text.dateline import read_dateline

_OPEN, _CLOSE = "«“\"", "»”\""
_COMP = r"(?<!\w)(?:[إا]ن|ب?[أا]ن|[إا]لى [أا]ن|على [أا]ن|فإن|فان|ف[إا]ن)[\u064B-\u0652]*(?:ه|ها|هم|هما)?[\u064B-\u0652]*(?!\w)"
# ", وفقًا لما ذكرته فضائية …" / ", بحسب بيان …": where the report says it got the claim from
ATTRIBUTION = re.compile(r"(?:[،,]\s*|\s)(?:و)?(?:وفق(?:ا|اً|ًا)? ل|وفق |بحسب|حسب ما|حسبما|نقلا عن|نقلاً عن|طبقا ل|طبقاً ل)")


def complementizer_in(text: str, start: int, end: int) -> bool:
    return re.search(_COMP, text[start:end]) is not None


def quoted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first quotation of 3+ words in text[start:end] that opens before any other word."""
    i = start
    while i < end and (text[i].isspace() or text[i] in "،,:"):
        i += 1
    if i >= end or text[i] not in _OPEN or (text[i] == '"' and (
            text[i + 1:i + 2].isspace() or (i > 0 and text[i - 1].isalnum() and text.count('"', 0, i) % 2))):
        return None                             # a '"' before a space, or after a word with one open, closes one
    closer = {"«": "»", "“": "”", '"': '"'}[text[i]]
    j = _straight_close(text, i, end) if closer == '"' else text.find(closer, i + 1, end + 1)
    j = end if j < 0 else j
    if len(text[i + 1:j].split()) < 3:
        return None
    return i + 1, j


def clause_end(text: str, start: int, end: int) -> int:
    """Where the clause after a quote ends: at a participle that adds a statement ("، مشيرا إلى أن")."""
    lex = lexicon()
    more = next((p for p in re.finditer(r"[،,]\s*([^\s،,]+)", text[start:end])
                 if normalize(p.group(1)) in lex["participles"]), None)
    return start + more.start() if more else end


def _straight_close(text: str, i: int, end: int) -> int:
    """The '"' closing the one at i: a '"' after a space and before a letter opens a nested name
    ('أن "خمسة مهاجمين من "القاعدة" نفذوا …"'), its pair closes that name."""
    depth, j = 0, i + 1
    while True:
        j = text.find('"', j, end + 1)
        if j < 0:
            return -1
        opens = (text[j - 1].isspace() or text[j - 1] in "(،,") and j + 1 < len(text) and text[j + 1].isalpha()
        if opens:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return j
        j += 1


def quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside «…», “…” and "…" (3+ words) in text[start:end]: speech cues there are quoted words."""
    spans, i = [], start
    while i < end:
        if text[i] in _OPEN:
            q = quoted(text, i, end)
            if q:
                spans.append(q)
                i = q[1] + 1
                continue
        i += 1
    return spans


def colon_before(text: str, i: int) -> bool:
    return text[i:i + 3].lstrip().startswith(":")


def skip_appositives(text: str, pos: int, end: int) -> int:
    """Past ", المتحدث باسم …،" / "التابعة لـ …،" / "خلال مداخلة …،" after the subject, never past the
    complementizer that opens the content nor past `end`; objects (عن/على/إلى …) are content."""
    lex = lexicon()
    for _ in range(4):
        m = re.match(r"[\s،,«»“”\"()]*", text[pos:end])
        nxt = pos + m.end()
        word = normalize(text[nxt:nxt + 14].split(" ")[0]).strip("()،,") if nxt < end else ""
        if word in lex["complementizers"]:
            return nxt
        if (is_time(word) or word in lex["pronoun_objects"]) and nxt + len(word) < end:
            # "أعربت فيه عن …": the statement's pronoun is one word of lead, not a phrase up to a comma
            space = text.find(" ", nxt)           # the word's end (not text[nxt:].split(): a copy of the rest)
            pos = space if space >= 0 else len(text)
            continue
        if word in lex["skip_words"] or word in lex["pronoun_objects"] or word.startswith(("نقلا", "نقلاً")) or \
                "،" in m.group() and _APPOSITION.match(word):
            stop = re.search(r"[،,:]|" + _COMP, text[nxt:min(end, nxt + 200)])
            if not stop:
                break
            if stop.group() in "،,":
                pp = _channel_pp(text, nxt, end)
                after = normalize(text[nxt + stop.end():nxt + stop.end() + 14].strip().split(" ")[0]) \
                    if nxt + stop.end() < end else ""
                comma = nxt + stop.end()
                about = re.search(r"(?<!صادر)(?<!صادرة)(?<!نقلا)(?<!نقلاً)\sعن\s", text[pp:comma]) if pp else None
                if pp is not None and about and pp < nxt + stop.start():
                    return pp + about.start() + 1      # "كشفت … في تصريحات لموقع X عن عملية …، اليوم،"
                if pp is not None and pp < nxt + stop.start() and not re.search("[،,]", m.group()) and not (
                        after in lex["complementizers"] or after[:1] in _OPEN or is_time(after)
                        or re.search(_COMP, text[comma:min(end, comma + 80)])
                        or re.search(f"[{_OPEN}]", text[pp:comma])):
                    return pp                   # "نفى في حديث لإذاعة محلية أي صلة …،": the object follows
                # (a channel opened by a comma closes at the next: "، عبر حسابها على منصة إكس، تحييد …")
            pos = nxt + (stop.start() if stop.group() not in "،," else stop.end())   # a colon stays: direct
        else:
            break
    return pos


def _closing_quote(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """A quotation in text[pos:end] that runs to the end of the clause ("… في جنیف “…”."), the words
    before it being no clause of their own (no complementizer)."""
    for m in re.finditer(f"[{_OPEN}]", text[pos:end]):
        i = pos + m.start()
        if i > pos and text[i - 1] not in " :،,(":
            continue
        q = quoted(text, i, end)
        tail = text[q[1] + 1:end] if q else ""
        cut = ATTRIBUTION.search(tail)          # "…”، بحسب البيان": the attribution is no clause of its own
        tail = tail[:cut.start()] if cut else tail
        if q and not tail.strip(" .،,؛:»”\"") and not re.search(_COMP, text[pos:i]):
            return q
    return None


# "طالبا عدم الكشف عن اسمه"، "مفضلا عدم ذكر هويته"، "رافضا الكشف عن اسمه": why the source is unnamed, lead
# what opens an apposition after the speaker (", المتحدث باسم …،", "، التابعة لـ …،", "، وهو …،"): a role head
# (lexicon/role_heads.tsv) or a word that attaches the subject to a body or a description
_APPOSITION = re.compile(r"(?:ال)?(?:" + lx.role_head_pattern("lead") + "|تابع|منبثق|مكلف|وهو|وهي)")
_ANONYMOUS = re.compile(r"[\s،,]*(?:[وف]?(?:طالب|مفضل|مشترط|رافض)(?:ا|اً|ًا|ة|ين|ون)\s+)?(?:عدم\s+)?"
                        r"(?:الكشف|كشف|ذكر|نشر|الإفصاح|الافصاح|الإفصاح)\s+(?:عن\s+)?"
                        r"(?:اسمه|اسمها|اسمهما|أسمائهم|اسمائهم|هويته|هويتها|هوياتهم|هويتهم)[\s،,.]*")


def content(text: str, start: int, end: int) -> tuple[str, tuple[int, int], int] | None:
    """(kind, span, where the lead ends) of the content after a speaker, or None when there is none."""
    lex = lexicon()
    anonymous = _ANONYMOUS.match(text, start, end)
    start = anonymous.end() if anonymous and re.match(r"[\s،,]*[وف]?(?:طالب|مفضل|مشترط|رافض|عدم)",
                                                      text[start:end]) else start
    direct = quoted(text, start, end)
    m = re.match(r"[\s،,]*", text[start:end])
    pos = start + m.end()
    two = re.match(r"(?:من|عبر) ([^\s:،,]*)", text[pos:end])     # "أكد من خلالها …"
    word = two.group() if two and normalize(two.group(1)) in lex["pronoun_objects"] else \
        re.match(r"[^\s:،,]*", text[pos:end]).group()
    if " " in word or normalize(word) in lex["participles"] or normalize(word) in lex["pronoun_objects"] \
            or normalize(word) in lex["say_nouns"]:
        pos += len(word)                        # قائلا: … / قال خلالها: … / نقلت عنه قوله: …
        direct = quoted(text, pos, end)
    if not direct:
        later = re.search(r":\s*(?:[إا]ن[\u064B-\u0652]*\s*)?(?=[«“\"])", text[pos:end])     # "…، خلال مؤتمر صحفي …: «…»"
        comp = re.search(_COMP, text[pos:end])
        if later and (not comp or later.start() < comp.start()):
            direct = quoted(text, pos + later.end(), end)
    said = re.match(r":\s*" + _COMP + r"\s*", text[pos:end]) if not direct else None
    if said:                                    # "قال: إن القوات …" is reported speech, the colon no quotation
        inner = quoted(text, pos + said.end(), end)
        if inner:
            return "direct", inner, pos + said.end()
        attribution = ATTRIBUTION.search(text, pos + said.end(), end)
        s, e = strip_span(text, pos + said.end(), attribution.start() if attribution else end)
        if len(text[s:e].split()) >= 3:
            return "indirect", (s, e), pos + said.end()
    if not direct and text[pos:pos + 1] == ":" and len(text[pos + 1:end].split()) >= 3:
        s, e = strip_span(text, pos + 1, end)
        return "direct", (s, e), pos
    if direct:
        return "direct", direct, direct[0] - 1
    window = text[pos:end]
    part = next((p for p in re.finditer(r"[،,]\s*([^\s،,]+)", window) if normalize(p.group(1)) in lex["participles"]), None)
    if part:
        window = window[:part.start()]          # "…، مؤكدا أن …": that complementizer is the participle's
    comp = next((c for c in re.finditer(_COMP, window[:90])
                 if not re.search(r"(?:بعد|قبل|دون|منذ|رغم|بدل|حتى|بمجرد|حين)\s*$", window[:c.start()])), None)
    late = _closing_quote(text, pos, end)
    if late and (not comp or late[0] < pos + comp.start()):
        return "direct", late, late[0] - 1      # "رسالة إلى "الليبيين … أن …"، بحسب البيان"
    if comp:
        lead_end = pos + comp.end()
        inner = quoted(text, lead_end, end)
        if inner:
            return "direct", inner, lead_end
        pos = lead_end
    else:
        pos = _past_time(text, _past_channel(text, pos, end), end)
    lead_end = pos
    attribution = ATTRIBUTION.search(text, pos, end)
    stop = attribution.start() if attribution else end
    more = next((p for p in re.finditer(r"[،,]\s*([^\s،,]+)\s+(?:(?:الى|إلى|على)\s+)?" + _COMP, text[pos:stop])
                 if normalize(p.group(1)) in lex["participles"]), None)
    if more and comp:                                # "أن …، مشيرا إلى أن …": a statement of its own
        stop = pos + more.start()
    elif more and len(text[pos:pos + more.start()].split()) <= 5 and \
            normalize(text[pos:pos + more.start()].split()[0]) not in lex["object_nouns"]:
        pos = lead_end = pos + more.end()            # "كشف الوضع الميداني، موضحا أن …": what it revealed
    s, e = strip_span(text, pos, stop)
    if len(text[s:e].split()) < 3:
        return None
    return "indirect", (s, e), lead_end


def past_dateline(text: str, s: int, e: int) -> int:
    """Where the words at `s` start once a dateline is passed ("صنعاء - شنت …" → "شنت …"): a paragraph's
    head is read by the article's own dateline reader (marsad.text.dateline), so the first paragraph and
    any later one filed with "CITY (AGENCY) - DATE -" read alike; `s` when there is none, when a relative
    follows the dash ("قوات الجيش - التي …" is an aside) or when too little would be left."""
    start = s
    if not (s == 0 or text[s - 1] == "\n"):
        return s
    dl = read_dateline(text[s:])
    if dl and s + dl.body < e and normalize(text[s + dl.body:s + dl.body + 12].split(" ")[0]) not in lexicon()["relatives"]:
        s += dl.body
    s = strip_span(text, s, e)[0]
    return s if len(text[s:e].split()) >= 3 else start


def described(text: str, start: int, end: int) -> bool:
    """"وصف [أمس] الهجوم بأنه …": an object stands before بأنه (none in "وصفته بأنه …")."""
    pos = _past_time(text, start, end)
    comp = re.search(_COMP, text[pos:end])
    return comp is not None and len(text[pos:pos + comp.start()].split()) >= 1


def object_content(text: str, start: int, end: int) -> tuple[str, tuple[int, int], int] | None:
    """An accusation, a call or a description read from its object ("الجيش بقصف المدينة"، "المواطنين
    التزام منازلهم"، "الهجوم بأنه …") to the attribution or the segment's end (past time words)."""
    start = _past_time(text, start, end)
    attribution = ATTRIBUTION.search(text, start, end)
    s, e = strip_span(text, start, attribution.start() if attribution else end)
    return ("indirect", (s, e), s) if len(text[s:e].split()) >= 2 else None


_CHANNEL_HEAD = re.compile(
    r"\s*(?:في|عبر|خلال|على|ب)\s*(?:ال)?(?:بيان|بلاغ|تصريح|تصريحات|مؤتمر|تغريدة|منشور|مقابلة|حديث|اتصال|رسالة|"
    r"مداخلة|كلمة|تسجيل|صفحت|حساب|موقع|منصة|قناة)[^\s،,.:]*")
# An adjective of the channel noun ("صحفي"، "هاتفية"، "مقتضبة"): no ل/ب/و glued on, a stem of two letters
# or more before its ending ("أي"، "أية" are no adjectives but the object's determiner).
_CHANNEL_ADJ = re.compile(r"\s+(?:(?:ال)?(?![لبو])[^\s،,.:«»“”\"]{2,}(?:ي|ية|يه|ة|ا)|(?:ال)?(?:متلفز|مقتضب|مشترك|مصور|مسجل|مكتوب"
                          r"|مطول)(?:ة|ه)?)(?=[\s،,.:]|$)")     # … or a participle: "في بيان متلفز"
# Whom or where the statement was made to ("له"، "لإذاعة محلية"، "مع قناة "X""، "على فيسبوك"): one word
# or a quoted name, then its definite genitives ("لوكالة الأنباء")
_CHANNEL_LINK = re.compile(
    r"\s+(?:(?:له|لها|لهم)(?=[\s،,.:]|$)|(?:مع|ل|لـ|على|عبر|في)\s*(?:[«“\"][^»”\"،,.:]{1,40}[»”\"]|"
    r"(?!(?:ه|ها|هم)(?=[\s،,.:]|$))[^\s،,.:«“\"]+(?:\s+ال[^\s،,.:]+)*))")

# The channel noun's relative verb ("في بيان نشرته على …"، "في تسجيل بثه …"): a past verb of issuing with
# the noun's pronoun; its own links ("على منصة تلغرام") follow as above
_CHANNEL_REL = re.compile(r"\s+(?:نشر|أصدر|اصدر|بث|وزع|أورد|اورد|تلا)(?:ته|ه|ها|تها)(?=[\s،,.:]|$)")



def _platform() -> re.Pattern:
    """A platform's bare name after its medium noun ("على منصة إكس"، "عبر تطبيق تلغرام"، "صفحته بفيسبوك")."""
    global _PLATFORM
    if _PLATFORM is None:
        names = sorted(load_json("quotes.json")["platforms"], key=len, reverse=True)     # as written, not normalized
        _PLATFORM = re.compile(r"\s+ب?(?:" + "|".join(re.escape(n) for n in names) + r")(?=[\s،,.:]|$)")
    return _PLATFORM


_PLATFORM: re.Pattern | None = None


def _channel_pp(text: str, pos: int, end: int) -> int | None:
    """Where "في بيان"، "في حديث لإذاعة محلية"، "عبر صفحتها على فيسبوك"، "في تصريح لـ"X"،" ends, or None."""
    m = _CHANNEL_HEAD.match(text, pos, end) or _ADDRESSEE.match(text, pos, end)
    if not m:
        return None
    i = m.end()
    while True:
        a = _CHANNEL_ADJ.match(text, i, end) or _CHANNEL_LINK.match(text, i, end) or _CHANNEL_REL.match(text, i, end) \
            or _platform().match(text, i, end)
        if a and i == m.end() and a.re is _CHANNEL_ADJ and not _feminine(m.group()) and a.group()[-1] in "ةه":
            break                               # "في بيان عملية الاغتيال": a masculine noun's adjective is no -ة
        if not a or a.end() == i:
            break
        i = a.end()
    c = re.match(r"\s*[،,]", text[i:end])
    return i + c.end() if c else i


# Whom the words were told to, with no channel noun before ("نفى مصدر لـ"X" سقوط …"، "لصحيفة "X""): a quoted
# outlet name after لـ, or an outlet's head word (quotes.json outlet_heads) glued to its ل
_ADDRESSEE = re.compile(r"\s*(?:لـ\s*|ل)(?:[«“\"(][^»”\")\n]{1,40}[»”\")]|(?:" + "|".join(
    load_json("quotes.json")["outlet_heads"]) + r")(?=\s*[«“\"]))")


def _feminine(head: str) -> bool:
    """A channel noun an adjective in -ة agrees with: تغريدة، مقابلة، صفحته، تصريحات (not بيان، حديث)."""
    stem = head.split()[-1].removeprefix("ال")
    return stem.endswith("ات") or stem.startswith(("تغريد", "مقابل", "رسال", "مداخل", "كلم", "صفحت", "منص", "قنا"))


def _past_channel(text: str, pos: int, end: int) -> int:
    """Past "في بيان"، "في تصريح لـ"X"،"، "عبر صفحتها على فيسبوك" before a bare object: the channel is
    lead, not content (a longer phrase up to a comma as well)."""
    i = _channel_pp(text, pos, end)
    m = re.match(r"\s*(?:في|عبر|خلال|على)\s+[^،,.:]{2,60}?[،,]", text[pos:end])
    if i is not None and i < end:
        if m and pos + m.end() > i and text[:pos].rstrip()[-1:] in "،,":
            return pos + m.end()             # "، عبر حسابها على منصة إكس،"، "، في بيان مقتضب،": between commas
        # "في تصريح لوكالة الأنباء اليمنية (سبأ) الحوثيين …": the outlet's acronym is the channel's too
        acronym = re.match(r"\s*\([^()\s]{2,12}\)", text[i:end])
        return i + acronym.end() if acronym else i
    return pos + m.end() if m else pos


def _past_time(text: str, pos: int, end: int) -> int:
    """Past time words and manner ("بأشد العبارات") before a bare object ("مساء الأحد استعادة …"، "في وقت سابق دعمها …")."""
    while True:
        later = re.match(r"[\s،,]*(?:في وقت (?:سابق|لاحق|متأخر)|بأشد العبارات|بأشد الكلمات|بشدة|بقوة|بشكل قاطع)(?=[\s،,])",
                         text[pos:end])         # … or how it was said: "أدانت بأشد العبارات القصف"
        if later:
            pos += later.end()
            continue
        m = re.match(r"[\s،,()]*([^\s،,()]+)", text[pos:end])
        if not m or not is_time(normalize(m.group(1))) or pos + m.end() >= end:
            return pos
        pos += m.end()


def strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "،,:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,.:؛"):
        e -= 1
    if e > s and text[e - 1] in "”»" and not any(c in text[s:e] for c in "“«"):
        return strip_span(text, s, e - 1)     # "… 25 قتيلًا”": a closing mark whose quotation opened before
    return s, e
