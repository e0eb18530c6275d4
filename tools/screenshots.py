"""Screenshots of the dashboard's main pages for the README, taken as the browser tests see them:
the sample corpus (plus the tests' markup-holding article) served on a free loopback port and
opened in Debian's headless chromium through Playwright (tests/browser.py).

    python tools/screenshots.py [--out docs]

writes docs/dashboard-map.png, docs/dashboard-actor.png, docs/dashboard-article.png (and the claims,
search and story pages).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests import browser as B  # noqa: E402

PAGES = [
    ("map", "/"),
    ("actor", "/actor/" + urllib.parse.quote("هشام عبد الباقي")),
    ("article", "/article/" + urllib.parse.quote("txt/report_00", safe="") + "?hl=229-278"),
    ("claims", "/claims?" + urllib.parse.urlencode({"speaker": "الورفلي", "about": "الطريق"})),
    ("search", "/search?" + urllib.parse.urlencode({"q": "الامم المتحدة"})),
    ("story", "/story/" + urllib.parse.quote(B.STORY_ID, safe="")),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(B.ROOT / "docs"), help="folder for the PNG files")
    args = parser.parse_args()
    why = B.missing()
    if why:
        print(f"screenshots: {why}", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = B.build_db(Path(tmp))
        with B.serve(db) as base, B.browser() as context:
            page = context.new_page()
            for name, hash_ in PAGES:
                page.goto(f"{base}/#{hash_}")
                B.wait_view(page, name)
                if name == "map":       # let the basemap and the clusters' animation settle
                    page.wait_for_function("document.querySelectorAll('#map svg path').length > 100")
                page.wait_for_timeout(700)
                path = out / f"dashboard-{name}.png"
                page.screenshot(path=str(path))          # the viewport: what a user first sees
                print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
