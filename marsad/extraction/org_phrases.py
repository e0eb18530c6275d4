"""Organisation names the tagger misses, read from how Arabic builds them.

An Arabic organisation name is a head noun (جهاز، مركز، لجنة، وزارة، قوات، دائرة …) followed by an
idafa chain and its adjectives: definite words (جهاز الإسعاف والطوارئ، مركز الزاوية الطبي), a
construct noun before a definite word or a name (لجنة مقاومة أبوقوتة، دائرة صحة ذي قار), a place
(مركز حماة الإعلامي), "لل" + a definite word (هيئة الأركان العامة للقوات المسلحة). The ANERcorp-trained
tagger learnt from 2007 general news, where few such names occur; this reads them from their shape.
The chain stops at punctuation, a preposition, a number, a verb-like word, or a new head after و
(وزارة الصحة والدفاع المدني: two names).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.extraction.not_names import front_line, purpose_word
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.actor_dictionary import clitic_chars
from marsad.text.arabic import normalize, strip_clitics, token_words, tokens
from marsad.text.numbers import quantities

MAX_WORDS = 7
# Heads that are also everyday words when alone ("الأمن والاستقرار", "مفاوضات سرية") or name a
# person's office rather than a body (وزير): they open a name only from the dictionary or the tagger.
_NOT_HEADS = frozenset(normalize(w) for w in ("الأمن", "سرية", "وزير", "الدفاع", "حكومة", "الأمم"))
# Fixed names of bodies that exist in many countries (the country comes from the article).
_FIXED = tuple(tuple(normalize(n).split()) for n in ("الدفاع المدني", "الهلال الأحمر", "الصليب الأحمر",
                                                      "الأمن العام", "الأمن الوطني", "الأمن الداخلي"))
_FIXED_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _name in _FIXED:
    _FIXED_BY_FIRST.setdefault(_name[0], []).append(_name)
# words that never stand inside a name: prepositions, complementizers, relatives, days, affiliation adjectives
NAME_STOPS = frozenset(normalize(w) for w in (
    "في", "على", "علي", "من", "إلى", "الى", "عن", "مع", "بعد", "قبل", "حول", "خلال", "منذ", "عند", "أن", "بأن", "لأن",
    "كأن", "وأن", "كان",
    "إن", "ان", "التي", "الذي", "الذين", "اللذين", "اللتين", "هذا", "هذه", "ذلك", "تلك", "أمس", "اليوم",
    # adverbs and prepositions of place and cause never stand inside a name (أمام is also a man's name)
    "أمام", "امام", "خلف", "قرب", "تحت", "فوق", "بين", "ضد", "لدى", "نحو", "عبر", "داخل", "خارج", "حتى", "وراء",
    "إثر", "جراء", "أثناء",
    # "عن مصدر في وزارة الدفاع قوله": his saying, whose pronoun ه reads like a name's feminine ة
    "قوله", "قولها", "قولهم",
    "التابع", "التابعة", "التابعين", "الحكومي", "الحكومية", "الرسمي", "الرسمية", "الموالية", "الموالي", "المدعومة", "المدعوم", "المقربة", "الآن", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    return lx.org_heads() - _NOT_HEADS


# "ساحة المعركة" is the battlefield, "ساحة القتال" too: idioms, not squares
_FIGURATIVE = frozenset(normalize(w) for w in ("المعركة", "المعارك", "القتال", "الحرب", "المواجهة", "الصراع"))


def is_landmark(name: str) -> bool:
    """A name headed by a landmark noun (ساحة، شارع، جامع …): a spot inside a town, not where ACLED
    puts an event (it codes the town)."""
    first = normalize(name).split()[:1]
    return bool(first) and head_form(first[0], _landmark_heads()) is not None


def named_after_head(text: str, e: Entity) -> bool:
    """A 'person' right after an institution's or a landmark's head noun is the name it bears
    ("مدير مستشفى ناصر الطبي الدكتور فلان": the hospital, not a speaker)."""
    before = text[max(0, e.start - 20):e.start].split()
    return bool(before) and (normalize(before[-1]) in _heads() or is_landmark(before[-1]))


@lru_cache(maxsize=1)
def _landmark_heads() -> frozenset[str]:
    return frozenset(normalize(w) for w in lx.words("landmark_heads.txt"))


def head_form(word: str, heads: frozenset[str] | None = None) -> str | None:
    """The head `word` is (an org head unless `heads` says otherwise), proclitics (وبل) allowed."""
    for form in strip_clitics(word):
        if form in (heads if heads is not None else _heads()):
            return form
    return None


def landmark_phrases(text: str) -> list[Entity]:
    """Landmarks and facilities as LOC entities: a head (ساحة، شارع، سد، قصر …) and its name — the
    idafa chain an organisation's name takes, or one word of any kind (قصر معاشيق، سد مأرب)."""
    toks = tokens(text)
    words = token_words(text)
    out, i = [], 0
    while i < len(toks):
        # a landmark's name follows its noun in construct: "ساحة الكرامة", not "الساحة العامة" (a common noun)
        form = head_form(words[i], _landmark_heads())
        form = form if form and not words[i].endswith("ال" + form) else None
        n = 0
        if form and i + 1 < len(toks) and not text[toks[i].end:toks[i + 1].start].strip(" \"«»"):
            nxt = words[i + 1]
            if nxt.isalpha() and nxt not in NAME_STOPS and nxt not in lx.not_places() and len(nxt) > 2 \
                    and nxt not in _FIGURATIVE and not nxt.startswith("لل") and not purpose_word(nxt) \
                    and not (nxt[0] == "ب" and nxt[1:] in lx.places()) \
                    and not quantities(text, toks[i + 1].start, toks[i + 1].end):
                # "حاجز للجيش": whose, not which; "سوق ببغداد": where, not which;
                # "برأت ساحة ستة متهمين": a count names no landmark
                n = max(2, min(_chain(text, toks, words, i), 3))
        if n:
            start = toks[i].start + clitic_chars(words[i], form)
            end = toks[i + n - 1].end
            out.append(Entity(text[start:end], "LOC", start, end, canonical=text[start:end].strip("\"«» ")))
            i += n
        else:
            i += 1
    return out


