"""Query words to index terms: the one place that decides how a user's words meet the FTS index,
used by search and by the actor lookup (so both read a query alike).

Search syntax (`parse_query`), as on web search engines:
- words: every one must match, in any clitic form (المسماري finds والمسماري);
- `a OR b`: either (OR binds two neighbours: `a OR b c` is (a or b) and c); OR in capitals,
  since "or" is an ordinary English word and أو an ordinary Arabic one;
- `-word` or `-"a phrase"`: articles containing it are left out;
- `"words in quotes"` (also «…» and “…”): these normalised words next to each other, in this order.
Arabic normalisation (hamza, ta marbuta, alef maqsura, diacritics) applies inside all of them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.text.arabic import normalize, strip_clitics

_PUNCT = re.compile(r"[\"'«»“”.,،:؛()!?؟\-]+")
# one query item: an optional minus, then a quoted phrase (closing quote optional) or a bare word
_ITEM = re.compile(r'(-?)(?:"([^"]*)"?|«([^»]*)»?|“([^”]*)”?|(\S+))')


def _words(text: str) -> list[str]:
    return [w for w in _PUNCT.sub(" ", normalize(text)).split() if w]


def query_terms(query: str) -> list[list[str]]:
    """For each query word, the normalised forms that may match it (the word, then without clitics)."""
    return [list(strip_clitics(w)) for w in _words(query)]


@dataclass(frozen=True)
class Term:
    """A word (any of `forms` may match) or a phrase (`phrase`: these words, adjacent, in order)."""
    forms: tuple[str, ...] = ()
    phrase: tuple[str, ...] = ()


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)   # all must match; within one, any term
    excluded: list[Term] = field(default_factory=list)
    plain: bool = True                                        # no operator used: words only

    def highlight_terms(self) -> list[list[str]]:
        """Forms to highlight in a snippet: the wanted words and each word of a wanted phrase."""
        out = []
        for group in self.groups:
            for t in group:
                out += [list(t.forms)] if t.forms else [[w] for w in t.phrase]
        return out


def parse_query(query: str) -> Query:
    """The query's words, OR-groups, exclusions and phrases (see the module docstring)."""
    q, join = Query(), False
    for m in _ITEM.finditer(query):
        negative, word = m.group(1) == "-", m.group(5)
        if word == "OR" and not negative:
            q.plain = False
            join = bool(q.groups)              # a leading OR has nothing to join
            continue
        quoted = next((g for g in m.group(2, 3, 4) if g is not None), None)
        if quoted is not None:
            q.plain = False
            words = _words(quoted)
            terms = [Term(phrase=tuple(words))] if words else []
        else:
            q.plain = q.plain and not negative
            terms = [Term(forms=tuple(strip_clitics(w))) for w in _words(word or "")]
        if negative:
            q.excluded += terms
        else:
            for i, t in enumerate(terms):
                if join and i == 0:
                    q.groups[-1].append(t)
                else:
                    q.groups.append([t])
        join = False
    return q
