"""Place names listed after a place noun that NER missed ("مناطق العسة ورقدالين وزلطن"، "بلدة عيتا
الشعب"، "قرى “X”، و“Y”"): the noun and the words that may follow it (`listed`), where each listed
name starts and ends (`list_items`: joiners, toponym heads, bracketed or quoted names, the comma or
word that ends the list), and the place fields of one item (`list_place`: geocoded in the article's
country, else kept without coordinates when its shape is a name's). event_places.candidate_places
reads its lists with these."""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.extraction.place_runs import NOT_NAME, for_people, no_name, relative_adjective, second_name_word
from marsad.extraction.trigger_lexicon import lexicon
from marsad.text.arabic import normalize
from marsad.text.lexicons import place_noun_pattern
from marsad.text.lexicons import place_nouns as lx_place_nouns


@lru_cache(maxsize=1)
def listed() -> re.Pattern:
    """A place noun and the (up to 12) words that may list names after it: "بلدات X وY وZ", and quoted
    names listed with commas ("مناطق “X”، و“Y”")."""
    nouns = "|".join(re.escape(n) for n in sorted(lx_place_nouns(), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:[وبل]|ال)?(?:{nouns})\s+((?:[^\s،,.]+(?:[،,](?=\s*و?[“”\"«(]))?\s*){{1,12}})")


def list_items(text: str, start: int, end: int, singular: bool = False) -> list[tuple[int, int]]:
    """Items of "العسة الجميل ورقدالين وزلطن" / "قصر بن غشير ووادي الربيع": one word each, a leading
    و cut off, except that a toponym head (قصر، وادي، سوق …) binds up to two following words, and after
    a singular place noun a definite second word belongs to the name ("بلدة عيتا الشعب")."""
    items = []
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^\s،,.]+", text[start:end])]
    i = 0
    while i < len(words):
        s, e = words[i]
        w = normalize(text[s:e])
        if w.startswith("و") and i and (len(w) > 3 or w[1:] in lexicon()["toponym"]):   # "وتل الورد" too
            s, w = s + 1, w[1:]
        if w in NOT_NAME or no_name(w) or re.match(r"[^\"“”«(]+[\"“”«(]", w) and w.split('"')[0].strip("“”«(") in lx_place_nouns():
            break                               # "… وسوق الخميس | قرب العاصمة", "… | وقبلهم قرية”X”": the list has ended
        j = i + 1
        opener = next((c for c in _CLOSER if w.startswith(c)), None)
        if opener and _CLOSER[opener] not in w[1:]:
            # "(قوز الرهيد)": a bracketed or quoted name runs to its closing mark
            while j < len(words) and j - i < 4 and _CLOSER[opener] not in text[words[j - 1][0]:words[j - 1][1]][1:]:
                j += 1
        elif w in _JOINERS or (j < len(words) and normalize(text[words[j][0]:words[j][1]]) in _JOINERS):
            # "الملا عبد الله"، "أبو قوتة": a name joiner binds the word after it
            while j < len(words) and j - i < 4 and (normalize(text[words[j - 1][0]:words[j - 1][1]]) in _JOINERS
                                                    or normalize(text[words[j][0]:words[j][1]]) in _JOINERS):
                j += 1
        elif w.strip('"«') in lexicon()["toponym"]:
            while j < len(words) and j - i < 3 and not normalize(text[words[j][0]:words[j][1]]).startswith("و") \
                    and normalize(text[words[j][0]:words[j][1]]) not in NOT_NAME:
                j += 1
        elif singular and i == 0 and j < len(words) and _name_part(normalize(text[words[j][0]:words[j][1]])):
            j += 1
        elif i and second_name_word(text, words, j):
            j += 1                              # "… وقطنة حمدان | غربي الموصل": a two-word name ends the list
        items.append((s, words[j - 1][1]))
        if (mark := text[words[j - 1][1]:words[j - 1][1] + 1]) in "،,.":
            # a comma ends the list, unless quoted names go on after it ("“X”، و“Y”، “Z”")
            nxt = normalize(text[words[j][0]:words[j][1]]).removeprefix("و") if j < len(words) else ""
            if not (opener and mark and mark in "،," and nxt[:1] in _CLOSER):
                break
        i = j
    return items


_CLOSER = {"(": ")", "«": "»", '"': '"', "“": "”", "”": "”"}     # some writers open with ” too
# participles that relate a place to another ("قرية X التابعة لمحلية Y"): never part of its name
RELATIONS = frozenset(normalize(w) for w in ("التابعة", "التابع", "الواقعة", "الواقع", "المجاورة", "المجاور",
                                              "المحاذية", "القريبة", "القريب", "المحيطة", "الخاضعة", "الخاضع"))
_JOINERS = frozenset(normalize(w) for w in ("عبد", "أبو", "ابو", "أم", "بن", "بني", "ابن", "آل", "ذو", "ود"))

_AFTER_NAME = re.compile(r"\s*(?:[،,.:؛)]|$|(?:في|ب|قرب|جنوب\S*|شمال\S*|شرق\S*|غرب\S*|(?:التابع|القريب|الواقع|المجاور|المحاذي)\S*|ضمن|على|علي|و)(?:\s|$)"
                         r"|و(?!\S*(?:ون|ين|وا)(?:\s|$))\S"     # "الحماميات وتلتها" (not a verb: "وتمكنوا")
                         rf"|ب(?:{place_noun_pattern('singular')}|ريف)(?:\s|$))")   # "عسير بمحلية …"


def name_end(text: str, end: int) -> bool:
    """What follows an unknown one-word name is what follows a place: punctuation, في، قرب، جنوبي …"""
    return bool(_AFTER_NAME.match(normalize(text[end:end + 16])))


def _name_part(word: str) -> bool:
    """A definite word that can continue a place name: not an adjective like الليبية or الجنوبي."""
    from marsad.text.lexicons import nisba

    return word.startswith("ال") and not word.endswith(("يه", "ي")) and not nisba(word) and word not in RELATIONS and \
        word not in lexicon()["common"] - {"الشعب"}


def list_place(name: str, home: str | None, first: bool, singular: bool):
    """Place fields for one list item, or None when it is no place name."""
    from marsad.extraction.geo import resolve

    lex = lexicon()
    bare = name.strip('"«»()“” ')
    marked = bare != name.strip()                      # bracketed or quoted: the writer marks a name
    norm = normalize(bare)
    if norm in lex["common"] or len(norm.removeprefix("ال")) < 3:
        return None
    if bare.startswith(("لـ", 'ل"', "ل«")) or for_people(norm):
        return None                                      # "لـ\"العربي الجديد\"": told to a newspaper
    if " " not in norm and norm.endswith(("ها", "هم", "هما")) and norm[:1] in "بلكو":
        return None                                      # "بأكملها": preposition + noun + pronoun
    g = resolve(bare, home)
    if g and g.kind != "country" and (g.country == home or home is None):
        return bare, g.country, g.admin1, g.latitude, g.longitude, False
    toponym = norm.split()[0] in lex["toponym"] and " " in norm
    adjective = norm.split()[0].endswith("يه") or relative_adjective(norm)   # "منطقة صحراوية"، "حي سكني"
    if toponym or marked or norm.startswith("ال") or not first or singular and not adjective:
        # an unknown name is kept, without coordinates, rather than losing the event
        return bare, home, None, None, None, False
    return None
