"""What a definite speaker phrase points back to.

Arabic news names a source once in full ("مصدر أمني"، "وزارة الصحة الفلسطينية"، "مسؤول عسكري حكومي")
and then by its head with the article ("المصدر"، "الوزارة"، "المسؤول العسكري"). The antecedent is the
latest earlier speaker, organisation or unnamed-source mention with the same head (singular or
plural: مصادر/مصدر) whose words include the anaphor's adjectives, and that says more than it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from marsad.extraction.mentions import Mentions
from marsad.extraction.spans import Heard
from marsad.extraction.speakers import (
    lexicon,
    phrase_length,
    sane,
    unquoted,
    without_article,
    word_of,
)
from marsad.model import Entity
from marsad.text.arabic import normalize, tokens
from marsad.text.actor_dictionary import actors
from marsad.text.lexicons import nisba, nisba_country


class Antecedents:
    """What a definite speaker phrase can point back to: the speakers heard so far and the article's
    organisations and unnamed sources named before."""

    def __init__(self, text: str, ents: Mentions):
        self.text, self.ents = text, ents
        self.history: list[tuple[tuple[str, ...], str]] = []    # (bare words of a surface, canonical)
        # the same, by first word, and the article's organisations by the first word of their name:
        # a phrase is only compared with those of its head, never with the whole article so far
        self.by_head: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.orgs: dict[str, list[tuple[Entity, tuple[str, ...]]]] | None = None
        self.org_starts: dict[str, list[int]] = {}
        self.issuer: tuple[str, str] | None = None              # who issued the last statement
        self.roles: dict[str, str] = {}                          # a role phrase → the person named with it
        self.heard = Heard()

    def add(self, surface: str, canonical: str) -> None:
        for phrase in {surface, canonical}:
            words = tuple(without_article(w) for w in normalize(phrase).split())
            if words:
                self.history.append((words, canonical))
                self.by_head.setdefault(words[0], []).append((words, canonical))
        self.heard.append(canonical)

    def resolve(self, phrase: str, pos: int) -> str | None:
        """The earlier name a definite phrase ("المصدر"، "الوزارة"، "المسؤول العسكري") refers to."""
        lex, words = lexicon(), normalize(phrase).split()
        if not words or not words[-1].startswith("ال") or len(words) > 4:
            return None                          # only a definite phrase points back (رئاسة الأركان)
        bare = [without_article(w) for w in words]
        heads = {bare[0]}                        # same number: "المصادر" is no "مصدر طبي"

        def fits(cand: tuple[str, ...]) -> bool:
            return bool(cand) and cand[0] in heads and \
                len(cand) > len(bare) and all(w in cand[1:] for w in bare[1:])

        for cand, canonical in reversed(self.by_head.get(bare[0], ())):
            if fits(cand) and normalize(canonical) != normalize(phrase):
                return canonical
        # "الجماعة اليمنية" after "جماعة الحوثي": a nationality the name leaves out, its actor's country
        country = nisba_country(words[1]) if len(words) == 2 and words[1].startswith("ال") else None
        for e, cand in self._orgs_before(bare[0], pos) if len(words) <= 2 else ():
            name = e.canonical or e.text
            if e.end <= pos and (fits(cand) or country and len(cand) > 1 and bare[1] not in cand and _country(e) == country) \
                    and len(name.split()) > 1 and sane(self.text, e) \
                    and not lex["object_nouns"] & set(normalize(name).split()):
                return e.actor or name
        if bare[0] in lex["source_nouns"] or lex["pairs"].get(bare[0]) in lex["source_nouns"]:
            return self._mention(heads, bare, pos) or self._official(bare)
        return self._official(bare)

    def _official(self, bare: list[str]) -> str | None:
        """"«…»، أضاف المسؤول الأممي": with no unnamed official told before, "المسؤول" (and an adjective)
        is the person quoted last, whom the report calls by a generic word the second time."""
        last = self.heard.names[-1] if self.heard.names else None
        if bare[0] in _OFFICIAL and len(bare) <= 2 and last in self.ents.people:
            return last
        return None

    def role_person(self, phrase: str, pos: int = -1) -> str | None:
        """The person last named with a role the phrase says again: the whole role ("مدير ناحية X"), or
        its definite head and some of its words ("وأضاف المتحدث" after "قال المتحدث الرسمي باسم الجيش
        العميد فلان")."""
        key = normalize(phrase)
        if key in self.roles:
            return self.roles[key]
        words = [without_article(w) for w in key.split()]
        if not key.split()[-1].startswith("ال") or len(words) > 3 or words[0] not in lexicon()["role_heads"]:
            return None
        for role, name in reversed(list(self.roles.items())):
            bare = [without_article(w) for w in role.split()]
            if bare[0] == words[0] and all(w in bare for w in words[1:]):
                return name
        # a person named earlier right after that role, though no quote of theirs came before
        # ("تفقد رئيس هيئة الأركان … الفريق فلان …" then "وأشاد رئيس الأركان")
        # the role is the one right before that person, never one that ran on to an earlier name ("وزير
        # الخارجية الأردني فلان ونظيره السوري فلان": the second is no Jordanian minister)
        people = [e for e in self.ents.ents if e.type == "PER" and 0 <= e.end <= pos]
        for i in range(len(people) - 1, -1, -1):
            e = people[i]
            left = max([p.end for p in people[max(0, i - 2):i] if p.end <= e.start] + [e.start - 120, 0])
            before = re.split(r"[.،,:؛\n]", normalize(self.text[left:e.start]))[-1]
            bare = [without_article(w) for w in before.split()]
            if words[0] in bare and all(w in bare for w in words[1:]) or self._counterpart(e, key.split()):
                return e.canonical or e.text
        return None

    def _counterpart(self, e: Entity, anaphor: list[str]) -> bool:
        """"بحث وزير الخارجية المصري فلان مع نظيره الليبي فلان": the second holds the first's role with
        the nationality after نظيره ("وزير الخارجية الليبي" said later is he)."""
        sent = re.split(r"[.؛\n]", normalize(self.text[max(0, e.start - 300):e.start]))[-1]
        m = re.search(r"(?:^|\s)(?:مع\s+|و)?(?:نظيره|نظيرته|نظيرها)((?:\s+\S+){0,2})\s*$", sent)
        if not m:
            return False
        first, after = [without_article(w) for w in sent[:m.start()].split()], m.group(1).split()
        nationality = [w for w in anaphor[1:] if nisba(w)]
        return bool(nationality) and nationality == [w for w in after if nisba(w)] and \
            all(without_article(w) in first for w in anaphor if w not in nationality)

    def _orgs_before(self, head: str, pos: int) -> Iterator[tuple[Entity, tuple[str, ...]]]:
        """The organisations starting before `pos` whose name (its first six bare words) opens with
        `head`, last first: reversed(ents.at.starting(0, pos)) cut to those, from an index."""
        if self.orgs is None:
            self.orgs = {}
            for e in self.ents.ents:
                cand = tuple(without_article(w) for w in normalize(e.canonical or e.text).split())[:6]
                if e.type == "ORG" and cand:
                    self.orgs.setdefault(cand[0], []).append((e, cand))
                    self.org_starts.setdefault(cand[0], []).append(e.start)
        group = self.orgs.get(head, [])
        if self.ents.at.in_order:            # text order: those before `pos` are a prefix
            before = bisect_left(self.org_starts[head], pos) if group else 0
            return (group[i] for i in range(before - 1, -1, -1))
        return ((e, c) for e, c in reversed(group) if 0 <= e.start < pos)

    def _mention(self, heads: set[str], bare: list[str], pos: int) -> str | None:
        """The last indefinite mention of the same head before `pos` ("وفق مصدر أمني")."""
        toks = tokens(self.text, max(0, pos - 3000), pos)
        for k in range(len(toks) - 1, -1, -1):
            w = word_of(toks[k])
            glued = w[:1] in "وبل" and w[1:] in heads     # "وفق مصدر"، "لمصدر"، "ومصادر"
            if w not in heads and not glued:
                continue
            n = phrase_length(self.text, list(toks[k:]), self.ents, pos)
            if n < 2:
                continue
            cand = [without_article(normalize(t.text)) for t in toks[k:k + n]]
            if all(x in cand[1:] for x in bare[1:]):
                return unquoted(self.text[toks[k].start + int(glued):toks[k + n - 1].end])
        return None


_OFFICIAL = frozenset(("مسوول", "مسيول", "مسووله", "مسيوله"))    # normalised مسؤول، مسؤولة


def _country(e: Entity) -> str | None:
    """The country of an organisation the actor dictionary knows (its row's ISO code), else None."""
    actor = actors().lookup(e.actor) if e.actor else None
    return actor.country if actor is not None else None
