"""Where a cue verb's subject ends and its object begins, by the verb's own grammar.

"وطالب الحكومة بـ…" right after a quote by X: a masculine verb before a feminine body is no
verb-subject pair (news writes طالبت), so the body is the object and X speaks on. "ندد X بالهجوم":
the verb's object always takes بـ, so the first بـ word after the subject opens the content.
"""
from __future__ import annotations

from marsad.extraction.anaphora import Antecedents
from marsad.extraction.mentions import Mentions
from marsad.extraction.speakers import Said, name_of, word_of
from marsad.text.lexicons import org_heads


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
