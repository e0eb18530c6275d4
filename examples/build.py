"""Render examples/reports.py into the sample corpus (examples/corpus/), one folder per input format.

    python examples/build.py

The output is committed, so the demo needs no build step; re-run this after editing the reports.
Scraped-text pages get realistic chrome (site date header with its Hijri date, editor line, section
labels, share/comment tails), and a few inputs are broken on purpose to show recorded rejections.
"""
from __future__ import annotations

import io
import json
import shutil
from datetime import date, timedelta
from email.utils import format_datetime
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from reports import REPORTS

HERE = Path(__file__).parent
OUT = HERE / "corpus"
WEEKDAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
         "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
EDITORS = ["سامي الحداد", "منى العبيدي", "طارق الفيتوري"]
SECTIONS = [["عاجل", "تقارير"], ["أخبار عربية"], ["سياسة", "متابعات"]]


def arabic_date(d: date, hijri: bool = False) -> str:
    text = f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if hijri:
        from hijridate import Gregorian
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        text += f" الموافق {h.day} {HIJRI[h.month - 1]} {h.year}"
    return text


def scraped_text(i: int, outlet: str, published: str, title: str, paras: list[str]) -> str:
    """A page as a scraper saves it: site header dated on the crawl day, then the article."""
    pub = date.fromisoformat(published)
    crawl = pub + timedelta(days=30 + 17 * i)            # the header shows the day it was crawled
    lines = [arabic_date(crawl, hijri=i % 2 == 0), "رئيس التحرير", EDITORS[i % 3], *SECTIONS[i % 3], "", title]
    if i % 3 == 1:
        lines += [f"نشر في: {arabic_date(pub)}"]          # a byline date: real publication
    lines += ["", outlet, ""]
    if i % 4 == 3:
        lines += ["صورة أرشيفية للمنطقة | أ ف ب", ""]
    lines += [p + "\n" for p in paras]
    lines += ["شارك برأيك", "إضافة تعليق", "الاسم", "البريد الإلكتروني", "اختيارات القراء", "  • اليوم", "  • الأسبوع"]
    return "\n".join(lines)


def html_page(outlet: str, published: str, title: str, paras: list[str], crawl: date) -> str:
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(title)} | {escape(outlet)}</title>
<meta property="og:site_name" content="{escape(outlet)}">
<meta property="article:published_time" content="{published}T09:30:00+03:00">
</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/reports">تقارير</a></nav>
<div class="today">{arabic_date(crawl)}</div></header>
<main><article><h1>{escape(title)}</h1>
<div class="share">شارك: فيسبوك تويتر واتساب</div>
{body}
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/a/1">أسعار الذهب اليوم في الأسواق المحلية</a></li>
<li><a href="/a/2">نتائج مباريات الدوري المحلي لكرة القدم</a></li></ul></aside></main>
<footer><form><label>إضافة تعليق</label><textarea></textarea></form><p>جميع الحقوق محفوظة © {escape(outlet)}</p></footer>
</body></html>"""


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    for sub in ("txt", "html", "jsonl", "warc", "rss", "bad"):
        (OUT / sub).mkdir(parents=True)
    slug = lambda i: f"report_{i:02d}"  # noqa: E731
    groups = {"txt": range(0, 8), "html": range(8, 12), "jsonl": range(12, 17), "warc": range(17, 20),
              "rss": range(20, 24)}
    for i in groups["txt"]:
        text = scraped_text(i, *REPORTS[i])
        encoding = "cp1256" if i == 4 else ("utf-8-sig" if i == 5 else "utf-8")   # legacy and BOM inputs
        (OUT / "txt" / f"{slug(i)}.txt").write_bytes(text.encode(encoding))
    for i in groups["html"]:
        outlet, published, title, paras = REPORTS[i]
        crawl = date.fromisoformat(published) + timedelta(days=90)
        (OUT / "html" / f"{slug(i)}.html").write_text(html_page(outlet, published, title, paras, crawl), "utf-8")
    with open(OUT / "jsonl" / "agency_feed.jsonl", "w", encoding="utf-8") as f:
        for i in groups["jsonl"]:
            outlet, published, title, paras = REPORTS[i]
            f.write(json.dumps({"id": slug(i), "url": f"https://example.org/news/{i}", "title": title,
                                "published": published, "outlet": outlet, "text": "\n".join(paras)},
                               ensure_ascii=False) + "\n")
        f.write('{"id": "broken_line", "text": "سطر مقطوع\n')      # a line cut off mid-write
    write_warc(groups["warc"], slug)
    write_rss(groups["rss"], slug)
    (OUT / "bad" / "empty.txt").write_bytes(b"")
    (OUT / "bad" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (OUT / "bad" / "english.txt").write_text(
        "Fighting continued near the river crossing today, according to local officials who asked "
        "not to be named. Several families left the area overnight.\n", "utf-8")


def write_warc(indices, slug) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(OUT / "warc" / "crawl.warc.gz", "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in indices:
            outlet, published, title, paras = REPORTS[i]
            page = html_page(outlet, published, title, paras, date.fromisoformat(published) + timedelta(days=5))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{slug(i)}.html", "response",
                                               payload=io.BytesIO(page.encode("utf-8")), http_headers=headers)
            writer.write_record(record)


def write_rss(indices, slug) -> None:
    items = []
    for i in indices:
        outlet, published, title, paras = REPORTS[i]
        when = datetime.fromisoformat(published).replace(hour=8, tzinfo=timezone.utc)
        content = "".join(f"<p>{escape(p)}</p>" for p in paras)
        items.append(f"""<item><title>{escape(title)}</title><link>https://example.org/rss/{slug(i)}</link>
<guid>{slug(i)}</guid><pubDate>{format_datetime(when)}</pubDate>
<description>{escape(content)}</description></item>""")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>نشرة الأخبار العربية</title><link>https://example.org/</link>
<description>موجز الأخبار</description>
{chr(10).join(items)}
</channel></rss>
"""
    (OUT / "rss" / "feed.xml").write_text(feed, "utf-8")


if __name__ == "__main__":
    main()
