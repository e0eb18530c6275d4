"""Where a cue verb's subject ends and its object begins, by the verb's own grammar.

"وطالب الحكومة بـ…" right after a quote by X: a masculine verb before a feminine body is no
verb-subject pair (news writes طالبت), so the body is the object and X speaks on. "ندد X بالهجوم":
the verb's object always takes بـ, so the first بـ word after the subject opens the content.
"""
from __future__ import annotations

from marsad.extraction.anaphora import Antecedents
from marsad.extraction.mentions import Mentions
from marsad.extraction.speakers import Said, lexicon, name_of, word_of
from marsad.text.arabic import normalize
from marsad.text.lexicons import org_heads, titles


def before_bi(text: str, toks, ents: Mentions, cue, said: Said, ante: Antecedents) -> Said:
    """"ندد الاتحاد الأفريقي بالهجمات": a verb whose object always takes بـ (quotes.json bi_verbs) ends its
    subject at the first word with بـ, though بـ can go on a role phrase elsewhere (مدير الأمن بالمحافظة)."""
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    subject = [t for t in toks[idx + 1:] if t.start < said.start]
    k = next((k for k, t in enumerate(subject) if k and word_of(t)[:1] == "ب" and len(word_of(t)) > 3
              and word_of(t) != "باسم"), None)
    found = name_of(text, subject[:k], ents, subject[k].start, ante, cue.tok.start) if k else None
    return Said(found[:2], subject[k].start, said.channel) if found else said


def masculine_before_feminine(verb: str, word: str) -> bool:
    """A masculine singular verb before a feminine body ("وطالب الحكومة بـ…"، "ودعا المنظمات الدولية إلى
    …"): news writes طالبت with such a subject, so the noun is the object and the speaker is carried."""
    if verb.endswith(("ت", "وا")) or not word.startswith("ال"):
        return False
    core = word[2:]
    return core.endswith("ه") and core in org_heads() or core.endswith("ات") and core[:-2] + "ه" in org_heads()


def masculine_before_object(verb: str, word: str) -> bool:
    """A masculine singular verb before a noun that cannot be its subject, so the noun is the object and
    the speaker is carried: a feminine body (`masculine_before_feminine`), a sound plural in -ات (its
    subject would take دعت), a sound masculine plural in -ين (no subject's case: "وطالب المسلحين بـ…")
    or a broken plural of things or bodies (quotes.json nonhuman_plurals: "ودعا الأطراف إلى …")."""
    if masculine_before_feminine(verb, word):
        return True
    if verb.endswith(("ت", "وا")) or not word.startswith("ال"):
        return False
    core = word[2:]
    return len(core) >= 4 and core.endswith("ات") or len(core) >= 5 and core.endswith("ين") \
        or word in lexicon()["nonhuman_plurals"]


def said_of_object(toks, ents: Mentions, cue, said: Said, carried) -> Said:
    """"ولخص الموقف [المصري] بقوله: …": a noun (and one definite adjective) between the verb and
    بقوله/بالقول that names no person, title or body is what was summed up, the verb's object; the
    speaker is the one carried from before."""
    if normalize(said.name[0]).count(" ") > 1:
        return said                                          # a noun and its adjective at most
    idx = next(i for i, t in enumerate(toks) if t.start == cue.tok.start)
    toks = toks[idx + 1:idx + 4]
    k = next((k for k, t in enumerate(toks) if k and word_of(t)[:1] == "ب" and word_of(t) in lexicon()["say_nouns"]), None)
    if k is None or k == 2 and not word_of(toks[1]).startswith("ال"):
        return said
    w = word_of(toks[0])
    core = w.removeprefix("ال")
    if not (w.startswith("ال") or w.endswith(("ه", "ها"))) or w in org_heads() or core in org_heads() \
            or core in titles() or w in lexicon()["role_heads"] or core in lexicon()["role_heads"] \
            or ents.within(toks[0].start, toks[k].start):
        return said
    return Said(carried, said.start, said.channel)


def feminine_before_masculine(verb: str, words: list[str]) -> bool:
    """A feminine verb before a definite noun and a masculine singular nisba ("ودعت المجتمع الدولي إلى
    …"): the adjective shows the noun is masculine singular (a plural of things would take الدولية), so
    it cannot be the feminine verb's subject; it is the object and the speaker is carried."""
    if not verb.endswith("ت") or verb.endswith("ات") or len(words) != 2:
        return False
    noun, adj = words
    return noun.startswith("ال") and not noun.endswith(("ه", "ات")) and adj.startswith("ال") and adj.endswith("ي") \
        and not adj.endswith(("يي", "وي")) and len(adj) > 4
