"""Reading one casualty count out of a sentence (extraction/tolls.py decides which counts are tolls):
what a number counts and of which kind (مقتل 5، 11 شخصا قتلوا، 20 قتيلا وجريحا is no death count), counts
written as nouns alone (مقتل جنديين، استشهاد مواطن، مقتل أحد جنوده), the victim a killing verb takes
as its object (قتل مسلحون شرطيا), persons joined to a count (ثلاثة صحفيين ومسنة), "others" (وشخصين آخرين،
مقتل فلان و16 آخرين). Split from tolls.py."""
from __future__ import annotations

from marsad.extraction.casualty_scope import QUOTES, RELATIVE, STOPS, Sent
from marsad.extraction.casualty_words import (
    TWO_AFTER,
    casualty_kind,
    casualty_lexicon,
    has_bare_form,
    has_form,
    more_people,
    new_victim,
)
from marsad.text.arabic import Token, strip_clitics
from marsad.text.numbers import number_lexicon as number_words

_IN_IT = {"فيه", "فيها", "فيهما", "خلاله", "خلالها", "بسببه", "جراءه"}    # "… قتل فيه 3": the victims follow
_PREPOSITIONS = {"في", "علي", "من", "الي", "عن", "مع", "بين", "ضد"}
BACK, AHEAD = 7, 8      # words between a number and the casualty word before / the verb after it
DOER = 4                # more words back to a killing verb whose doer, an armed group named in full, stands between
_RESUMPTIVE = {"انهم", "بانهم", "وانهم", "لانهم", "انهما", "بانهما", "انهن"}    # "… أنهم قتلوا"


def token_at(toks: list[Token], offset: int) -> int:
    """The token that holds text offset `offset` (or the first after it)."""
    lo, hi = 0, len(toks) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid].end > offset:
            hi = mid
        else:
            lo = mid + 1
    return lo


def skip_quotes(s: Sent, i: int) -> int:
    while i < len(s.words) and s.toks[i].text in QUOTES:
        i += 1
    return i


def _back(s: Sent, i: int) -> int:
    """The word at or before i that is no quote mark or bracket (-1: none)."""
    while i >= 0 and s.toks[i].text in QUOTES:
        i -= 1
    return i


def count_kind(s: Sent, i: int, j: int, prior: dict[int, str]) -> tuple[str | None, int, bool]:
    """(kind, index after the counted noun, part) of the number in words[i:j]; kind None: not a casualty count."""
    lex, w = casualty_lexicon(), s.words
    k = skip_quotes(s, j)
    noun = w[k] if k < len(w) else ""
    if noun.startswith("و"):
        noun = ""                                         # "مقتل تسعة وإصابة 33": the count has no noun
    # "… وقتلت 14 منهم" with no count before it in the sentence is part of no figure: a count of its own
    part = (noun in ("منهم", "منهن") and any(p < i for p in prior)) or any(x in lex["parts"] for x in w[max(0, i - 2):i])
    if noun and has_form(noun, lex["counted"]):
        if _combined(w, k):
            return None, j, part                          # "20 قتيلا وجريحا": the hurt and the dead together
        kind = casualty_kind(noun)                        # "أعدم مسلحون ثلاثة رهائن": killed, not captured
        killer = kind == "captured" and any(casualty_kind(x) == "killed" for x in w[max(0, i - 3):i])
        # "ثلاثة جرحى توفوا"، "… لفظوا أنفاسهم": the wounded who died since are dead
        # (not "20 جريحا قتل منهم ثلاثة": some of them)
        died = kind == "injured" and any(has_form(x, lex["after"]) and casualty_kind(x) == "killed" for x in w[k + 1:k + 3]) \
            and not any(x in lex["parts"] for x in w[k + 1:k + 4])
        return "killed" if killer or died else kind, k + 1, part
    if noun and has_form(noun, lex["things"]) and not has_form(noun, lex["persons"]):
        return None, j, part                              # "3 غارات", "11 منزلا", "20 كيلومترا"
    end = k + 1 if noun and noun not in STOPS and noun not in ("من",) else j
    if noun and k + 2 < len(w) and w[k + 1] == "علي" and casualty_kind(w[k + 2]) == "displaced":
        return "displaced", k + 3, part                   # "وأجبرت 12 مليون شخص على النزوح": its own kind
    for b in range(i - 1, max(-1, i - 1 - BACK - DOER), -1):   # the casualty word before: "مقتل ما يقرب من 40"
        if w[b] in STOPS:
            break
        if b < i - BACK and not any(f in lex["active"] for f in strip_clitics(w[b])):
            continue        # farther back only a killing verb past its long doer: "قتل مسلحون من تنظيم X في الساحل 20"
        if b in prior:
            return prior[b], end, part                    # "مقتل 10 … مقابل 12": the same kind
        if w[b] == "علي" and b and has_form(w[b - 1], lex["eliminate"]):
            return "killed", end, part                    # "القضاء على 12 مسلحا"
        if (kd := casualty_kind(w[b])):
            return (None if _sentenced(w, b) else kd), end, part
    # coordinated after a comma: "10 قتلى، و 27 جريحا", "إلى 67 …، مقابل 56 من الفصائل"
    if s.toks[i].text.startswith("و") or i > 0 and w[i - 1] in ("و", "مقابل"):
        last = max((p for p in prior if p < i), default=None)
        if k + 1 < len(w) and has_form(w[k + 1], lex["after"]):
            return casualty_kind(w[k + 1]), end, part     # "أصيب جندي، و4 مدنيين قتلوا": its own verb
        if last is not None:
            return prior[last], end, part
    seen = 0
    for a in range(k + 1, len(w) if noun else k):       # the verb after its noun: "11 شخصا قتلوا"
        if w[a].startswith("و") and casualty_kind(w[a]) or w[a][:1].isdigit():
            break                                         # "9 مواطنين وأصيب آخرون": a new clause
        if seen > AHEAD:                                  # "ثلاثة عراقيين من ناحية … حيث تبين أنهم فارقوا
            kind = _resumed(s, a)                         # الحياة": the pronoun carries the count on
            return (kind, end, part) if kind else (None, j, part)
        if w[a] in RELATIVE and a > k + 1 or w[a] in lex["of_wounds"]:
            break                                         # "آلاف المتظاهرين وبينهم أسر الجنود الذين قتلوا"; "متأثرين بجراح أصيبوا بها"
        if has_form(w[a], lex["after"]):
            if has_form(w[a], lex["after_one"]) and not any(_one(x) for x in w[i:j]):
                return None, j, part                      # "أطلقوا عدة رصاصات … أنه فارق": a singular
            return casualty_kind(w[a]), end, part         # verb after its subject tells one, not these
        seen += w[a] not in STOPS and s.toks[a].text not in QUOTES
    return None, j, part


