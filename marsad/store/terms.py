"""Query words to index terms: the one place that decides how a user's words meet the FTS index,
used by search and by the actor lookup (so both read a query alike).
"""
from __future__ import annotations

import re

from marsad.text.arabic import normalize, strip_clitics

_PUNCT = re.compile(r"[\"'«»“”.,،:؛()!?؟\-]+")


def query_terms(query: str) -> list[list[str]]:
    """For each query word, the normalised forms that may match it (the word, then without clitics)."""
    words = [w for w in _PUNCT.sub(" ", normalize(query)).split() if w]
    return [strip_clitics(w) for w in words]