def _fixed_at(words: list[str], i: int) -> tuple[int, str] | None:
    """(length, first word's form) of a fixed name starting at word i."""
    for form in strip_clitics(words[i]):
        for name in _FIXED_BY_FIRST.get(form, ()):
            if tuple(words[i + 1:i + len(name)]) == name[1:]:
                return len(name), form
    return None


def org_phrases(text: str) -> list[Entity]:
    """Organisation-shaped phrases in `text`, as ORG entities (the proclitic left out of the span)."""
    toks = tokens(text)
    words = token_words(text)
    out, i = [], 0
    while i < len(toks):
        fixed = _fixed_at(words, i)
        form = fixed[1] if fixed else head_form(words[i]) or _adjectival_head(words, i)
        if form and not fixed and i + 1 < len(words) and (_place_noun(words[i + 1]) or _place_noun(form)
                                                          and words[i + 1] in lx.place_names()
                                                          or front_line(words[i], words[i + 1])):
            form = None                         # "مركز محافظة ذي قار", "مديرية حريب": places
        n = fixed[0] if fixed else (_chain(text, toks, words, i) if form else 0)
        if form in _VERB_HEADS and n >= 2 and _verb_clause(text, toks, words, i, n):
            n = 0
        if n >= 2:
            start = toks[i].start + proclitic_chars(words[i], form)
            end = toks[i + n - 1].end
            name = text[start:end]
            out.append(Entity(name, "ORG", start, end, canonical=restore_article(text, start, name)))
            i += n
        else:
            i += 1
    return out


# heads spelt like a verb of the form تفعّل (تجمّع المحتجون: gathered; تحالف الحزبان: allied)
_VERB_HEADS = frozenset(normalize(w) for w in ("تجمع", "تحالف", "تكتل"))
_CLAUSE_OPENERS = frozenset(normalize(w) for w in ("ثم", "حيث", "كما", "عندما", "بعدما", "فيما", "بينما", "وقد", "قد",
                                                   "ولقد", "حين", "وحين", "لما", "ولما", "وعندما", "وبعدما", "فقد"))


