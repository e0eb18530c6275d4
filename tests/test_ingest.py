"""Readers and bad input: every input yields an item, unreadable ones with a clear reason."""
from __future__ import annotations

import gzip
import io
import json

from marsad.pipeline import process
from marsad.read.files import decode, read_paths

ARTICLE = ("قصفت طائرات حربية مواقع لمسلحين قرب مدينة حماة صباح اليوم، وقال مصدر محلي إن الغارات "
           "أسفرت عن مقتل ستة مقاتلين وتدمير آليات عسكرية.")


def items(path):
    return list(read_paths([path]))


def test_plain_text_encodings_are_detected(tmp_path):
    for name, data in {"utf8.txt": ARTICLE.encode("utf-8"), "bom.txt": ARTICLE.encode("utf-8-sig"),
                       "win.txt": ARTICLE.encode("cp1256"), "iso.txt": ARTICLE.encode("iso-8859-6", "ignore")}.items():
        (tmp_path / name).write_bytes(data)
    got = {i.doc_id: i for i in items(tmp_path)}
    assert set(got) == {"utf8", "bom", "win", "iso"}
    assert got["utf8"].text == got["bom"].text == got["win"].text == ARTICLE
    assert "قصفت طائرات" in got["iso"].text and not got["iso"].error


def test_decode_rejects_bytes_that_are_no_arabic_text():
    import pytest

    from marsad.read.files import DecodeError

    noise = bytes(range(0x80, 0x100)) * 50
    with pytest.raises(DecodeError, match="invalid UTF-8"):
        decode(noise)


def test_html_main_text_and_metadata(tmp_path):
    page = f"""<html><head><title>غارات على حماة | موقع المرصد</title>
    <meta property="og:site_name" content="موقع المرصد">
    <meta property="article:published_time" content="2023-03-12T08:00:00Z"></head>
    <body><header>الأحد 30 أبريل 2023</header><nav>الرئيسية سياسة</nav>
    <article><h1>غارات على حماة</h1><p>{ARTICLE}</p><p>وأضاف المصدر أن القصف استمر ساعتين.</p></article>
    <footer>شارك برأيك إضافة تعليق</footer></body></html>"""
    (tmp_path / "page.html").write_text(page, "utf-8")
    doc = process(items(tmp_path / "page.html")[0])
    assert doc.status == "ok"
    assert doc.title == "غارات على حماة" and doc.outlet == "موقع المرصد"
    assert doc.published == "2023-03-12" and doc.published_confidence == "high"
    assert doc.text.startswith("قصفت طائرات") and "شارك برأيك" not in doc.text and "الرئيسية" not in doc.text


def test_jsonl_lines_and_a_broken_line(tmp_path):
    lines = [json.dumps({"id": "a1", "text": ARTICLE, "title": "عنوان", "published": "2022-01-05",
                         "url": "https://example.org/a1"}, ensure_ascii=False),
             '{"id": "cut", "text": "نص مقطوع',
             json.dumps({"id": "a2", "html": f"<p>{ARTICLE}</p>"}, ensure_ascii=False),
             json.dumps({"id": "a3", "body": "لا نص"}, ensure_ascii=False)]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    got = items(tmp_path / "batch.jsonl")
    assert [i.doc_id for i in got] == ["a1", "batch:2", "a2", "a3"]
    assert got[0].meta["published"] == "2022-01-05" and got[0].source == "https://example.org/a1"
    assert got[1].error.startswith("invalid JSON") and got[3].error == "no non-empty 'text' or 'html' field"
    assert got[2].html and not got[2].error


def _warc(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                      http_headers=headers))
    return buf.getvalue()


def test_warc_gz_records_and_a_truncated_archive(tmp_path):
    pages = [(f"https://example.org/{n}", f"<html><body><article><p>{ARTICLE}</p></article></body></html>")
             for n in range(3)]
    data = _warc(pages)
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    got = items(tmp_path / "crawl.warc.gz")
    assert len(got) == 3 and all(i.html and i.doc_id.startswith("urn:uuid:") for i in got)
    assert got[0].meta["url"] == "https://example.org/0"
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 200])
    cut = items(tmp_path / "cut.warc.gz")
    assert cut[-1].error and "truncated" in cut[-1].error
    assert sum(1 for i in cut if not i.error) == 2


def test_rss_entries(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>نشرة الصباح</title>
    <item><title>خبر أول</title><link>https://example.org/1</link><guid>g1</guid>
    <pubDate>Sun, 05 Mar 2023 07:00:00 GMT</pubDate><description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description></item>
    <item><title>خبر فارغ</title><link>https://example.org/2</link><guid>g2</guid></item>
    </channel></rss>"""
    (tmp_path / "feed.xml").write_text(feed, "utf-8")
    got = items(tmp_path / "feed.xml")
    assert [i.doc_id for i in got] == ["g1", "g2"]
    assert got[0].meta == {"url": "https://example.org/1", "title": "خبر أول", "outlet": "نشرة الصباح",
                           "published": "2023-03-05"}
    assert got[1].error == "feed entry has no content or summary"
    doc = process(got[0])
    assert doc.status == "ok" and doc.published == "2023-03-05" and doc.outlet == "نشرة الصباح"


def test_bad_inputs_get_reasons_and_never_raise(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    (tmp_path / "nul.txt").write_bytes("نص".encode() + b"\x00\x01\x02" * 100)
    (tmp_path / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 40)
    (tmp_path / "english.txt").write_text("Heavy fighting was reported near the border on Sunday. " * 5)
    (tmp_path / "broken.html").write_text(f"<html><body><div><p>{ARTICLE}<p>وتابع المصدر<div></span>", "utf-8")
    with open(tmp_path / "huge.txt", "wb") as f:          # 100 MB, sparse: costs no disk or time
        f.truncate(100 * 1024 * 1024)
    docs = {d.doc_id: d for d in map(process, items(tmp_path))}
    assert docs["empty"].error == "empty file"
    assert docs["image"].error == "binary file (PNG image), not text"
    assert docs["nul"].error.startswith("binary file")
    assert docs["noise"].error.startswith("invalid UTF-8")
    assert docs["english"].error.startswith("not Arabic text")
    assert docs["huge"].error == "file too large for one text article (100 MB > 20 MB limit)"
    assert docs["broken"].status == "ok" and "قصفت طائرات" in docs["broken"].text
    assert all(d.status == "rejected" for k, d in docs.items() if k != "broken")


def test_gzipped_jsonl_is_streamed(tmp_path):
    with gzip.open(tmp_path / "big.jsonl.gz", "wt", encoding="utf-8") as f:
        for n in range(50):
            f.write(json.dumps({"id": f"d{n}", "text": ARTICLE}, ensure_ascii=False) + "\n")
    assert [i.doc_id for i in items(tmp_path)][:3] == ["d0", "d1", "d2"]
