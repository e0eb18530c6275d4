"""Names introduced by the noun that says what they are, which the tagger misses or mistypes.

Arabic news writes a little-known name after its class noun, often in quotes: قرية "ود النورة",
مناطق "الشقيق" و"الرهد", موقع "عاين" الإخباري, لجنة مقاومة "الكاملين", غرفة عمليات "الفتح المبين",
مكتب "توثيق الانتهاكات في حمص"; a person after "يدعى/تدعى/المدعو". The class noun decides the type
(a place noun: LOC; a news medium: ORG named by the quoted words; an organisation head with its
indefinite complements: ORG named by the whole phrase), whatever the ANERcorp-trained tagger said
(it reads a village named after a man as PER, a quoted village as ORG). Quoted words told to ("لـ
«النهار»") are an outlet. A name listed after a quoted place ("، “X” و“Y”") is a place too.
"""
from __future__ import annotations

import re

from marsad.extraction.media_names import MEDIA_HEADS
from marsad.extraction.org_phrases import head_form
from marsad.extraction.place_officials import official_before, place_then_person
from marsad.extraction.place_runs import second_word_of_name
from marsad.model import Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics, token_words, tokens

_QUOTE_CHARS = "\"'«»“”„"
MAX_QUOTED = 5                                  # words: a longer quotation is speech, not a name
# "يدعى/تدعى" (is called), "المدعو/المدعوة" (the one called): a personal name follows
_NAMED = frozenset(normalize(w) for w in ("يدعى", "تدعى", "ويدعى", "وتدعى", "يدعي", "المدعو", "المدعوة",
                                          "يسمى", "تسمى"))
_NAMING = re.compile("[يت][\u064b-\u0652]?(?:دع|سم)[\u064b-\u0652]?[ىي]|المدعو")
_STOPS = frozenset(normalize(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "أن", "إن", "وهو", "وهي", "الذي",
                                          "التي", "وقد", "بعد", "قبل", "منذ", "خلال"))


def _is_quote(tok: str) -> bool:
    return bool(tok) and all(ch in _QUOTE_CHARS for ch in tok)


class _Words:
    """words[k]: the normalised token k, computed on first use."""

    def __init__(self, toks):
        self.toks, self.cache = toks, {}

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self.toks)))]
        if k not in self.cache:
            self.cache[k] = normalize(self.toks[k].text)
        return self.cache[k]


def _quoted_runs(toks):
    """(open index, close index) of each quoted run of 1..MAX_QUOTED words."""
    i, n = 0, len(toks)
    while i < n:
        if _is_quote(toks[i].text):
            j = i + 1
            while j < n and j - i <= MAX_QUOTED + 1 and not _is_quote(toks[j].text) \
                    and any(ch.isalpha() or ch.isdigit() for ch in toks[j].text):
                j += 1
            if j < n and _is_quote(toks[j].text) and j > i + 1 and j - i <= MAX_QUOTED + 1:
                yield i, j
                i = j + 1
                continue
        i += 1


def quoted_names(text: str) -> list[Entity]:
    """Entities for quoted names after a class noun (see the module docstring), in text order."""
    if not any(ch in text for ch in _QUOTE_CHARS):
        return []
    toks = tokens(text)
    words = _Words(toks)                        # normalised only where a quote stands (throughput)
    out: list[Entity] = []
    last_place_close = -10
    for q, r in _quoted_runs(toks):
        inner_start, inner_end = toks[q + 1].start, toks[r - 1].end
        inner = text[inner_start:inner_end]
        h = q - 1
        prev = words[h] if h >= 0 else ""
        if h >= 0 and lx.place_noun(prev) and not prev.startswith("ال"):
            out.append(Entity(text[inner_start:inner_end], "LOC", inner_start, inner_end, canonical=inner))
            last_place_close = r
            continue
        if q - last_place_close <= 3 and all(w in ("،", ",", "و") for w in words[last_place_close + 1:q]):
            out.append(Entity(text[inner_start:inner_end], "LOC", inner_start, inner_end, canonical=inner))
            last_place_close = r                    # "قرى “X”، “Y” و“Z”": the list goes on
            continue
        if h >= 0 and head_form(prev, MEDIA_HEADS) and not prev.startswith("ال"):
            out.append(Entity(inner, "ORG", inner_start, inner_end, canonical=inner))   # موقع "X": the outlet is X
            continue
        if prev in ("لـ", "ل"):                     # "قال مصدر لـ«الشرق الأوسط»": told to an outlet
            out.append(Entity(text[inner_start:inner_end], "ORG", inner_start, inner_end, canonical=inner))
            continue
        k = h                                        # "لجنة مقاومة “X”": a head and its indefinite complements
        while k >= 0 and h - k < 3 and words[k].isalpha() and not words[k].startswith("ال") \
                and words[k] not in _STOPS and head_form(words[k]) is None:
            k -= 1
        if k == h and normalize(inner) in lx.place_names():
            continue                                 # جامعة "غاريسا": the town's name stays a place
        if k >= 0 and head_form(words[k]) and not words[k].startswith("ال") and words[k] not in _STOPS:
            form = head_form(words[k])
            start = toks[k].start + len(toks[k].text) - len(form)
            if normalize(text[start:toks[k].end]) != form:     # diacritics on the head: keep it whole
                start = toks[k].start
            canonical = " ".join([text[start:toks[h].end], inner]) if k < h else \
                text[start:toks[k].end] + " " + inner
            out.append(Entity(text[start:toks[r].end], "ORG", start, toks[r].end, canonical=canonical))
    return out


