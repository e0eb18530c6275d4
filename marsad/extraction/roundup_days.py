"""The day of a roundup's later incidents. A roundup tells several incidents, each opened by a
connector or a new place ("وفي ريف حلب،"، "إلى ذلك،"، "وفي تطور آخر،", story_actors.new_incident); the
day the report's first dated incident names ("قتل ثلاثة، أمس الخميس، في …") is the roundup's day and
governs the items after it that name none of their own, as a reader (and an ACLED coder) takes it,
rather than the publication date. An item's own day stays its own and governs nothing after it: it
may date a detail (استشهد فتى متأثرا بجروح أصيب بها أمس). An event outside such an item keeps its
date (its sentence continues the story told before it).
"""
from __future__ import annotations

from marsad.extraction.story_actors import new_incident
from marsad.model import Event


def carry_days(text: str, events: list[Event]) -> None:
    """Give each undated event told in a roundup's item the day of the first dated event before it."""
    if len(events) < 2 or all(e.date_text for e in events) or not any(e.date_text for e in events):
        return
    ordered = sorted(events, key=lambda e: e.evidence.start)
    lead = next((e for e in ordered if e.date_text), None)
    for e in ordered:
        if not e.date_text and lead is not None and lead.evidence.start < e.evidence.start \
                and new_incident(text, e.evidence.start):
            e.event_date, e.date_precision, e.date_text = lead.event_date, lead.date_precision, lead.date_text
