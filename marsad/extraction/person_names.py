"""People's names the tagger cuts wrongly, mended from how Arabic news writes them.

- A word that is no name opens the span (دوليا بشير بوظفيرة, كردفان عبد الخالق …): an adverb or a place
  before a known first name is cut off.
- A place's span swallowed the first name (والي ولاية الجزيرة الطاهر | إبراهيم الخير): the name moves
  to the person after it.
- A known first name alone, then a surname the lexicon cannot know (إسماعيل الفروخ، بشير بوظفيرة:):
  the surname joins when it is a definite word or ends the clause.
- A role, a comma, then a name the tagger missed (المتحدث باسم جهاز الإسعاف، أسامة علي): a known first
  name right after the role's comma opens a person of two or three words.
`make(text, start, end, kind)` builds an entity (titles and roles attached) for each mended span.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from marsad.extraction.spans import covered
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics, token_words, tokens

Make = Callable[[str, int, int, str], Entity]
NAME_JOINERS = lx.NAME_JOINERS | {normalize("أم")}        # أم opens a woman's name (أم كلثوم)
# words after a name that are never a surname
NOT_SURNAME = frozenset(normalize(w) for w in (
    "في", "من", "إلى", "عن", "مع", "إن", "أن", "ان", "إنه", "أنه", "قال", "قوله", "الذي", "التي",
    "اليوم", "أمس", "الليلة", "صباح", "مساء", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
    "الجمعة", "السبت", "وقال", "وأضاف", "لوكالة", "لقناة", "لصحيفة", "لموقع", "خلال", "بعد", "قبل", "عبر",
    "الذين", "بين", "حول", "ضد", "نحو", "لدى", "عند", "كما", "بينما", "حيث"))
_ROLE_HEAD = re.compile(r"(?:ال)?(?:" + lx.role_head_pattern("comma_name") + ")")  # lexicon/role_heads.tsv, normalised


def _adjective_tail(e: Entity) -> bool:
    """"بلدة بن جواد | الليبية": a 'person' ending in a feminine nationality adjective, or made of one
    alone, is a place and its adjective (a name does not end in الليبية)."""
    if e.type != "PER":
        return False
    rest = [normalize(w) for w in e.text.split()[1:]] or [normalize(e.text)]
    return any(w.endswith("يه") and lx.nisba_country(w) is not None for w in rest)


# words that close a noun phrase: what stands before them ends a name
_CLOSERS = frozenset(normalize(w) for w in ("في", "إن", "أن", "على", "إلى", "من", "خلال", "عن", "مع", "بأن"))


def _family_shaped(word: str) -> bool:
    """"الدبيبة"، "الكيلاني": a definite word of five letters or more that is no participle or verbal
    noun (الموظف، المسؤول، التعاون، الاجتماع) and no short common noun (الوفد): a family name, when
    the phrase ends after it ("عبد الحميد الدبيبة | في")."""
    stem = word[2:] if word.startswith("ال") else ""
    return len(stem) >= 5 and not stem.startswith(("م", "ت", "ا")) and word not in NOT_SURNAME


def first_name(word: str) -> bool:
    """A known first name, its definite form (الطاهر، الصادق), or a joiner that opens one (عبد، أبو)."""
    if word in NOT_SURNAME or len(word) < 3:
        return False
    return word in lx.person_names() or word in NAME_JOINERS or word.startswith("ال") and word[2:] in lx.person_names()


def _surname(word: str, clause_end: bool) -> bool:
    """A word that can end a name after a first name: definite and not a common word, or any
    non-stop word that closes the clause (بشير بوظفيرة:)."""
    if word in NOT_SURNAME or word in lx.not_places() or word in lx.countries() or not word.isalpha() \
            or word == "علي" and not clause_end:
        return False
    return word.startswith("ال") and len(word) > 4 or clause_end


def mend_people(text: str, ents: list[Entity], make: Make) -> list[Entity]:
    toks = [t for t in tokens(text)]
    words = token_words(text)
    at = {t.start: k for k, t in enumerate(toks)}
    out: list[Entity] = []
    for e in sorted(ents, key=lambda e: e.start):
        k = at.get(e.start)
        if e.type == "PER" and k is not None:
            e = _cut_head(text, toks, words, k, e, make)
        prev = out[-1] if out else None
        if prev and prev.type == "LOC" and e.type == "PER" and text[prev.end:e.start].strip() == "":
            last = prev.text.split()[-1]
            if " " in prev.text and first_name(normalize(last)):      # "الجزيرة الطاهر" + "إبراهيم الخير"
                start = prev.end - len(last)
                out[-1] = make(text, prev.start, start - 1, "LOC")
                e = make(text, start, e.end, "PER")
        out.append(e)
    out = _name_pairs(text, toks, words, out, make)
    at = {t.start: k for k, t in enumerate(toks)}
    out = [_extend_surname(text, toks, words, at, e, make) for e in out]
    others = {e.start for e in out}         # a word another entity begins with is no one's surname
    out = [_third_name(text, toks, words, at, e, make, others) for e in out]
    out = [e for e in out if not _adjective_tail(e)]
    out = _after_outlets(text, toks, words, _after_roles(text, toks, words, out, make), make)
    return _led_by(text, toks, words, out, make)


def _third_name(text, toks, words, at, e: Entity, make: Make, others: frozenset[int] | set[int] = frozenset()) -> Entity:
    """"محمد الطاهر | سيالة،": a two-word name whose next word closes the clause takes it (Arabic names
    run to three: given name, father's, family)."""
    k, n = at.get(e.start), len(e.text.split())
    titled = len(e.title.split()) if n != 2 and e.title and e.text.startswith(e.title) else 0  # "الوزير | خالد فاضل"
    k = k + titled if k is not None else None
    if e.type != "PER" or k is None or n - titled != 2 or k + 2 >= len(toks):
        return e
    nxt = toks[k + 2]
    if nxt.start in others:
        return e
    # the clause ends, or a list of people goes on ("محمد الحاج علي ومحمد قنبر"; على is a preposition)
    closes = not titled and (k + 3 >= len(toks) or toks[k + 3].text in "،,.:؛" or words[k + 2] in lx.person_names()
                             and nxt.text != "على" and words[k + 3].startswith("و") and words[k + 3][1:] in lx.person_names()) \
        or lx.nisba(words[k + 2]) and first_name(words[k])    # "محمد شياع السوداني": a nisba family name
    if text[e.end:nxt.start].strip() or not closes or not words[k + 2].isalpha() or len(words[k + 2]) < 3 \
            or nxt.text != "علي" and (words[k + 2] in NOT_SURNAME or words[k + 2] in lx.not_places()) \
            or words[k + 2] in lx.countries():
        return e
    return make(text, e.start, nxt.end, "PER")


def _cut_head(text, toks, words, k, e: Entity, make: Make) -> Entity:
    """"دوليا بشير …", "كردفان عبد الخالق …": leading words that are no names, before a first name."""
    n = len(e.text.split())
    cut = 0
    # a definite dual or plural (الشابين، المواطنين، الصحفيين) describes the people named after it
    plural = lambda w: w.startswith("ال") and w.endswith(("ين", "ون")) and len(w) >= 7     # noqa: E731
    while cut < n - 1 and k + cut + 1 < len(words) and (not first_name(words[k + cut]) or plural(words[k + cut])) \
            and first_name(words[k + cut + 1]) and (words[k + cut].endswith("يا") or words[k + cut] in lx.place_names()
                                                     or plural(words[k + cut])):
        cut += 1
    return make(text, toks[k + cut].start, e.end, "PER") if cut else e


def _extend_surname(text, toks, words, at, e: Entity, make: Make) -> Entity:
    """A first name alone takes the surname after it (إسماعيل الفروخ، بشير بوظفيرة:)."""
    k = at.get(e.start)
    if e.type == "PER" and k is not None and e.title and len(e.text.split()) > 1 and k + 1 < len(toks):
        k += len(e.title.split())           # "الشيخ عبد اللطيف": the name after the title
    if e.type == "PER" and k is not None and len((e.canonical or e.text).split()) == 2 and k + 1 < len(toks) \
            and words[k] in NAME_JOINERS and at.get(e.start) is not None:
        k += 1                              # "عبد اللطيف | القبلي": a compound given name is one name
        if k + 1 < len(toks) and not (words[k + 1].endswith("ي") and not lx.nisba(words[k + 1])) \
                and not (_family_shaped(words[k + 1]) and k + 2 < len(toks)
                         and (words[k + 2] in _CLOSERS or not toks[k + 2].text[0].isalnum())):
            return e                        # its surname has the family-name shape (not "الموظف")
    elif e.type != "PER" or k is None or " " in e.text.strip() or not first_name(words[k]):
        return e
    if k + 1 >= len(toks):
        return e
    nxt = toks[k + 1]
    if text[e.end:nxt.start].strip():
        return e
    clause_end = k + 2 >= len(toks) or not toks[k + 2].text[0].isalnum()
    return make(text, e.start, nxt.end, "PER") if _surname(words[k + 1], clause_end) else e


def _after_roles(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"المتحدث باسم جهاز الإسعاف، أسامة علي لوكالة …": a first name right after a role's comma."""
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    added = []
    for k in range(1, len(toks) - 1):
        if toks[k - 1].text not in "،," or taken[toks[k].start] or not first_name(words[k]) or words[k] in NAME_JOINERS:
            continue
        clause = normalize(text[max(0, toks[k - 1].start - 80):toks[k - 1].start])
        clause = re.split(r"[.؛:\n]", clause)[-1]
        if not _ROLE_HEAD.search(clause):
            continue
        j = k + 1
        while j < len(toks) and j - k < 3 and words[j].isalpha() and not taken[toks[j].start] \
                and words[j] not in NOT_SURNAME and toks[j].text != "على" and not strip_clitics(words[j])[-1] in NOT_SURNAME \
                and not words[j].startswith(("لل", "لو", "لق", "لص")):
            j += 1
        if j - k >= 2:
            added.append(make(text, toks[k].start, toks[j - 1].end, "PER"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


# "كانون الثاني", "الشهر الماضي": words of the nisba shape that date, not name
_ORDINALS = frozenset(normalize(w) for w in ("الثاني", "الماضي", "الحالي", "الجاري", "التالي", "الثاني"))


def _name_pairs(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"حكمت الهجري", "والمصور ربيع المعماري": a known first name the tagger left alone, followed by a
    family name of the nisba shape (ال…ي) that is no nationality, is a person. An indefinite common
    noun before a definite adjective would not agree, so the pair is rarely anything else."""
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    added = []
    for k in range(len(toks) - 1):
        w, nxt = words[k], words[k + 1]
        if taken[toks[k].start] or taken[toks[k + 1].start] or w not in lx.person_names() or len(w) < 3 \
                or w in NOT_SURNAME or w.startswith("ال") or toks[k].text == "على" or nxt in _ORDINALS \
                or text[toks[k].end:toks[k + 1].start].strip() or k == 0:
            continue
        # after the person's descriptor or office (والمصور، شيخ العقل، الناشط), not after a number or a verb
        before = strip_clitics(words[k - 1])
        if not any(f.startswith("ال") and f.isalpha() and len(f) >= 5 for f in before) or lx.nisba(words[k - 1]) \
                or text[toks[k - 1].end:toks[k].start].strip():
            continue
        if nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) >= 6 and nxt.isalpha() and not lx.nisba(nxt) \
                and nxt not in lx.not_places() and nxt not in lx.place_names():
            added.append(make(text, toks[k].start, toks[k + 1].end, "PER"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


# a journalist's role names the outlet, then the journalist: "مراسل قناة X فلان الفلاني"
_REPORTERS = frozenset(normalize(w) for w in ("مراسل", "مراسلة", "مصور", "مصورة", "محرر", "محررة", "مذيع", "مذيعة",
                                              "موفد", "موفدة", "مراسلي", "كاتب", "كاتبة", "محلل", "رسام"))


def _after_outlets(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"مراسلة قناة “X” فلانة الفلانية", "مراسل الجزيرة فلان": after a journalist's role and the outlet
    (an organisation, or a medium noun and its one-word or quoted name), a known first name and a name
    after it are the journalist (the tagger, reading the outlet, leaves them out)."""
    from marsad.extraction.media_names import MEDIA_HEADS
    from marsad.extraction.org_phrases import head_form

    at = {t.start: k for k, t in enumerate(toks)}
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    orgs = {e.start: e.end for e in ents if e.type == "ORG"}
    quote = lambda j: j < len(toks) and all(ch in "\"'«»“”" for ch in toks[j].text)    # noqa: E731
    added = []
    for r in range(len(toks) - 3):
        if not any(f in _REPORTERS for f in strip_clitics(words[r])):
            continue
        k = r + 1
        if toks[k].start in orgs:
            k = at.get(orgs[toks[k].start], k)
            while k < len(toks) and toks[k].start < orgs[toks[r + 1].start]:
                k += 1
        elif head_form(words[k], MEDIA_HEADS):
            k += 1
            if quote(k):
                k += 1
                while k < len(toks) and k - r < 7 and not quote(k):
                    k += 1
            k += 1
        else:
            continue
        while quote(k):
            k += 1
        if k + 1 >= len(toks) or taken[toks[k].start] or not first_name(words[k]) or words[k] in NAME_JOINERS \
                or text[toks[k].end:toks[k + 1].start].strip() or not words[k + 1].isalpha():
            continue
        clause_end = k + 2 >= len(toks) or not toks[k + 2].text[0].isalnum()
        if words[k + 1] in lx.person_names() and words[k + 1] not in NOT_SURNAME or _surname(words[k + 1], clause_end):
            added.append(make(text, toks[k].start, toks[k + 1].end, "PER"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


# who a force belongs to or is led by: "ميليشيات تابعة لفلان", "قوة بقيادة فلان", "مجموعة موالية لفلان"
_LED_BY = frozenset(normalize(w) for w in (
    "بقيادة", "يقودها", "يقوده", "بزعامة", "يتزعمها", "يتزعمه", "تابعة", "التابعة", "تابع", "التابع", "التابعين",
    "تابعين", "تابعون", "التابعون", "موالية", "الموالية", "موال", "الموالي", "موالين", "الموالين", "المقربة", "المقرب", "مقربة", "أنصار",
    "انصار", "مناصري", "مؤيدي", "مسلحي", "عناصر"))


def _led_by(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """A known first name (ل or ب before it allowed: "تابعة لعثمان") and a surname after a word of
    leading or allegiance (بقيادة، الموالية، أنصار) are the leader the tagger left out; the proclitic
    stays out of the name."""
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    added = []
    for k in range(1, len(toks) - 1):
        if words[k - 1] not in _LED_BY or taken[toks[k].start] or taken[toks[k + 1].start] \
                or text[toks[k].end:toks[k + 1].start].strip() or not words[k + 1].isalpha():
            continue
        w = words[k]
        cut = 1 if w[:1] in "لب" and first_name(w[1:]) and not first_name(w) else 0
        if not (cut or first_name(w)) or w[cut:] in NAME_JOINERS or w[cut:].startswith("ال") or w[cut:] in lx.titles():
            continue                        # "أنصار رئيس الوزراء", "مناصري القوى": an office, a common noun
        clause_end = k + 2 >= len(toks) or not toks[k + 2].text[0].isalnum()
        if words[k + 1] in lx.person_names() and words[k + 1] not in NOT_SURNAME or _surname(words[k + 1], clause_end):
            added.append(make(text, toks[k].start + cut, toks[k + 1].end, "PER"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents
