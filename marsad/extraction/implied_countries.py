"""Countries an article names only by their nationality adjective.

"قال وزير الخارجية اليمني …"، "أعلنت حركة الشباب الصومالية …"، "الجيش السوداني": the country is one
of the places the story is about though its name never stands alone. Each such country the article
does not name itself (a town in it does not name it) becomes one LOC entity, spanning the
adjective's first mention, with the country's own name as canonical (countries.tsv's CLDR name; a
name of three words or more gives way to the shortest alias news uses: السعودية). Runs after
events, so event places are read from the text's own place names only.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.model import Document, Entity
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, token_words, tokens

_ENDINGS = ("ي", "يه", "يين", "يون", "يا")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """ISO2 → the name a country goes by."""
    out: dict[str, str] = {}
    for row in lx.table("countries.tsv"):
        out.setdefault(row["country"], row["name"])
    for row in lx.table("country_aliases.tsv"):
        own = out.get(row["country"])
        if own and len(own.split()) >= 3 and len(row["name"]) < len(own):
            out[row["country"]] = row["name"]
    return out


@lru_cache(maxsize=4096)
def _country_of(word: str) -> str | None:
    return lx.nisba_country(word)


def implied_countries(doc: Document) -> Document:
    """Pipeline stage: add the countries named only by adjective to `doc.entities`."""
    have = {lx.countries().get(normalize(e.canonical or e.text)) for e in doc.entities if e.type == "LOC"}
    words = token_words(doc.text)
    toks = None
    added: list[Entity] = []
    for k, w in enumerate(words):
        if len(w) < 6 or w[:2] != "ال" or not w.endswith(_ENDINGS):
            continue                                    # the cheap test first: this runs on every word;
                                                        # a definite adjective (الجيش السوداني), not "مواطنا أردنيا"
        iso = _country_of(w)
        if iso is None or iso in have or iso not in _names():
            continue
        toks = toks or tokens(doc.text)
        t = toks[k]
        have.add(iso)
        added.append(Entity(t.text, "LOC", t.start, t.end, canonical=_names()[iso], country=iso))
    if added:
        doc.entities = sorted(doc.entities + added, key=lambda e: e.start)
    return doc
