"""What an article tells about a protest in sentences other than the protest's own: people shot at its
place and day are its casualties, a force that broke up a crowd there makes it a protest with
intervention (ACLED). Both fold an event told elsewhere into the protest of the same place and day."""
from __future__ import annotations

from marsad.model import Event
from marsad.text.arabic import normalize


def protest_casualties(found: list[Event], shot: set[int]) -> list[Event]:
    """ACLED: people shot where and when the article tells a protest ("تظاهر الآلاف في الناصرية …. وأصيب
    عشرون شابا برصاص قوات الأمن في الناصرية") are that protest's casualties, not an attack of their own:
    an attack told only by its casualties' cause joins the protest of its place and day."""
    protests = [e for e in found if e.event_type in ("Protests", "Riots")]
    if not protests or not shot:
        return found
    out = []
    for e in found:
        into = next((p for p in protests if same_place_and_day(p, {normalize(e.location)}, e.event_date)), None) \
            if id(e) in shot and e.event_type == "Violence against civilians" and e.location else None
        if into is None:
            out.append(e)
            continue
        if e.fatalities:
            into.fatalities = max(into.fatalities or 0, e.fatalities)     # news retells the dead it counted
            into.fatalities_text = into.fatalities_text or e.fatalities_text
        into.actor2 = into.actor2 or e.actor1
    return out


def intervened(found: list[Event], dispersals: list[tuple]) -> None:
    """ACLED: a protest that force broke up is a protest with intervention. A sentence that tells only
    the force (فرقت الشرطة المتظاهرين) reports no protest of its own (crowd_acts), but when the article
    tells the protest in another sentence, the force is that protest's: same place (or none named) and
    the same day (or none told in its sentence); the force's doer becomes the protest's actor2 when it has none.
    A force told with no place is the last protest's told before it (a roundup's next protest, "وفي تعز، نظم
    عشرات الطلاب وقفة", is another crowd), else the first after it."""
    for places, day, doer, at in dispersals:
        told = [e for e in found if e.event_type == "Protests" and same_place_and_day(e, places, day)]
        if not places and told:
            told = [max((e for e in told if e.evidence.start <= at), key=lambda e: e.evidence.start, default=None)
                    or min(told, key=lambda e: e.evidence.start)]
        for e in told:
            if e.sub_event_type == "Peaceful protest":
                e.sub_event_type = "Protest with intervention"
                e.actor2 = e.actor2 or doer


def same_place_and_day(protest: Event, places: set[str], day: str | None) -> bool:
    """The protest is at one of `places` (normalised; none named: anywhere the article tells) on `day`
    (None, or the protest undated: any day): where something told in another sentence belongs."""
    return (not places or normalize(protest.location or "") in places) \
        and (not day or not protest.event_date or protest.event_date == day)
