"""Hostile input for the readers: every file gets a status, ids are unique, memory stays bounded.

The corpus comes from `tests/hostile.py` (written at test time); each problem also has a small test
of its own below, with inputs written for it.
"""
from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.pipeline import prepare
from marsad.read.encoding import decode_text
from marsad.read.files import read_paths
from marsad.read.paths import printable
from marsad.read.webpage import extract_page
from tests.hostile import (
    _warc_record,
    _zero_member,
    article,
    write_cases,
    write_hostile_corpus,
)

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False
# Peak RSS allowed for reading the big hostile corpus: the interpreter with warcio and feedparser
# loaded is ~45 MB; the largest thing held is one record at the 20 MiB cap, as bytes and as text
# (×2–3) ≈ 60 MB. 300 MB leaves room for allocator slack yet fails loudly on any regression that
# reads a 50 MB line or inflates a 1 GiB bomb whole (that took 3.1 GB before).
PEAK_MB = 300


def items(*paths) -> list:
    return list(read_paths(list(paths)))


def by_file(root: Path, cases, got) -> dict[str, list]:
    """Map each item to the corpus file it came from: its source is the file (path, path:N, path#N)
    or a URL/record id that the generator derived from the file's relative path."""
    owners = defaultdict(list)
    for item in got:
        for case in sorted(cases, key=lambda c: -len(c.path)):
            full = printable(str(root / case.path))
            if (item.source == full or item.source.startswith((full + ":", full + "#"))
                    or f"/{case.path}/" in item.source):
                owners[case.path].append(item)
                break
        else:
            raise AssertionError(f"item {item.doc_id} ({item.source}) belongs to no corpus file")
    return owners


def test_hostile_corpus_every_file_gets_its_status(tmp_path):
    cases = write_cases(tmp_path, big=False)
    got = items(tmp_path)
    owners = by_file(tmp_path, cases, got)
    for case in cases:
        mine = owners[case.path]
        assert mine, f"{case.path}: no item"
        docs = [prepare(i) for i in mine]
        ok = [d for d in docs if d.status == "ok"]
        rejected = [d for d in docs if d.status != "ok"]
        if case.expect == "ok":
            assert not rejected, (case.path, [d.error for d in rejected])
        else:
            assert rejected and len(ok) >= case.min_ok, (case.path, [d.error for d in docs])
            assert any(case.reason in d.error for d in rejected), (case.path, [d.error for d in rejected])
        if case.note:
            assert any(case.note in n for i in mine for n in i.notes), (case.path, [i.notes for i in mine])
        if case.text:
            assert all(case.text in d.text for d in ok), case.path
        for d in rejected:
            assert d.error and "\n" not in d.error
    ids = [i.doc_id for i in got]
    assert len(ids) == len(set(ids))
    for i in got:          # every string can be hashed, printed and stored as UTF-8
        assert i.content_hash and (i.doc_id + i.source + (i.error or "")).encode("utf-8")
        assert i.doc_id.isprintable() and i.source.isprintable()
    texts = "\n".join(i.content for i in got)
    assert "root:" not in texts                                  # XXE did not read /etc/passwd
    assert all(f"التقرير رقم {n}" in texts for n in range(1, 6))   # the good articles of every format


def test_write_hostile_corpus_maps_every_file(tmp_path):
    expected = write_hostile_corpus(tmp_path, big=False)
    assert set(expected.values()) == {"ok", "rejected"}
    for rel in expected:
        assert os.path.lexists(tmp_path / rel), rel


def test_reading_the_big_corpus_stays_under_the_memory_bound(tmp_path):
    write_cases(tmp_path, big=True)          # 50 MB JSONL line, three 1 GiB gzip bombs
    # VmHWM is this process's own peak; ru_maxrss would also count pytest's pages at the fork (Linux
    # keeps the high-water mark across exec), which is why it is only the fallback.
    code = ("import resource, sys\nfrom marsad.read.files import read_paths\n"
            "n = sum(1 for _ in read_paths([sys.argv[1]]))\n"
            "try:\n    kb = int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
            "except (OSError, StopIteration):\n    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
            "print(n, kb // 1024)")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    n, peak_mb = map(int, out.stdout.split())
    assert n > 60 and peak_mb < PEAK_MB, (n, peak_mb)