def _verb_clause(text: str, toks, words: list[str], i: int, n: int) -> bool:
    """The verb-like head at token i opens its clause (after a full stop, a comma or a clause opener,
    with or without و/ف) and its subject is a nominative dual (وتحالف الحزبان) or goes on in the
    nominative: "وتجمع الطلاب المعتصمون" is a verb and its subject, not a body named تجمع الطلاب."""
    opens = i == 0 or bool(text[toks[i - 1].end:toks[i].start].strip()) or words[i - 1] in _CLAUSE_OPENERS \
        or not any(ch.isalpha() for ch in words[i - 1])
    subject = words[i + 1]
    dual = subject.startswith("ال") and subject.endswith("ان") and len(subject) >= 7 \
        and subject not in lx.place_names() and subject not in lx.countries()
    return opens and (dual or i + n < len(words) and not_genitive(words[i + n]))


# heads that are also verbal nouns (تنظيم: organising; تجمّع: gathering) of what one organises or joins
_MASDAR_HEADS = frozenset(normalize(w) for w in ("تنظيم", "تجمع"))


@lru_cache(maxsize=1)
def _organised() -> frozenset[str]:
    return frozenset(normalize(w) for w in lx.words("organised_events.txt"))


def _event_noun(word: str) -> bool:
    """An event one organises (مظاهرة، الاعتصام، مسيرات: lexicon/organised_events.txt), article or و apart."""
    return any(f.removeprefix("ال") in _organised() for f in strip_clitics(word))


def proclitic_chars(word: str, form: str) -> int:
    """How many leading characters of `word` to leave out of a name its head `form` opens: the
    proclitics, but not the article of a definite head listed bare ("الرابطة المارونية", "والائتلاف
    الحاكم" keep their ال; "للحزب الحاكم" is cut to "حزب" and its canonical name restored)."""
    cut = clitic_chars(word, form)
    prefix = word[:len(word) - len(form)]
    if not form.startswith("ال") and prefix.endswith("ال") and not prefix.endswith("لل") \
            and "ال" + form not in lx.titles():         # "اللواء أحمد …" is a rank before a name
        cut -= 2
    return cut


# a parliament's committees are named with the house they sit in
_COMMITTEES = frozenset(normalize(w) for w in ("لجنة", "اللجنة", "لجان"))
_LEGISLATURES = frozenset(normalize(w) for w in ("البرلمان", "مجلس", "المجلس", "الكونغرس", "الكنيست", "البرلمانية"))


