"""Arabic text layer: matching normalisation, digits, script detection, sentences, tokens.

Normalisation never edits the original text: `normalize_map` returns the normalised string and, for
each of its characters, the index of the original character it came from, so a match found in
normalised text maps back to exact offsets in the cleaned article.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from marsad.text.word_cache import remember

# Diacritics (harakat, shadda, sukun, dagger alif, Quranic marks) and tatweel carry no identity for
# matching; dropping them lets "المُسلحة" match "المسلحة".
_DROP = set(chr(c) for c in [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
                             *range(0x06D6, 0x06EE), 0x200C, 0x200D, 0x200E, 0x200F])
# Letter variants writers use interchangeably: hamza seats on alef, alef maqsura/ya, ta marbuta/ha,
# Persian/Urdu look-alikes (ک ی ه) that leak into Arabic web text.
_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ؤ": "و",
         "ة": "ه", "ک": "ك", "ی": "ي", "ە": "ه", "ھ": "ه"}
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# One table for folding, digits and ASCII lower-casing: str.lower() could change the length of
# some non-Arabic characters (İ → i̇) and so break offset maps; this table never does.
_TABLE = str.maketrans({**_FOLD, **{chr(c): chr(c + 32) for c in range(65, 91)}})
_TABLE.update(DIGITS)
_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]")
# str.translate looks every non-ASCII character up in its table (~60-100 ns a character); past a few
# characters, one C-speed str.replace per letter variant that occurs is several times faster. Latin
# capitals and Arabic-Indic digits are rare in Arabic news: one regex scan says whether to fold them.
_LETTER_FOLDS = tuple(_FOLD.items())
_RARE_FOLDS = tuple((chr(k), v if isinstance(v, str) else chr(v)) for k, v in _TABLE.items() if chr(k) not in _FOLD)
_RARE = re.compile("[" + "".join(k for k, _ in _RARE_FOLDS) + "]")
_DIGIT_FOLDS = tuple((chr(k), chr(v)) for k, v in DIGITS.items())
_DIGIT = re.compile("[" + "".join(k for k, _ in _DIGIT_FOLDS) + "]")
_SHORT = 8


def _fold(text: str) -> str:
    """`text.translate(_TABLE)`, faster."""
    if len(text) < _SHORT:
        return text.translate(_TABLE)
    for old, new in _LETTER_FOLDS:
        if old in text:
            text = text.replace(old, new)
    if _RARE.search(text):
        for old, new in _RARE_FOLDS:
            if old in text:
                text = text.replace(old, new)
    return text


ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=64)        # places, actors, dates and claimants each map the same article text (a batch)
def normalize_map(text: str) -> tuple[str, Sequence[int]]:
    """Normalised text for matching, and for each of its characters the offset in `text` (read-only:
    a range when nothing is dropped, and shared between callers of the same text)."""
    index: list[int] = []
    kept = 0
    for m in _DROP_RE.finditer(text):             # the runs of characters between dropped marks
        index.extend(range(kept, m.start()))
        kept = m.end()
    if not kept:
        return normalize(text), range(len(text))
    index.extend(range(kept, len(text)))
    return normalize(text), tuple(index)


_normalized: dict[str, str] = {}


def normalize(text: str) -> str:
    """Normalised text for matching and search (see `normalize_map`).

    Every stage normalises every word of an article, so this is the pipeline's most called function:
    words (which recur endlessly) are cached in a plain dict, bounded by `word_cache.remember`.
    Numbers and long texts, which rarely recur, are not cached."""
    found = _normalized.get(text)
    if found is None:
        found = _fold(_DROP_RE.sub("", text))
        if len(text) <= 32 and not text[-1:].isdigit():
            remember(_normalized, text, found)
    return found


def strip_marks(text: str) -> str:
    """`text` without diacritics and tatweel, letters as written (hamza kept, unlike `normalize`)."""
    return _DROP_RE.sub("", text)


def to_western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII; same length, so offsets are unchanged."""
    if not _DIGIT.search(text):
        return text
    for old, new in _DIGIT_FOLDS:
        text = text.replace(old, new)
    return text


def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among all letters (0.0 when there are no letters)."""
    arabic = len(ARABIC_LETTER.findall(text))
    latin = len(LATIN_LETTER.findall(text))
    return arabic / (arabic + latin) if arabic + latin else 0.0


# --- sentences -------------------------------------------------------------------------------
_OPENERS, _CLOSERS = "«“\"(", "»”\")"
_SENT_END = set(".!?؟")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=16)                  # every stage reads the same article's sentences
def sentences(text: str) -> tuple[Sentence, ...]:
    """Split on . ! ? ؟ and line breaks, but never inside «…», “…”, "…" or (…) quotes.

    The Arabic comma ، and semicolon ؛ do not end a sentence. A period between digits (1.5) or
    repeated as an ellipsis-like ".." inside a headline is not a boundary when lower-case text
    follows on the same line without a space.
    """
    out, start, depth_guillemet, in_ascii_quote, paren = [], 0, 0, False, 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in "«“":
            depth_guillemet += 1
        elif ch in "»”":
            depth_guillemet = max(0, depth_guillemet - 1)
        elif ch == '"':
            in_ascii_quote = not in_ascii_quote
        elif ch == "(":
            paren += 1
        elif ch == ")":
            paren = max(0, paren - 1)
        boundary = False
        if ch == "\n":
            boundary = True
            depth_guillemet, in_ascii_quote, paren = 0, False, 0   # quotes never cross paragraphs
        elif ch in _SENT_END and not (depth_guillemet or in_ascii_quote or paren):
            prev_digit = i > 0 and text[i - 1].isdigit()
            next_digit = i + 1 < n and text[i + 1].isdigit()
            boundary = not (ch == "." and prev_digit and next_digit)
            while boundary and i + 1 < n and text[i + 1] in ".!?؟" + _CLOSERS:
                i += 1
        if boundary:
            _emit(text, start, i + 1, out)
            start = i + 1
        i += 1
    _emit(text, start, n, out)
    return tuple(out)


@lru_cache(maxsize=16)
def _sentence_starts(text: str) -> list[int]:
    return [s.start for s in sentences(text)]


def sentence_at(text: str, pos: int) -> Sentence | None:
    """The sentence of `text` that holds offset `pos` (None between sentences), by bisection: a
    rule asking this for every trigger must not walk all of a long article's sentences each time."""
    sents = sentences(text)
    k = bisect_right(_sentence_starts(text), pos) - 1
    return sents[k] if k >= 0 and pos < sents[k].end else None


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


