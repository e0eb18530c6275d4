"""Entities stage: NER spans → entities with clean boundaries, titles, roles and canonical names.

- Boundaries: a proclitic (و ف ب ل ك) is cut from the first word when what remains is a definite
  noun or a known name (بالجفرة → الجفرة, والمسماري → المسماري); quote marks are trimmed.
- Titles/ranks (اللواء، المشير، الرئيس …) directly before a person join the mention but stay out of
  the canonical name; a role phrase after it ("، المتحدث باسم …،") or before it is attached.
- Canonical names within an article: a short mention joins the fullest one it is the tail of
  (المسماري → أحمد المسماري); spelling variants (عبدالفتاح/عبد الفتاح, ميليشيات/مليشيات) unify.
"""
from __future__ import annotations

import re

from marsad.extraction.head_names import (
    after_place_noun,
    named_after,
    place_noun_before,
    with_place_names,
)
from marsad.extraction.name_shapes import (
    accusative_pair,
    adjective_after_noun,
    clause_verb,
    definite_name_end,
    direction_before,
    strong_place,
)
from marsad.extraction.not_names import platform_name
from marsad.extraction.person_names import mend_people
from marsad.extraction.place_officials import council_towns
from marsad.extraction.person_titles import (
    role_after,
    role_before,
    title_before,
    title_inside,
)
from marsad.extraction.place_runs import for_people, read_in_containers
from marsad.extraction.role_names import mend_roles
from marsad.extraction.spans import covered, overlay, variant_key
from marsad.model import Document, Entity
from marsad.ner.tagging import consistent_labels, tag_many
from marsad.text import lexicons as lx
from marsad.text.arabic import (
    normalize,
    sentences,
    strip_clitics,
    tokens,
)

_QUOTES = "\"'«»“”"
_PROCLITICS = "وفبلك"
ARTICLE_RULES = True          # gazetteer and title rules on articles (see ner.tag)


def _is_punct(token: str) -> bool:
    return not any(ch.isalnum() for ch in token)


def _known(norm: str) -> bool:
    return norm in lx.place_names() or norm in lx.person_names()


def _known_stem(rest: str) -> bool:
    """What is left after cutting a proclitic is a name of the world marsad reads: a person's name, a
    country, or a place in Africa or Asia — not a European or American town that happens to spell it
    (فرانس برس is no ف + رانس, Reims)."""
    if rest in lx.person_names() or rest in lx.countries():
        return True
    return any(lx.continent(p.country) in ("AF", "AS") for p in lx.places().get(rest, ()))


