"""Named-entity tagging: token features, the two taggers behind one `tag_many`, rule fills, label
consistency, CoNLL I/O.

Features: the normalised word and its clitic-stripped stems (و/ف, ب/ل/ك, ال), affixes of the stem,
shape, membership in the shipped lexicons (GeoNames places, CLDR countries, arabnamer person names,
titles, organisation head nouns; multi-word names matched as spans). Two shipped models use them:

- `crf` (marsad/data/ner.crfsuite): a linear-chain CRF (python-crfsuite) over these features and a
  ±2 window. The article pipeline's tagger: on conflict reports it finds more of the key entities
  (seed key-entity recall 0.724 vs 0.671: it reads "الجيش الوطني الليبي" as an organisation, the
  neural model does not) and keeps the pipeline above 100 articles/s (the ensemble would not).
- `neural` (marsad/data/ner-neural.npz, `tagger_nn`): two character-CNN + BiLSTM + CRF taggers
  trained from different seeds, weights averaged over late epochs, scores averaged. `marsad ner`'s
  default: ANERcorp test F1 0.738 vs the CRF's 0.706 (both with label consistency).

`--model`/$MARSAD_NER_MODEL take `crf`, `neural` or a model path, for either use.
Tags are BIO over PER, ORG, LOC, MISC (ANERcorp spells PERS; we read both).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from marsad.ner.features import document_features, fresh, sentence_features
from marsad.text import lexicons as lx
from marsad.text.arabic import normalize, strip_clitics

MODEL_NAME = "ner.crfsuite"
SHIPPED = {"crf": MODEL_NAME, "neural": "ner-neural.npz"}     # names users can pass instead of a path
CONLL_MODEL = "neural"          # `marsad ner`'s default; the article pipeline's is the CRF

@lru_cache(maxsize=4)
def crf_models(path: str) -> tuple:
    """(the CRF at `path`, its document-level second pass or None): whether a second pass lies
    beside the model (`second_pass_path`) is decided once, when the model is loaded. A trainer that
    rewrites model files calls `crf_models.cache_clear()` before tagging with them."""
    import pycrfsuite

    def opened(file: str):
        tagger = pycrfsuite.Tagger()
        tagger.open(file)
        return tagger

    second = second_pass_path(path)
    return opened(path), opened(second) if os.path.exists(second) else None


@lru_cache(maxsize=1)
def _place_cues() -> dict[str, str]:
    """normalised cue word → kind (lexicon/place_cues.tsv: prepositions, directions, the parts of a place)."""
    return {normalize(r["word"]): r["kind"] for r in lx.table("place_cues.tsv")}


@lru_cache(maxsize=1)
def _loc_cues() -> frozenset[str]:
    """Words after which a gazetteer name is a place: the cues of lexicon/place_cues.tsv and every
    place noun of lexicon/place_nouns.tsv, plurals too ("أحياء الكرخ والرصافة", "مخيمات X"), and the
    dual in construct of a singular one ("منطقتي X وY"), as lexicons.place_noun reads it."""
    nouns = lx.place_nouns()
    duals = {n[:-1] + "تي" for n, number in nouns.items() if number == "singular" and n.endswith("ه")}
    return frozenset(_place_cues()) | frozenset(nouns) | duals


_COUNTRYSIDE = normalize("ريف")
_STRONG_TIERS = ("country", "big-arab", "region")
_TIER_RANK = ("country", "region", "big-arab", "mid-arab", "small-arab", "big", "mid", "small")


def gazetteer_fill(tokens: list[str], tags: list[str]) -> list[str]:
    """Mark as LOC an untagged word that is a strong gazetteer place after a location cue.

    The CRF under-uses the gazetteer because ANERcorp's world news holds few of our towns; a place
    name after في/مدينة/قرب… or with a ب/ل clitic (بالجفرة) is very rarely anything else.
    """
    tiers = lx.place_tiers()
    out = list(tags)
    for i, tok in enumerate(tokens):
        if out[i] != "O":
            continue
        forms = strip_clitics(normalize(tok))
        if forms[-1] in _loc_cues() or forms[0] in _loc_cues() or any(f in lx.not_places() for f in forms):
            continue                        # "مدينة" is GeoNames' Medina, "بيان" Bayan: here both are words
        found = next((f for f in forms[1:] + forms[:1] if f in tiers), None)
        if found is None:
            continue
        before = strip_clitics(normalize(tokens[i - 1]))[-1] if i else ""
        # one place's name follows a singular or dual place noun (lexicon/place_nouns.tsv) or ريف, "the
        # countryside of", listed plural there as a list may follow it; after other plurals a list does
        after_noun = lx.place_noun(before) in ("singular", "dual") or before == _COUNTRYSIDE
        if after_noun and forms[0].startswith("ال") and forms[0] in tiers and \
                _TIER_RANK.index(tiers[forms[0]]) <= _TIER_RANK.index(tiers[found]):
            found = forms[0]                # "قضاء الدبس": the town; "دبس" without its article is another
        # after a place noun (قضاء مخمور، بلدة X) even a small Arab town is a place
        named = after_noun and tiers[found].endswith(("arab", "region", "country"))
        if len(found.removeprefix("ال")) < 4 and tiers[found] != "region" and not (named and found.startswith("ال")):
            continue                        # curated names may be short, GeoNames' short ones are words
        # "جنوبي مخمور": an indefinite word after a direction is a name (a common noun there is definite)
        named = named or _place_cues().get(before) == "direction" and not found.startswith("ال") and tiers[found].endswith("arab")
        if tiers[found] not in _STRONG_TIERS + ("mid-arab",) and not named:
            continue
        clitic = len(forms) > 1 and normalize(tok)[0] in "بل"
        cue = i > 0 and (before in _loc_cues() or normalize(tokens[i - 1]) in _loc_cues())
        # a country, big Arab city or region stands on its own; a mid-sized town needs a cue or a clitic
        if tiers[found] in _STRONG_TIERS or clitic or cue or named or _coordinated(tokens, out, i):
            out[i] = "B-LOC"
    return _listed_before(tokens, _multiword_places(tokens, out))


def _listed_before(tokens: list[str], tags: list[str]) -> list[str]:
    """"في سيفاري وبافو ونيونو": names coordinated before a known place, the list opened by a location
    cue, are places too (the tagger and the gazetteer knew only the last one)."""
    out = list(tags)
    words = [normalize(t) for t in tokens]
    for i, w in enumerate(words):
        if not (out[i] == "B-LOC" and w.startswith("و") and i > 1):
            continue
        # a lone word the tagger took for a person ("وبافو") is in the list too
        free = lambda k: out[k] == "O" or out[k] == "B-PER" and not out[k + 1].startswith("I-")   # noqa: E731
        j = i - 1
        while j > 0 and words[j].startswith("و") and free(j) and _name_like(words[j][1:]):
            j -= 1
        first_ok = free(j) and _name_like(words[j]) or out[j].endswith("LOC")
        if j < i - 1 or first_ok:
            if j > 0 and first_ok and (words[j - 1] in _loc_cues() or strip_clitics(words[j - 1])[-1] in _loc_cues()):
                for k in range(j, i):
                    if free(k):
                        out[k] = "B-LOC"
    return out


def _name_like(word: str) -> bool:
    """Could be a place's one-word name: letters only, not a function or common word."""
    return len(word) >= 3 and word.isalpha() and word not in _FUNCTION_WORDS and word not in lx.not_places()


