"""A real browser on the dashboard: Debian's chromium driven by Playwright, and the API served on a
free loopback port over a database of the sample corpus. Shared by tests/test_dashboard.py and
tools/screenshots.py, so the screenshots show what the tests saw.

Playwright's own browser download (`playwright install`) is never used: it fetches a build from a
host that many machines (this project's CI too) cannot reach. `scripts/install-test-deps` installs
Debian's chromium instead, and MARSAD_CHROMIUM may point at another executable.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

# An article whose text holds markup: the dashboard must show it as text, never run it.
XSS_ID = "xss_report"
XSS_TEXT = """وكالة الأنباء التجريبية

مقتل ثلاثة مدنيين في قصف على مدينة حلب

حلب - قتل ثلاثة مدنيين وأصيب خمسة آخرون صباح اليوم جراء قصف مدفعي استهدف حياً سكنياً في مدينة حلب، \
وفق ما أفاد الدفاع المدني السوري. وجاء في منشور على صفحة مجهولة نص غريب <script>alert(1)</script> \
ثم صورة <img src=x onerror="window.__xss=1"> دون أي توضيح.

وقال مسؤول محلي إن فرق الإسعاف نقلت الجرحى إلى المستشفى الرئيسي في المدينة.
"""

# A second outlet's version of txt/report_00 (one story) with other figures: 18 dead, not 12;
# 55 wounded, not 40. The story page must show the two side by side, the disagreement marked.
STORY_ID = "txt/report_00"
SECOND_VERSION_ID = "fasher_second_outlet"
SECOND_VERSION = """دارفور اليوم

اشتباكات عنيفة في محيط الفاشر ونزوح مئات الأسر

الفاشر - اندلعت اشتباكات عنيفة صباح اليوم الأحد بين الجيش السوداني وقوات الدعم السريع في الأحياء الشرقية \
لمدينة الفاشر، ما أدى إلى مقتل 18 مدنياً وإصابة العشرات.

وقال المتحدث باسم لجنة الأطباء المحلية الدكتور هشام عبد الباقي إن المستشفى الجنوبي استقبل جثث القتلى ونحو \
55 جريحاً، مضيفاً أن الطواقم تعمل في ظروف صعبة.

وأفادت منظمة إغاثية بأن أكثر من 300 أسرة نزحت من حي السلام نحو مراكز الإيواء غرب المدينة.
"""


def chromium_path() -> str | None:
    for candidate in (os.environ.get("MARSAD_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (scripts/install-test-deps installs it)"
    if chromium_path() is None:
        return "no chromium at /usr/bin/chromium or $MARSAD_CHROMIUM (scripts/install-test-deps installs it)"
    try:
        import marsad.web.app  # noqa: F401
    except ImportError as e:
        return f"the HTTP API is not importable: {e}"
    return None


def build_db(folder: Path) -> Path:
    """The sample corpus plus the markup-holding article and a second version of one story, ingested into `folder`/dashboard.db."""
    extra = folder / "extra"
    extra.mkdir(parents=True, exist_ok=True)
    (extra / f"{XSS_ID}.txt").write_text(XSS_TEXT, "utf-8")
    (extra / f"{SECOND_VERSION_ID}.txt").write_text(SECOND_VERSION, "utf-8")
    db = folder / "dashboard.db"
    subprocess.run([sys.executable, "-c", "from marsad.cli import app; app()", "ingest", str(EXAMPLES), str(extra), "--db", str(db), "-q"],
                   check=False, capture_output=True, cwd=folder)    # exit 1: the corpus's bad inputs, on purpose
    if not db.exists():
        raise RuntimeError("ingest wrote no database")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(db: Path):
    """The API and dashboard on a free loopback port, in a child process; yields the base URL."""
    port = free_port()
    code = ("import sys, uvicorn; from marsad.web.app import create_app; "
            "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db), str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/stats", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode("utf-8", "replace") if proc.poll() is not None else ""
                    raise RuntimeError(f"the server did not start: {out[-2000:]}") from None
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def browser():
    """A headless chromium context. CSP is bypassed because Playwright's wait_for_function
    evaluates strings, which the page's CSP forbids; it also means the escaping tests below prove
    the DOM building alone keeps markup inert, without the CSP as a safety net."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            context = b.new_context(bypass_csp=True, viewport={"width": 1280, "height": 860}, locale="ar")
            yield context
        finally:
            b.close()


def wait_ready(page, timeout: float = 20000) -> None:
    """Until the view has drawn (the app sets window.marsad.ready; the map view once its markers are on)."""
    page.wait_for_function("window.marsad && window.marsad.ready === true", timeout=timeout)


def wait_view(page, name: str, timeout: float = 20000) -> None:
    """Until the view `name` (map, actor, article, …) is drawn: after a click that navigates, the
    previous view is still `ready` until the hash change reaches the app."""
    page.wait_for_function(f"window.marsad && window.marsad.view === {name!r} && window.marsad.ready === true",
                           timeout=timeout)
