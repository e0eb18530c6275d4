"""The dead a killing tells without a figure of its own: an assassination killed its target, and
the people named with them ("اغتال مسلحون القيادي … مع زوجته وابنه" = 3); a killing verb's object
pronoun is its victim ("فقتلوه" = 1, "أعدموهما" = 2) or takes back the count told before it ("اعتقلوا
خمسة شبان ثم أعدموهم" = 5). fatalities.event_fatalities asks these when a trigger's stretch holds
no killed figure."""
from __future__ import annotations

from marsad.extraction.casualty_words import (
    casualty_lexicon,
    has_form,
    is_person,
    object_victims,
)
from marsad.extraction.trigger_context import RELATIVES
from marsad.extraction.triggers import Trigger
from marsad.text.arabic import normalize, tokens
from marsad.text.numbers import quantities


def assassinated(text: str, trig: Trigger, end: int) -> tuple[int, str] | None:
    """An assassination told without a count killed its target: "اغتال مسلحون القيادي …" is 1, as
    ACLED codes it; "اغتيال ثلاثة ضباط" is the number right after; "محاولة اغتيال" is no killing."""
    before = normalize(text[max(0, trig.start - 20):trig.start]).split()[-2:]
    word = normalize(text[trig.start:trig.end]).split()[0]
    lex = casualty_lexicon()
    if not has_form(word, lex["assassination"]) and not (word == "اغتيال" and before[-1:] in (["تم"], ["جري"])):
        return None                                     # the verb (واغتال، فاغتالت), or "تم اغتيال"; "باغتيال فلان" recalls one
    if any(has_form(w, lex["attempt"]) or w in RELATIVES for w in before):
        return None                                     # "محاولة اغتيال", "الذين اغتالوا جنوده"
    # the count is the object, after the doer and a time: "اغتال الطيران، بعد ظهر أمس، خمسة شبان"
    after = list(tokens(text, trig.end, end))[:8]
    for q in quantities(text, trig.end, after[-1].end) if after else []:
        noun = next((normalize(t.text) for t in tokens(text, q.end, min(end, q.end + 20))), "")
        if not q.definite and q.value < 1900 and not has_form(noun, lex["things"]):
            return q.value, text[trig.start:q.end]
    return with_companions(text, trig, end)


def pronoun_object(text: str, trig: Trigger, sent_start: int) -> tuple[int, str] | None:
    """A killing verb whose object pronoun is its victim ("داهموا منزله فقتلوه" = 1, "أعدموهما" = 2);
    a plural one takes back the last count of people before it in its sentence ("اعتقلوا خمسة شبان
    ثم أعدموهم" = 5), else it gives no count. Not after an attempt (حاولوا قتله)."""
    word = first_word(text, trig)
    victims = object_victims(word)
    before = normalize(text[max(sent_start, trig.start - 20):trig.start]).split()[-2:]
    if victims is None or any(has_form(w, casualty_lexicon()["attempt"]) for w in before):
        return None
    end = trig.start + len(text[trig.start:trig.end].split()[0])
    if victims:
        return victims, text[trig.start:end]
    things = casualty_lexicon()["things"]
    for q in reversed(quantities(text, sent_start, trig.start)):
        noun = next((normalize(t.text) for t in tokens(text, q.end, trig.start)), "")
        if not q.definite and q.value < 1900 and not has_form(noun, things):
            return q.value, text[q.start:end]
    return None


def with_companions(text: str, trig: Trigger, end: int) -> tuple[int, str]:
    """The target, and the people killed with them: "اغتال مسلحون عميد الكلية مع زوجته وابنه" = 3."""
    after = list(tokens(text, trig.end, end))[:16]
    words = [normalize(t.text) for t in after]
    if "مع" not in words[:10]:
        return 1, text[trig.start:trig.end]
    count, stop, first = 1, trig.end, words.index("مع") + 1
    for i in range(first, len(words)):
        stem = words[i][1:] if i > first and words[i].startswith("و") else words[i] if i == first else ""
        if not (stem in casualty_lexicon()["duals"] or is_person(stem)):
            break                                        # "مع زوجته وابنه أمام منزلهم"
        count, stop = count + (2 if stem in casualty_lexicon()["duals"] else 1), after[i].end
    return count, text[trig.start:stop]


def first_word(text: str, trig: Trigger) -> str:
    """The trigger's first word, normalised, its clitics on ("فقتلوه", "باغتيال")."""
    return (normalize(text[trig.start:trig.end]).split() or [""])[0]