def _coordinated(tokens: list[str], tags: list[str], i: int) -> bool:
    """"طرابلس ورشفانة وجنزور", "كردفان ودارفور": a و-word in a run of و-words after a place."""
    if not normalize(tokens[i]).startswith("و"):
        return False
    j = i - 1
    while j > 0 and normalize(tokens[j]).startswith("و") and j > i - 4:
        j -= 1
    return tags[j].endswith("LOC")


def _multiword_places(tokens: list[str], tags: list[str]) -> list[str]:
    """Untagged multi-word gazetteer names after a location cue or a ب/في clitic: "قضاء طوز خرماتو",
    "في معرة النعمان", "بذي قار" (single words are gazetteer_fill's)."""
    first, names = lx.multiword("loc"), lx.place_names()
    words = [normalize(t) for t in tokens]
    out, i = list(tags), 0
    while i < len(tokens):
        best = 0
        for head in strip_clitics(words[i]):
            if head not in first:               # most words open no multi-word name
                continue
            for n in range(min(first[head], len(tokens) - i), 1, -1):
                if " ".join([head, *words[i + 1:i + n]]) in names:
                    best = n
                    break
            if best:
                break
        # a cue, a ب/و clitic, or an Arab place of several words (they seldom spell an ordinary phrase)
        cue = best and (i > 0 and strip_clitics(words[i - 1])[-1] in _loc_cues() or words[i][:1] in "بو" and
                        len(words[i]) > 1 and words[i] not in names or _arab_place(" ".join(words[i:i + best])))
        if best and cue and all(t == "O" for t in out[i:i + best]):
            out[i:i + best] = ["B-LOC"] + ["I-LOC"] * (best - 1)
            i += best
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _rank_words() -> dict[str, bool]:
    """normalised rank or title word → whether it is an officer's rank (lexicon/rank_words.tsv)."""
    return {normalize(r["word"]): r["military"] == "yes" for r in lx.table("rank_words.tsv")}


