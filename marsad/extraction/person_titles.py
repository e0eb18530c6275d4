"""Titles and roles around a person's name: a title or rank before it (اللواء ركن، المشير) with the
adjectives of a role noun (الناشط المدني، الرئيس السوري السابق), and a role phrase after it
("، المتحدث باسم …،") or before it in the same clause. They join the mention, not the canonical name.
"""
from __future__ import annotations

import re

from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, normalize_map

# role heads (lexicon/role_heads.tsv, normalised: the text they search is normalised) after a name and
# before it: a narrower list before it (no عضو، نائب، مستشار، مسؤول، ممثل)
_ROLE_HEAD = re.compile(r"(?:ال)?(?:" + lx.role_head_pattern("apposition") + r")\b")
_ROLE_HEAD_BEFORE = re.compile(r"(?<!\w)(?P<also>و)?(?:ال)?(?:" + lx.role_head_pattern("before") + r")\b")
# a role ends at punctuation, a complementizer, a medium, or the death its bearer met ("لقي فلان، قائد
# الكتيبة، مصرعه")
_ROLE_END = re.compile(r"[،,.:؛\n]|\s(?:[إأا]ن(?:ه|ها|هم|هما|نا)?|في|خلال|عبر|مصرع\S*|حتف\S*)(?:\s|$)")

def _role_adjective(word: str, title: str) -> bool:
    """`word` (normalised) is an adjective of the definite role noun `title` (normalised): definite,
    singular and of its gender — "الناشط المدني"، "الصحفية المستقلة"، "الرئيس السوري"."""
    noun = title.split()[-1]
    return noun.startswith("ال") and word.startswith("ال") and len(word) >= 5 and word.isalpha() \
        and not word.endswith(("ين", "ون", "ات")) and noun.endswith("ه") == word.endswith("ه")


def _adjectives_before(text: str, start: int) -> int:
    """Where the (up to two) definite words right before `start` begin: "الناشط المدني | حسين"."""
    at = start
    for _ in range(2):
        m = re.search(r"(?:^|\s)(\S+) $", text[max(0, at - 25):at])
        if not m or not normalize(m.group(1)).startswith("ال"):
            break
        at -= len(m.group(1)) + 1
    return at


def title_before(text: str, start: int) -> tuple[int, str | None]:
    """Extend a person mention leftwards over a title directly before it (اللواء ركن، المشير), and
    over the adjectives of a role noun between them (الناشط المدني، الصحفي المستقل): they describe
    the role, not the name, which begins with a given name (no article)."""
    if not normalize(text[start:start + 3]).startswith("ال"):
        at = _adjectives_before(text, start)
        while at < start:
            new_start, title = title_before(text, at)
            adjectives = normalize(text[at:start]).split()
            if title and all(_role_adjective(a, normalize(title)) for a in adjectives):
                return new_start, text[new_start:start].strip()
            at = text.index(" ", at) + 1          # fewer adjectives: "الرئيس | السابق المدني …"
    before = normalize(text[max(0, start - 30):start])
    for t in lx.titles():
        if before.endswith(t + " "):
            new_start = start - len(t) - 1
            # the normalised and original text have equal length here unless diacritics intervene
            while new_start > 0 and normalize(text[new_start:start - 1]) != t:
                new_start -= 1
                if start - new_start > 40:
                    return start, None
            return new_start, text[new_start:start - 1]
    return start, None


def title_inside(mention: str) -> tuple[str | None, str]:
    norm = normalize(mention)
    for t in lx.titles():
        if norm.startswith(t + " "):
            cut = len(t) + 1
            words = mention[cut:].split(" ")
            k = 0                                # "الناشط المدني حسين …": the role's adjectives
            while k < 2 and k + 1 < len(words) and _role_adjective(normalize(words[k]), t):
                k += 1
            if k and not normalize(words[k]).startswith("ال"):
                cut += len(" ".join(words[:k])) + 1
            return mention[:cut - 1], mention[cut:]
    return None, mention


def role_after(text: str, end: int) -> str | None:
    m = re.match(r"\s*[،,]\s*", text[end:end + 4])
    if not m:
        return None
    rest = text[end + m.end(): end + m.end() + 120]
    if not _ROLE_HEAD.match(normalize(rest)):
        return None
    stop = _ROLE_END.search(rest)
    role = rest[: stop.start()] if stop else rest
    return role.strip() if 1 <= len(role.split()) <= 12 else None


def role_before(text: str, start: int) -> str | None:
    """A role phrase right before a person, in the same clause: "الناطق باسم الجيش الليبي أحمد المسماري"."""
    window = text[max(0, start - 100):start]
    clause = re.split(r"[،,.:؛\n«»\"]", window)[-1]
    norm, index = normalize_map(clause)
    heads = list(_ROLE_HEAD_BEFORE.finditer(norm))
    if not heads:
        return None
    # the first role head in the clause opens the phrase, unless و opens another role nearer the name
    # ("رئيس البرلمان فلان والقائد العام للجيش | خليفة حفتر")
    m = next((h for h in reversed(heads[1:]) if h.group("also")), heads[0])
    role = clause[index[m.start() + (1 if m.group("also") else 0)]:].strip()
    if role.endswith((" و", "و")) and len(role) > 1 and role[-2] == " ":
        return None                             # "الرئيس فلان و|اللواء فلان": the role of the one before
    return role if 2 <= len(role.split()) <= 12 else None
