"""People named after a role or a rank, where no lexicon of first names can vouch for them.

Arabic news names a speaker after a role phrase: "قال المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي في
تدوينة إن …"، "ودان رئيس الحكومة اللبنانية نجيب ميقاتي الغارات"، "العميد الركن ضرار الدندل". The
role's definite phrase (or a rank) closes the noun phrase; the words after it, up to the content, the
medium or the outlet spoken to, are the person's name — foreign, Kurdish or rare names included.
Runs after `person_names.mend_people`; also drops 'people' opened by a complementizer or a preposition
or made of time words (بأن القيادي، على حد، صباح الجمعة).
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.data import load_json
from marsad.extraction.person_names import NAME_JOINERS, NOT_SURNAME, Make, first_name
from marsad.extraction.spans import covered
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics, token_words, tokens

# role heads (lexicon/role_heads.tsv, normalised: نائب → نايب), for words already normalised; ه: her role
# (المديرة، الوزيرة)
_ROLE_WORD = re.compile("(?:ال)?(?:" + lx.role_head_pattern("name_after") + ")ه?")


def mend_roles(text: str, ents: list[Entity], make: Make) -> list[Entity]:
    toks = list(tokens(text))
    words = token_words(text)
    out = _joined(text, toks, words, _before_content(text, toks, words, ents, make), make)
    out = _after_rank(text, toks, words, _known_after_role(text, toks, words, out, make), make)
    return [e for e in out if not _function_led(e)]


def _function_led(e: Entity) -> bool:
    """"بأن القيادي"، "صباح الجمعة": a 'person' opened by a complementizer written with its hamza (بان كي
    مون is a name), or made of time words only (صباح is a name too, but not before a weekday), is none."""
    if e.type != "PER":
        return False
    words = normalize(e.text).split()
    hamza = e.text.split()[0].strip("\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652")[:3] in ("أن", "إن", "بأن", "وأن", "فإن")
    return hamza and words[0].removeprefix("ف") in _speech_words()[1] or (len(words) > 1 and all(w in _times() for w in words)) \
        or e.text.split()[0] in ("على", "إلى")       # "على حد قوله": a preposition (علي is the name)


@lru_cache(maxsize=1)
def _times() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_json("quotes.json")["time_words"])


def _speech_words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Cue verbs, one-word complementizers, medium nouns (بيان، مؤتمر، تدوينة) and words that are no
    name's part (time words, objects, subject breakers from quotes.json; role heads from lexicon/role_heads.tsv)."""
    global _SPEECH
    if _SPEECH is None:
        raw = load_json("quotes.json")
        n = lambda key: frozenset(normalize(w) for w in raw[key])      # noqa: E731
        _SPEECH = (n("verbs"), frozenset(w for w in n("complementizers") if " " not in w), n("medium_nouns"),
                   n("time_words") | n("object_nouns") | n("subject_breakers") | frozenset(lx.role_heads("speaker"))
                   | n("source_nouns"))
    return _SPEECH


_SPEECH: tuple | None = None
_MEDIUM_PREPS = frozenset(normalize(w) for w in ("في", "خلال", "عبر"))
_OUTLETS = frozenset(normalize(w) for w in ("وكالة", "قناة", "صحيفة", "موقع", "تلفزيون", "إذاعة", "شبكة", "مجلة", "راديو"))


