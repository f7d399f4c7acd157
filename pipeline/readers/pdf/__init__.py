"""PDF reader: two-column white-paper pages to document text, pages and blocks.

A small package, one concern a module, data flowing one way:

- `chars`: the char-source interface (`open_source(engine, data)`), with the
  engines in `pdfium` (default) and `plumber` (pdfplumber, the reference);
- `words`: duplicate (fake-bold) chars removed, chars grouped into words;
- `lines`, `columns`: words into rows and lines; the gutter of a two-column
  page, read band by band, left column before right;
- `margins`: running headers and footers (repetition *and* position);
- `blocks`: the whole document's lines into headings, paragraphs (hyphenation
  undone, carried over columns and pages), captions and notes, the text and
  the page spans.

Pages are independent until `blocks`, so a long PDF is spread over processes.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Callable, Iterator, Optional

from odaextract.pipeline.headings import EDITION_TITLE
from odaextract.pipeline.reader_types import InputError, ReadResult
from odaextract.pipeline.readers.pdf.blocks import _join, _vocabulary, assemble  # noqa: F401  (_join, _vocabulary: tests)
from odaextract.pipeline.readers.pdf.chars import DEFAULT_ENGINE, ENGINES, PageChars, open_source
from odaextract.pipeline.readers.pdf.columns import page_lines
from odaextract.pipeline.readers.pdf.lines import Line, PageResult  # noqa: F401
from odaextract.pipeline.readers.pdf.words import dedupe, words

# Pages above which extraction is spread over processes (when there are cores).
PARALLEL_MIN_PAGES = 40
# ODAX_PDF_WORKERS=1 forces serial extraction; N>1 caps the processes.
WORKERS_ENV = "ODAX_PDF_WORKERS"
# The char source ("pdfium" or "pdfplumber"); `odaextract run --pdf-engine` sets it.
ENGINE_ENV = "ODAX_PDF_ENGINE"
# Refuse PDFs with more pages than this (0: no limit); `odaextract run --max-pages` sets it.
MAX_PAGES_ENV = "ODAX_PDF_MAX_PAGES"


# Ranges of pages per page process: small enough that the processes finish together.
CHUNKS_PER_WORKER = 8
# The batch's own worker processes, when it has them (see `shared_page_processes`).
_SHARED: ContextVar[Optional[Callable[[], Executor]]] = ContextVar("odax_pdf_page_processes", default=None)


@contextmanager
def shared_page_processes(executor: Callable[[], Executor]) -> Iterator[None]:
    """Read long PDFs' pages in processes the caller already has (the batch's
    block pool: started early, its model loading overlapping the reading)
    rather than in a pool of their own; `executor` returns it, started on
    demand. This process reads ranges too while it waits (see `_extract_shared`)."""
    token = _SHARED.set(executor)
    try:
        yield
    finally:
        _SHARED.reset(token)


def engine_name(engine: Optional[str] = None) -> str:
    name = (engine or os.environ.get(ENGINE_ENV, "").strip() or DEFAULT_ENGINE).lower()
    if name not in ENGINES:
        raise ValueError(f"unknown PDF engine {name!r}; choose one of {', '.join(ENGINES)}")
    return name


def _max_pages(max_pages: Optional[int]) -> int:
    if max_pages is None:
        env = os.environ.get(MAX_PAGES_ENV, "").strip()
        max_pages = int(env) if env.isdigit() else 0
    return max_pages


def extract_page(page: PageChars) -> PageResult:
    """One page's lines (plain data, picklable), whatever the char source."""
    height = page.bottom - page.top
    page_words = words(dedupe(page.chars))
    sizes: Counter = Counter()
    for word in page_words:
        sizes[round(float(word["size"]), 1)] += len(word["text"])
    chars = sum(sizes.values())
    lines = page_lines(page_words, page.number, page.x0, page.x1, page.top, page.bottom)
    return PageResult(page.number, height, tuple(lines), tuple(sorted(sizes.items())), chars)


def _extract_pages(data: bytes, start: int, stop: int, engine: str) -> list[PageResult]:
    document = open_source(engine, data)
    try:
        return [extract_page(document.page(index)) for index in range(start, stop)]
    finally:
        document.close()


def _extract_range(data: bytes, start: int, stop: int, engine: str) -> tuple:
    """Worker: pages [start, stop) (0-based) as ("ok", pages) or ("input", cause).

    An InputError does not survive pickling between processes, so its cause
    travels as data; any other exception (a bug) propagates as it is."""
    try:
        return ("ok", _extract_pages(data, start, stop, engine))
    except InputError as exc:
        return ("input", exc.cause)