def _chain(text: str, toks, words: list[str], i: int) -> int:
    """How many tokens from i (the head) form the name."""
    j = i + 1
    while j < len(toks) and j - i < MAX_WORDS:
        if text[toks[j - 1].end:toks[j].start].strip(" \"«»"):      # punctuation ends a name
            break
        w = words[j]
        if w == "في" and j > i + 1 and head_form(words[i], _COMMITTEES) and j + 1 < len(toks) \
                and words[j + 1] in _LEGISLATURES:
            j += 2                                  # "لجنة حقوق الإنسان في البرلمان": a house's committee
            continue
        if w.isdigit() and len(w) <= 3 and j > i + 1 and not words[j - 1].startswith("ال") and (
                j + 1 == len(toks) or words[j + 1] in NAME_STOPS or not words[j + 1].isalpha()):
            j += 1                                  # "حركة إم 23 | على …": a number ends the name (not "حماس 5 صواريخ")
            break
        if w in NAME_STOPS or w[:1] == "و" and w[1:] in NAME_STOPS or not any(ch.isalpha() for ch in w) or w[:1].isdigit() \
                or w.startswith("بال"):
            break                                   # "بالعاصمة": a preposition says where the body is
        if (w in lx.directions() or w == "وسط") and (words[j - 1] in lx.place_names() or _name(words[j - 1])):
            break                                   # "مطار كيسمايو | جنوب الصومال": where it lies
        if j == i + 1 and w.startswith("لل"):
            break                                   # "تجمع للمطالبة", "مركز للشرطة": what for, whose — no name
        if not_genitive(w):
            break                                   # "وتجمع مئات المحتجين": the head was a verb
        if j == i + 1 and head_form(words[i], _MASDAR_HEADS) and _event_noun(w):
            break                                   # "تنظيم المظاهرة": organising it, no body
        if _fixed_at(words, j) is not None:
            break                                   # "والدفاع المدني": another body
        if w.startswith("و") and j > i + 1 and head_form(w[1:]) is not None:
            break                                   # "ووزارة الصحة": a second name begins
        bare = w[1:] if w.startswith("و") and w[1:].startswith("ال") else w
        if words[j - 1].startswith(("ال", "وال", "لل")) and _name(w) and w[:2] != "ال" and (
                j == i + 1 or not words[j + 1:j + 2] or not words[j + 1].startswith("ال")):
            break                                   # "جهاز الإسعاف والطوارئ | مالك فلان": a definite word ends the
                                                    # chain (مستشفى الشهيد محمد الدرة is named after him)
        if _adjective(words[j - 1]) and not (_adjective(w) or w.startswith("لل")):
            break                                   # "مركز حلب الإعلامي | الخبر": after an adjective, an object
        if w.startswith("ال") and words[j - 1].startswith("ال") and not _definite_modifier(w, words[j - 1]):
            break                                   # "اعتقلت الشرطة | المتظاهرين": no idafa after a definite word
        if bare.startswith(("ال", "لل")) or bare in lx.place_names() or _name(bare):
            j += 1
            continue
        if (w in lx.NAME_JOINERS or w in lx.person_names() and words[j + 1:j + 2] and _anchored(text, toks, words, j + 1, 1)) \
                and j + 1 < len(toks) and words[j + 1].isalpha() and not text[toks[j].end:toks[j + 1].start].strip():
            j += 2                                  # "كتيبة أبو عبيدة", "جامع عمر المختار": named after a person
            continue
        if j == i + 2 and _name(words[i + 1]) and head_form(words[i], _NAMED_AFTER) and _last_word(words, j):
            j += 1                                  # "مستشفى كمال عدوان | في …": named after a man
            continue
        if j <= i + 2 and not words[i].startswith("ال") and _plural_complement(w) and \
                _anchored(text, toks, words, j + 1, 2):
            j += 1                                  # "تنظيم أنصار الشريعة", "مجلس شورى ثوار درنة"
            continue
        if _construct_noun(w) and j + 1 < len(toks) and (words[j + 1].startswith("ال") or words[j + 1] in lx.place_names()
                                  or _name(words[j + 1]) or words[j + 1] in ("ذي", "ذو")) \
                and not text[toks[j].end:toks[j + 1].start].strip(" \"«»"):
            j += 1                                  # a construct noun before a definite word or a name
            continue
        if w in ("ذي", "ذو") and j + 1 < len(toks):
            j += 2
            continue
        break
    return j - i


# facilities named after a person, whose family name no list knows ("مستشفى كمال عدوان")
_NAMED_AFTER = frozenset(normalize(w) for w in ("مستشفى", "مدرسة", "مسجد", "جامع", "جامعة", "مجمع"))


def _last_word(words: list[str], k: int) -> bool:
    """words[k] is an indefinite word that ends the name: a stop word, a mark or the end follows."""
    w = words[k]
    return w.isalpha() and not w.startswith(("ال", "و")) and w not in NAME_STOPS and (
        k + 1 == len(words) or words[k + 1] in NAME_STOPS or not words[k + 1].isalpha())


# bodies named by a common noun and a relative adjective: "الحكومة الليبية", "المقاومة الشعبية"
_ADJECTIVAL_HEADS = frozenset(normalize(w) for w in ("الحكومة", "المقاومة"))


def _adjectival_head(words: list[str], i: int) -> str | None:
    for form in strip_clitics(words[i]):
        if form in _ADJECTIVAL_HEADS and i + 1 < len(words) and _adjective(words[i + 1]):
            return form
    return None


def _plural_complement(word: str) -> bool:
    """An indefinite noun in a name's idafa chain, by the shapes that verbs (which also stand before
    a definite word: "قوات قصفت المدينة") do not take: a sound feminine plural (عمليات), a construct
    plural or alif-maqsura noun (مجاهدي، شورى), a broken plural أفعال/فعّال/فعلاء/فعول (أنصار، ثوار، شهداء،
    حقوق)."""
    if not word.isalpha() or word.startswith(("ال", "ي")):
        return False
    n = len(word)
    return (n >= 5 and word.endswith("ات")) or (n >= 4 and word.endswith("ي")) or (n >= 5 and word.endswith("اء")) \
        or (n == 5 and word[0] == "ا" and word[3] == "ا") or (n == 4 and word[2] == "ا") \
        or (n == 4 and word[2] == "و" and word[0] not in "تنا")      # فعول: حقوق، شؤون، جنود


