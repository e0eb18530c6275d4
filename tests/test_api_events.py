"""/api/events against `store.export.find_events` on a store written for the purpose, on both
backends: the API pages merged events in SQL (web/events.py `page`), and every page, order and
total must be the merged events `find_events` lists. The store holds what merging must get right:
one story's reports naming one place with and without hamza and ta marbuta (one event) and a third
way (another place), undated events merged by their date words, tolls filled from a later source,
days shared by many stories, articles without a publication date."""
from __future__ import annotations

import random
import warnings

import pytest

from marsad.model import Document, Event, Span
from marsad.store.open import open_store
from marsad.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

STORY_TEXT = ("نقلت مصادر محلية أن اشتباكات عنيفة دارت بين وحدات الجيش ومسلحين في أحياء المدينة الشرقية منذ "
              "ساعات الفجر، وأن سكاناً نزحوا نحو القرى المجاورة هرباً من القذائف التي سقطت قرب السوق القديم.")
PLACES = ["مدينة الأبيض", "مدينه الابيض", "الأبيض", "كسلا", "مدينة كسلا", "بورتسودان", None]
KINDS = [("Battles", "Armed clash"), ("Protests", "Peaceful protest"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def _event(kind, place, day, dead=None, words=None, actor=None):
    (etype, sub) = kind
    return Event(etype, sub, Span(0, 10, STORY_TEXT[:10]), day, "day" if day else "unknown", words, actor1=actor,
                 location=place, country="Sudan", latitude=15.5, longitude=32.5, geo_precision=1, fatalities=dead)


def _doc(n: int, text: str, published: str | None, events: list[Event], outlet: str) -> Document:
    return Document(f"t/{n}", f"test:{n}", "text", f"{n:064x}", raw=text, text=text, outlet=outlet,
                    published=published, events=events)


def fill(target) -> None:
    rng = random.Random(3)
    battles, protests = KINDS[0], KINDS[1]
    docs = [  # one story told by three outlets (the same text): its events merge across them
        _doc(0, STORY_TEXT, "2023-05-10", [_event(battles, "مدينة الأبيض", "2023-05-09", dead=4, actor="قوات الدعم"),
                                           _event(protests, "كسلا", None, words="يوم الأحد")], "وكالة أ"),
        _doc(1, STORY_TEXT, "2023-05-11", [_event(battles, "مدينه الابيض", "2023-05-09"),
                                           _event(protests, "كسلا", None, words="يوم الأحد", dead=1),
                                           _event(battles, "الأبيض", "2023-05-09", dead=2)], "وكالة ب"),
        _doc(2, STORY_TEXT, None, [_event(battles, "مدينة الأبيض", "2023-05-09", dead=7),
                                   _event(protests, None, None)], "وكالة ج")]
    for n in range(3, 60):     # stories of their own, crowded on a few days, some undated or unpublished
        text = f"تقرير رقم {n}: " + " ".join(rng.choice(STORY_TEXT.split()) for _ in range(40))
        day = rng.choice(["2023-05-09", "2023-05-10", "2023-06-01", "2022-12-31", None])
        events = [_event(rng.choice(KINDS), rng.choice(PLACES), day, dead=rng.choice([None, 0, 3, 3, 9]),
                         words=rng.choice([None, "أمس"]) if day is None else None) for _ in range(rng.randint(1, 3))]
        docs.append(_doc(n, text, rng.choice(["2023-05-10", "2023-06-02", None]), events, f"وكالة {n % 5}"))
    with open_store(target) as store:
        for doc in docs:
            store.save(doc)


@pytest.fixture()
def client(db_target):
    fill(db_target)
    with TestClient(create_app(db_target, token="")) as c:
        yield c


def _sorted(events: list[dict], sort: str) -> list[dict]:
    """`find_events`' newest-first list in another of the API's orders (as documented: undated and
    unknown last, ties kept newest first)."""
    if sort == "date":
        return sorted(events, key=lambda e: (e["event_date"] is None, e["event_date"] or ""))
    if sort in ("fatalities", "-fatalities"):
        sign = -1 if sort == "-fatalities" else 1
        return sorted(events, key=lambda e: (e["fatalities"] is None, sign * (e["fatalities"] or 0)))
    return events


def test_the_store_has_what_merging_must_get_right(client, db_target):
    with open_store(db_target, readonly=True) as store:
        every = store.events()
    told = [e for e in every if "t/0" in {s["doc_id"] for s in e["sources"]}]
    # hamza and ta marbuta: one event from three outlets (the newest first), toll and actor from the next
    place = next(e for e in told if e["event_type"] == "Battles")
    assert [s["doc_id"] for s in place["sources"]] == ["t/1", "t/0", "t/2"] and place["location"] == "مدينه الابيض"
    assert place["fatalities"] == 4 and place["actor1"] == "قوات الدعم"
    assert any(e["location"] == "الأبيض" for e in every)                  # another place, not merged
    assert any(e["event_date"] is None and len(e["sources"]) == 2 for e in told)   # by date words


@pytest.mark.parametrize("params, filters", [
    ({}, {}), ({"type": "Battles"}, {"type": "Battles"}), ({"type": "Protests"}, {"type": "Protests"}),
    ({"type": "Battles", "since": "2023-05-09"}, {"type": "Battles", "since": "2023-05-09"}),
    ({"since": "2023-01-01"}, {"since": "2023-01-01"}), ({"place": "الابيض"}, {"place": "الابيض"})])
def test_every_page_in_every_order_is_find_events(client, db_target, params, filters):
    with open_store(db_target, readonly=True) as store:
        listed = store.events(**filters)
    assert len(listed) > 3
    for sort in ("-date", "date", "fatalities", "-fatalities"):
        expected = _sorted(listed, sort)
        whole = client.get("/api/events", params={**params, "sort": sort, "limit": 10000}).json()
        assert whole["items"] == expected and whole["total"] == len(expected), sort
        for offset, limit in [(0, 1), (0, 5), (3, 4), (7, 20), (len(expected) - 2, 5), (len(expected) + 3, 5)]:
            page = client.get("/api/events", params={**params, "sort": sort, "limit": limit, "offset": offset}).json()
            assert page["items"] == expected[offset:offset + limit], (sort, offset, limit)
            assert page["total"] == len(expected)


def test_a_date_range_pages_like_the_whole_list(client, db_target):
    with open_store(db_target, readonly=True) as store:
        listed = [e for e in store.events(since="2023-05-09") if e["event_date"] <= "2023-05-10"]
    for sort in ("-date", "date"):
        expected = _sorted(listed, sort)
        for offset in range(0, len(expected) + 2, 3):
            page = client.get("/api/events", params={"since": "2023-05-09", "until": "2023-05-10", "sort": sort,
                                                     "limit": 3, "offset": offset}).json()
            assert page["items"] == expected[offset:offset + 3] and page["total"] == len(expected), (sort, offset)


def test_a_saved_event_carries_its_normalised_place(db_target):
    fill(db_target)
    with open_store(db_target, readonly=True) as store:
        keys = {r[0]: r[1] for r in store.db.execute("SELECT location, location_key FROM events")}
    assert keys["مدينة الأبيض"] == keys["مدينه الابيض"] != keys["الأبيض"] and keys[None] == ""


def test_deep_pages_come_from_the_whole_selection_alike(client, db_target, monkeypatch):
    from marsad.web import events

    monkeypatch.setattr(events, "SQL_PAGE_DEPTH", 4)     # pages from offset 5 on: the kept selection
    with open_store(db_target, readonly=True) as store:
        expected = store.events(type="Battles")
    pages = [client.get("/api/events", params={"type": "Battles", "limit": 3, "offset": o}).json()
             for o in range(0, len(expected) + 3, 3)]
    assert [e for p in pages for e in p["items"]] == expected and {p["total"] for p in pages} == {len(expected)}
