"""What stands between a speech cue or a statement noun and the one who speaks: time words and commas
("أفاد، الثلاثاء، …"), the link that names a statement's issuer ("بيان أصدره X"، "بيان صادر عن X") and
the ل glued to an issuer or an addressee ("بيان لوزير الدفاع"). Read by cue_speakers and attributions.
"""
from __future__ import annotations

from marsad.extraction.speakers import is_time, lexicon, word_of
from marsad.text.arabic import Token
from marsad.text.lexicons import org_heads


def skip_time(toks: list[Token], i: int) -> int:
    """Past time words, commas and bracketed days right after a cue ("أفاد، الثلاثاء، …")."""
    while i < len(toks):
        w = word_of(toks[i])
        between = toks[i].text in "،,()" and ((i + 1 < len(toks) and is_time(word_of(toks[i + 1])))
                                              or (i and is_time(word_of(toks[i - 1]))))
        if not (is_time(w) or w == "قد" or between):
            break
        i += 1
    return i


def unglued(tok: Token) -> Token:
    """The word of a token without a glued ل (لوزير → وزير; للجيش → الجيش, its article restored)."""
    if tok.text.startswith("لل"):
        return Token(tok.start + 1, tok.end, "ا" + tok.text[1:])
    if tok.text[:1] in "لب" and len(tok.text) > 3:
        return Token(tok.start + 1, tok.end, tok.text[1:].lstrip("ـ"))
    return tok


def issuer_at(text: str, toks: list[Token], i: int) -> int | None:
    """Index where the issuer's name starts after a statement noun ("بيان أصدره X"، "بيان صادر عن X"،
    "بيان لوزير الدفاع": i itself, its ل glued), or None."""
    lex = lexicon()
    if i >= len(toks):
        return None
    words = [word_of(t) for t in toks[i:i + 3]]
    for link in lex["issuer_links"]:
        parts = link.split()
        if len(link) > 2 and words[:len(parts)] == parts:
            return i + len(parts)
    first = words[0]
    if first in ("ل", "لـ"):
        return i + 1
    if first[:1] == "ل" and len(first) > 3 and first not in lex["speaker_stop"] and first not in lex["source_nouns"] \
            and first not in org_heads():
        return i                             # "بيان لوزير الدفاع", but "بيان لجنة …" is no glued ل
    return None