def _resumed(s: Sent, a: int) -> str | None:
    """The kind of a casualty verb a few words on whose pronoun takes back the counted people: "… حيث
    تبين أنهم فارقوا الحياة"; the verb may be that far only right after the pronoun."""
    for b in range(a, min(len(s.words) - 1, a + AHEAD)):
        if s.words[b] in STOPS and s.words[b] != "،" or s.words[b][:1].isdigit():
            return None
        if s.words[b] in _RESUMPTIVE:                    # "أنهم قتلوا", "أنهم لقوا حتفهم"
            verb = skip_quotes(s, b + 1)
            after = casualty_lexicon()["after"]
            return next((casualty_kind(x) for x in s.words[verb:verb + 2] if has_form(x, after)), None)
    return None


def _combined(w: list[str], k: int) -> bool:
    """w[k] and the next word are a killed and a hurt noun joined by و: after a number ("20 قتيلا وجريحا",
    "عشرات القتلى والجرحى") or "بين قتيل وجريح", they count both together, no one's dead by themselves."""
    if k < 0 or k + 1 >= len(w) or not w[k + 1].startswith("و") or w[k + 2:k + 3] and more_people(w[k + 2]):
        return False                                      # "4 قتلى وجرحى آخرون": two groups
    kinds = {casualty_kind(w[k]), casualty_kind(w[k + 1][1:])}
    return kinds == {"killed", "injured"} and has_form(w[k], casualty_lexicon()["counted"])


def _number(word: str) -> bool:
    """A number written in digits or words ("ستة مدنيين … قتلوا": the noun is the number's)."""
    lex = number_words()
    return word[-1:].isdigit() or any(form in lex["small"] or form in lex["mult"] or form in lex["vague"]
                                      for form in strip_clitics(word))


def _one(word: str) -> bool:
    """"واحد": the noun before it is the one victim ("سقط قتيل واحد")."""
    return any(number_words()["units"].get(form) == 1 for form in strip_clitics(word))


def _counted_after(s: Sent, i: int) -> bool:
    """A number right after the noun, or two words on, counts it: "راح ضحية الهجوم ثمانية مواطنين"
    (not "قتيل واحد", nor a new count joined by و: "سقط شهيد و3 جرحى")."""
    a, seen = i + 1, 0
    while a < len(s.words) and seen < 3 and s.words[a] not in STOPS:
        if s.toks[a].text not in QUOTES:
            if _number(s.words[a]):
                return not _one(s.words[a]) and not s.toks[a].text.startswith("و")
            seen += 1
        a += 1
    return False