def _workers(pages: int, workers: Optional[int]) -> int:
    if workers is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        workers = int(env) if env.isdigit() and int(env) > 0 else None
    cpus = os.cpu_count() or 1
    if workers is None:
        workers = cpus if pages > PARALLEL_MIN_PAGES else 1
    return max(1, min(workers, cpus, pages // 10 or 1))


def _ranges(count: int, workers: int) -> list[tuple[int, int]]:
    step = -(-count // (workers * CHUNKS_PER_WORKER))
    return [(start, min(count, start + step)) for start in range(0, count, step)]


def _extract_all(data: bytes, path: Path, count: int, workers: int, engine: str) -> list[PageResult]:
    shared = _SHARED.get()
    if workers <= 1:
        parts = [_extract_range(data, 0, count, engine)]
    elif shared is not None:
        parts = _extract_shared(shared(), data, count, workers, engine)
    else:
        parts = _extract_parallel(data, count, workers, engine)
    pages: list[PageResult] = []
    for status, value in parts:
        if status == "input":
            raise InputError(path, value)
        pages.extend(value)
    return pages


def _extract_shared(executor: Executor, data: bytes, count: int, workers: int, engine: str) -> list[tuple]:
    """The ranges over the caller's processes, and over this one: while it waits,
    this process takes the last range no process has started (a cancelled
    future) and reads it itself. Results in page order whoever read them."""
    futures = [executor.submit(_extract_range, data, start, stop, engine) for start, stop in _ranges(count, workers)]
    parts: list = [None] * len(futures)
    try:
        for index in range(len(futures) - 1, -1, -1):
            future = futures[index]
            if future.cancel():
                start, stop = _ranges(count, workers)[index]
                parts[index] = _extract_range(data, start, stop, engine)
        # A page process that dies is BrokenProcessPool here: an internal error, as below.
        return [part if part is not None else future.result() for part, future in zip(parts, futures)]
    finally:
        for future in futures:
            future.cancel()


def _extract_parallel(data: bytes, count: int, workers: int, engine: str) -> list[tuple]:
    import multiprocessing
    import threading
    ranges = _ranges(count, workers)
    # fork is cheapest and re-imports nothing, but is only safe while this process
    # has a single thread; otherwise a fresh interpreter per worker.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    try:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
    except OSError as exc:
        # No processes to be had: the same work in this process, said aloud.
        print(f"odaextract: cannot start PDF page processes ({exc}); reading the pages in one process", file=sys.stderr)
        return [_extract_range(data, 0, count, engine)]
    # A page process that dies (killed, out of memory) is not re-run in secret: BrokenProcessPool
    # goes on to the batch, which records it as an internal error with its traceback.
    with pool:
        futures = [pool.submit(_extract_range, data, start, stop, engine) for start, stop in ranges]
        return [future.result() for future in futures]


def read_pdf(
    path: Path, data: bytes, workers: Optional[int] = None, engine: Optional[str] = None,
    max_pages: Optional[int] = None,
) -> ReadResult:
    """Read a PDF (see the module doc). `workers=1` (or ODAX_PDF_WORKERS=1) forces serial;
    `engine` (or ODAX_PDF_ENGINE) picks the char source; `max_pages` (or
    ODAX_PDF_MAX_PAGES) refuses longer PDFs with one error line."""
    engine = engine_name(engine)
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "truncated or damaged PDF: no %%EOF marker at the end (file cut short?)")
    document = open_source(engine, data, path)
    try:
        count, metadata = document.page_count, document.metadata
    finally:
        document.close()
    if count == 0:
        raise InputError(path, "truncated or damaged PDF: no pages")
    limit = _max_pages(max_pages)
    if limit and count > limit:
        raise InputError(path, f"{count} pages, over the {limit}-page limit (raise it with --max-pages)")
    pages = _extract_all(data, path, count, _workers(count, workers), engine)
    if not any(page.chars for page in pages):
        raise InputError(path, "no text layer; OCR it first")
    result = assemble(pages)
    if not result.text.strip():
        raise InputError(path, "no text outside headers and footers")
    title = _title(metadata, pages, result)
    return ReadResult(result.text, result.pages, result.blocks, title)


def _title(metadata: dict, pages: list[PageResult], result: ReadResult) -> Optional[str]:
    raw = metadata.get("Title")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    title = " ".join(str(raw).split()) if raw else ""
    if title and (EDITION_TITLE.search(title) or not EDITION_TITLE.search(result.text[:2000])):
        return title
    # else the largest line(s) on the first page with text
    for page in pages:
        if page.lines:
            biggest = max(line.size for line in page.lines)
            text = " ".join(line.text for line in page.lines if line.size == biggest)
            return " ".join(text.split())[:300] or title or None
    return title or None