# particles that follow a title word used as a noun ("وذكر مركز حماة الإعلامي أن …"): never a name
_FUNCTION_WORDS = frozenset(normalize(w) for w in (
    "أن", "إن", "ان", "في", "من", "على", "إلى", "عن", "مع", "الذي", "التي", "قد", "لم", "لن", "كما", "بعد", "قبل",
    # the copula and its sisters after a noun spelt like a rank ("الفريق كان …": the team was)
    "كان", "كانت", "يكون", "تكون", "ظل", "ظلت", "بات", "باتت", "أصبح", "أصبحت", "ليس", "ليست"))


_NOT_FAMILY = frozenset(normalize(w) for w in ("الثاني", "الماضي", "الحالي", "الجاري", "التالي", "الأولي", "الرسمي",
                                                "الحكومي", "المحلي", "الدولي", "الاتحادي", "الإقليمي", "العسكري"))


def _family_name(word: str) -> bool:
    """A family name of the relative-adjective shape (الديهي، الزعبي) that is no nationality, date or
    status adjective: after a title and a given name the lexicon does not know, it closes a name."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 6 and word.isalpha() \
        and word not in _NOT_FAMILY and not lx.nisba(word) and word not in lx.not_places()


def title_fill(tokens: list[str], tags: list[str]) -> list[str]:
    """A rank or honorific (اللواء ركن، المشير، الرئيس المصري) followed by an untagged name → PER.

    The name is two words (three after عبد/أبو/بن), one of its first two a known personal name,
    not starting with the article (first names almost never do; التنفيذي، الأمريكي after a title
    do) nor with punctuation. "المؤتمر الصحفي خرجت …" is thus no person.
    """
    from marsad.text.lexicons import nisba

    out = list(tags)
    n = len(tokens)
    i = 0
    while i < n:
        if normalize(tokens[i]) not in _rank_words() or out[i] != "O":
            i += 1
            continue
        j = i + 1
        while j < n and (normalize(tokens[j]) in _rank_words() or nisba(tokens[j])):
            j += 1
        size = 3 if j < n and normalize(tokens[j]) in lx.NAME_JOINERS else 2
        if size == 2 and j + 1 < n and lx.no_name_tail(normalize(tokens[j + 1])):
            size = 1                        # "الجنرال فلان معتبرا": how he spoke, not his name
        name = tokens[j:j + size]
        known = lx.person_names()
        if (len(name) == size and not normalize(name[0]).startswith("ال") and normalize(name[0]) not in _FUNCTION_WORDS
                and (_rank_words().get(normalize(tokens[j - 1]), False) or any(normalize(t) in known for t in name[:2])
                     or size == 2 and _family_name(normalize(name[1])))
                and all(any(ch.isalpha() for ch in t) for t in name) and all(out[k] == "O" for k in range(j, j + size))):
            out[j] = "B-PER"
            for k in range(j + 1, j + size):
                out[k] = "I-PER"
            i = j + size
        else:
            i += 1
    return out


def _model_path(model: str | None, default: str = "crf") -> str:
    """The model asked for (a path, or `crf`/`neural` for the shipped ones), else $MARSAD_NER_MODEL,
    else `default`."""
    return _resolved(model or os.environ.get("MARSAD_NER_MODEL") or default)


@lru_cache(maxsize=8)               # asked once per batch; resolving a package resource is not free
def _resolved(chosen: str) -> str:
    shipped = SHIPPED.get(chosen)
    return str(resources.files("marsad.data").joinpath(shipped)) if shipped else chosen


def tag_many(sentences: list[list[str]], model: str | None = None, rules: bool = False,
             documents: list[int] | None = None) -> list[list[str]]:
    """BIO tags (B-PER, I-LOC, O, …) for tokenised sentences, batched (the neural tagger runs a
    whole article in one pass). `documents`: how many consecutive sentences each document has
    (the CRF's second pass reads a name's other occurrences within its document); default one.

    `rules=True` adds `gazetteer_fill` and `title_fill`: they raise recall on conflict reports
    (seed key-entity recall) but cost precision on ANERcorp's general news, so `marsad ner`
    leaves them off.
    """
    chosen = _model_path(model)
    if chosen.endswith(".npz"):                 # a neural model (`marsad train-ner --engine neural`)
        from marsad.ner.neural import load

        tagged = load(chosen).tag_many(sentences)
    else:
        fresh()
        feats = [sentence_features(t) if t else [] for t in sentences]
        first, second = crf_models(chosen)
        tagged = [list(first.tag(f)) if f else [] for f in feats]
        if second is not None:
            tagged = _second_pass(sentences, feats, tagged, second, documents or [len(sentences)])
    if rules:
        tagged = [title_fill(t, gazetteer_fill(t, tags)) for t, tags in zip(sentences, tagged)]
    return tagged


def second_pass_path(model: str) -> str:
    """The document-level second-pass CRF that goes with a first-pass model file (X.crfsuite →
    X-doc.crfsuite, trained by `train_crf.train_two_pass`); a model without one runs alone."""
    return model.removesuffix(".crfsuite") + "-doc.crfsuite"


def _second_pass(sentences: list[list[str]], feats: list[list[list[str]]], first: list[list[str]], tagger,
                 documents: list[int]) -> list[list[str]]:
    """Retag each document with its sentence features plus what the first pass said about the
    same words elsewhere in it (`document_features`)."""
    out, start = [], 0
    for size in documents:
        part = slice(start, start + size)
        extra = document_features(sentences[part], first[part])
        out += [list(tagger.tag([a + b for a, b in zip(f, e)])) if f else []
                for f, e in zip(feats[part], extra)]
        start += size
    return out


def tag(tokens: list[str], model: str | None = None, rules: bool = False) -> list[str]:
    """BIO tags for one tokenised sentence (see `tag_many`)."""
    return tag_many([tokens], model, rules)[0] if tokens else []


def consistent_labels(sentences: list[list[str]], tagged: list[list[str]], min_chars: int = 4) -> list[list[str]]:
    """Label consistency across one document's sentences: a name the tagger found somewhere, always
    with the same type, is marked wherever else it stands untagged.

    Why: a tagger decides each occurrence from its own context and misses the ones in weak context
    ("وقال كوفي عنان" tagged, "عنان" after a comma not); news repeats its names. Krishnan & Manning
    (2006) exploit the same non-local regularity. Names shorter than `min_chars` letters and names
    tagged with two types stay as they are; measured on the ANERcorp dev split: +0.014 F1 for the
    neural tagger, +0.007 for the CRF (64-sentence windows).
    """
    kinds: dict[tuple[str, ...], set[str]] = {}
    for tokens, tags in zip(sentences, tagged):
        for start, end, kind in entity_spans(tags):
            kinds.setdefault(tuple(tokens[start:end]), set()).add(kind)
    names = {n: next(iter(k)) for n, k in kinds.items() if len(k) == 1 and sum(map(len, n)) >= min_chars}
    longest = max(map(len, names), default=0)
    out = []
    for tokens, tags in zip(sentences, tagged):
        tags, i = list(tags), 0
        while i < len(tokens):
            n = next((n for n in range(min(longest, len(tokens) - i), 0, -1)
                      if tuple(tokens[i:i + n]) in names and all(t == "O" for t in tags[i:i + n])
                      and not (i + n < len(tags) and tags[i + n].startswith("I-"))), 0)
            if n:
                kind = names[tuple(tokens[i:i + n])]
                tags[i:i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
            i += n or 1
        out.append(tags)
    return out


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) of each BIO entity; a stray I- opens one, as scorers read it."""
    spans, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        prefix, _, k = t.partition("-")
        if start is not None and not (prefix == "I" and k == kind):
            spans.add((start, i, kind))
            start = kind = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, kind = i, k
    return spans