def named_people(text: str) -> list[Entity]:
    """"يدعى شيار", "تدعى سلمى يوسف": the one to three words after the verb of naming, up to
    punctuation, a preposition or a clause joined by و."""
    if not _NAMING.search(text):
        return []
    toks = tokens(text)
    words = token_words(text)
    out = []
    for i, w in enumerate(words):
        if w not in _NAMED:
            continue
        j = i + 1
        while j < len(toks) and j - i <= 3 and words[j].isalpha() and words[j] not in _STOPS \
                and not (j > i + 1 and words[j].startswith("و") and words[j][1:] not in lx.person_names()) \
                and not text[toks[j - 1].end:toks[j].start].strip():
            j += 1
        if j > i + 1 and not words[i + 1].startswith("ال"):
            start, end = toks[i + 1].start, toks[j - 1].end
            out.append(Entity(text[start:end], "PER", start, end, canonical=text[start:end]))
    return out


def _led_by_a_name(text: str, e: Entity) -> Entity:
    """"بمرتفعات حسن شام"، "قرية عمر آغا": a place named after a man starts with his first name, which the
    tagger leaves out (a person's word); after a place noun the name is the place's whole."""
    words = text[max(0, e.start - 40):e.start].split()
    if e.type != "LOC" or len(words) < 2 or not text[:e.start].endswith(" "):
        return e
    first, noun = normalize(words[-1]), normalize(words[-2])
    if first not in lx.person_names() or lx.place_noun(noun) is None or noun.startswith("ال") \
            or lx.place_noun(first) is not None:
        return e
    start = e.start - 1 - len(words[-1])
    return Entity(text[start:e.end], "LOC", start, e.end, canonical=text[start:e.end])


def after_place_noun(text: str, ents: list[Entity]) -> list[Entity]:
    """An entity written right after a place noun ("قرية ود عشانا", "بلدة \"أم ضوا بان\"", "قرى X وY")
    is a place (after a plural noun, up to the next و), though the tagger read a man's name or an organisation in it; an organisation named
    with its own head ("منطقة جهاز الأمن"?) or from the actor dictionary stays what it is."""
    out = []
    for e in ents:
        if e.type in ("PER", "ORG") and not e.actor:
            before = re.sub(r"[\s\"'«»“”(]+$", "", text[max(0, e.start - 20):e.start])
            last = normalize(before.split()[-1]) if before.split() else ""
            first = normalize((e.canonical or e.text).split()[0]) if (e.canonical or e.text).split() else ""
            # "وحي الشيخ رضوان"، "بقرية X": a proclitic before the place noun
            number = lx.place_noun(last) or (last[:1] in "وبلف" and len(last) >= 3 and lx.place_noun(last[1:]))
            if number in ("singular", "plural") and not last.startswith("ال") and head_form(first) is None:
                end = e.end
                if number == "plural":              # "مناطق قصر بن غشير ووادي …": the list's first item
                    m = re.search(r"\sو", e.text)
                    end = e.start + m.start() if m else end
                end = _before_container(text, e.start, end)
                split = place_then_person(text, e) if e.type == "PER" and end == e.end and official_before(
                    [normalize(w) for w in text[max(0, e.start - 40):e.start].split()]) else None
                if split:                           # "رئيس بلدية X فلان الفلاني": the place, then the man
                    out.extend(split)
                    continue
                e = Entity(text[e.start:end], "LOC", e.start, end,
                           canonical=e.canonical if end == e.end else text[e.start:end])
        out.append(_led_by_a_name(text, e))
    return out


def _before_container(text: str, start: int, end: int) -> int:
    """"مخيم أدري بتشاد"، "قرية X بريف حماة": a word with بـ after the first names where the place
    lies (a country, a known place, a place noun), not part of its name; the name ends before it."""
    for m in re.finditer(r"\s(ب\S{3,})", text[start:end]):
        rest = normalize(m.group(1))[1:]
        if rest in lx.countries() or rest in lx.place_names() or lx.place_noun(rest):
            return start + m.start()
    return end