def _content_next(text, toks, words, j: int, org_starts: set[int]) -> bool:
    """toks[j] opens what follows a speaker: a complementizer (إن، أن), a colon, a medium ("في بيان"،
    "خلال مؤتمر صحفي", after a comma too) or the outlet spoken to ("لوكالة …"، "لشفق نيوز")."""
    _, comps, media, _ = _speech_words()
    if j < len(toks) and toks[j].text in "،,":
        j += 1
        if j >= len(toks) or words[j] not in _MEDIUM_PREPS:
            return False
    if j >= len(toks):
        return False
    w = words[j]
    if w in comps or toks[j].text == ":" or w in ("الي", "علي") and j + 1 < len(toks) and words[j + 1] in comps:
        return True                        # "أشار فلان إلى أن"، "شدد فلان على أن"
    if w in _MEDIUM_PREPS:
        return j + 1 < len(toks) and any(f in media for f in strip_clitics(words[j + 1]))
    if w == "ل" and j + 1 < len(toks) and toks[j + 1].text[:1] in "\"«“(":
        return True                        # 'لـ"الوكالة الوطنية"': an outlet's quoted name
    return w[:1] == "ل" and len(w) > 3 and (w[1:] in _OUTLETS or toks[j].start + 1 in org_starts or any(
        words[i] in comps for i in range(j + 1, min(j + 4, len(toks)))))     # "لشفق نيوز إن": its name, then the content


def _article_name(words: list[str], j: int) -> bool:
    """A given name written with the article (الفاتح، الطاهر، الهادي قرشي) before a family name without it:
    "الأمين العام" is a title, its second word definite too; "اللبناني" a nationality."""
    return words[j].startswith("ال") and (words[j] in lx.person_names() or words[j][2:] in lx.person_names()) \
        and not lx.nisba_country(words[j]) and j + 1 < len(words) \
        and words[j + 1].isalpha() and not words[j + 1].startswith(("ال", "و"))


