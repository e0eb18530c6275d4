"""مسيرة, a drone or a march: is this one a drone? (data/events.json, drones)

The word is a trigger of its own (flag drone) only where a sign of a weapon stands by it; the march
keeps its protest rules (a gathering verb, مسيرة احتجاجية). Asked only of the words مسيرة/مسيرات, so
it costs nothing elsewhere.
"""
from __future__ import annotations

from marsad.extraction.trigger_lexicon import fits, lexicon
from marsad.extraction.triggers import Trigger, sentence_words
from marsad.text.arabic import normalize, sentence_at

_STATE_OR_ARMED = frozenset({"state_force", "police", "intelligence", "armed_group", "militia", "coalition"})


def a_drone(text: str, trig: Trigger) -> bool:
    """The مسيرة of `trig` is a drone: a sign of a weapon by it (`_weapon_sign`), no march's purpose or
    slogans in its sentence and no shooting-down told before it in its clause."""
    here = sentence_at(text, trig.start)
    start, end = (here.start, here.end) if here else (0, len(text))
    toks, words = sentence_words(text, start, end)
    at = next((k for k, t in enumerate(toks) if t.start >= trig.start), None)
    if at is None:
        return False
    lex = lexicon()
    if any(fits(w, lex["gather"]) for k, w in enumerate(words) if k != at):
        return False        # "خرجت مسيرة … تنديدا بالقصف": a march against the strike
    if any(fits(w, lex["downed"]) for w in words[max(0, at - 4):at]):
        return False        # "أسقطت الدفاعات الجوية مسيرة تركية": a drone downed, no strike
    return _weapon_sign(text, trig, words, at)


def _weapon_sign(text: str, trig: Trigger, words: tuple[str, ...], at: int) -> bool:
    from marsad.extraction.event_actors import ARMED
    from marsad.extraction.support_verbs import nisba_actor
    from marsad.text.actor_dictionary import actors

    lex = lexicon()
    own = words[at]
    if own.startswith(("ب", "وب")) or at and words[at - 1] in lex["drone_means"]:
        return True         # "استهدفت … بمسيرة"، "قصف من مسيرة": the means of an attack
    if at and fits(words[at - 1], lex["drone_verbs"]):
        return True         # "استهدفت مسيرة سيارة": the drone the subject of an attack verb
    after = words[at + 1:at + 3]
    for w in after:
        if fits(w, lex["drone_adjectives"]) or nisba_actor(w) or fits(w, lex["drone_verbs"]):
            return True     # "مسيرة انتحارية"، "مسيرة تركية"، "مسيرة حوثية"، "مسيرة استهدفت"
        if w in lex["towards"] and any(fits(v, lex["launched"]) for v in words[max(0, at - 4):at]):
            return True     # "أطلقت روسيا عشرات المسيرات على كييف": launched at a target
        if not w.startswith("ال") or w.endswith(("،", ",", ".")):
            break           # only its adjectives (definite after a definite noun) stand between
    rest = text[trig.end:trig.end + 40]
    owner = rest.lstrip()
    if owner.startswith("ل") and not owner.startswith("ال"):
        owner = owner[1:]   # "مسيرة للجيش"
    if ARMED.match(normalize(owner)):
        return True         # "مسيرات الجيش"، "مسيرة لقوات X"
    gap = len(rest) - len(owner)
    return any(m.start <= gap + 1 and m.actor.kind in _STATE_OR_ARMED for m in actors().find(rest))