# --- tokens ----------------------------------------------------------------------------------
# Arabic letters, diacritics, tatweel and digits — but not the Arabic comma, semicolon, question
# mark or percent sign, which sit in the same Unicode block and are punctuation tokens.
_WORD = "\\w\u0621-\u065f\u0660-\u0669\u0670-\u06d3\u06fa-\u06ff"
TOKEN = re.compile(rf"[{_WORD}]+(?:[.,][0-9]+)*|[^{_WORD}\s]", re.UNICODE)


class Token(NamedTuple):
    """A word, number or punctuation mark and its offsets. A named tuple, not a dataclass: an article
    makes hundreds, and a tuple is built in half the time."""
    start: int
    end: int
    text: str


@lru_cache(maxsize=64)          # a batch of articles (pipeline.BATCH) and the sentences read on their own
def _text_tokens(text: str) -> tuple[tuple[Token, ...], list[int], list[int], list[str]]:
    """(every token of `text`, their start and end offsets, their normalised words): read once per text."""
    toks = tuple(Token(*m.span(), m.group()) for m in TOKEN.finditer(text))
    return toks, [t.start for t in toks], [t.end for t in toks], [normalize(t.text) for t in toks]


def uncut_index(starts: Sequence[int], ends: Sequence[int], at: int) -> int | None:
    """Of sorted spans that do not overlap (words, names; by their starts and ends), the index of the
    first that starts at or after offset `at`, or None when `at` falls inside one (cuts it). By
    bisection: a long article has thousands of windows to cut from its words and names."""
    i = bisect_left(starts, at)
    return None if i and ends[i - 1] > at else i


def _window(text: str, start: int, end: int | None) -> tuple[tuple, list[str], int, int] | None:
    """(the text's tokens and words, the index range of those in [start, end)), or None when the
    window cuts a token (then the cut pieces are tokens of their own, as `TOKEN` reads them)."""
    toks, starts, ends, words = _text_tokens(text)
    i = uncut_index(starts, ends, start)
    j = uncut_index(starts, ends, len(text) if end is None else end)
    if i is None or j is None:
        return None
    return toks, words, i, j


def tokens(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """Words, numbers and punctuation marks with offsets into `text`.

    A dozen stages tokenise the same article, sentence by sentence and window by window: each window
    is cut from the article's tokens, read once, rather than tokenised again."""
    window = _window(text, start, end)
    if window is None:
        return tuple(Token(*m.span(), m.group()) for m in TOKEN.finditer(text, start, len(text) if end is None else end))
    toks, _, i, j = window
    return toks[i:j]


def token_words(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """The normalised text of each of `tokens(text, start, end)`."""
    window = _window(text, start, end)
    if window is None:
        return tuple(normalize(t.text) for t in tokens(text, start, end))
    _, words, i, j = window
    return tuple(words[i:j])


# Proclitics in the order they stack (و/ف, then ب/ل/ك, then ال). "لل" is ل + ال with the alef
# dropped (للجيش = ل + الجيش), so it restores the article.
_CONJ, _PREP = "وف", "بلك"


_stems: dict[str, tuple[str, ...]] = {}


def strip_clitics(word: str, min_stem: int = 2) -> tuple[str, ...]:
    """Candidate stems of `word` with proclitics removed, longest first, the word itself included
    (see `_strip_clitics`); words are cached (a plain dict, as in `normalize`), numbers are not."""
    if min_stem == 2:
        found = _stems.get(word)
        if found is None:
            if word[-1:].isdigit():
                return (word,)
            found = remember(_stems, word, _strip_clitics(word))
        return found
    if word[-1:].isdigit():
        return (word,)
    return _strip_clitics(word, min_stem)


def _strip_clitics(word: str, min_stem: int = 2) -> tuple[str, ...]:
    """Candidate stems of `word` with proclitics removed, longest first, the word itself included.

    بالجفرة → [بالجفرة, الجفرة, جفرة]; لميليشيات → [لميليشيات, ميليشيات]; وللجيش → [وللجيش, للجيش,
    الجيش, جيش]. Matching code tries each against a lexicon, so no stem is guessed wrongly for good:
    the lexicon decides.
    """
    out = [word]
    rest = word
    if len(rest) > min_stem + 1 and rest[0] in _CONJ:
        rest = rest[1:]
        out.append(rest)
    if len(rest) > min_stem + 2 and rest.startswith("لل"):
        out.append("ال" + rest[2:])
        rest = rest[2:]
        out.append(rest)
    elif len(rest) > min_stem + 1 and rest[0] in _PREP:
        rest = rest[1:]
        out.append(rest)
    if len(rest) > min_stem + 2 and rest.startswith("ال"):
        out.append(rest[2:])
    return tuple(dict.fromkeys(out))


def in_vocabulary(word: str, vocabulary) -> bool:
    """True when `word` (normalised) or one of its clitic-stripped forms is in `vocabulary`."""
    return any(form in vocabulary for form in strip_clitics(word))