def _before_content(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"قال المتحدث باسم الجيش الإسرائيلي أفيخاي أدرعي في تدوينة …"، "قال رئيس بلدية X فلان فلاني لقناة …
    إن": a speech verb, a role phrase closed by a definite word or a name (an organisation, a place), then
    two or three words no lexicon knows right before the content, the medium or the outlet spoken to.
    An indefinite word cannot go on a definite noun phrase, so those words open a new phrase: the
    speaker's name, which a lexicon of first names cannot hold (foreign, Kurdish, rare names)."""
    verbs, _, _, no_name = _speech_words()
    # a 'place' no gazetteer knows, right where the name goes, is the name the tagger misread (عضو مجلس
    # النواب عن محافظة X فلان فلاني إن …)
    # (or a one-word person: its family name, which no list knows, follows — "منسق الطوارئ كلير نيكوليه أن")
    # (a rank and one word: "اللواء يحيى | رسول في تصريح": the tagger cut the family name off too)
    unknown = {id(e) for e in ents if e.type == "LOC" and " " in e.text and normalize(e.text) not in lx.place_names()
               or e.type == "PER" and (" " not in e.text.strip() or _rank_and_one(e.text))}
    taken = covered(len(text), ((e.start, e.end) for e in ents if id(e) not in unknown))
    ends = {e.end for e in ents if e.type in ("ORG", "LOC") and id(e) not in unknown}
    org_starts = {e.start for e in ents if e.type == "ORG"}

    def part(j: int, first: bool) -> bool:
        w = words[j]
        return (j < len(toks) and not taken[toks[j].start] and w.isalpha() and len(w) >= 3 and w not in no_name
                and w not in NOT_SURNAME and w not in verbs and w not in lx.countries()
                # علي (Ali) normalises as على (on) does: the name as written, with its ي, is a name
                and (w not in lx.not_places() or w in lx.person_names() and not toks[j].text.endswith("ى"))
                and w not in _titles() and not lx.place_noun(w) and w not in lx.org_heads()
                and not (first and (w.startswith(("ال", "و", "ف", "ل", "ب")) and not _article_name(words, j)
                                    or toks[j].text in ("على", "إلى")
                                    or w.endswith("ه") and w not in lx.person_names())))

    added = []
    for k in range(2, len(toks) - 2):
        before = words[k - 1]
        if not (before.startswith(("ال", "وال")) and before.isalpha() or toks[k - 1].end in ends) \
                or text[toks[k - 1].end:toks[k].start].strip() or not part(k, True):
            continue                            # the cheap tests first: this runs on every word
        clause = words[max(0, k - 12):k]
        cue = next((i for i in range(len(clause) - 1, -1, -1) if clause[i] in verbs
                    or clause[i][:1] in "وف" and clause[i][1:] in verbs), None)
        if cue is None or not any(_ROLE_WORD.match(w) for w in clause[cue + 1:cue + 4]) \
                or any(toks[i].text in "،,.:؛" for i in range(k - len(clause) + cue, k)):
            continue
        for j in (k + 2, k + 3):
            if j <= len(toks) and all(part(i, False) for i in range(k + 1, j)) and not any(
                    text[toks[i - 1].end:toks[i].start].strip() for i in range(k + 1, j)) \
                    and _content_next(text, toks, words, j, org_starts):
                added.append(make(text, toks[k].start, toks[j - 1].end, "PER"))
                break
    if not added:
        return ents
    ents = [e for e in ents if not (id(e) in unknown and any(a.start < e.end and e.start < a.end for a in added))]
    return sorted(ents + added, key=lambda e: e.start)


def _known_after_role(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"ودان رئيس الحكومة اللبنانية نجيب ميقاتي الغارات": a known first name right after a role's
    definite phrase (role head, then definite words or names only), and an indefinite word after it
    that ends there (a definite word, a preposition or punctuation follows) is a person the tagger
    missed. A definite role phrase takes no indefinite adjective, so the first name is no adjective."""
    verbs, comps, _, no_name = _speech_words()
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    ends = {e.end for e in ents if e.type in ("ORG", "LOC")}
    # a definite one-word 'place' after the first name is the family name (وزير الصحة فراس الأبيض)
    family = {e.start: e for e in ents if e.type == "LOC" and " " not in e.text and e.text.startswith("ال")}
    added = []
    for k in range(2, len(toks) - 1):
        w, s = words[k], words[k + 1]
        place = family.get(toks[k + 1].start)
        if taken[toks[k].start] or taken[toks[k + 1].start] and not place or not first_name(w) or w in NAME_JOINERS \
                or w.startswith("ال") or w in no_name or w in verbs or toks[k].text in ("على", "إلى") or w == "باسم" \
                or not s.isalpha() or s.startswith(("ال", "و", "لل")) and not place or s in no_name or s in verbs \
                or s in NOT_SURNAME or s in lx.countries() or lx.place_noun(s) \
                or text[toks[k - 1].end:toks[k + 1].start].count(" ") != 2:
            continue
        i = k - 1                              # back over the role's definite words and names
        while i > 0 and (words[i].startswith(("ال", "لل", "وال")) and words[i] not in lx.person_names()
                         and words[i] not in lx.titles() or taken[toks[i].start] or words[i] == "باسم"
                         or words[i][:1] == "ل" and len(words[i]) > 3 and words[i][1:] not in _OUTLETS) \
                and not _ROLE_WORD.fullmatch(words[i]) and not text[toks[i].end:toks[i + 1].start].strip():
            i -= 1
        if i == k - 1 and not (words[i].startswith(("ال", "وال")) or toks[i].end in ends) or not _ROLE_WORD.fullmatch(words[i]):
            continue
        nxt = words[k + 2] if k + 2 < len(toks) else ""
        if k + 2 >= len(toks) or not toks[k + 2].text[0].isalnum() or nxt.startswith("ال") or nxt in comps \
                or nxt in NOT_SURNAME or nxt in no_name:       # "أعلن المتحدث فلان فلان استهداف …"
            added.append(make(text, toks[k].start, toks[k + 1].end, "PER"))
    if not added:
        return ents
    ents = [e for e in ents if not (e.start in family and any(a.start < e.start < a.end for a in added))]
    return sorted(ents + added, key=lambda e: e.start)


def _rank_and_one(name: str) -> bool:
    """A rank (titles.txt) and one word after it: a name the tagger cut ("اللواء يحيى")."""
    words = normalize(name).split()
    return len(words) == 2 and words[0] in _titles() and bool(_RANK.search(words[0]))


# military and police ranks (titles.txt holds them with the honorifics): a name follows them
_RANK = re.compile(r"(?:لواء|عميد|عقيد|فريق|مشير|مقدم|رايد|نقيب|ملازم|رقيب|عريف|جنرال|ادميرال)")


@lru_cache(maxsize=1)
def _ranks() -> dict[str, list[tuple[str, ...]]]:
    """The ranks of titles.txt by their first word, longest first (tuples, as token_words gives words)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for t in sorted((normalize(x) for x in lx.titles()), key=lambda t: -len(t.split())):
        if _RANK.search(t):
            out.setdefault(t.split()[0], []).append(tuple(t.split()))
    return out


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(lx.titles())


def _after_rank(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """"العميد الركن ضرار الدندل قوله"، "اللواء ركن فلان فلاني،": after a rank (its words from titles.txt,
    longest first) two words no entity holds — the first indefinite, neither a number nor a word of the
    speech lexicons (اللواء الأول، اللواء 444 are brigades) — are the officer's name."""
    verbs, comps, _, no_name = _speech_words()
    taken = covered(len(text), ((e.start, e.end) for e in ents))
    ranks = _ranks()
    added = []
    for k in range(len(toks) - 2):
        rank = next((r for r in ranks.get(words[k], ()) if words[k:k + len(r)] == r), None)
        if rank is None:
            continue
        i = k + len(rank)
        if i + 1 >= len(toks) or taken[toks[i].start] or taken[toks[i + 1].start] \
                or text[toks[i - 1].end:toks[i + 1].start].count(" ") != 2:
            continue
        w, s = words[i], words[i + 1]
        if not (w.isalpha() and s.isalpha()) or w.startswith(("ال", "لل")) or toks[i].text in ("على", "إلى") \
                or any(x in no_name or x in verbs or x in comps or x in NOT_SURNAME or lx.place_noun(x)
                       or x in lx.org_heads() or x in lx.countries() for x in (w, s)) \
                or w in lx.number_words() or s in lx.number_words():
            continue
        added.append(make(text, toks[i - len(rank)].start, toks[i + 1].end, "PER"))
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def _joined(text, toks, words, ents: list[Entity], make: Make) -> list[Entity]:
    """A name cut at a joiner (أم، أبو، بن، عبد، آل): "أم | محمد النجار" takes its أم, "أحمد أبو | شحمة"
    its last word — no name begins after, or ends with, a joiner."""
    at = {t.start: k for k, t in enumerate(toks)}
    ends = {t.end: k for k, t in enumerate(toks)}
    starts = {e.start for e in ents}
    out = []
    for e in ents:
        k, j = at.get(e.start), ends.get(e.end)
        if e.type == "PER" and k is not None and j is not None:
            s, t = e.start, e.end
            mother = words[k - 1] == normalize("أم") if k > 0 else False     # أم is also "or"
            if k > 0 and words[k - 1] in NAME_JOINERS and not text[toks[k - 1].end:e.start].strip() \
                    and not words[k].startswith("ال") and not any(o.start <= toks[k - 1].start < o.end for o in ents) \
                    and (k < 2 or words[k - 2] not in NAME_JOINERS) \
                    and not (mother and k > 1 and toks[k - 2].text[-1:].isalpha() and not words[k - 2].startswith("ال")):
                s = toks[k - 1].start
            if words[j] in NAME_JOINERS and j + 1 < len(toks) and words[j + 1].isalpha() and toks[j + 1].start not in starts \
                    and not words[j + 1].startswith("ال") \
                    and words[j + 1] not in NOT_SURNAME and not text[e.end:toks[j + 1].start].strip():
                t = toks[j + 1].end
            if (s, t) != (e.start, e.end):
                e = make(text, s, t, "PER")
        out.append(e)
    return out
