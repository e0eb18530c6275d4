"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) over the API serving the
sample corpus plus one article holding `<script>` and `<img onerror>` markup.

Without chromium or playwright these tests skip, saying why; in CI (CI=true) they must run, so
there a missing browser is a failure (`.ci/run` runs scripts/install-test-deps first).
"""
from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request

import pytest

from tests import browser as B

_WHY = B.missing()
if _WHY and os.environ.get("CI") == "true":
    raise RuntimeError(f"browser tests cannot run in CI: {_WHY}")
pytestmark = pytest.mark.skipif(_WHY is not None, reason=f"dashboard browser tests skipped: {_WHY}")

SPOKESMAN = "هشام عبد الباقي"          # المتحدث باسم لجنة الأطباء المحلية (txt/report_00)
HIS_CLAIM = "المستشفى الجنوبي استقبل جثث القتلى"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = B.build_db(tmp_path_factory.mktemp("dashboard"))
    with B.serve(db) as base:
        yield base


@pytest.fixture(scope="module")
def context(server):
    with B.browser() as ctx:
        yield ctx


@pytest.fixture
def page(context):
    """A fresh tab that records script errors and dialogs: none may happen in any test."""
    page = context.new_page()
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs
    page.close()


def api(base: str, path: str, **params) -> dict:
    with urllib.request.urlopen(f"{base}{path}?{urllib.parse.urlencode(params)}", timeout=10) as r:
        return json.load(r)


def placed(base: str, **filters) -> int:
    """How many events the API gives coordinates for: what the map must draw."""
    body = api(base, "/api/events", limit=1000, **filters)
    return sum(1 for ev in body["items"] if ev.get("latitude") is not None and ev.get("longitude") is not None)


def open_view(page, base: str, hash_: str) -> None:
    page.goto(f"{base}/#{hash_}")          # on an open page only the hash changes: wait for that view
    B.wait_view(page, hash_.strip("/").split("/")[0].split("?")[0] or "map")


def map_count(page) -> int:
    return page.evaluate("window.marsad.mapCount")


def test_page_is_rtl_arabic_and_the_map_draws_every_placed_event(page, server):
    open_view(page, server, "/")
    assert page.evaluate("document.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    expected = placed(server)
    assert expected >= 10                                   # the sample corpus's events with coordinates
    assert map_count(page) == expected
    assert page.locator("#map-status").get_attribute("data-count") == str(expected)
    # drawn: single markers and clusters (which stand for several) are in the map's DOM
    assert page.locator("#map .ev-marker, #map .marker-cluster").count() > 0
    # the offline basemap: country shapes from the package's world-atlas, no tile requested
    page.wait_for_function("document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length > 100")
    assert page.locator("#map img.leaflet-tile").count() == 0
    # and province (admin-1) borders over it, from the package's Natural Earth lines
    page.wait_for_function("document.querySelectorAll('#map path.admin1').length > 0")


def test_a_type_filter_changes_the_markers(page, server):
    open_view(page, server, "/")
    everything = map_count(page)
    page.select_option("#filter-type", "Battles")
    B.wait_ready(page)
    page.wait_for_function(f"window.marsad.mapCount !== {everything}")
    battles = placed(server, type="Battles")
    assert 0 < battles < everything
    assert map_count(page) == battles
    page.click("#filters button[type=button]")                  # reset: every event again
    page.wait_for_function(f"window.marsad.mapCount === {everything}")


def test_country_and_actor_filters_change_the_markers(page, server):
    open_view(page, server, "/")
    everything = map_count(page)
    page.fill("#filter-country", "السودان")
    page.press("#filter-country", "Enter")
    page.wait_for_function(f"window.marsad.ready && window.marsad.mapCount !== {everything}")
    assert map_count(page) == placed(server, country="السودان") > 0
    page.fill("#filter-country", "")
    page.fill("#filter-actor", "قوات الدعم السريع")
    page.press("#filter-actor", "Enter")
    expected = placed(server, actor="قوات الدعم السريع")
    page.wait_for_function(f"window.marsad.ready && window.marsad.mapCount === {expected}")
    assert 0 < expected < everything


def test_the_actors_index_links_to_actor_pages(page, server):
    open_view(page, server, "/actors?type=PER")
    page.locator("#actors-list a", has_text=SPOKESMAN).click()
    B.wait_view(page, "actor")
    assert SPOKESMAN in page.locator("h1").inner_text()


def test_a_timeline_brush_filters_the_map(page, server):
    open_view(page, server, "/")
    everything = map_count(page)
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + box["height"] / 2
    # drag across the first half of the period (2021-2022 in the sample corpus)
    page.mouse.move(box["x"] + 5, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_function(f"window.marsad.mapCount !== {everything}")
    brushed = map_count(page)
    assert 0 < brushed < everything
    assert page.locator("#timeline .brush").get_attribute("visibility") == "visible"
    page.click("#clear-brush")
    page.wait_for_function(f"window.marsad.mapCount === {everything}")


def test_the_actor_page_of_a_spokesman_lists_his_claims(page, server):
    open_view(page, server, "/actor/" + urllib.parse.quote(SPOKESMAN))
    assert SPOKESMAN in page.locator("h1").inner_text()
    claims = page.locator("#actor-claims")
    assert HIS_CLAIM in claims.inner_text()
    assert claims.locator("li.quote").count() >= 2
    # each claim links to its article with the quote highlighted there
    claims.locator("li.quote a[href^='#/article/']").first.click()
    B.wait_view(page, "article")
    focus = page.eval_on_selector_all("#article-text .focus", "els => els.map(e => e.textContent).join('')")
    assert HIS_CLAIM in focus


def test_search_finds_an_article(page, server):
    open_view(page, server, "/")
    page.fill("#header-q", "الامم المتحدة")                    # finds الأمم المتحدة: normalised search
    page.press("#header-q", "Enter")
    B.wait_view(page, "search")
    page.wait_for_selector("#search-results a")
    results = page.locator("#search-results")
    assert "توقيع اتفاق لتبادل الأسرى" in results.inner_text()
    assert results.locator("mark, .hit").count() > 0            # the matched words are highlighted
    results.locator("a", has_text="توقيع اتفاق لتبادل الأسرى").click()
    B.wait_view(page, "article")
    assert "مسقط" in page.locator("#article-text").inner_text()


def test_markup_in_an_article_is_shown_as_text_and_never_runs(page, server):
    open_view(page, server, "/article/" + B.XSS_ID)
    text = page.locator("#article-text")
    shown = text.inner_text()
    assert "<script>alert(1)</script>" in shown
    assert '<img src=x onerror="window.__xss=1">' in shown
    assert text.locator("script, img").count() == 0
    page.click("#show-raw")                                      # the raw input: text too
    page.wait_for_selector("#raw", state="visible")
    assert "<script>alert(1)</script>" in page.locator("#raw").inner_text()
    # the same article on the other views that show its words: search snippet and the map popup
    open_view(page, server, "/search?q=" + urllib.parse.quote("صفحة مجهولة"))
    assert page.locator("#search-results img, #search-results script").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("body img[src='x']").count() == 0


def test_the_interface_switches_to_english_and_back(page, server):
    open_view(page, server, "/claims")
    page.click("#lang-toggle")
    B.wait_ready(page)
    assert page.evaluate("document.dir") == "ltr" and page.locator("nav").inner_text().startswith("Map")
    page.click("#lang-toggle")
    B.wait_ready(page)
    assert page.evaluate("document.dir") == "rtl"


def test_a_marker_popup_links_to_the_evidence_in_its_article(page, server):
    open_view(page, server, "/")
    page.locator("#map .ev-marker").first.click()
    popup = page.locator(".leaflet-popup-content .popup")
    popup.wait_for(timeout=5000)
    assert popup.locator(".popup-type").inner_text().strip()
    evidence = popup.locator(".evidence").inner_text()
    popup.locator("a[href^='#/article/']").first.click()
    B.wait_view(page, "article")
    focus = page.eval_on_selector_all("#article-text .focus", "els => els.map(e => e.textContent).join('')")
    assert focus and (focus in evidence or evidence in focus)


def test_a_story_page_sets_each_outlets_figures_side_by_side(page, server):
    open_view(page, server, "/story/" + urllib.parse.quote(B.STORY_ID, safe=""))
    versions = page.locator("#story-versions .version")
    assert versions.count() == 2
    assert {"شبكة الساحل نيوز", "دارفور اليوم"} <= set(page.locator("#story-figures tbody tr td:first-child").all_inner_texts())
    contested = page.locator("#story-figures td.contested").all_inner_texts()
    assert any(c.startswith("12") for c in contested) and any(c.startswith("18") for c in contested)