# 1. doc_ids: unique per input, relative to the folder given, stable, scorer-compatible stems.

def test_ids_are_relative_paths_unique_and_stable(tmp_path):
    for rel, body in {"a/news.txt": 1, "b/news.txt": 2, "bulletin.txt": 3, "d01.txt": 5, "x:2.txt": 6}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(article(body), "utf-8")
    (tmp_path / "bulletin.html").write_text(f"<p>{article(4)}</p>", "utf-8")
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps({"text": article(n)}) for n in (7, 8)), "utf-8")
    (tmp_path / "feed.rss").write_text(
        "<rss version='2.0'><channel><title>ن</title><item><description>نص الخبر الأول</description></item>"
        "</channel></rss>", "utf-8")
    record = _warc_record("response", "HTTP/1.1 200 OK\r\n\r\n<p>نص</p>".encode(), rel="c", n=1, url="https://e.x/1")
    (tmp_path / "crawl.warc").write_bytes(record.replace(b"WARC-Record-ID: <urn:hostile:c:1>\r\n", b""))
    first = [i.doc_id for i in items(tmp_path)]
    assert first == [i.doc_id for i in items(tmp_path)]                     # stable across runs
    assert len(set(first)) == len(first)
    assert {"a/news", "b/news", "bulletin.txt", "bulletin.html", "d01", "x:1", "x:2", "x\\:2", "feed#1",
            "crawl#1"} <= set(first), first
    assert [i.doc_id for i in items(tmp_path / "d01.txt")] == ["d01"]        # a file given directly: its stem