def _trim(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """(start, end, canonical override) without quotes, spaces and a leading proclitic.

    A clitic is cut only when the rest is a definite noun or a known name, so names that merely
    begin with و/ب/ل (وليد، بشار، لبنان) keep their first letter. "لل" is ل + ال with the alef
    dropped (للجيش): the span keeps the ل, the canonical name gets its ال back.
    """
    while start < end and (text[start] in _QUOTES or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _QUOTES + "،,." or text[end - 1].isspace()):
        end -= 1
    norm = normalize(text[start:end].split(" ")[0])
    whole = normalize(text[start:end])
    if len(norm) <= 3 or _known(norm) or _known(whole) or norm[0] not in _PROCLITICS:
        return start, end, None
    if place_noun_before(text, start) and not strong_place(whole[1:]):
        return start, end, None                             # "قرية بانكا" (but "قرية بشمال كردفان")
    if " " in whole and _known(whole[1:]):                  # "وسوق الخميس" → "سوق الخميس"
        return start + 1, end, None
    if norm.startswith("لل") or (norm[0] in "وف" and norm[1:].startswith("لل")):
        skip = 2 if norm.startswith("لل") else 3          # (و)لل + stem: the article's alef is elided
        return start, end, "ال" + text[start:end][skip:]
    for cut in (1, 2):
        if cut == 2 and not (norm[0] in "وف" and norm[1] in "بلك"):
            break
        rest = norm[cut:]
        # ك (as, like) comes before a definite noun and seldom before a bare name, never a short one:
        # كلير is Claire, not ك + لير (but كسمير is ك + سمير)
        if rest.startswith("ال") or _known_stem(rest) and (norm[cut - 1] != "ك" or len(rest) >= 4):
            start += cut
            while start < end and normalize(text[start]) == "":     # diacritics after the clitic
                start += 1
            return start, end, None
    return start, end, None


def find_entities(text: str) -> list[Entity]:
    return find_entities_many([text])[0]


def find_entities_many(texts: list[str]) -> list[list[Entity]]:
    """Entities of several articles, their sentences tagged in one batch (the neural tagger's
    per-step cost is shared by every sentence in the batch)."""
    split = [[tokens(text, sent.start, sent.end) for sent in sentences(text)] for text in texts]
    words = [[[t.text for t in toks] for toks in sents] for sents in split]
    tagged = iter(tag_many([w for article in words for w in article], rules=ARTICLE_RULES,
                           documents=[len(article) for article in words]))
    out = []
    for text, sents, article in zip(texts, split, words):
        tags = consistent_labels(article, [next(tagged) for _ in sents])    # one article: one document
        out.append(mend_roles(text, mend_people(text, _spans(text, list(zip(sents, tags))), _entity), _entity))
    return out


def _spans(text: str, sentences_tags) -> list[Entity]:
    out: list[Entity] = []
    for toks, tags in sentences_tags:
        i = 0
        while i < len(toks):
            if not tags[i].startswith(("B-", "I-")):
                i += 1
                continue
            kind = tags[i][2:]
            j = i + 1
            while j < len(toks) and tags[j] == f"I-{kind}" and not _is_punct(toks[j].text):
                j += 1
            if kind == "LOC" and clause_verb(toks, i, j):
                i = j                       # "ودان رئيس الحكومة …": و + a verb, not the town
                continue
            if kind == "PER" and j - i >= 3 and lx.nisba(toks[i].text):
                i += 1                      # "الليبي خليفة حفتر": the adjective is not the name
            while kind == "PER" and j - i >= 2 and lx.no_name_tail(normalize(toks[j - 1].text)):
                j -= 1                      # "قال فلان مؤكدا", "خاطب فلان المتظاهرين"
            if kind == "LOC":               # "شارع مكة بالعاصمة": a ب + ال word after the name is where it is
                j = next((k for k in range(i + 1, j) if normalize(toks[k].text).startswith("بال")), j)
                i -= direction_before(text, toks, tags, i, j)
            start, end, canonical = _trim(text, toks[i].start, toks[j - 1].end)
            if kind == "LOC" and text[start:start + 1] == "و" and end - start > 4 and not canonical \
                    and not _known(normalize(text[start:end])) and not place_noun_before(text, start):
                start += 1                  # "في سيفاري وبافو": an unknown place after و is no و-name
                                            # (but "إقليم ورداك": a place noun's name keeps its letters)
            if end > start:
                e = _entity(text, start, end, kind)
                e.canonical = canonical or e.canonical
                out.append(e)
            i = j
    return out


def _entity(text: str, start: int, end: int, kind: str) -> Entity:
    title, role = None, None
    if kind == "ORG":                       # "عكس الجيش الوطني الليبي": a verb is no part of the name
        first = text[start:end].split(" ")[0]
        n = normalize(first)
        if " " in text[start:end] and not n.startswith(("ال", "لل")) and n not in lx.org_heads() and \
                not _known(n) and normalize(text[start:end].split(" ")[1]).startswith("ال"):
            start += len(first) + 1
    if kind == "ORG":                       # "الشرطة | تطويق المتظاهرين", "البنك الدولي | بول …"
        end = start + definite_name_end(text[start:end])
    if kind == "ORG":                       # "وزارة الصحة الفلسطينية | في غزة": a nationality ends the name,
        words = text[start:end].split(" ")  # what follows in في says where the body sits
        k = next((k for k in range(2, len(words) - 1) if normalize(words[k]) == "في"
                  and lx.nisba_country(words[k - 1]) and _known(normalize(" ".join(words[k + 1:])))), None)
        if k is not None:
            end = start + len(" ".join(words[:k]))
    if kind == "ORG":                       # "وكالة الأنباء … الحكومية": a description, not the name
        words = text[start:end].split(" ")
        if len(words) > 2 and normalize(words[-1]) in lx.org_descriptors():
            end = start + len(" ".join(words[:-1]))
    if kind == "PER":
        start, title = title_before(text, start)
        inside, _ = title_inside(text[start:end])
        if title is None or inside and len(inside) > len(title):
            title = inside                  # "الناشط المدني": the title with its adjectives
        role = role_after(text, end) or role_before(text, start)
    mention = text[start:end]
    name = title_inside(mention)[1] if title else mention
    words = name.split()
    if kind == "LOC" and len(words) >= 2 and any(f in lx.division_nouns() for f in strip_clitics(normalize(words[0]))):
        name = " ".join(words[1:])          # "محافظة النبطية" is the division النبطية
    return Entity(mention, kind, start, end, canonical=name.strip(_QUOTES + " "), title=title, role=role)


def canonicalise(entities: list[Entity]) -> None:
    """Within one article, point each mention at the fullest name it abbreviates or spells differently."""
    by_type: dict[str, list[Entity]] = {}
    for e in entities:
        by_type.setdefault(e.type, []).append(e)
    for kind, group in by_type.items():
        # Longest first; among equals, the first written (a set here made the choice hash-seed dependent).
        full = sorted(dict.fromkeys(e.canonical for e in group if e.canonical), key=lambda n: -len(n.split()))
        keys = {n: variant_key(n) for n in full}
        for e in group:
            key = variant_key(e.canonical or e.text)
            for cand in full:
                ck = keys[cand]
                if ck == key or (kind == "PER" and ck.endswith(" " + key)) or (
                        kind != "PER" and len(key.split()) >= 2 and ck.startswith(key + " ")):
                    e.canonical = cand
                    break
        roles = {e.canonical: e.role for e in group if e.role}
        for e in group:
            e.role = e.role or roles.get(e.canonical)


def geocode(entities: list[Entity]) -> None:
    """Resolve places, preferring the country most of the article's places are in."""
    from collections import Counter

    from marsad.extraction.geo import name_forms, resolve

    places = [e for e in entities if e.type == "LOC"]
    # Joint vote: each mention supports every country it could be in (عدن: Yemen, and an Egyptian
    # namesake), so the country most mentions share wins, not the biggest namesake of one of them.
    votes: Counter = Counter()
    for e in places:
        forms = name_forms(e.canonical or e.text)
        found = [p for f in forms for p in lx.places().get(f, [])]
        options = {p.country: 1 for p in found}
        options.update({p.country: 2 for p in found if p.population == lx.REGION_POPULATION})  # a curated division
        options.update({lx.countries()[f]: 1 for f in forms if f in lx.countries()})
        votes.update(options)
    prefer = votes.most_common(1)[0][0] if votes else None
    for e in places:
        if normalize(e.canonical or e.text) in lx.not_places():
            continue
        m = resolve(e.canonical or e.text, prefer)
        if m:
            e.country, e.admin1, e.latitude, e.longitude = m.country, m.admin1, m.latitude, m.longitude


def merge_adjacent_names(text: str, ents: list[Entity]) -> list[Entity]:
    """"عبد الفتاح" + "السيسي" tagged apart but written side by side are one name; so are "خان" +
    "يونس" when the gazetteer knows the place they spell together."""
    from marsad.extraction.geo import resolve
    from marsad.extraction.org_phrases import named_after_head    # "مستشفى ناصر الطبي" + a person: apart

    out: list[Entity] = []
    for e in sorted(ents, key=lambda e: e.start):
        prev = out[-1] if out else None
        adjacent = prev is not None and text[prev.end:e.start].strip() == ""
        if adjacent and prev.type == e.type == "LOC" and resolve(text[prev.start:e.end]):
            start, end, canonical = _trim(text, prev.start, e.end)        # "بخان يونس": the ب stays out
            out[-1] = Entity(text[start:end], "LOC", start, end, canonical=canonical or text[start:end])
        elif adjacent and prev.type == e.type == "PER" and not e.title and not named_after_head(text, prev):
            merged = _entity(text, prev.start, e.end, "PER")
            merged.title = prev.title or merged.title
            merged.canonical = title_inside(text[prev.start:e.end])[1] if prev.title else merged.canonical
            out[-1] = merged
        else:
            out.append(e)
    return out


def propagate_surnames(text: str, ents: list[Entity]) -> list[Entity]:
    """A full name's surname written alone elsewhere in the article (وأوضح "المسماري") is that person."""
    surnames = {}
    for e in ents:
        words = (e.canonical or "").split()
        if e.type == "PER" and len(words) >= 2 and len(normalize(words[-1])) >= 4 and not lx.nisba(words[-1]):
            surnames.setdefault(normalize(words[-1]), set()).add(e.canonical)
    taken = covered(len(text), ((e.start, e.end) for e in ents))      # chars inside an entity
    added = []
    for t in tokens(text) if surnames else ():
        if taken[t.start]:
            continue
        norm = normalize(t.text)
        for form in (norm, norm[1:] if norm[:1] in _PROCLITICS else None):
            if form in surnames and len(surnames[form]) == 1:
                start = t.end - len(form) if form != norm else t.start
                added.append(Entity(text[start:t.end], "PER", start, t.end, canonical=next(iter(surnames[form]))))
                break
    return sorted(ents + added, key=lambda e: e.start)


def with_org_phrases(text: str, ents: list[Entity]) -> list[Entity]:
    """Organisation-shaped phrases (org_phrases) the tagger missed or cut: one replaces the entities
    lying wholly inside it; where the tagger's entity reaches past it, the tagger's stands."""
    from marsad.extraction.head_names import named_people, quoted_names
    from marsad.extraction.media_names import media_names
    from marsad.extraction.org_phrases import landmark_phrases, org_phrases

    # at one start the longest phrase is weighed first, so a shorter one inside it gives way
    phrases = sorted(org_phrases(text) + media_names(text) + landmark_phrases(text),
                     key=lambda e: (e.start, e.start - e.end))
    ents = overlay(ents, phrases, lambda p, overlapping: all(
        p.start <= e.start and e.end <= p.end and (e.type != "PER" or named_after(p, e)) for e in overlapping))
    # a name its class noun announces (قرية "X", موقع "X", يدعى X) replaces whatever the tagger read in it
    return overlay(ents, quoted_names(text) + named_people(text), lambda p, overlapping: all(
        e.start < p.end and p.start < e.end and (p.start <= e.start and e.end <= p.end or e.type == p.type == "PER")
        for e in overlapping))


def with_named_places(text: str, ents: list[Entity]) -> list[Entity]:
    """Places read from a place noun ("قضاء مخمور", "قرى X وY") or a facility that the tagger
    missed are LOC entities too, geocoded as the events stage locates them."""
    from marsad.extraction.event_places import candidate_places

    taken = covered(len(text), ((e.start, e.end) for e in ents))
    added = [Entity(text[p.start:p.end], "LOC", p.start, p.end, canonical=p.name, country=p.country,
                    admin1=p.admin1, latitude=p.latitude, longitude=p.longitude)
             for p in candidate_places(text, ents) if not p.in_name and not any(taken[p.start:p.end])]
    return sorted(ents + added, key=lambda e: e.start) if added else ents


def known_actors(text: str, ents: list[Entity]) -> list[Entity]:
    """Names in the actor dictionary are organisations, whatever the tagger said (it learnt from 2007
    general news, where قوات الدعم السريع or داعش never occur). A dictionary name replaces the
    entities it overlaps, except a person whose name contains it (عبد الملك الحوثي is no movement) or a
    body named as sitting in it ("لجنة … في البرلمان العراقي")."""
    from marsad.extraction.org_phrases import restore_article
    from marsad.text.actor_dictionary import actors

    def named(m) -> Entity:
        mention = text[m.start:m.end]
        canonical = restore_article(text, m.start, re.sub(r'["«»“”]', "", mention))   # "للجيش المصري"
        return Entity(mention, "ORG", m.start, m.end, canonical=canonical, actor=m.actor.name, actor_id=m.actor.id)

    return overlay(ents, map(named, actors().find_between(text)), lambda m, overlapping: not any(
        e.type in ("PER", "ORG") and e.start <= m.start and m.end <= e.end and e.end - e.start > m.end - m.start
        and (e.type == "PER" or " في " in text[e.start:m.start]) for e in overlapping))


def _no_place(text: str, e: Entity) -> bool:
    """A one-word LOC that is a direction, a place noun (any of place_nouns.tsv: إقليم، مناطق) or an
    adjective (ريف، غرب، الغربي، مفتوحة) is no place (names of several such words are: سوق الخميس);
    nor is the participle of "tear gas", which spells an Algerian town (قنابل مسيلة للدموع، الغاز
    المسيل للدموع) in every dispersed protest. A lone organisation noun (للجامعة، الوزارة، المحكمة) points
    back at a body the article named: the tagger reads it as a place after roles ("الأمين العام المساعد
    للجامعة")."""
    words = normalize(e.canonical or e.text).split()
    return e.type == "LOC" and len(words) == 1 and (words[0] in lx.not_places() or adjective_after_noun(text, e, words[0])
                                                    or lx.place_noun(words[0]) is not None
                                                    or strip_clitics(words[0])[-1] in lx.not_places()
                                                    or normalize(text[e.end:e.end + 9]).strip().startswith("للدموع")
                                                    or accusative_pair(text, e) or for_people(words[0])
                                                    or any(f in lx.org_heads() for f in strip_clitics(words[0])))


def tag_entities(doc: Document) -> Document:
    """Pipeline stage: fill `doc.entities`."""
    return tag_entities_many([doc])[0]


def tag_entities_many(docs: list[Document]) -> list[Document]:
    """`tag_entities` over a batch of documents (the pipeline's batched form of this stage)."""
    for doc, found in zip(docs, find_entities_many([doc.text for doc in docs])):
        found = council_towns(doc.text, with_org_phrases(doc.text, merge_adjacent_names(doc.text, found)))
        found = with_place_names(doc.text, after_place_noun(doc.text, found))
        doc.entities = propagate_surnames(doc.text, known_actors(doc.text, found))
        doc.entities = [e for e in doc.entities if not _no_place(doc.text, e)
                        and not (e.type == "ORG" and platform_name(e.text))        # "منصة إكس": a platform
                        and not re.fullmatch(r"(?:ال)?ـ*[\d٠-٩]+", e.text)]     # "الساعات الـ24": a number
        canonicalise(doc.entities)
        geocode(doc.entities)
        read_in_containers(doc.text, doc.entities)     # "بوني بمنطقة موبتي": in its container's country
        doc.entities = with_named_places(doc.text, doc.entities)
        _credits_are_outlets(doc)
    return docs


def _credits_are_outlets(doc: Document) -> None:
    """A name in a dateline's credits ("ود مدني، 8 نوفمبر (سودان تربيون) -") is the outlet or agency
    that filed the report, never a person, whatever the tagger read."""
    whole, place = doc.dateline_whole, doc.dateline
    for e in doc.entities if whole else ():
        if e.type == "PER" and whole.start <= e.start and e.end <= whole.end and not (place and e.start < place.end):
            e.type = "ORG"