def _anchored(text: str, toks, words: list[str], j: int, reach: int) -> bool:
    """Within `reach` more indefinite complements from token j, the chain meets a definite word, a
    known place or a name (an indefinite run that meets none is no name: "مجلس يضم خليطا")."""
    for k in range(j, min(j + reach, len(toks))):
        if text[toks[k - 1].end:toks[k].start].strip(" \"«»"):
            return False
        w = words[k]
        if w.startswith(("ال", "لل")) or w in lx.place_names() or _name(w):
            return True
        if not _plural_complement(w):
            return False
    return False


# collective nouns that count a crowd, as number words count people
_CROWDS = frozenset(normalize(w) for w in ("حشود", "الحشود", "جموع", "الجموع", "حشد", "آلاف", "ألوف", "الألوف",
                                           "العديد", "عدد", "الكثير"))


def not_genitive(word: str) -> bool:
    """A word that cannot be the genitive in a name's idafa chain, so a head noun before it is the verb
    it is spelt like (تجمّع، تحالف، تكتّل): a number or quantity word (مئات، العشرات، خمسون، حشود), which
    counts the verb's subject, or a nominative masculine plural — a participle (المتظاهرون، المسلحون)
    or a nisba (الحوثيون، الفلسطينيون) — the verb's subject itself (a genitive ends in ين)."""
    form = word[1:] if word[:1] in "وف" and len(word) > 4 and (word[1:] in lx.number_words() or word[1:] in _CROWDS) \
        else word
    if form in lx.number_words() or form in _CROWDS:
        return True
    if not (word.startswith("ال") and word.endswith("ون")) or "تلفزيون" in word or "تليفزيون" in word:
        return False
    return word.startswith("الم") and len(word) >= 8 or word.endswith("يون") and len(word) >= 7


def _place_noun(word: str) -> bool:
    """An indefinite place noun in construct ("مركز محافظة …"); "مستشفى البلدة" is still a body."""
    return word in lx.place_nouns()


def _adjective(word: str) -> bool:
    """A relative adjective (nisba): الطبي، الإعلامي، الفلسطينية — not a تفعية verbal noun (التربية،
    التنمية، التعبية), which heads an idafa of its own ("وزارة التربية والتعليم")."""
    return word.startswith("ال") and word.endswith(("ي", "يه")) and len(word) >= 5 and not (
        len(word) == 7 and word[2] == "ت" and word.endswith("يه") and lx.nisba_country(word) is None)


@lru_cache(maxsize=1)
def _org_adjectives() -> frozenset[str]:
    return frozenset(normalize(w) for w in lx.words("org_adjectives.txt"))


def _definite_modifier(word: str, before: str) -> bool:
    """`word` (definite) can follow the definite `before` inside a name: an adjective. Definiteness
    ends an idafa chain, so a definite noun there is a new phrase (the object of the verb before
    the name); a masculine plural does not agree with a feminine singular (الشرطة المتظاهرين)."""
    if _adjective(word):
        return True
    if word.endswith("يين") and before.endswith(("ين", "اء")) and lx.nisba_country(word):
        return True                                 # "تجمع المهنيين السودانيين": a plural nationality agrees
    if word not in _org_adjectives():
        return False
    return not (word.endswith(("ين", "ون")) and before.endswith("ه"))


def _construct_noun(word: str) -> bool:
    """A noun that can head an idafa inside a name: feminine (صحة، مقاومة) or a تفعيل verbal noun
    (توثيق، تنسيق). Verbs, which also precede definite words (أعلن الجيش), take neither shape."""
    return word.endswith("ه") or (len(word) == 5 and word[0] == "ت" and word[3] == "ي")


def _name(word: str) -> bool:
    return word in lx.person_names() and len(word) >= 4


def restore_article(text: str, start: int, name: str) -> str:
    """"للجيش …" was ل + الجيش: the canonical name gets its alef and lam back."""
    if normalize(text[max(0, start - 2):start]) == "لل" and not normalize(name).startswith("ال"):
        return "ال" + name
    return name.strip("\"«» ")