def test_two_folders_given_with_the_same_names_get_distinct_ids(tmp_path):
    for folder, n in (("one", 1), ("two", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "news.txt").write_text(article(n), "utf-8")
    got = items(tmp_path / "one", tmp_path / "two", tmp_path / "one" / "news.txt")
    ids = [i.doc_id for i in got]
    assert ids[0] == "news" and len(set(ids)) == 3, ids


def test_file_names_that_are_not_utf8_are_printable_ids_and_sources(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9\n.txt")
    with open(raw, "wb") as f:
        f.write(article(1).encode())
    [item] = items(tmp_path)
    assert item.doc_id == "caf\\xe9\\u000a" and item.source.endswith("caf\\xe9\\u000a.txt")
    assert not item.error and item.content_hash
    doc = prepare(item)
    assert doc.status == "ok" and (doc.doc_id + doc.source).encode("utf-8")


# 2. One bad file never aborts a folder.

BAD_FILES = {
    "plain.jsonl.gz": (b'{"text": "x"}\n', "not gzip data"),
    "corrupt.jsonl.gz": (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + b"\xff" * 300, "gzip"),
    "cut.jsonl.gz": (gzip.compress(b'{"text": "' + "خبر ".encode() * 3000 + b'"}\n')[:-40], "cut short"),
    "deep.jsonl": (b'{"text": ' + b"[" * 10_000 + b"]" * 10_000 + b"}\n", "nested too deeply"),
    "notjson.jsonl": (b'{"text": "unterminated\n', "invalid JSON"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_one_bad_file_is_one_rejected_item_and_the_folder_goes_on(tmp_path, name):
    data, reason = BAD_FILES[name]
    (tmp_path / name).write_bytes(data)
    (tmp_path / "z_good.txt").write_text(article(1), "utf-8")
    got = items(tmp_path)
    bad = [i for i in got if i.doc_id != "z_good"]
    assert len(bad) == 1 and bad[0].error and reason in bad[0].error, [(i.doc_id, i.error) for i in bad]
    assert [i.text for i in got if i.doc_id == "z_good"] == [article(1)]


def test_awkward_json_is_kept_with_notes(tmp_path):
    body = article(2)
    rows = ['{"id": ' + "9" * 5000 + ", \"text\": " + json.dumps(body) + "}",
            '{"text": ' + json.dumps(body)[:-1] + ' \\ud800"}',
            json.dumps({"id": 12, "url": 7, "outlet": ["أ"], "title": {"t": 1}, "published": 20240101, "text": body})]
    (tmp_path / "odd.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    big, surrogate, types = items(tmp_path / "odd.jsonl")
    assert big.doc_id == "odd:1" and "ignored 'id': a 5000-digit number, not text" in big.notes
    assert surrogate.text.endswith(" \ufffd") and "lone surrogates" in surrogate.notes[0]
    assert surrogate.content_hash
    assert types.doc_id == "12" and types.meta == {"url": "7", "published": "20240101"}
    assert types.source.endswith("odd.jsonl:3")       # "7" is no URL: the line stays the source
    assert {"ignored 'outlet': a list, not text", "ignored 'title': an object, not text"} <= set(types.notes)
    assert not any(i.error for i in (big, surrogate, types))


# 3. Every input gets a status, and nothing hangs.

def _read_with_timeout(path, seconds=20) -> list:
    result: list = []
    worker = threading.Thread(target=lambda: result.extend(items(path)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading hung"
    return result


def test_fifo_socket_and_empty_containers_are_rejected_not_hung(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock"))
    sock.close()
    (tmp_path / "empty.jsonl.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "empty.warc.gz").write_bytes(gzip.compress(b""))
    (tmp_path / "info.warc").write_bytes(_warc_record("warcinfo", b"software: t\r\n", rel="i", n=0))
    (tmp_path / "cut.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Len")
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(article(3).encode()))
    got = {i.doc_id: i for i in _read_with_timeout(tmp_path)}
    assert got["pipe"].error == "not a regular file (FIFO)" and got["sock"].error == "not a regular file (socket)"
    assert got["empty.jsonl.gz"].error.startswith("empty file") and got["empty.warc.gz"].error.startswith("empty")
    assert got["info"].error.startswith("WARC has no response records")
    assert got["cut"].error.startswith("damaged WARC")
    assert got["notes.txt"].text == article(3) and not got["notes.txt"].error


def test_unreadable_folder_and_file_become_rejected_items(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(article(1), "utf-8")
    (tmp_path / "secret.txt").write_text(article(2), "utf-8")
    (tmp_path / "z.txt").write_text(article(3), "utf-8")
    if ROOT:    # root reads anything: make the OS say no the way it would to anyone else
        real_scandir, real_open = os.scandir, os.open

        def scandir(path):
            if str(path).endswith("locked"):
                raise PermissionError(13, "Permission denied")
            return real_scandir(path)

        def os_open(path, *a, **kw):
            if str(path).endswith("secret.txt"):
                raise PermissionError(13, "Permission denied")
            return real_open(path, *a, **kw)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "open", os_open)
    else:
        os.chmod(tmp_path / "locked", 0)
        os.chmod(tmp_path / "secret.txt", 0)
    try:
        got = {i.doc_id: i.error for i in items(tmp_path)}
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    assert got == {"secret": "cannot read file: Permission denied", "z": None,
                   "locked/": "cannot read folder: Permission denied"}


# 4. Encodings.

def test_mostly_utf8_with_damaged_bytes_stays_utf8_with_a_note():
    text = article(1)
    data = text.encode()
    i = data.index(b" ", 30) + 1
    d = decode_text(data[:i] + b"\xc3" + data[i:] + "ش".encode()[:1])   # a stray lead byte; a letter cut in half
    assert d.encoding == "utf-8" and d.notes == ["2 damaged bytes replaced (invalid UTF-8)"]
    assert d.text == text[: len(data[:i].decode())] + "\ufffd" + text[len(data[:i].decode()):] + "\ufffd"


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b""), ("utf-16-be", b""), ("utf-32-le", b""),
                                       ("utf-32-be", b""), ("utf-32-le", b"\xff\xfe\x00\x00"),
                                       ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_wide_encodings_with_or_without_a_mark(tmp_path, codec, bom):
    (tmp_path / "a.txt").write_bytes(bom + article(4).encode(codec))
    [item] = items(tmp_path)
    assert not item.error and item.text == article(4)


def test_windows_1256_is_still_detected():
    assert decode_text(article(5).encode("cp1256")).encoding == "cp1256"


def test_html_nested_past_lxml_limit_still_yields_text():
    body = "".join(f"<p>{line}</p>" for line in article(6).splitlines())
    for depth in (260, 3000):
        page = extract_page(f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>")
        assert "التقرير رقم 6" in page.text and "وأسفرت عن مقتل 9 أشخاص" in page.text


# 5. Symlinks.

def test_symlinks_out_of_the_folder_are_refused_inside_followed_cycles_stopped(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(article(1), "utf-8")
    (root / "sub" / "real.txt").write_text(article(2), "utf-8")
    os.symlink(outside / "secret.txt", root / "leak.txt")
    os.symlink(outside, root / "leakdir")
    os.symlink("/etc/passwd", root / "passwd")
    os.symlink("sub/real.txt", root / "alias.txt")
    os.symlink("..", root / "sub" / "up")                       # a cycle
    got = {i.doc_id: i for i in _read_with_timeout(root)}
    for name in ("leak", "leakdir", "passwd"):
        assert got[name].error == "symlink leads outside the given folders"
    assert got["alias"].text == got["sub/real"].text == article(2)
    assert len(got) == 5
    [direct] = items(root / "leak.txt")                          # given directly: the user's choice
    assert direct.text == article(1) and direct.doc_id == "leak"


# 6. Bounded memory: per-record cap, streamed gzip with a bomb guard, capped WARC payloads.

def test_overlong_jsonl_line_is_skipped_with_a_reason(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_RECORD_BYTES", "4000")
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": "خبر " * 5000}) + "\n"
                                      + json.dumps({"text": article(1)}, ensure_ascii=False) + "\n", "utf-8")
    long, good = items(tmp_path)
    assert long.doc_id == "a:1" and long.error.startswith("JSONL line too long") and long.size > 20_000
    assert good.doc_id == "a:2" and good.text == article(1)


def test_gzip_bomb_stops_after_the_cap(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_RECORD_BYTES", str(1024 * 1024))
    (tmp_path / "bomb.jsonl.gz").write_bytes(_zero_member(64))
    (tmp_path / "bomb.txt.gz").write_bytes(_zero_member(64))
    got = {i.doc_id: i.error for i in items(tmp_path)}
    assert "gzip bomb" in got["bomb:1"] and "too large" in got["bomb.txt"]


def test_warc_payload_over_the_cap_is_rejected_and_the_archive_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("MARSAD_MAX_RECORD_BYTES", "5000")
    big = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + "خبر ".encode() * 2000 + b"</p>"
    small = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + article(1).encode() + b"</p>"
    (tmp_path / "c.warc").write_bytes(_warc_record("response", big, rel="c", n=1, url="https://e.x/1")
                                      + _warc_record("response", small, rel="c", n=2, url="https://e.x/2"))
    first, second = items(tmp_path)
    assert "payload too large" in first.error and second.html and not second.error


# 7. What already held.

def test_truncated_warc_gz_keeps_the_records_before_the_break(tmp_path):
    records = [_warc_record("response", b"HTTP/1.1 200 OK\r\n\r\n<p>" + article(n).encode() + b"</p>",
                            rel="w", n=n, url=f"https://e.x/{n}") for n in (1, 2, 3)]
    data = b"".join(gzip.compress(r) for r in records)
    (tmp_path / "w.warc.gz").write_bytes(data[:-150])
    got = items(tmp_path)
    assert [bool(i.error) for i in got] == [False, False, True] and "truncated" in got[-1].error


def test_entity_bomb_and_xxe_in_a_feed_are_defused(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    (tmp_path / "bomb.rss").write_text(f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "ha">{lol}'
                                       f'<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel>'
                                       f"<item><guid>g</guid><description>نص الخبر &amp;l9; &l9; &x;</description>"
                                       f"</item></channel></rss>", "utf-8")
    [item] = _read_with_timeout(tmp_path, seconds=5)
    assert "نص الخبر" in item.html and "root:" not in item.html and len(item.html) < 1000


def test_binary_files_are_rejected_with_their_kind(tmp_path):
    (tmp_path / "p.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    [item] = items(tmp_path)
    assert item.error == "binary file (PDF document), not text"


def test_read_paths_never_raises_on_a_path_that_does_not_exist(tmp_path):
    [item] = items(tmp_path / "missing.txt")
    assert item.error == "cannot read file: No such file or directory"


def test_a_disk_error_mid_file_becomes_an_item(tmp_path, monkeypatch):
    from marsad.read import jsonl

    (tmp_path / "a.jsonl").write_text(json.dumps({"text": article(1)}) + "\n", "utf-8")

    def failing(stream, cap):
        yield 1, json.dumps({"text": article(2)}).encode()
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(jsonl, "iter_lines", failing)
    first, second = items(tmp_path)
    assert first.text == article(2) and second.doc_id == "a:2" and "Input/output error" in second.error