def noun_counts(s: Sent) -> list[tuple[int, int, str, int]]:
    """(start index, end index, kind, value) of counts written as nouns alone: "مقتل جنديين" = 2,
    "استشهاد مواطن" = 1, "امرأة مسنة استشهدت" = 1."""
    lex, w, out = casualty_lexicon(), s.words, []
    for i in range(len(w) - 1):
        if (kd := casualty_kind(w[i])) is None or has_form(w[i], lex["counted"]):
            continue
        k = skip_quotes(s, i + 1)
        while k < min(len(w) - 1, i + 4) and (w[k] == "،" or has_form(w[k], lex["recent"]) or w[k] in lex["death_objects"]):
            k = skip_quotes(s, k + 1)                           # "وقتل أمس شخص واحد", "قتل، مساء الجمعة، …",
                                                                # "فارق الحياة مواطن", "لفظ أنفاسه الأخيرة شرطي"
        if k >= len(w) or k + 1 < len(w) and w[k + 1] in lex["parts"] and w[k] not in lex["persons"]:
            continue                                      # "مقتل مدنيين بينهم نساء": a plural, no dual
        if i and has_form(w[i - 1], lex["attempt"]):
            continue                                      # "محاولة قتل الشاهد": no one died
        if k + 1 < len(w) and w[k + 1] in TWO_AFTER and not _number(w[k]):
            out.append((i, k + 2, kd, 2))                 # "مقتل إرهابيين اثنين": the numeral after its noun
        elif w[k] in lex["duals"] or new_victim(w[k]) or _one_of(w, k):
            out.append((i, k + 1, kd, 2 if w[k] in lex["duals"] else 1))
    for i, x in enumerate(w):                             # "أدت إلى سقوط شهيد"; not "(15) شهيدا"
        two = has_bare_form(x, lex["two"])                        # "ما أدى إلى مقتلهما"
        before = _back(s, i - 1)
        pair = w[i - 1:i] == ["بين"] and _combined(w, i) or i > 1 and _combined(w, i - 1) and (
            w[i - 2] == "بين" or _number(w[i - 2]))      # "بين قتيل وجريح", "20 قتيلا وجريحا"
        if before >= 0 and w[before] in lex["of_wounds"]:
            continue                                      # "متأثرا بإصابته": the wound the dead succumbed to
        if (two or has_bare_form(x, lex["one"])) and not (before >= 0 and _number(w[before])) and not pair \
                and not _counted_after(s, i) and not any(a <= i < b for a, b, _, _ in out):
            out.append((i, i + 1, casualty_kind(x), 2 if two else 1))
    for i in range(1, len(w) - 1):                        # a person before the verb
        if (w[i] in lex["persons"] or w[i] in lex["duals"]) and not any(
                a <= i < b for a, b, _, _ in out) and w[i - 1] not in lex["parts"] and not _number(w[i - 1]):
            # "عنصرين من حزب الله قتلا": the body they belong to may stand between them and the verb
            reach = i + (8 if w[i + 1] == "من" else 4)
            for a in range(i + 1, min(len(w), reach)):
                if w[a] in STOPS or w[a].startswith("و") or w[a] in lex["of_wounds"]:
                    break                                 # "مواطن متأثرا بجروح أصيب بها": the wounds he died of
                if has_form(w[a], lex["after"]):
                    if a + 1 < len(w) and (_number(w[a + 1]) or w[a + 1] in _IN_IT):
                        break                             # "شرطيين قتلوا 13 متظاهرا": the doers; "اشتباك مسلح قتل فيه"
                    out.append((i, a + 1, casualty_kind(w[a]), 2 if w[i] in lex["duals"] else 1))
                    break
    return out + _objects(s, out)


def _sentenced(w: list[str], b: int) -> bool:
    """"قضت المحكمة بإعدام خمسة"، "حكما بالإعدام شنقا بحق خمسة": a death sentence passed, no one dead
    (unless it was carried out: "نفذت حكم الإعدام بحق خمسة")."""
    if not b or "اعدام" not in strip_clitics(w[b]):
        return False
    before = w[max(0, b - 4):b]              # "قضت محكمة في بغداد بإعدام …": the court may stand between
    if any(x in STOPS for x in before):
        before = before[max(i for i, x in enumerate(before) if x in STOPS) + 1:]
    forms, lex = [f for x in before for f in strip_clitics(x)], casualty_lexicon()
    return any(f in lex["sentencing"] for f in forms) and not any(f in lex["carried_out"] for f in forms)


