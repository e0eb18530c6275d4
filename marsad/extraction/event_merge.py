"""Mentions of one event folded together, as ACLED codes an event once: a country- or province-level
mention into the located one it contains, an attack into the remote attack a later sentence tells it
as, and the fields a repeated mention adds.
"""
from __future__ import annotations

import re

from marsad.extraction.fatalities import merge_fatalities
from marsad.model import Event
from marsad.text.arabic import normalize


def fold_mentions(events: list[Event]) -> list[Event]:
    """The article's events with the mentions of one event folded together (each fold below, in order)."""
    return fold_retold(fold_protests(fold_specified(fold_country_level(events))))


def fold_country_level(events: list[Event]) -> list[Event]:
    """"ضربات في ليبيا" and "ضربات على درنة" in one article are the same strikes, coded at Derna; so are
    "هجوم على قرية بشمال كردفان" and "هاجمت قرية (X) … بولاية شمال كردفان", coded at the village."""
    kept = []
    for e in events:
        better = next((o for o in events if o is not e and _coarser(e, o)
                       and (o.event_type, o.sub_event_type, o.country) == (e.event_type, e.sub_event_type, e.country)
                       and _days_agree(o, e)), None)
        if better:
            merge(better, e)
            better.admin1 = better.admin1 or e.admin1
        else:
            kept.append(e)
    return kept


def fold_specified(events: list[Event]) -> list[Event]:
    """"قتل 40 في هجوم على عزاء في X" then "الهجوم نفذته طائرة مسيرة … بX": an attack or clash and a remote
    attack that a later sentence tells as "the attack", at the same place, are one event of the latter type."""
    def told_as(e: Event, o: Event) -> bool:
        return (o.event_type == "Explosions/Remote violence" and o.evidence.start > e.evidence.start
                and normalize(o.location or "-") == normalize(e.location or "")
                and _days_agree(o, e)
                and re.search(r"(?<!\S)[وف]?الهجوم(?!\S)", normalize(o.evidence.text)) is not None)
    kept = []
    for e in events:
        later = next((o for o in events if e.sub_event_type in ("Attack", "Armed clash") and told_as(e, o)), None)
        merge(later, e) if later else kept.append(e)
    return kept


def fold_protests(events: list[Event]) -> list[Event]:
    """A protest and a riot told in different sentences at the same place on the same day ("تجمع المحتجون
    في X" then "وأحرق المحتجون الإطارات"): one demonstration, coded once at its most severe (ACLED; the
    fold of one sentence's triggers is triggers.fold_weapons), the riot."""
    riots = [e for e in events if e.event_type == "Riots" and e.location]
    kept = []
    for e in events:
        into = next((r for r in riots if e.event_type == "Protests" and normalize(r.location) == normalize(e.location or "")
                     and r.event_date == e.event_date), None) if riots else None
        merge(into, e) if into else kept.append(e)
    return kept


# a definite noun of fighting that takes back the fighting told before ("وتركزت المواجهات في …")
_RETOLD = re.compile(r"(?<!\S)[وفبل]?ال(?:اشتباكات|اشتباك|مواجهات|معارك|قصف|غارات|هجوم|هجمات)(?!\S)")


def fold_retold(events: list[Event]) -> list[Event]:
    """"اندلعت اشتباكات … أمس في طرابلس" then "وتركزت المواجهات في منطقة X": a later mention with no day of
    its own, of the same type in the same province, told by a definite noun that takes the fighting back,
    is that event (at its first place: its districts add no incident, nor its dead again). Not the places
    the retelling sentence lists itself ("الغارات استهدفت قريتي X وY": one event each)."""
    kept: list[Event] = []
    for e in events:
        into = next((o for o in kept if (o.event_type, o.sub_event_type, o.admin1) == (e.event_type, e.sub_event_type, e.admin1)
                     and o.date_text and o.geo_precision == 1 and o.evidence.start != e.evidence.start), None) \
            if e.date_text is None and e.admin1 and _RETOLD.search(normalize(e.evidence.text)) else None
        merge(into, e) if into else kept.append(e)
    return kept


def _days_agree(e: Event, o: Event) -> bool:
    """The same day, or one of them has no day of its own (no date, or only the report's: no day words
    in its sentence)."""
    return e.event_date == o.event_date or None in (e.event_date, o.event_date, e.date_text, o.date_text)


def _coarser(e: Event, o: Event) -> bool:
    """`e` is located only at a unit that contains `o`'s place: its country, or its province; or only
    relative to a town ("أصاب صاروخ منزلا جنوب مدينة مأرب") that `o`, in the same province, names.
    (A square or street told with its town is coded at the town by event_places.governed_places.)"""
    if e.geo_precision == 3 and e.latitude is not None:          # country level (not an unlocated village)
        return (o.geo_precision or 3) < 3
    if e.geo_precision == 2 and e.location and o.geo_precision == 1 and o.admin1 and o.admin1 == e.admin1 \
            and normalize(o.location or "") != normalize(e.location) and re.search(
                r"(?:جنوب|شمال|شرق|غرب)\S*\s+(?:مدينه\s+)?" + re.escape(normalize(e.location)), normalize(e.evidence.text)):
        return True
    # "هجمات على قرى محيطة بمدينة X" then "هاجمت قريتي A وB، على بعد 40 كيلومترا جنوب X": the villages,
    # unknown to the gazetteers, that their own sentence places beside the town the first mention is near
    if e.geo_precision == 2 and e.location and o.latitude is None and o.location and re.search(
            r"(?:جنوب|شمال|شرق|غرب)\S*\s+(?:مدينه\s+)?" + re.escape(normalize(e.location)) + r"(?!\w)",
            normalize(o.evidence.text)):
        return True
    # a province: one with no town of its name, or named as the province ("بمحافظة مأرب", not "مدينة مأرب")
    province = e.location and e.admin1 and normalize(e.location) == normalize(e.admin1) and (
        _no_town(e.location) or re.search(r"(?:محافظه|ولايه|اقليم)\s+" + re.escape(normalize(e.location)),
                                          normalize(e.evidence.text)))
    if not province or normalize(o.location or "") == normalize(e.location):
        return False
    # the village lies in it: its admin1 says so, or, unlocated, its own sentence names the province
    return o.admin1 == e.admin1 or o.latitude is None and normalize(e.location) in normalize(o.evidence.text)


def _no_town(name: str) -> bool:
    """A province with no town of its name (شمال كردفان, not طرابلس or إدلب, whose cities share it)."""
    from marsad.text import lexicons as lx

    return all(p.population == lx.REGION_POPULATION for p in lx.places().get(normalize(name), []))


def merge(kept: Event, new: Event) -> None:
    """Repeated mentions of one event: keep the first, fill what it lacked; its day is the one a
    mention names (a mention naming none only had the publication date by default)."""
    if kept.date_text is None and new.date_text is not None:
        kept.event_date, kept.date_precision = new.event_date, new.date_precision
    for field in ("actor1", "actor2", "claimed_by", "fatalities", "fatalities_text", "date_text"):
        if getattr(kept, field) is None:
            setattr(kept, field, getattr(new, field))
    kept.fatalities, kept.fatalities_text = merge_fatalities(kept, new)
