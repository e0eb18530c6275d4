"""The HTTP API (marsad/web): every endpoint on the sample corpus, bad parameters, auth on writes,
size limits, article text that must stay data, and a schemathesis run that finds no 5xx."""
from __future__ import annotations

import csv
import io
import json
import shutil
import socket
import subprocess
import sys
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from marsad.ingest import ingest
from marsad.store.export import write
from marsad.store.sqlite import Store
from marsad.web.app import create_app
from tests.conftest import EXAMPLES, ROOT

with warnings.catch_warnings():    # Starlette ≥ 1.0 would rather have httpx2; httpx still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
SCRIPT = "<script>alert(1)</script>"
AGENCY = ("قصفت طائرات حربية صباح اليوم مواقع لفصائل المعارضة في مدينة إدلب، ما أدى إلى مقتل ستة مقاتلين "
          "وإصابة آخرين، بحسب ما أفاد مصدر ميداني. وأضاف المصدر أن القصف استهدف مقرات ومستودعات للذخيرة "
          "في الأطراف الشرقية للمدينة، وأن فرق الدفاع المدني ما زالت تبحث عن مفقودين.")


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("api") / "sample.db"
    with Store(db) as store:
        ingest(store, [EXAMPLES])
    return db


@pytest.fixture(scope="module")
def api(sample_db):
    """Reads only: the sample corpus as ingested, never written to."""
    with TestClient(create_app(sample_db, token=""), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture()
def writable(sample_db, tmp_path):
    """A copy of the sample database and an app that accepts TOKEN."""
    db = tmp_path / "w.db"
    shutil.copy(sample_db, db)
    with TestClient(create_app(db, token=TOKEN, max_body=64 * 1024), raise_server_exceptions=False) as client:
        yield client


def ok(response, status: int = 200):
    assert response.status_code == status, response.text
    return response.json()


def post(client, body: str | bytes, media: str = "text/plain", token: str | None = TOKEN, **params):
    headers = {"Content-Type": media, **({"Authorization": f"Bearer {token}"} if token else {})}
    return client.post("/api/articles", content=body, headers=headers, params=params)


# --- reads -----------------------------------------------------------------------------------------

def test_articles_list_filters_sorts_and_pages(api):
    everything = ok(api.get("/api/articles", params={"limit": 1000}))
    assert everything["total"] == len(everything["items"]) == 28
    rejected = ok(api.get("/api/articles", params={"status": "rejected"}))
    assert rejected["total"] == 4 and all(a["error"] for a in rejected["items"])
    by_id = ok(api.get("/api/articles", params={"sort": "doc_id", "limit": 1000}))["items"]
    assert [a["doc_id"] for a in by_id] == sorted(a["doc_id"] for a in everything["items"])
    pages = [ok(api.get("/api/articles", params={"sort": "doc_id", "limit": 5, "offset": o}))["items"]
             for o in range(0, 30, 5)]
    assert [a for p in pages for a in p] == by_id
    outlet = by_id[0]["outlet"] or next(a["outlet"] for a in by_id if a["outlet"])
    assert {a["outlet"] for a in ok(api.get("/api/articles", params={"outlet": outlet}))["items"]} == {outlet}
    found = ok(api.get("/api/articles", params={"q": "الامم المتحدة", "limit": 100}))
    assert found["total"] and {a["doc_id"] for a in found["items"]} == {
        h["doc_id"] for h in ok(api.get("/api/search", params={"q": "الامم المتحدة", "limit": 100}))["items"]
        if h.get("via") is None}


def test_one_article_with_its_annotations_and_raw_input(api, sample_db):
    doc = ok(api.get("/api/articles/txt/report_00"))
    assert doc["doc_id"] == "txt/report_00" and doc["status"] == "ok" and doc["text"]
    assert doc["entities"] and doc["quotes"] and doc["events"] and isinstance(doc["tolls"], list) and doc["raw_kept"]
    event = doc["events"][0]
    assert event["evidence"]["text"] == doc["text"][event["evidence"]["start"]:event["evidence"]["end"]]
    assert all(isinstance(t["approximate"], bool) for t in doc["tolls"]) and "data" not in event
    raw = api.get("/api/articles/txt/report_00/raw")
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/plain")
    with Store(sample_db, readonly=True) as store:
        assert raw.text == store.raw("txt/report_00")
    colon = ok(api.get("/api/articles", params={"limit": 100}))["items"]
    odd = next(a["doc_id"] for a in colon if ":" in a["doc_id"])     # urn:uuid:… and file.jsonl:3 ids
    assert ok(api.get(f"/api/articles/{odd}"))["doc_id"] == odd


@pytest.mark.parametrize("url", ["/api/articles/no/such/thing", "/api/articles/no-such/raw",
                                 "/api/actors/لا أحد بهذا الاسم", "/api/stories/no-such-story", "/api/nowhere"])
def test_not_found_is_json(api, url):
    r = api.get(url)
    assert r.status_code == 404 and r.headers["content-type"] == "application/json"
    assert set(r.json()) == {"error", "detail"} and r.json()["error"]


def test_events_are_the_clis_events(api, sample_db):
    with Store(sample_db, readonly=True) as store:
        for params, filters in [({}, {}), ({"type": "battles", "since": "2021-01-01"}, {"type": "Battles",
                                                                                         "since": "2021-01-01"}),
                                ({"place": "ليبيا"}, {"place": "ليبيا"}), ({"actor": "الحوثي"}, {"actor": "الحوثي"})]:
            body = ok(api.get("/api/events", params={**params, "limit": 10000}))
            assert body["items"] == store.events(**filters) and body["total"] == len(body["items"]), params


def test_event_filters(api):
    def events(**params):
        body = ok(api.get("/api/events", params={**params, "limit": 10000}))
        assert body["total"] == len(body["items"])
        return body["items"]

    every = events()
    assert len(every) >= 20
    assert {e["event_type"] for e in events(type="Explosions/Remote violence")} == {"Explosions/Remote violence"}
    assert {e["sub_event_type"] for e in events(sub_type="armed clash")} == {"Armed clash"}
    sudan = events(country="Sudan")
    assert sudan and sudan == events(country="SD") == events(country="السودان") == events(country="sdn")
    assert {e["country"] for e in sudan} == {"Sudan"}
    window = events(since="2023-05-01", until="2023-06-30")
    assert window and all("2023-05-01" <= e["event_date"] <= "2023-06-30" for e in window)
    libya = events(bbox="9,19,26,34")
    assert libya and all(9 <= e["longitude"] <= 26 and 19 <= e["latitude"] <= 34 for e in libya)
    assert {e["country"] for e in libya} == {"Libya"}
    claimed = events(claimed_by="الجيش")
    assert claimed and all("الجيش" in e["claimed_by"] for e in claimed)
    story = every[0]["story_id"]
    assert events(story=story) and all(e["story_id"] == story for e in events(story=story))
    dead = [e["fatalities"] for e in events(sort="-fatalities")]
    known = [d for d in dead if d is not None]
    assert known == sorted(known, reverse=True) and dead[:len(known)] == known
    dated = [e["event_date"] for e in events(sort="date") if e["event_date"]]
    assert dated == sorted(dated)
    page = ok(api.get("/api/events", params={"limit": 3, "offset": 2}))
    assert page["items"] == every[2:5] and page["total"] == len(every)
    assert events(type="Battles", since="2099-01-01") == []


@pytest.mark.parametrize("url", [
    "/api/events?since=notadate", "/api/events?until=2023-02-30", "/api/events?bbox=1,2,3",
    "/api/events?bbox=a,b,c,d", "/api/events?bbox=20,0,10,5", "/api/events?bbox=0,0,200,5",
    "/api/events?limit=0", "/api/events?limit=10001", "/api/events?offset=-1", "/api/events?limit=ten",
    "/api/events?type=Picnic", "/api/events?sub_type=Battles", "/api/events?sort=name",
    "/api/events?since=2023-06-01&until=2023-05-01", "/api/events?actor=" + "x" * 501,
    "/api/articles?status=maybe", "/api/articles?sort=title", "/api/articles?q=-الحوثي",
    "/api/search", "/api/search?q=", "/api/search?q=-مأرب", "/api/search?q=" + "ب" * 501,
    "/api/search?q=a%00b", "/api/quotes?limit=0", "/api/actors?type=PERSON", "/api/export?format=xml",
    "/api/export?since=yesterday", "/api/actors/x?limit=0"])
def test_bad_parameters_are_422_with_a_message(api, url):
    r = api.get(url)
    assert r.status_code == 422, r.text
    body = r.json()
    assert set(body) == {"error", "detail"} and body["error"].startswith("invalid ")
    assert "Traceback" not in r.text


def test_quotes_by_speaker_and_topic(api, sample_db):
    body = ok(api.get("/api/quotes", params={"speaker": "الورفلي", "about": "الطريق"}))
    with Store(sample_db, readonly=True) as store:
        assert body["items"] == store.quotes(speaker="الورفلي", about="الطريق") and body["total"] == 1
    every = ok(api.get("/api/quotes", params={"limit": 1000}))
    assert every["total"] == len(every["items"]) >= 40
    assert ok(api.get("/api/quotes", params={"limit": 5, "offset": 5}))["items"] == every["items"][5:10]


def test_actors_and_an_actors_page(api):
    people = ok(api.get("/api/actors", params={"type": "PER", "limit": 1000}))
    assert people["total"] == len(people["items"]) and {a["type"] for a in people["items"]} == {"PER"}
    warfalli = next(a for a in people["items"] if a["name"] == "سالم الورفلي")
    assert "الورفلي" in warfalli["aliases"]
    page = ok(api.get("/api/actors/الورفلي"))              # an alias finds the actor
    assert page["name"] == "سالم الورفلي" and page["claims"]["quotes"]
    assert all(q["speaker_canonical"] == "سالم الورفلي" for q in page["claims"]["quotes"])
    army = ok(api.get("/api/actors/الجيش السوداني"))
    assert army["events"]["as_actor1"] and army["claims"]["events"]
    assert all(e["actor1"] == "الجيش السوداني" for e in army["events"]["as_actor1"])
    assert all(e["claimed_by"] == "الجيش السوداني" for e in army["claims"]["events"])
    houthis = ok(api.get("/api/actors/جماعة الحوثي"))
    assert houthis["events"]["as_actor1"] and houthis["events"]["as_actor2"]
    days = [d["date"] for d in houthis["timeline"]]
    assert len(days) >= 3 and days == sorted(days) and all(d["count"] == sum(d["types"].values())
                                                            for d in houthis["timeline"])
    # a name the actor dictionary knows finds the events coded with the dictionary's canonical name
    assert ok(api.get("/api/actors/أنصار الله"))["events"] == houthis["events"]


def test_search_is_the_clis_search(api, sample_db):
    with Store(sample_db, readonly=True) as store:
        for q in ["الامم المتحدة", "درنة OR سنجار", '"جماعة الحوثي" -مأرب']:
            expected = json.loads(json.dumps(store.search(q, 50)))       # (start, end) pairs become lists
            assert ok(api.get("/api/search", params={"q": q, "limit": 50}))["items"] == expected
    two = ok(api.get("/api/search", params={"q": "الحوثي", "limit": 2, "offset": 1}))["items"]
    assert two == ok(api.get("/api/search", params={"q": "الحوثي", "limit": 3}))["items"][1:]


def test_exports_are_the_clis_files(api, sample_db, monkeypatch):
    with Store(sample_db, readonly=True) as store:
        events, battles = store.events(), store.events(type="Battles")
    for fmt, media in [("jsonl", "application/x-ndjson"), ("geojson", "application/geo+json")]:
        expected = io.StringIO()
        write(events, fmt, expected)
        r = api.get("/api/export", params={"format": fmt})
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        assert r.text == expected.getvalue(), fmt
    expected = io.StringIO()
    write(battles, "acled-csv", expected)
    r = api.get("/api/export", params={"format": "acled-csv", "type": "Battles"})
    assert r.headers["content-type"].startswith("text/csv") and "attachment" in r.headers["content-disposition"]
    ours, theirs = (list(csv.DictReader(io.StringIO(t))) for t in (r.text, expected.getvalue()))
    assert [dict(row, timestamp="") for row in ours] == [dict(row, timestamp="") for row in theirs] and ours
    parquet = api.get("/api/export", params={"format": "parquet"})
    assert parquet.status_code == 200 and parquet.content[:4] == b"PAR1"
    monkeypatch.setattr("marsad.web.reads._has_pyarrow", lambda: False)
    missing = api.get("/api/export", params={"format": "parquet"})
    assert missing.status_code == 501 and "pip install 'marsad[parquet]'" in missing.json()["error"]


def test_stats_and_the_openapi_schema(api):
    stats = ok(api.get("/api/stats"))
    assert stats["documents"] == 28 and stats["ok"] == 24 and stats["published"]["first"]
    assert sum(stats["event_types"].values()) == stats["events"]
    schema = ok(api.get("/openapi.json"))
    for path in ["/api/articles", "/api/articles/{doc_id}", "/api/articles/{doc_id}/raw", "/api/events",
                 "/api/quotes", "/api/actors", "/api/actors/{name}", "/api/stories/{story_id}", "/api/search",
                 "/api/export", "/api/stats"]:
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/articles"]
    docs = api.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


def test_an_internal_error_is_a_json_500_without_traceback(api, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("marsad.web.views.article", broken)
    r = api.get("/api/articles/txt/report_00")
    assert r.status_code == 500 and r.json() == {"error": "internal error", "detail": "RuntimeError"}
    assert "secret" not in r.text and "secret internals" in caplog.text     # logged for the operator


def test_concurrent_readers_and_a_writer(writable):
    def read(i: int) -> int:
        return writable.get("/api/events", params={"limit": 5, "offset": i % 7}).status_code

    with ThreadPoolExecutor(8) as pool:
        reads = [pool.submit(read, i) for i in range(40)]
        stored = post(writable, AGENCY, doc_id="during-reads")
        assert [f.result() for f in reads] == [200] * 40
    assert stored.status_code == 201 and ok(writable.get("/api/articles/during-reads"))["status"] == "ok"


def test_a_cached_selection_is_never_served_after_a_commit(writable, tmp_path):
    """Pages of one filter reuse its selection (readers.py) until anything is committed: by this
    server's POST, or by another process writing the file (a marsad ingest beside the server)."""
    def protests() -> int:
        return ok(writable.get("/api/events", params={"type": "Protests", "limit": 1}))["total"]

    before = protests()
    assert protests() == before
    ok(post(writable, "خرج مئات المحتجين في مدينة عدن مساء أمس للمطالبة بتحسين الخدمات ودفع الرواتب "
                      "المتأخرة، ورفعوا لافتات تندد بانقطاع الكهرباء.", doc_id="aden"), 201)
    assert protests() == before + 1
    (tmp_path / "more.txt").write_text("تظاهر مئات المحتجين في مدينة تعز مساء أمس للمطالبة بدفع الرواتب المتأخرة، "
                                       "ورفعوا لافتات تندد بانقطاع المياه.", "utf-8")
    with Store(writable.app.state.db_path) as store:          # another connection, as another process
        assert ingest(store, [tmp_path / "more.txt"]).ok == 1
    assert protests() == before + 2


# --- writes ----------------------------------------------------------------------------------------

def test_writes_refused_without_a_configured_token(api, monkeypatch):
    for token in (None, TOKEN):
        r = post(api, AGENCY, token=token)
        assert r.status_code == 403 and "MARSAD_API_TOKEN" in r.json()["error"]
    monkeypatch.setenv("MARSAD_API_TOKEN", "from-env")      # create_app's default is the environment
    with TestClient(create_app(api.app.state.db_path)) as client:
        assert client.app.state.token == "from-env"


def test_a_method_not_allowed_names_every_method_the_path_has(api):
    for method in ("OPTIONS", "DELETE"):
        r = api.request(method, "/api/articles")          # GET (reads.py) and POST (writes.py)
        assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD, POST" and r.json()["error"]
    assert api.request("OPTIONS", "/api/events").headers["allow"] == "GET, HEAD"


def test_head_of_an_api_path_is_its_get_without_the_body(api):
    got, head = api.get("/api/events", params={"limit": 5}), api.head("/api/events", params={"limit": 5})
    assert head.status_code == got.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"] == "application/json"
    assert head.headers["content-length"] == str(len(got.content))
    assert api.head("/api/articles/no-such-article").status_code == 404


def test_writes_need_the_right_token(writable):
    for token in (None, "wrong"):
        r = post(writable, AGENCY, token=token)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = writable.post("/api/articles", content=AGENCY, headers={"Content-Type": "text/plain",
                                                                 "Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401
    assert writable.get("/api/articles", params={"status": "ok"}).json()["total"] == 24     # nothing stored


def test_a_posted_article_is_stored_and_readable(writable):
    body = ok(post(writable, AGENCY, doc_id="wire/1", outlet="وكالة الشمال", published="2023-05-14"), 201)
    assert body["stored"] == 1 and body["items"][0]["doc_id"] == "wire/1" and body["items"][0]["status"] == "ok"
    doc = ok(writable.get("/api/articles/wire/1"))
    assert doc["outlet"] == "وكالة الشمال" and doc["published"] == "2023-05-14" and doc["events"]
    assert ok(writable.get("/api/events", params={"story": doc["story_id"]}))["total"] >= 1
    again = ok(post(writable, AGENCY, doc_id="wire/1", outlet="وكالة الشمال", published="2023-05-14"))
    assert again["stored"] == 0 and again["items"][0]["outcome"] == "unchanged"
    html = f"<html><head><title>غارات على إدلب</title></head><body><article><p>{AGENCY}</p></article></body></html>"
    page = ok(post(writable, html.encode("utf-8"), "text/html; charset=utf-8"), 201)["items"][0]
    assert page["doc_id"].startswith("api/") and ok(writable.get(f"/api/articles/{page['doc_id']}"))["title"]


def test_jsonl_posts_many_and_a_story_shows_its_outlets_side_by_side(writable):
    lines = [{"id": "wire", "outlet": "وكالة الشمال", "published": "2023-05-14", "text": AGENCY},
             {"id": "copy", "outlet": "صحيفة المساء", "published": "2023-05-14",
              "text": AGENCY.replace("مقتل ستة", "مقتل ثمانية") + " وتابعت الصحيفة تطورات الوضع."},
             "not json"]
    body = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    result = ok(post(writable, body.encode("utf-8"), "application/x-ndjson"), 201)
    assert [(i["doc_id"], i["status"]) for i in result["items"]] == [
        ("wire", "ok"), ("copy", "ok"), (result["items"][2]["doc_id"], "rejected")]
    story_id = ok(writable.get("/api/articles/copy"))["story_id"]
    assert story_id == "wire"
    story = ok(writable.get(f"/api/stories/{story_id}"))
    assert {a["doc_id"] for a in story["articles"]} == {"wire", "copy"}
    assert set(story["outlets"]) == {"وكالة الشمال", "صحيفة المساء"}
    dead = {f["outlet"]: f["value"] for f in story["figures"]["fatalities"]}
    assert dead == {"وكالة الشمال": 6, "صحيفة المساء": 8} and story["contested"] == ["fatalities"]
    assert len(story["events"]) == 1 and len(story["events"][0]["sources"]) == 2


def test_body_limits_and_media_types(writable):
    big = ("قصف " * 20000).encode("utf-8")                      # > the 64 KB this app allows
    r = post(writable, big)
    assert r.status_code == 413 and r.json()["detail"]["limit"] == 64 * 1024

    def chunks():                                                # no Content-Length: counted as read
        for _ in range(20):
            yield ("قصف " * 1000).encode("utf-8")
    r = writable.post("/api/articles", content=chunks(),
                      headers={"Content-Type": "text/plain", "Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413
    r = post(writable, AGENCY, "application/x-www-form-urlencoded")
    assert r.status_code == 415 and "text/plain" in r.json()["error"]
    assert post(writable, b"", "text/plain").json()["items"][0]["error"] == "empty input"


def test_article_text_with_markup_comes_back_as_data(writable):
    text = f"{AGENCY} ونشر أحد الحسابات على مواقع التواصل عبارة {SCRIPT} و<img src=x onerror=alert(2)> في منشور."
    ok(post(writable, text, doc_id="hostile"), 201)
    r = writable.get("/api/articles/hostile")
    assert r.headers["content-type"] == "application/json" and SCRIPT in r.json()["text"]
    assert "<img src=x onerror=alert(2)>" in r.json()["text"]
    raw = writable.get("/api/articles/hostile/raw")
    assert raw.headers["content-type"].startswith("text/plain") and raw.text == text
    assert raw.headers["x-content-type-options"] == "nosniff" and "sandbox" in raw.headers["content-security-policy"]
    hits = ok(writable.get("/api/search", params={"q": "الحسابات"}))["items"]
    assert any(SCRIPT in h["snippet"] for h in hits)
    for url in ["/api/articles?limit=100", "/api/search?q=الحسابات", "/api/export?format=jsonl"]:
        assert "text/html" not in writable.get(url).headers["content-type"]


# --- schemathesis: generated requests from the OpenAPI schema -------------------------------------

try:                    # in the test extra; without it the rest of this file still runs
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import not_a_server_error
except ImportError:     # pragma: no cover
    schemathesis = None

if schemathesis is not None:
    schemathesis.serializer.alias("application/x-ndjson", "text/plain")     # JSONL bodies are text

    @pytest.fixture(scope="module")
    def api_schema(sample_db, tmp_path_factory):
        db = tmp_path_factory.mktemp("schemathesis") / "s.db"
        shutil.copy(sample_db, db)
        return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN, max_body=16 * 1024))

    @schemathesis.pytest.from_fixture("api_schema").parametrize()
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def test_generated_requests_never_get_a_5xx(case):
        """Valid and invalid parameters and bodies for every operation, POST included (with the
        token): whatever comes, the answer is never a server error."""
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=[not_a_server_error])


# --- marsad serve ----------------------------------------------------------------------------------

def test_serve_prints_the_url_and_serves(sample_db, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    program = "import sys; sys.argv[0] = 'marsad'; from marsad.cli import app; app()"
    proc = subprocess.Popen([sys.executable, "-c", program, "serve", "--db", str(sample_db), "--port", str(port)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)})
    try:
        assert f"http://127.0.0.1:{port}/" in proc.stdout.readline()
        import httpx

        for _ in range(100):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["documents"] == 28
    finally:
        proc.terminate()
        proc.wait(10)
    missing = subprocess.run([sys.executable, "-c", program, "serve", "--db", str(tmp_path / "none.db")],
                             cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)})
    assert missing.returncode == 1 and missing.stderr.strip().count("\n") == 0
    assert "no database at" in missing.stderr and "Traceback" not in missing.stderr



@pytest.mark.parametrize("country, box", [        # lon/lat boxes well inside each country
    ("Sudan", (26.0, 10.0, 35.0, 19.0)), ("Syria", (36.0, 33.0, 41.0, 36.5)),
    ("Libya", (12.0, 25.0, 24.0, 31.0)), ("Yemen", (43.5, 13.0, 51.0, 17.0)),
    ("Iraq", (40.0, 30.0, 47.0, 36.0)), ("Mali", (-10.0, 12.0, 3.0, 20.0)),
])
def test_the_offline_basemap_has_province_borders_where_marsad_looks(api, country, box):
    # served by the app (no tile server or CDN): the map draws these lines over the countries
    r = api.get("/vendor/natural-earth/admin1-lines.json")
    assert r.status_code == 200
    lines = r.json()["geometry"]["coordinates"]
    inside = sum(1 for line in lines for lon, lat in line if box[0] <= lon <= box[2] and box[1] <= lat <= box[3])
    assert inside > 20, f"no province borders drawn in {country}"
