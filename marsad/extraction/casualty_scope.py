"""One sentence read for the cues that scope a casualty figure (extraction/tolls.py): periods (منذ بداية
الحرب), rising totals (ارتفعت حصيلة … إلى), clauses and relative clauses, and the words that make a
count a sum over several incidents. Split from tolls.py, which finds the figures themselves."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property

from marsad.extraction.casualty_words import (
    another_incident,
    casualty_kind,
    casualty_lexicon,
    entry_at,
    has_form,
)
from marsad.text.arabic import Sentence, Token, token_words, tokens

NEAR = 12               # words between a figure and the plural incident noun that makes it a sum
STOPS = {"،", "؛", ":", ".", "!", "؟", "?"}
QUOTES = set("\"'«»“”()[]-–")
RELATIVE = {"التي", "الذي", "الذين", "اللتين", "اللذين", "اللواتي", "اللاتي"}
_CLAUSE = {"فيما", "بينما", "كما", "حين"}           # "في حين": a new clause about something else
_NEAR_TOWN = {"ريف", "ريفها", "محيط", "محيطها", "ضواحي", "ضواحيها", "ما"}    # "مدينة X وريفها" is one place


class Sent:
    """One sentence's words (normalised, punctuation kept as its own token) and where its cues are."""

    def __init__(self, text: str, sent: Sentence):
        self.toks: list[Token] = list(tokens(text, sent.start, sent.end))
        self.words = list(token_words(text, sent.start, sent.end))
        n, lex = len(self.words), casualty_lexicon()
        # relative clauses ("المواجهات التي اندلعت منذ الليلة …،") describe, they do not scope a count
        self.relative, self.clause, self.pos = [0] * n, [0] * n, [0] * (n + 1)
        self.clauses: dict[int, list[int]] = {}
        self._cues: dict[int, dict] = {}
        rel = clause = 0
        for i, w in enumerate(self.words):
            rel = 0 if w in STOPS else i + 1 if w in RELATIVE or w[:1] == "و" and w[1:] in RELATIVE else rel
            # "…، وأوضح أن …": a source's next statement is a new clause too
            clause += i > 0 and (w in _CLAUSE or w == "ويأتي" or w[:1] == "و" and w[1:] in lex["reporting"])
            self.relative[i], self.clause[i] = rel, clause
            self.clauses.setdefault(clause, []).append(i)
            self.pos[i + 1] = self.pos[i] + (w not in STOPS and w not in QUOTES)   # words before each token

    # What scopes a figure is read only for sentences that hold one: most sentences hold none, so
    # these are computed on first use.
    @cached_property
    def period(self) -> list:
        return self._period()

    @cached_property
    def single(self) -> bool:
        lex = casualty_lexicon()
        return any(w in lex["single"] or has_form(w, lex["acts"]) for w in self.words)

    @cached_property
    def final(self) -> bool:
        """"في حصيلة نهائية"."""
        return any(entry_at(self.words, i, casualty_lexicon()["final"]) for i in range(len(self.words)))

    @cached_property
    def rising(self) -> list[tuple[int, str, bool, str | None]]:
        return self._rising()

    def _rising(self) -> list[tuple[int, str, bool, str | None]]:
        """(index of the total word, words, one incident?, kind) of each "ارتفعت حصيلة القتلى … إلى"."""
        lex, w, out = casualty_lexicon(), self.words, []
        for i, x in enumerate(w):
            if not has_form(x, lex["rising"]):
                continue
            total = next((t for t in range(i + 1, min(len(w), i + 4)) if has_form(w[t], lex["total"])), None)
            if total is None:
                continue
            stop = next((t for t in range(total, min(len(w), total + 15)) if w[t] == "الي" or w[t][:1].isdigit()),
                        total + 1)
            one = any(has_form(w[t], lex["single"]) for t in range(total + 1, stop)) or self._of_incident(i) \
                or self._goes_on(i, total, stop)
            kind = next((k for t in range(total + 1, stop) if (k := casualty_kind(w[t]))), None)
            if kind is None and w[total] in ("عدد", "وعدد", "بعدد") and not one \
                    and not (total + 1 < len(w) and casualty_kind(w[total + 1])):
                continue                                  # "بلغ عدد الرهائن 23": a number of people, no casualty total
            out.append((total, " ".join(t.text for t in self.toks[i:min(stop, i + 6)]), one, kind))
        return out

    def _of_incident(self, i: int) -> bool:
        """The rising total is told in a relative clause on one incident: "الاعتداء الذي ارتفع عدد قتلاه
        إلى 22"."""
        rel, lex = self.relative[i], casualty_lexicon()
        for x in reversed(self.words[max(0, rel - 9):rel - 1] if rel else []):
            if x in STOPS or has_form(x, lex["events"]):
                return False                              # "الهجمات التي ارتفع عدد قتلاها": several
            if has_form(x, lex["single"]):
                return True
        return False

    def _goes_on(self, i: int, total: int, stop: int) -> bool:
        """A total rising as the outcome (لترتفع، ليبلغ) of the deaths the sentence has told of one
        incident, with nothing but the dead named in it: "توفي ثلاثة من جرحى الغارة …، لترتفع حصيلة
        القتلى إلى 12" — not over a period, nor of several incidents, nor one side's (عدد قتلى الجيش)."""
        lex, w = casualty_lexicon(), self.words
        named = [x for x in w[total + 1:stop] if x not in STOPS]
        return w[i][:1] == "ل" and not self.period and bool(named) and all(casualty_kind(x) == "killed" for x in named) \
            and any(has_form(x, lex["single"]) for x in w[:i]) and not any(has_form(x, lex["events"]) for x in w)

    def _period(self) -> list[tuple[int, str]]:
        """(position, words) of the period cues: منذ/خلال/طوال … followed by a span of time."""
        lex, w, out = casualty_lexicon(), self.words, []
        for i in range(len(w)):
            cue = entry_at(w, i, lex["period"])
            if not cue:
                continue
            after = [x for x in w[i + len(cue.split()):i + len(cue.split()) + 3] if x not in STOPS]
            if not any(has_form(x, lex["span"]) or x.lstrip("ال")[:1].isdigit() for x in after):
                continue
            if cue == "منذ" and after[:1] and has_form(after[0], lex["recent"]) or self._ranked(i):
                continue                                   # "منذ صباح اليوم", "الأعنف منذ أشهر", "ثاني هجوم خلال يومين"
            n = i + len(cue.split())
            if w[n:n + 1] == ["ذلك"] and (n + 1 >= len(w) or w[n + 1] in STOPS):
                continue                                   # "في غضون ذلك،", "خلال ذلك،": meanwhile
            out.append((i, " ".join(self.toks[j].text for j in range(i, min(len(w), i + 4)))))
        return out

    def _ranked(self, cue: int) -> bool:
        """A superlative or ordinal a few words before the cue, in its clause: "الأعنف منذ أشهر", "في أكبر
        عملية في هذه المنطقة منذ مطلع السنة", "ثاني هجوم خلال يومين"."""
        for x in reversed(self.words[max(0, cue - 6):cue]):
            if x in STOPS:
                return False
            if x in casualty_lexicon()["superlative"]:
                return True
        return False

    def cue_applies(self, cue: int, at: int) -> bool:
        """A cue inside a relative clause scopes only the figures in that clause."""
        return not self.relative[cue] or self.relative[cue] == self.relative[at]

    def fronted(self, cue: int, at: int) -> bool:
        """The cue dates another circumstance, in a "بعد/قبل" phrase set off by a comma from the count:
        "بعد فقدان أثرهم منذ عشرة أيام، تم العثور على جثث ثلاثة …", "لقي أربعة مصرعهم في مصادمات …، بعد
        أن وعدت الحكومة بوقف البناء منذ شهرين" — unless that phrase tells fighting (بعد معارك استمرت منذ
        ثلاثة أيام: the count is over those days)."""
        w, lex = self.words, casualty_lexicon()
        opens = max((c for c in range(cue) if w[c] == "،"), default=-1) + 1      # the cue's comma-clause
        ends = next((c for c in range(cue, len(w)) if w[c] == "،"), len(w))
        if opens <= at < ends or not any(x in ("بعد", "قبل", "عقب") for x in w[opens:opens + 2]):
            return False
        return not any(has_form(x, lex["events"]) or has_form(x, lex["single"]) or has_form(x, lex["conflict"])
                       or has_form(x, lex["fighting"]) for x in w[opens:ends])

    def several(self, at: int) -> str | None:
        """Words near the figure, in its clause, that say it sums several incidents."""
        lex, w, c = casualty_lexicon(), self.words, self.clause[at]
        lo = bisect_left(self.pos, self.pos[at] - NEAR)
        hi = bisect_right(self.pos, self.pos[at] + NEAR)
        near = [i for i in range(max(0, lo - 1), min(len(w), hi)) if self.clause[i] == c and self.cue_applies(i, at)]
        strong = next((e for i in near if (e := entry_at(w, i, lex["several"])) and w[i - 1] not in ("احد", "احدي")),
                      None)
        feats = self._clause_cues(c)
        if strong or feats["another"]:
            return strong or feats["another"]
        plural = [i for i in near if has_form(w[i], lex["events"])]
        if plural and any(abs(i - at) < min(abs(p - at) for p in plural) for i in near if has_form(w[i], lex["single"])):
            plural = []                                   # "… لهجمات …، وقد قتل شخصان في هجوم على …": that one's
        events = next((w[i] for i in plural), None) or next(
            (w[i + 1] for i in feats["causes"] if i < at), None)         # "أسفرت هجمات … عن مقتل 28"
        return None if events is None or feats["one_town"] else events

    def _clause_cues(self, c: int) -> dict:
        """Cues of a whole clause, read once: another incident ("في تفجير … وآخر بعبوة ناسفة"), a
        plural incident noun after a causing verb, one town named (and not "مدينة غزة وخان يونس")."""
        if c in self._cues:
            return self._cues[c]
        lex, w, idx = casualty_lexicon(), self.words, self.clauses[c]
        another = next((self.toks[i].text for i in idx if w[i][:1] == "و" and another_incident(w[i][1:])
                        and i + 1 < len(w) and (w[i + 1] in ("في", "علي", "قرب") or w[i + 1].startswith("ب"))
                        and any(has_form(x, lex["single"]) for x in w[max(0, i - NEAR):i])), None)
        causes = [i for i in idx if i + 1 < len(w) and has_form(w[i], lex["causes"])
                  and has_form(w[i + 1], lex["events"])]
        towns = [i for i in idx if has_form(w[i], lex["town"])]
        one_town = len(towns) == 1 and not any(
            x.startswith("و") and x[1:] not in _NEAR_TOWN and not casualty_kind(x) and not x.startswith("واسفر")
            for x in w[towns[0] + 2:towns[0] + 5])
        self._cues[c] = {"another": another, "causes": causes, "one_town": one_town}
        return self._cues[c]


def over_period(text: str, start: int, end: int) -> bool:
    """text[start:end] holds a period cue (منذ بداية الحرب، خلال سنوات الحرب): what a killing verb before
    it tells is a count over that period, not one incident ("قتلت القوات منذ بداية الحرب أكثر من …")."""
    return start < end and bool(Sent(text, Sentence(start, end, text[start:end])).period)