# --- CoNLL I/O -------------------------------------------------------------------------------
def read_conll(lines: Iterable[str]) -> Iterator[list[list[str]]]:
    """Sentences as lists of column lists; blank lines separate sentences."""
    sent: list[list[str]] = []
    for line in lines:
        cols = line.split()
        if not cols:
            if sent:
                yield sent
            sent = []
        else:
            sent.append(cols)
    if sent:
        yield sent


def normalise_tag(tag: str) -> str:
    return tag.replace("PERS", "PER")


def tag_conll(lines: Iterable[str], model: str | None = None, batch: int = 64) -> Iterator[str]:
    """The input lines with the predicted tag appended as the last column (CONTRACT.md `marsad ner`).

    Unless told otherwise this uses the neural ensemble, the most accurate shipped model on
    sentence-by-sentence tagging (ANERcorp test 0.738 vs the CRF's 0.706); articles keep the CRF
    (see the module docstring).
    """
    model = _model_path(model, CONLL_MODEL)
    pending: list[list[list[str]]] = []
    for sent in read_conll(lines):
        pending.append(sent)
        if len(pending) == batch:
            yield from _tagged_lines(pending, model)
            pending = []
    yield from _tagged_lines(pending, model)


def _tagged_lines(sents: list[list[list[str]]], model: str) -> Iterator[str]:
    """One batch of consecutive sentences, tagged and made consistent (CoNLL files have no
    document marks; consecutive sentences mostly come from one article)."""
    words = [[cols[0] for cols in s] for s in sents]
    for sent, tags in zip(sents, consistent_labels(words, tag_many(words, model))):
        for cols, t in zip(sent, tags):
            yield " ".join([*cols, t])
        yield ""


def _arab_place(name: str) -> bool:
    bare = strip_clitics(name.split()[0])[-1] + name[len(name.split()[0]):]
    tier = lx.place_tiers().get(name) or lx.place_tiers().get(bare)
    return bool(tier) and tier.endswith(("arab", "region"))