# adjectives that belong to a village's name, telling namesakes apart ("X العليا" and "X السفلى")
_NAME_ADJECTIVES = frozenset(normalize(w) for w in ("العليا", "السفلى", "الفوقا", "التحتا", "الكبرى", "الصغرى"))
_ITEM_STOPS = _STOPS | frozenset(normalize(w) for w in (
    "حيث", "اللتين", "اللذين", "وسط", "قرب", "غدا", "أمس", "اليوم", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
    "شرقي", "غربي"))


def dual_places(text: str) -> list[Entity]:
    """"منطقتي الديماس ومشروع دمر", "قريتي X العليا وX السفلى": a dual place noun names two places,
    the second after و; each keeps its first letters (بانكا is no ب + انكا)."""
    toks = tokens(text)
    out: list[Entity] = []
    for i in range(len(toks) - 2):
        w = normalize(toks[i].text)
        if not w.endswith("تي") or not lx.place_noun(w) or w.startswith("ال"):
            continue
        items, j, item = [], i + 1, []
        while j < len(toks) and len(items) < 2:
            word = normalize(toks[j].text)
            glued = not text[toks[j - 1].end:toks[j].start].strip()
            if not glued or not word.isalpha() or word in _ITEM_STOPS or len(item) == (3 if not items else
                                                                                    max(2, len(items[0]))):
                break
            if word.startswith("بال") or item and (lx.place_noun(word) or word.startswith("ب") and lx.place_noun(word[1:])):
                break                               # "بإقليم كردستان": where the second place lies
            if item and len(word) == 4 and word[0] == "ي" and word[-1] not in "اهي":
                break                               # "محافظتي مأرب وتعز | يقوض …": an imperfect verb follows
            if word.startswith("و") and lx.place_noun(word[1:]):
                items = []                          # "ناحيتي X ومنطقة Y": each named with its own noun
                break
            if word.startswith("و") and item and not items:
                items.append(item)
                item = []
            item.append(j)
            j += 1
        if item and items:
            items.append(item)
        if len(items) != 2:
            continue
        for k, item in enumerate(items):
            start = toks[item[0]].start + (1 if k == 1 else 0)          # the و of the second
            end = toks[item[-1]].end
            out.append(Entity(text[start:end], "LOC", start, end, canonical=text[start:end]))
    return out


def with_place_names(text: str, ents: list[Entity]) -> list[Entity]:
    """Dual-noun places replace what the tagger read inside them; a place followed by العليا/السفلى
    takes the adjective; a one-word place after a place noun takes the second word of a foreign
    two-word name the tagger cut off ("مدينة X Y الصومالية", see place_runs.second_word_of_name)."""
    from marsad.extraction.spans import overlay

    ents = overlay(ents, dual_places(text), lambda p, overlapping: all(
        p.start <= e.start and e.end <= p.end or e.type == "PER" and e.end - e.start <= p.end - p.start
        for e in overlapping))
    out, grown = [], -1
    for e in ents:
        if e.start < grown:
            continue                        # the second word the tagger read as a place of its own
        m = re.match(r"\s+(\S+)", text[e.end:e.end + 12]) if e.type == "LOC" else None
        second = m and " " not in e.text and place_noun_before(text, e.start) and \
            second_word_of_name(text, e.end + m.start(1), e.end + m.end())
        if m and (normalize(m.group(1)) in _NAME_ADJECTIVES or second):
            end = second or e.end + m.end()
            e = Entity(text[e.start:end], "LOC", e.start, end, canonical=(e.canonical or e.text) + text[e.end:end])
            grown = end if second else grown
        out.append(e)
    return out


def place_noun_before(text: str, start: int) -> bool:
    """The word before is an indefinite place noun (قرية، بلدة، مناطق): its name follows in construct."""
    before = text[max(0, start - 16):start].split()
    if not before or text[start - 1:start] != " ":
        return False
    word = normalize(before[-1])
    return not word.startswith("ال") and lx.place_noun(word) in ("singular", "plural")


def named_after(phrase: Entity, person: Entity) -> bool:
    """A person the tagger read inside an organisation's or a landmark's name is part of that name
    when it begins in the head word ("لجان" read as جان), or follows the head of a military unit or a
    landmark, which are named after people ("كتيبة أبو عبيدة"، "جامع عمر المختار")."""
    head = phrase.text.split(" ")[0]
    if person.start < phrase.start + len(head):
        return True
    forms = strip_clitics(normalize(head))
    return phrase.type == "LOC" or any(f in _NAMED_UNITS for f in forms)


_NAMED_UNITS = frozenset(normalize(w) for w in ("كتيبة", "كتائب", "لواء", "ألوية", "سرية", "سرايا", "فيلق", "فوج",
                                                 # facilities named after people too (مستشفى ناصر الطبي)
                                                 "مستشفى", "مدرسة", "مسجد", "جامع", "مجمع"))