def _one_of(w: list[str], k: int) -> bool:
    """"مقتل أحد جنوده", "مقتل إحدى المسعفات": one of them (not "أحد عشر", eleven)."""
    return w[k] in ("احد", "احدي") and k + 1 < len(w) and w[k + 1] not in ("عشر", "عشره") and w[k + 1] not in STOPS


def _objects(s: Sent, found: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """The victim a killing verb takes as its object, past the doer if any: "قتل مسلحون مجهولون شرطيا",
    "قتل مسلحون في أحدهما عضوا في البرلمان"، "وقتلوا قائدا" — one indefinite person in the accusative
    (…ا), or two of a noun whose plural is broken (numbers.json duals_only: شابين، شخصين). Right after a
    verb without its plural subject (وقتلوا) it may be a dual's construct ("قتل سائقا شاحنات": two
    drivers); other duals are left out: "مدنيين، مسلحين" are as often plurals."""
    lex, w, out = casualty_lexicon(), s.words, []
    for i in range(len(w) - 2):
        if not any(f in lex["active"] for f in strip_clitics(w[i])) or any(a <= x < b for a, b, _, _ in found
                                                                        for x in (i, i + 1)):
            continue
        seen = 0
        for a in range(i + 1, len(w)):
            x = w[a]
            if x == "،" or x in QUOTES:
                continue                                  # "قتل الجيش، بالرصاص، أمس، متظاهرا"
            seen += 1
            if seen > 6 or x in STOPS or _number(x) and not _one(x) or casualty_kind(x) or x.startswith("و") and seen > 2:
                break
            if (a > i + 1 or w[i].endswith("وا")) and w[a - 1] not in _PREPOSITIONS and (x.endswith("ا") and (
                    x in lex["persons"] or x[:-1] in lex["persons"]) or x in lex["duals_only"]) and not _counted_after(s, a):
                out.append((i, a + 1, "killed", 2 if x in lex["duals_only"] else 1))     # "قتل مسلحون شابين" = 2
                break
    return out


def joined_persons(s: Sent, end: int, value: int) -> tuple[int, int]:
    """"ثلاثة صحفيين ومسنة": persons joined to a count add to it (end index, value)."""
    lex, w = casualty_lexicon(), s.words
    for a in range(end, min(len(w), end + 6)):
        x = w[a]
        if x in STOPS or x in lex["parts"] or casualty_kind(x) or x[:1].isdigit():
            break
        if x.startswith("و") and len(x) > 2:
            stem = x[1:]
            if stem in lex["duals"]:
                return a + 1, value + 2
            if new_victim(stem):                          # not "والآخر": one already counted
                return a + 1, value + 1
    return end, value


def besides_one(s: Sent, i: int, end: int, found: list[tuple]) -> int | None:
    """The killing word of "مقتل فلان و16 آخرين", "الذي قتل مع 9 مواطنين آخرين": "others" besides one
    victim named, not counted, between that word and the count (no count before it in the sentence)."""
    w = s.words
    if not (more_people(w[end - 1]) or end < len(w) and more_people(w[end])) or any(f[0] < i for f in found):
        return None
    joined = w[i - 1] == "مع" or s.toks[i].text.startswith("و")
    for b in range(i - 1, max(-1, i - 1 - BACK), -1):
        if w[b] in STOPS:
            return None
        if casualty_kind(w[b]) == "killed":
            named = joined and (b < i - 1 or w[i - 1] == "مع") and not has_form(w[b], casualty_lexicon()["counted"])
            return b if named else None
    return None


def others_told(s: Sent, found: list[tuple], prior: dict[int, str]) -> list[tuple]:
    """Counts whose casualty word is left out after a first count of the sentence: "أفاد بمقتل شخصين في
    غارة …، وشخصين آخرين نتيجة غارة …" (a person noun or a dual after و, then "others"): the kind
    of the count before, and one person or two."""
    lex, w, out = casualty_lexicon(), s.words, []
    covered = {x for a, b, *_ in found for x in range(a, b)}
    for i in range(1, len(w) - 1):
        k = skip_quotes(s, i + 1)
        if i in covered or not w[i].startswith("و") or k >= len(w) or not more_people(w[k]):
            continue
        value = 2 if w[i][1:] in lex["duals"] else 1 if new_victim(w[i][1:]) else 0
        last = max((p for p in prior if p < i), default=None)
        if value and last is not None:
            out.append((i, k + 1, prior[last], value, False, False, None))
    return out
