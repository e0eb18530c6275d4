"""A hostile corpus for the readers, written at test time: nothing binary is committed.

`write_hostile_corpus(folder)` fills `folder` with good articles in every format (txt, html, jsonl,
jsonl.gz, warc.gz, rss) and one input of every kind that once broke or hung `read_paths`: colliding
names, corrupt gzip, JSON that Python's json module chokes on, FIFOs and sockets, unreadable
folders, empty and damaged WARCs, gzipped text, damaged UTF-8, UTF-16/32 without a mark, HTML
nested past lxml's limit, links out of the folder, a 50 MB JSONL line and 1 GiB gzip bombs. It
returns {path relative to `folder` (as os.fsdecode gives it): "ok" | "rejected"}, the status the
file's items end with after the pipeline's `prepare`: "ok" when every item of the file is ok,
"rejected" when at least one is (a truncated WARC keeps its whole records and ends with one error).

The reports are short texts written for these tests. Every ok input has content of its own, so an
ingest reports it "ok", not "unchanged". Generation is fast: bombs are built from one compressed
block of zeros repeated (deflate's full flush makes blocks independent), big files are streamed.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import socket
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

MiB = 1024 * 1024
PLACES = ["حلب", "تعز", "الفاشر", "سرت", "الموصل", "درعا", "مأرب", "نيالا", "بنغازي", "الحديدة", "إدلب", "كركوك"]
OPENINGS = ["اندلعت اشتباكات عنيفة في محيط مدينة {p} صباح اليوم بين قوات الجيش ومسلحين",
            "قصفت طائرات مسيرة مواقع قرب مدينة {p} مساء أمس",
            "شهدت مدينة {p} احتجاجات واسعة للمطالبة بفتح الطرق أمام قوافل الإغاثة",
            "أعلنت السلطات المحلية في {p} حظر التجول بعد مواجهات ليلية في الأحياء الشرقية"]
MIDDLES = ["وقال مصدر طبي إن المستشفى الرئيسي استقبل {k} جريحا بينهم نساء وأطفال.",
           "وأضاف شهود أن القصف طال سوقا شعبيا ومدرسة ابتدائية، وأن الطرق المؤدية إلى المدينة أغلقت.",
           "وأفادت منظمة إغاثة بأن نحو {k} عائلة نزحت من القرى المجاورة خلال الأيام الثلاثة الماضية.",
           "ولم يصدر تعليق فوري من الجهات الرسمية على هذه الأنباء حتى ساعة إعداد هذا التقرير."]


@dataclass
class Case:
    path: str                 # relative to the corpus folder, as os.fsdecode spells it
    expect: str               # "ok" | "rejected"
    reason: str = ""          # a fragment of the rejection reason (files expected "rejected")
    note: str = ""            # a fragment of some item's notes (kept, but repaired)
    min_ok: int = 0           # ok items a "rejected" container still yields (the records before a break)
    text: str = ""            # a fragment the ok text must contain


def article(n: int, title: bool = True) -> str:
    """Report number `n`: its own title, place and figures, so no two inputs share content."""
    p = PLACES[n % len(PLACES)]
    body = [OPENINGS[n % len(OPENINGS)].format(p=p) + f"، وأسفرت عن مقتل {n + 3} أشخاص.",
            *(m.format(k=40 + 7 * n) for m in MIDDLES[: 2 + n % 3])]
    head = f"تطورات ميدانية في {p} - التقرير رقم {n}\n" if title else ""
    return head + "\n".join(body) + "\n"


def write_hostile_corpus(folder: Path, big: bool = True) -> dict[str, str]:
    """Write the corpus into `folder`; {relative path: "ok" | "rejected"} per input file."""
    return {c.path: c.expect for c in write_cases(folder, big)}


def write_cases(folder: Path, big: bool = True) -> list[Case]:
    """The corpus with what each file must give; `big=False` makes the 50 MB / 1 GiB cases smaller
    (still over the 20 MiB record cap, so their statuses are the same)."""
    w = _Writer(Path(folder))
    w.good()
    w.ids()
    w.bad_json()
    w.statuses()
    w.encodings()
    w.links()
    w.oversized(big)
    w.kept()
    return w.cases


class _Writer:
    def __init__(self, root: Path):
        self.root, self.cases, self.n = root, [], 0
        root.mkdir(parents=True, exist_ok=True)

    def text(self, title: bool = True) -> str:
        self.n += 1
        return article(self.n, title)

    def put(self, rel: str, data: bytes, expect: str = "ok", **kw) -> Case:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        case = Case(rel, expect, **kw)
        self.cases.append(case)
        return case

    def url(self, rel: str, n: int) -> str:
        return f"https://hostile.example/{rel}/{n}"

    def html(self, body: str, title: str = "تقرير") -> str:
        paras = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
        return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
                f"<nav>الرئيسية أخبار</nav><article>{paras}</article><footer>جميع الحقوق محفوظة</footer></body></html>")

    def good(self) -> None:
        """One good article (or two records) in every format."""
        self.put("good/report.txt", self.text().encode())
        self.put("good/page.html", self.html(self.text()).encode())
        rows = [{"id": f"hostile:good/batch.jsonl:{i}", "text": self.text(), "url": self.url("good/batch.jsonl", i)}
                for i in (1, 2)]
        self.put("good/batch.jsonl", _jsonl(rows))
        rows = [{"text": self.text(), "title": "خبر مضغوط"} for _ in (1, 2)]
        self.put("good/batch.jsonl.gz", _gz(_jsonl(rows)))
        self.put("good/crawl.warc.gz", _gz_members([
            _warc_record("warcinfo", b"software: hostile-test\r\n", rel="good/crawl.warc.gz", n=0),
            *(_warc_record("response", _http(self.html(self.text()).encode()), rel="good/crawl.warc.gz", n=i,
                           url=self.url("good/crawl.warc.gz", i)) for i in (1, 2))]))
        items = "".join(f"<item><title>خبر {i}</title><link>{self.url('good/feed.rss', i)}</link>"
                        f"<guid>hostile:good/feed.rss:{i}</guid><pubDate>Sun, 05 Mar 2023 07:00:00 GMT</pubDate>"
                        f"<description>{_escape(self.html(self.text()))}</description></item>" for i in (1, 2))
        self.put("good/feed.rss", f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                                  f"<title>نشرة الاختبار</title>{items}</channel></rss>".encode())

    def ids(self) -> None:
        """Names that used to share a doc_id."""
        self.put("ids/a/news.txt", self.text().encode())
        self.put("ids/b/news.txt", self.text().encode())
        self.put("ids/bulletin.txt", self.text().encode())
        self.put("ids/bulletin.html", self.html(self.text()).encode())
        self.put("ids/records.jsonl", _jsonl([{"text": self.text()}, {"text": self.text()}]))
        self.put("ids/records:2.txt", self.text().encode())            # named like line 2 of records.jsonl
        name = os.fsdecode(b"ids/caf\xe9-\xff.txt")                       # not UTF-8
        self.put(name, self.text().encode())
        self.put("ids/new\nline.txt", self.text().encode())

    def bad_json(self) -> None:
        good = self.text()
        self.put("json/not-gzip.jsonl.gz", _jsonl([{"text": good}]), "rejected", reason="not gzip")
        self.put("json/corrupt.jsonl.gz", _gz(_jsonl([{"text": good}] * 3))[:12] + b"\xde\xad\xbe\xef" * 64,
                 "rejected", reason="gzip")
        rng = random.Random(7)
        pad = "".join(str(rng.random()) for _ in range(300))     # digits: gzip cannot shrink them much
        whole = _gz(_jsonl([{"text": self.text()}, {"text": self.text()}, {"text": self.text(), "pad": pad}]))
        self.put("json/truncated.jsonl.gz", whole[: len(whole) - 300], "rejected", reason="cut short", min_ok=2)
        self.put("json/big-number.jsonl", b'{"id": ' + b"7" * 5000 + b', "text": ' + json.dumps(self.text()).encode()
                 + b"}\n", note="5000-digit number")
        self.put("json/deep.jsonl", b'{"text": "x", "n": ' + b"[" * 10_000 + b"]" * 10_000 + b"}\n",
                 "rejected", reason="nested too deeply")
        body = self.text()
        self.put("json/surrogate.jsonl", ('{"text": ' + json.dumps(body)[:-1] + ' \\ud800"}\n').encode(),
                 note="lone surrogates")
        self.put("json/wrong-types.jsonl", _jsonl([
            {"id": 17, "url": 5, "outlet": ["وكالة"], "title": {"ar": "عنوان"}, "published": 20230105,
             "text": self.text()},
            {"id": [1, 2], "title": True, "published": None, "text": self.text()}]), note="ignored 'title'")
        self.put("json/not-object.jsonl", b'["a list", "not an article"]\n', "rejected", reason="not an object")

    def statuses(self) -> None:
        """Inputs that used to hang the walk, vanish silently or be read as something they are not."""
        for rel, make in (("special/fifo", lambda p: os.mkfifo(p)), ("special/socket", _socket_file),
                          ("special/null-device", lambda p: os.mknod(p, stat.S_IFCHR | 0o600, os.makedev(1, 3)))):
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                make(str(path))
            except (OSError, AttributeError):       # no mknod without root, no AF_UNIX somewhere
                continue
            self.cases.append(Case(rel, "rejected", reason="not a regular file"))
        inside = "locked/inside.txt"
        self.put(inside, self.text().encode())
        os.chmod(self.root / "locked", 0)
        if os.access(self.root / "locked", os.R_OK):    # root reads it anyway: then it is one more article
            os.chmod(self.root / "locked", 0o755)
        else:
            self.cases.remove(self.cases[-1])
            self.cases.append(Case("locked", "rejected", reason="cannot read folder"))
        case = self.put("unreadable.txt", self.text().encode())
        os.chmod(self.root / "unreadable.txt", 0)
        if not os.access(self.root / "unreadable.txt", os.R_OK):
            case.expect, case.reason = "rejected", "cannot read file"
        self.put("containers/empty.jsonl.gz", _gz(b""), "rejected", reason="empty")
        self.put("containers/blank.jsonl", b"\n\n  \n", "rejected", reason="no JSON records")
        self.put("containers/empty.warc.gz", _gz(b""), "rejected", reason="empty")
        self.put("containers/warcinfo-only.warc.gz", _gz(_warc_record("warcinfo", b"software: x\r\n", rel="i", n=0)),
                 "rejected", reason="no response records")
        self.put("containers/header-cut.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le", "rejected",
                 reason="WARC")
        rec = _warc_record("response", _http(self.html(self.text()).encode()), rel="containers/long.warc", n=1,
                           url=self.url("containers/length-too-long.warc", 1))
        self.put("containers/length-too-long.warc", rec.replace(b"Content-Length: ", b"Content-Length: 9"), "rejected",
                 reason="truncated")
        short = _warc_record("response", _http(self.html(self.text()).encode()), rel="containers/short.warc", n=1,
                             url=self.url("containers/length-too-short.warc", 1), length_delta=-60)
        after = _warc_record("response", _http(self.html(self.text()).encode()), rel="containers/short.warc", n=2,
                             url=self.url("containers/length-too-short.warc", 2))
        # warcio finds the next record again; the record cut 60 bytes short keeps its (HTML) text
        self.put("containers/length-too-short.warc", short + after, note="wrong Content-Length")
        self.put("containers/notes.txt.gz", _gz(self.text().encode()))
        self.put("containers/bulletin.gz", _gz(self.text().encode()))
        self.put("containers/page.html.gz", _gz(self.html(self.text()).encode()))
        self.put("containers/text-named.warc.gz", _gz(self.text().encode()), "rejected", reason="not a WARC")

    def encodings(self) -> None:
        cut = self.text().encode()
        i = cut.index(b" ", 40) + 1
        cut = cut[:i] + b"\xff\xfe" + cut[i:] + "ة".encode()[:1]     # two stray bytes, a character cut in half
        self.put("enc/damaged-utf8.txt", cut, note="3 damaged bytes replaced", text="وأسفرت عن مقتل")
        for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            self.put(f"enc/{codec}-no-bom.txt", self.text().encode(codec), text="وأسفرت عن مقتل")
        self.put("enc/utf-32-bom.txt", codecs.BOM_UTF32_LE + self.text().encode("utf-32-le"), text="وأسفرت عن مقتل")
        self.put("enc/windows-1256.txt", self.text().encode("cp1256"), text="وأسفرت عن مقتل")
        for depth in (300, 5000):
            body = "".join(f"<p>{line}</p>" for line in self.text().splitlines())
            self.put(f"enc/nested-{depth}.html",
                     f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>".encode(),
                     text="وأسفرت عن مقتل")

    def links(self) -> None:
        links = self.root / "links"
        links.mkdir(parents=True, exist_ok=True)
        os.symlink("/etc/passwd", links / "passwd")
        self.cases.append(Case("links/passwd", "rejected", reason="symlink leads outside the given folders"))
        os.symlink("/etc", links / "etc-folder")
        self.cases.append(Case("links/etc-folder", "rejected", reason="symlink leads outside the given folders"))
        hidden = self.root / ".hidden"                   # not walked itself: only reached through the link
        hidden.mkdir(exist_ok=True)
        (hidden / "target.txt").write_bytes(self.text().encode())
        os.symlink("../.hidden/target.txt", links / "inside.txt")
        self.cases.append(Case("links/inside.txt", "ok"))
        os.symlink("..", links / "loop")                  # a cycle: must not be walked twice
        os.symlink("missing.txt", links / "dangling.txt")
        self.cases.append(Case("links/dangling.txt", "rejected", reason="cannot read file"))

    def oversized(self, big: bool) -> None:
        line_mb, bomb_mib = (50, 1024) if big else (21, 64)
        path = self.root / "big" / "long-line.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:               # streamed: a 50 MB line never sits in memory here either
            f.write(b'{"id": "long", "text": "')
            chunk = "خبر عاجل ".encode() * (MiB // 16)
            for _ in range(line_mb * MiB // len(chunk) + 1):
                f.write(chunk)
            f.write(b'"}\n' + _jsonl([{"text": self.text()}]))
        self.cases.append(Case("big/long-line.jsonl", "rejected", reason="JSONL line too long", min_ok=1))
        self.put("big/bomb.jsonl.gz", _gz(b'{"text": "') + _zero_member(bomb_mib) + _gz(b'"}\n'), "rejected",
                 reason="gzip bomb")
        self.put("big/bomb.txt.gz", _zero_member(bomb_mib), "rejected", reason="")
        head = _warc_record("response", _http(b"", length=bomb_mib * MiB), rel="big/bomb.warc.gz", n=1,
                            url=self.url("big/bomb.warc.gz", 1), length_delta=bomb_mib * MiB)
        self.put("big/bomb.warc.gz", _gz(head[:-4]) + _zero_member(bomb_mib) + _gz(b"\r\n\r\n"), "rejected",
                 reason="gzip bomb")

    def kept(self) -> None:
        """Behaviour that already held and must go on holding."""
        lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        self.put("feeds/entity-bomb.rss", (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">{lol}]>'
                                           f"<rss version='2.0'><channel><title>&l9;</title><item><guid>bomb</guid>"
                                           f"<description>{_escape(self.html(self.text()))}&l9;</description>"
                                           f"</item></channel></rss>").encode())
        self.put("feeds/xxe.rss", (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                   f"<rss version='2.0'><channel><title>t</title><item><guid>xxe</guid>"
                                   f"<description>{_escape(self.html(self.text()))}&x;</description>"
                                   f"</item></channel></rss>").encode())
        self.put("binary/photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "rejected", reason="PNG image")
        self.put("binary/nul.txt", "نص".encode() + b"\x00\x01\x02\x03" * 200, "rejected", reason="binary")
        records = [_warc_record("response", _http(self.html(self.text()).encode()), rel="warc/cut.warc.gz", n=i,
                                url=self.url("warc/cut.warc.gz", i)) for i in (1, 2, 3)]
        whole = _gz_members(records)
        self.put("warc/cut.warc.gz", whole[: len(whole) - 200], "rejected", reason="truncated", min_ok=2)


def _jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _gz_members(records: list[bytes]) -> bytes:
    """One gzip member per record, as WARC.gz files are written."""
    return b"".join(_gz(r) for r in records)


def _escape(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _http(payload: bytes, length: int | None = None) -> bytes:
    n = len(payload) if length is None else length
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {n}\r\n\r\n"
    return head.encode() + payload


def _warc_record(kind: str, block: bytes, rel: str, n: int, url: str | None = None, length_delta: int = 0) -> bytes:
    ctype = "application/http; msgtype=response" if kind == "response" else "application/warc-fields"
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:hostile:{rel}:{n}>\r\n"
            + (f"WARC-Target-URI: {url}\r\n" if url else "")
            + f"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(block) + length_delta}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


_ZERO_BLOCK: bytes | None = None


def _zero_member(mib: int) -> bytes:
    """A gzip member inflating to `mib` MiB of zeros, about 1 KB per MiB, built in well under a second:
    one MiB of zeros deflated with a full flush is a self-contained block, so it is repeated."""
    global _ZERO_BLOCK
    if _ZERO_BLOCK is None:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        _ZERO_BLOCK = c.compress(bytes(MiB)) + c.flush(zlib.Z_FULL_FLUSH)
    crc, zero = 0, bytes(MiB)
    for _ in range(mib):
        crc = zlib.crc32(zero, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)     # an empty final block
    out = io.BytesIO()
    out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
    for _ in range(mib):
        out.write(_ZERO_BLOCK)
    out.write(end + crc.to_bytes(4, "little") + ((mib * MiB) & 0xFFFFFFFF).to_bytes(4, "little"))
    return out.getvalue()


def _socket_file(path: str) -> None:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(path)
    finally:
        s.close()
