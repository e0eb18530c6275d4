"""marsad's pipeline, top-down: raw input → cleaned, dated article → annotated Document.

    read_paths (ingest)  →  prepare (webpage, clean, dates)  →  annotate (stages in order)

Each stage maps a batch of Documents to the same Documents, annotated (like spaCy's `pipe`: the
neural tagger runs faster over many articles at once); `stages()` lists them in order, so adding one
is a one-line change here and nowhere else.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from marsad.model import Document, RawItem
from marsad.read.files import read_paths
from marsad.text.arabic import arabic_ratio
from marsad.text.clean import clean_text
from marsad.text.published import choose_published, parse_date

MIN_ARABIC_RATIO = 0.5        # below this share of Arabic letters an article is not Arabic news
# The longest article annotated, in cleaned characters (env MARSAD_MAX_ARTICLE_CHARS): every stage
# is linear in length, but one 20 MB "article" (a whole site dumped into one field) would still hold
# a batch for minutes. Longer text is cut at a paragraph or sentence end, with a note in doc.notes.
MAX_ARTICLE_CHARS = 200_000
PRE_CUT = 4         # text beyond 4 × the cap is dropped before cleaning (chrome never fills 3/4 of a page)

Stage = Callable[[list[Document]], list[Document]]
BATCH = 16          # articles annotated together: the neural tagger shares its per-step cost across them


@lru_cache(maxsize=1)
def stages() -> tuple[Stage, ...]:
    """The annotation stages in order, each over a batch of documents (imported lazily: models
    load once, on first use). A stage written for one document is lifted with `each`."""
    from marsad.extraction.entities import tag_entities_many
    from marsad.extraction.events import find_doc_events
    from marsad.extraction.geo import load_from_environment
    from marsad.extraction.implied_countries import implied_countries
    from marsad.extraction.quotes import find_doc_quotes

    load_from_environment()          # MARSAD_GAZETTEER: user gazetteers, before any place lookup
    # countries named only by adjective join the entities last: events read the text's own places
    return (tag_entities_many, each(find_doc_quotes), each(find_doc_events), each(implied_countries))


def each(stage: Callable[[Document], Document]) -> Stage:
    return lambda docs: [stage(d) for d in docs]


def prepare(item: RawItem) -> Document:
    """Extract and clean one input; a Document with status `rejected` and a reason if unusable."""
    doc = Document(doc_id=item.doc_id, source=item.source, fmt=item.fmt,
                   content_hash=item.content_hash, raw=item.content, notes=list(item.notes))
    if item.error:
        return reject(doc, item.error)
    meta = item.meta
    markup_date, sitename, title, text = None, None, meta.get("title"), item.text or ""
    if item.html is not None:
        from marsad.read.webpage import extract_page
        page = extract_page(item.html, meta.get("url"))
        text, title = page.text, title or page.title
        markup_date, sitename = page.published, page.sitename
        doc.url = page.url
    doc.url = meta.get("url") or doc.url
    cap, received = max_article_chars(), len(text)
    if received > PRE_CUT * cap:        # cleaning copies what it reads: a 50 MB text would cost 500 MB
        text = text[:cut_point(text, PRE_CUT * cap)]
    cleaned = clean_text(text, known_title=title)
    if len(cleaned.text) > cap or len(text) < received:
        cut = cut_point(cleaned.text, cap) if len(cleaned.text) > cap else len(cleaned.text)
        doc.notes.append(f"text cut at {cut:,} characters (MAX_ARTICLE_CHARS = {cap:,}), at a paragraph or "
                         f"sentence end; {received:,} characters received")
        cleaned.text = cleaned.text[:cut]
    if not cleaned.text.strip():
        return reject(doc, "no article text left after removing page chrome")
    ratio = arabic_ratio(cleaned.text)
    if ratio < MIN_ARABIC_RATIO:
        return reject(doc, f"not Arabic text ({ratio:.0%} of letters are Arabic)")
    doc.text, doc.title, doc.subtitle = cleaned.text, title or cleaned.title, cleaned.subtitle
    doc.outlet = meta.get("outlet") or sitename or cleaned.outlet
    if cleaned.dateline:
        doc.dateline = doc.span(*cleaned.dateline)
    if cleaned.dateline_span:
        doc.dateline_whole = doc.span(*cleaned.dateline_span)
    doc.page_dates = sorted({d.isoformat() for d in cleaned.page_dates})
    candidates = [(src, d) for src, d in (("metadata", parse_date(meta.get("published"))),
                                          ("metadata", markup_date),
                                          *(("byline", d) for d in cleaned.byline_dates)) if d]
    doc.published, doc.published_confidence, doc.published_source = choose_published(
        candidates, doc.text, cleaned.page_dates)
    return doc


def max_article_chars() -> int:
    return int(os.environ.get("MARSAD_MAX_ARTICLE_CHARS") or MAX_ARTICLE_CHARS)


def cut_point(text: str, cap: int) -> int:
    """Where to cut `text` to at most `cap` characters: the last paragraph end before it, else the
    last sentence end, else the last space, unless that loses more than half."""
    for ends, keep in ((("\n",), 0), ((". ", "؟ ", "! ", "? "), 1), ((" ",), 0)):   # keep: the mark itself
        at = max(text.rfind(e, 0, cap) for e in ends)
        if at > cap // 2:
            return at + keep
    return cap


def reject(doc: Document, reason: str) -> Document:
    doc.status, doc.error = "rejected", reason
    return doc


def annotate(doc: Document) -> Document:
    return annotate_many([doc])[0]


def annotate_many(docs: list[Document]) -> list[Document]:
    ok = [d for d in docs if d.status == "ok"]
    for stage in stages():
        ok = stage(ok) if ok else ok
    return docs


def process(item: RawItem) -> Document:
    """One input through the whole pipeline; never raises for bad input."""
    return process_many([item])[0]


def process_many(items: list[RawItem]) -> list[Document]:
    """Inputs through the whole pipeline, annotated as one batch; never raises for bad input.

    If annotating the batch fails, each input is redone alone, so the error stays with the one
    article that caused it.
    """
    try:
        return annotate_many([prepare(item) for item in items])
    except Exception as e:  # a bug on one article must not stop a crawl-sized batch
        if os.environ.get("MARSAD_DEBUG"):
            raise
        if len(items) > 1:
            return [process(item) for item in items]
        item = items[0]
        doc = Document(item.doc_id, item.source, item.fmt, item.content_hash, raw=item.content,
                       notes=list(item.notes))
        return [reject(doc, f"internal error: {type(e).__name__}: {e}")]


def extract(paths: Iterable[str | os.PathLike]) -> Iterator[Document]:
    """Documents for every input under `paths`, streamed (the Python API behind `marsad extract`)."""
    batch: list[RawItem] = []
    for item in read_paths(paths):
        batch.append(item)
        if len(batch) == BATCH:
            yield from process_many(batch)
            batch = []
    yield from process_many(batch)
