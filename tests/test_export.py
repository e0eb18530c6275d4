"""Stories, stored events, and exports (ACLED CSV, JSONL, GeoJSON, Parquet) on reports written for the tests."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.ingest import ingest
from marsad.store.export import acled, write
from marsad.store.stories import cluster

AGENCY = ("قصفت طائرات حربية صباح اليوم مواقع لفصائل المعارضة في مدينة إدلب، ما أدى إلى مقتل ستة مقاتلين "
          "وإصابة آخرين، بحسب ما أفاد مصدر ميداني. وأضاف المصدر أن القصف استهدف مقرات ومستودعات للذخيرة "
          "في الأطراف الشرقية للمدينة، وأن فرق الدفاع المدني ما زالت تبحث عن مفقودين.")


def corpus(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"id": "wire", "outlet": "وكالة الشمال", "published": "2023-05-14", "text": AGENCY},
        {"id": "copy", "outlet": "صحيفة المساء", "published": "2023-05-14",
         "text": AGENCY.replace("صباح اليوم", "فجر اليوم") + " وتابعت الصحيفة تطورات الوضع."},
        {"id": "other", "outlet": "صوت الجنوب", "published": "2023-06-02",
         "text": "خرج مئات المحتجين في مدينة عدن مساء أمس للمطالبة بتحسين الخدمات ودفع الرواتب المتأخرة، "
                 "ورفعوا لافتات تندد بانقطاع الكهرباء."}]) + "\n", "utf-8")
    return tmp_path


def test_near_duplicates_form_one_story_and_others_do_not():
    stories = cluster([("a", AGENCY), ("b", AGENCY.replace("صباح", "فجر")), ("c", "نص مختلف تماما عن الغارات " * 5)])
    assert stories == {"a": "a", "b": "a", "c": "c"}


def test_story_events_merge_with_every_source(tmp_path, store):
    ingest(store, [corpus(tmp_path)])
    assert store.document("copy")["story_id"] == "wire"
    events = store.events()
    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0]["location"] == "إدلب" and strikes[0]["fatalities"] == 6
    assert {s["outlet"] for s in strikes[0]["sources"]} == {"وكالة الشمال", "صحيفة المساء"}
    assert [e["event_type"] for e in store.events(place="عدن")] == ["Protests"]
    assert store.events(place="سوريا") == strikes and store.events(since="2023-06-01", type="Protests")


def test_acled_csv_has_acleds_columns_and_codes(tmp_path, store):
    ingest(store, [corpus(tmp_path)])
    buf = io.StringIO()
    write(store.events(), "acled-csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == acled()["columns"] and len(acled()["columns"]) == 31
    strike = next(r for r in rows if r["sub_event_type"] == "Air/drone strike")
    assert (strike["country"], strike["iso"], strike["region"], strike["disorder_type"]) == (
        "Syria", "760", "Middle East", "Political violence")
    assert strike["event_id_cnty"].startswith("SYR") and strike["time_precision"] == "1"
    assert strike["source"] == "وكالة الشمال; صحيفة المساء" and strike["fatalities"] == "6"
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["actor1"] == "Protesters (Yemen)" and protest["inter1"] == "6"
    assert protest["disorder_type"] == "Demonstrations" and protest["event_date"] == "2023-06-01"


def test_geojson_and_jsonl_and_parquet(tmp_path, store):
    ingest(store, [corpus(tmp_path)])
    buf = io.StringIO()
    write(store.events(), "geojson", buf)
    g = json.loads(buf.getvalue())
    assert g["type"] == "FeatureCollection" and g["features"]
    lon, lat = g["features"][0]["geometry"]["coordinates"]
    assert 30 < lon < 50 and 10 < lat < 40
    buf = io.StringIO()
    assert write(store.events(), "jsonl", buf) == len(buf.getvalue().splitlines())
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "e.parquet"
    with open(path, "wb") as f:
        write(store.events(), "parquet", f)
    table = pq.read_table(path)
    assert table.num_columns == 31 and table.num_rows == len(store.events())


def test_acled_inter_codes_come_from_the_actor_dictionary():
    from marsad.store.export import acled_row

    ev = {"event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "مليشيا الدعم السريع",
          "actor2": "الجيش السوداني", "country": "Sudan", "event_date": "2024-01-02", "date_precision": "day",
          "sources": [{"doc_id": "x", "outlet": "o", "published": "2024-01-03"}]}
    row = acled_row(ev, 1, 0)
    assert (row["inter1"], row["inter2"], row["interaction"]) == (2, 1, 21)
    assert "review inter codes" not in row["tags"]
    ev["actor2"] = "كتيبة لا يعرفها القاموس"
    assert "review inter codes" in acled_row(ev, 1, 0)["tags"]
