"""PDF reader: two-column white-paper pages to document text, pages and blocks.

pdfplumber is the layout engine. Per page (pages are independent, so a long
PDF is spread over processes) the reader:

- removes duplicated (bold-by-overprint) chars, as pdfplumber's
  `dedupe_chars()` does but in one pass (`_dedupe`: the library's version
  took over half the reading time);
- crops the top and bottom bands where running headers and page numbers sit;
- finds the gutter from the words' x positions (a vertical band no word
  enters, or only a few full-width lines cross) and splits the page into
  bands at full-width lines (headings across both columns): band by band,
  the left column is read before the right one, so column text never
  interleaves;
- groups words into lines with their font size, weight and slant.

Then, over the whole document, it drops lines in the header/footer zones that
repeat across pages (digits masked), measures the body font size (the most
common char size), and assembles blocks: headings (larger or bold lines,
levels from the white papers' numbering marks and the size rank), paragraphs
(line breaks become spaces, words hyphenated at a line end are rejoined,
paragraphs carried over columns and pages are joined), captions and notes
(small print; footnotes are kept as "note" blocks, placed with their page).

The document text is the blocks joined by "\\n"; every offset downstream
indexes it. Note references in the text ("Note 42") are kept as text; they
are not linked to the note blocks (the layout model has no place for links).
"""

from __future__ import annotations

import io
import os
import re
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Optional, Sequence

from pipeline.headings import EDITION_TITLE, mark_level
from pipeline.ingest import InputError, LayoutBlock, PageSpan, ReadResult

# Pages above which extraction is spread over processes (when there are cores).
PARALLEL_MIN_PAGES = 40
# ODAX_PDF_WORKERS=1 forces serial extraction; N>1 caps the processes.
WORKERS_ENV = "ODAX_PDF_WORKERS"

# Top and bottom bands cropped away on every page (fraction of page height):
# running headers and page numbers live there.
CROP_BAND = 0.05
# Lines in these outer zones that repeat across pages are headers/footers too.
MARGIN_ZONE = 0.075
_HEADING_MAX_CHARS = 160

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|-bd|,b\b", re.I)
_ITALIC = re.compile(r"italic|oblique|-it\b|,i\b", re.I)
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,7})[\W_]*$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;。][\"'”’)\]]*$")
_NOTE_START = re.compile(r"^(?:-\s*)?(?:Note\s+\d+\s*:|\*\S)")
_NOTE_LINE = re.compile(r"^Note\s+\d+\s*:")
_CAPTION = re.compile(r"\((?:Photos?|Source)\s*:[^)]*\)\s*$")



class Line(NamedTuple):
    """One text line, as a worker process returns it (plain data, picklable)."""

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    italic: bool
    column: str  # "L", "R" (two-column band) or "F" (full width / single column)
    col_x0: float  # the column's left and right edges on this page
    col_x1: float
    zone: str  # "top" / "bottom" when inside the header/footer zones, else ""


class PageResult(NamedTuple):
    number: int
    height: float
    lines: tuple[Line, ...]
    sizes: tuple[tuple[float, int], ...]  # char size -> char count
    chars: int


# ------------------------------------------------------------------ per page


def _open(data: bytes, path: Path):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer's errors
        inner = exc.__cause__ or exc.__context__ or exc
        for candidate in (exc, inner, *getattr(exc, "args", ())):
            if isinstance(candidate, (PDFPasswordIncorrect, PDFEncryptionError)):
                raise InputError(path, "encrypted PDF; decrypt it first") from None
        raise InputError(path, f"truncated or damaged PDF: {_short(inner)}") from None


def _short(exc: BaseException) -> str:
    text = (str(exc).splitlines() or [""])[0].strip() or type(exc).__name__
    return text[:160]


def _extract_range(data: bytes, start: int, stop: int) -> list[PageResult]:
    """Worker: open the PDF and extract pages [start, stop) (0-based).

    Errors come back as RuntimeError with a one-line message (pdfminer's own
    exceptions do not always survive pickling between processes)."""
    try:
        return _extract_pages(data, start, stop)
    except InputError as exc:
        raise RuntimeError(exc.cause) from None
    except Exception as exc:
        raise RuntimeError(f"truncated or damaged PDF: {_short(exc)}") from None


def _extract_pages(data: bytes, start: int, stop: int) -> list[PageResult]:
    pdf = _open(data, Path("<pdf>"))
    try:
        results = []
        for index in range(start, stop):
            page = pdf.pages[index]
            try:
                results.append(_extract_page(page, index + 1))
            finally:
                page.close()
        return results
    finally:
        pdf.close()


def _extract_page(page, number: int) -> PageResult:
    x_min, y_min, x_max, y_max = (float(v) for v in page.bbox)
    height = y_max - y_min
    chars = _dedupe(page.chars)
    words = _WORDS.extract_words(chars)
    sizes: Counter = Counter()
    for word in words:
        sizes[round(float(word["size"]), 1)] += len(word["text"])
    chars = sum(sizes.values())
    band = CROP_BAND * height
    words = [w for w in words if w["top"] >= y_min + band and w["bottom"] <= y_max - band]
    lines = _lines(words, number, x_min, x_max, y_min, y_max)
    return PageResult(number, height, tuple(lines), tuple(sorted(sizes.items())), chars)


class _LazyWordExtractor:
    def __init__(self) -> None:
        self._extractor = None

    def extract_words(self, chars: list[dict]) -> list[dict]:
        if self._extractor is None:
            from pdfplumber.utils.text import WordExtractor

            self._extractor = WordExtractor(
                x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False, use_text_flow=False,
                extra_attrs=["fontname", "size"],
            )
        return self._extractor.extract_words(chars)


_WORDS = _LazyWordExtractor()


def _dedupe(chars: list[dict], tolerance: float = 1.0) -> list[dict]:
    """Drop chars printed twice at (nearly) the same place, as fake-bold text does.

    What pdfplumber's `page.dedupe_chars()` does (same text, font and size
    within `tolerance`), in one pass over a grid instead of sorting groups."""
    grid: dict[tuple, list[dict]] = {}
    kept = []
    for char in chars:
        text = char.get("text")
        key = (text, char.get("fontname"), round(float(char.get("size", 0)), 2))
        gx, gy = int(char["x0"] // tolerance), int(char["top"] // tolerance)
        duplicate = False
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in grid.get((key, gx + dx, gy + dy), ()):
                    if abs(other["x0"] - char["x0"]) <= tolerance and abs(other["top"] - char["top"]) <= tolerance:
                        duplicate = True
                        break
                if duplicate:
                    break
            if duplicate:
                break
        if duplicate:
            continue
        grid.setdefault((key, gx, gy), []).append(char)
        kept.append(char)
    return kept


def _gutter(rows: Sequence[list[dict]], x_min: float, x_max: float) -> Optional[tuple[float, float]]:
    """The widest vertical band in the middle of the page that (almost) no word enters.

    Rows that run across most of the text width without a wide gap (full-width
    headings, footnotes, single-column text) do not count: they cross a gutter."""
    all_words = [w for row in rows for w in row]
    if len(all_words) < 8:
        return None
    text_x0 = min(w["x0"] for w in all_words)
    text_x1 = max(w["x1"] for w in all_words)
    words = []
    for row in rows:
        ordered = sorted(row, key=lambda w: w["x0"])
        span = ordered[-1]["x1"] - ordered[0]["x0"]
        widest_gap = max((b["x0"] - a["x1"] for a, b in zip(ordered, ordered[1:])), default=0.0)
        if span > 0.6 * (text_x1 - text_x0) and widest_gap < 8:
            continue
        words.extend(row)
    if len(words) < 8:
        return None
    width = int(x_max - x_min) + 2
    coverage = [0] * width
    for word in words:
        a = max(0, int(word["x0"] - x_min))
        b = min(width, int(word["x1"] - x_min) + 1)
        for x in range(a, b):
            coverage[x] += 1
    lo, hi = int(width * 0.28), int(width * 0.72)
    peak = max(coverage[lo:hi] or [0]) or 1
    limit = max(1, int(0.08 * max(coverage)))
    best: Optional[tuple[int, int]] = None
    run_start = None
    for x in range(lo, hi + 1):
        empty = x < hi and coverage[x] <= limit
        if empty and run_start is None:
            run_start = x
        elif not empty and run_start is not None:
            if best is None or x - run_start > best[1] - best[0]:
                best = (run_start, x)
            run_start = None
    if best is None or best[1] - best[0] < 4 or peak <= limit:
        return None
    g0, g1 = best[0] + x_min, best[1] + x_min
    left = sum(1 for w in words if w["x1"] <= g0 + 1)
    right = sum(1 for w in words if w["x0"] >= g1 - 1)
    if left < 3 or right < 3:
        return None
    return g0, g1


def _rows(words: list[dict]) -> list[list[dict]]:
    """Group words into rows by their vertical middle."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        mid = (word["top"] + word["bottom"]) / 2
        if rows:
            row = rows[-1]
            top = min(w["top"] for w in row)
            bottom = max(w["bottom"] for w in row)
            if top - 0.5 <= mid <= bottom + 0.5 and abs(word["bottom"] - row[-1]["bottom"]) < 0.6 * float(word["size"]):
                row.append(word)
                continue
        rows.append([word])
    return rows


def _line(words: list[dict], number: int, column: str, col: tuple[float, float], zone: str) -> Line:
    words = sorted(words, key=lambda w: w["x0"])
    parts: list[str] = []
    previous = None
    weight: Counter = Counter()
    bold = italic = 0
    for word in words:
        size = float(word["size"])
        if previous is not None:
            gap = word["x0"] - previous["x1"]
            parts.append(" " if gap > 0.12 * size else "")
        parts.append(word["text"])
        n = len(word["text"])
        weight[round(size, 1)] += n
        fontname = str(word.get("fontname", ""))
        bold += n if _BOLD.search(fontname) else 0
        italic += n if _ITALIC.search(fontname) else 0
        previous = word
    total = sum(weight.values()) or 1
    # the line's size: the most common size among its chars (a footnote mark does not count)
    size = max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return Line(
        page=number,
        text="".join(parts),
        x0=round(float(words[0]["x0"]), 2),
        x1=round(float(max(w["x1"] for w in words)), 2),
        top=round(float(min(w["top"] for w in words)), 2),
        bottom=round(float(max(w["bottom"] for w in words)), 2),
        size=size,
        bold=bold * 2 > total,
        italic=italic * 2 > total,
        column=column,
        col_x0=round(col[0], 2),
        col_x1=round(col[1], 2),
        zone=zone,
    )


def _lines(words: list[dict], number: int, x_min: float, x_max: float, y_min: float, y_max: float) -> list[Line]:
    if not words:
        return []
    height = y_max - y_min
    rows = _rows(words)
    gutter = _gutter(rows, x_min, x_max)

    def zone(row: list[dict]) -> str:
        if min(w["top"] for w in row) < y_min + MARGIN_ZONE * height:
            return "top"
        if max(w["bottom"] for w in row) > y_max - MARGIN_ZONE * height:
            return "bottom"
        return ""

    if gutter is None:
        left = min(w["x0"] for w in words)
        right = max(w["x1"] for w in words)
        return [_line(row, number, "F", (left, right), zone(row)) for row in rows]

    g0, g1 = gutter
    # (top, order, kind, words): full-width rows cut the page into bands
    full: list[tuple[float, list[dict]]] = []
    split: list[tuple[float, list[dict], list[dict]]] = []
    middle = (g0 + g1) / 2
    for row in rows:
        left_words = [w for w in row if w["x1"] <= middle]
        right_words = [w for w in row if w["x0"] >= middle]
        crossing = len(left_words) + len(right_words) < len(row)
        if not crossing and left_words and right_words:
            # a full-width line whose word space happens to fall on the gutter
            last = max(left_words, key=lambda w: w["x1"])
            first = min(right_words, key=lambda w: w["x0"])
            size = float(first["size"])
            crossing = (
                first["x0"] - last["x1"] < 0.8 * size
                and abs(float(last["size"]) - size) < 0.05
                and abs(last["bottom"] - first["bottom"]) < 0.5
            )
        if crossing:
            full.append((min(w["top"] for w in row), row))
        else:
            split.append((min(w["top"] for w in row), left_words, right_words))
    left_col = [w for _, lw, _ in split for w in lw]
    right_col = [w for _, _, rw in split for w in rw]
    left_edges = (min((w["x0"] for w in left_col), default=x_min), max((w["x1"] for w in left_col), default=g0))
    right_edges = (min((w["x0"] for w in right_col), default=g1), max((w["x1"] for w in right_col), default=x_max))
    page_edges = (min(w["x0"] for w in words), max(w["x1"] for w in words))

    out: list[Line] = []
    cuts = sorted(top for top, _ in full)
    full_by_top = sorted(full, key=lambda item: item[0])

    def band_of(top: float) -> int:
        return sum(1 for cut in cuts if cut <= top)

    bands: dict[int, tuple[list[Line], list[Line]]] = defaultdict(lambda: ([], []))
    for top, left_words, right_words in split:
        key = band_of(top)
        if left_words:
            bands[key][0].append(_line(left_words, number, "L", left_edges, zone(left_words)))
        if right_words:
            bands[key][1].append(_line(right_words, number, "R", right_edges, zone(right_words)))
    for key in range(len(cuts) + 1):
        if key > 0:
            _, row = full_by_top[key - 1]
            out.append(_line(row, number, "F", page_edges, zone(row)))
        left_lines, right_lines = bands.get(key, ([], []))
        out.extend(sorted(left_lines, key=lambda line: line.top))
        out.extend(sorted(right_lines, key=lambda line: line.top))
    return out


# ------------------------------------------------------------- whole document


def _workers(pages: int, workers: Optional[int]) -> int:
    if workers is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        workers = int(env) if env.isdigit() and int(env) > 0 else None
    cpus = os.cpu_count() or 1
    if workers is None:
        workers = cpus if pages > PARALLEL_MIN_PAGES else 1
    return max(1, min(workers, cpus, pages // 10 or 1))


def _extract_all(data: bytes, path: Path, count: int, workers: int) -> list[PageResult]:
    if workers <= 1:
        return _extract_range(data, 0, count)
    import multiprocessing
    import threading
    from concurrent.futures.process import BrokenProcessPool

    chunks = workers * 4
    step = -(-count // chunks)
    ranges = [(start, min(count, start + step)) for start in range(0, count, step)]
    # fork is cheapest and re-imports nothing, but is only safe while this process
    # has a single thread; otherwise a fresh interpreter per worker.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
            futures = [pool.submit(_extract_range, data, start, stop) for start, stop in ranges]
            results: list[PageResult] = []
            for future in futures:
                results.extend(future.result())
        return results
    except (BrokenProcessPool, OSError):
        # no processes to be had (or they died): the same work in this process
        return _extract_range(data, 0, count)


def read_pdf(path: Path, data: bytes, workers: Optional[int] = None) -> ReadResult:
    """Read a PDF (see the module doc). `workers=1` (or ODAX_PDF_WORKERS=1) forces serial."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a PDF (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "truncated or damaged PDF: no %%EOF marker at the end (file cut short?)")
    pdf = _open(data, path)
    try:
        try:
            count = len(pdf.pages)
            metadata = dict(pdf.metadata or {})
        except InputError:
            raise
        except Exception as exc:
            raise InputError(path, f"truncated or damaged PDF: {_short(exc)}") from None
    finally:
        pdf.close()
    if count == 0:
        raise InputError(path, "truncated or damaged PDF: no pages")
    try:
        pages = _extract_all(data, path, count, _workers(count, workers))
    except Exception as exc:
        message = _short(exc)
        if not message.startswith(("truncated or damaged PDF", "encrypted PDF")):
            message = f"truncated or damaged PDF: {message}"
        raise InputError(path, message) from None
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


# ------------------------------------------------------------------ assembly


@dataclass
class _Segment:
    kind: str  # heading | paragraph | small (caption / note / box text, decided at the end)
    lines: list[Line] = field(default_factory=list)
    level: Optional[int] = None
    floats: list["_Segment"] = field(default_factory=list)  # captions/notes met while this paragraph was open

    @property
    def first_page(self) -> int:
        return self.lines[0].page

    @property
    def last_page(self) -> int:
        return self.lines[-1].page


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _drop_repeated_margins(pages: list[PageResult]) -> list[list[Line]]:
    """Lines in the header/footer zones: page numbers, and lines repeated across pages."""
    seen: dict[str, set[int]] = defaultdict(set)
    for page in pages:
        for line in page.lines:
            if line.zone:
                seen[line.zone + _mask(line.text)].add(page.number)
    minimum = 2 if len(pages) <= 6 else max(3, len(pages) // 20)
    repeated = {key for key, found in seen.items() if len(found) >= minimum}
    kept = []
    for page in pages:
        lines = []
        for line in page.lines:
            if line.zone and (_PAGE_NUMBER.match(line.text) or line.zone + _mask(line.text) in repeated):
                continue
            lines.append(line)
        kept.append(lines)
    return kept



class _Styles:
    """Body size and the size ranks of headings, measured over the document."""

    def __init__(self, pages: list[PageResult], lines: list[Line]):
        sizes: Counter = Counter()
        for page in pages:
            for size, count in page.sizes:
                sizes[size] += count
        self.body = max(sizes.items(), key=lambda kv: (kv[1], -kv[0]))[0] if sizes else 10.0
        pitches: Counter = Counter()
        for a, b in zip(lines, lines[1:]):
            if a.page == b.page and a.column == b.column and a.size == b.size == self.body and b.top > a.top:
                pitches[round(b.top - a.top, 1)] += 1
        self.pitch = max(pitches.items(), key=lambda kv: kv[1])[0] if pitches else self.body * 1.3

    def kind(self, line: Line) -> str:
        if len(line.text) <= _HEADING_MAX_CHARS and (
            line.size >= self.body * 1.1 or (line.bold and line.size >= self.body * 0.97)
        ):
            return "heading"
        if line.size <= self.body * 0.93 or (line.italic and line.size < self.body):
            return "small"
        return "body"


def _continues(prev: Line, line: Line, styles: _Styles, interrupted: bool = False) -> bool:
    """Does `line` continue the paragraph whose last line is `prev`?

    `interrupted`: a caption or note came between them (a photo in the column)."""
    if _NOTE_LINE.match(line.text):
        return False
    size = line.size
    indent = line.x0 - line.col_x0 > 0.6 * size
    if _same_flow(prev, line) and not interrupted:
        step = line.top - prev.top
        pitch = styles.pitch * size / styles.body
        if step > pitch * 1.25 + 0.5:
            return False
        if indent and line.x0 - prev.x0 > 0.6 * size:
            return False
        short = prev.x1 < prev.col_x1 - 0.35 * (prev.col_x1 - prev.col_x0)
        return not (short and _SENTENCE_END.search(prev.text))
    # a new column or page: a paragraph goes on unless the last line closed a sentence
    if indent:
        return False
    return not _SENTENCE_END.search(prev.text)


def _heading_continues(prev: Line, line: Line) -> bool:
    # a full-width heading's second line can be short enough to sit in the left column
    return (
        prev.page == line.page
        and (prev.column == line.column or (prev.column == "F" and abs(prev.x0 - line.x0) < 2))
        and abs(prev.size - line.size) < 0.05
        and prev.bold == line.bold
        and 0 <= line.top - prev.bottom < 0.8 * line.size
        and not mark_level(line.text)
        and not _SENTENCE_END.search(prev.text)
    )


def _segments(lines: list[Line], styles: _Styles) -> list[_Segment]:
    out: list[_Segment] = []
    para: Optional[_Segment] = None  # the open body paragraph
    small: Optional[_Segment] = None  # the open small-print segment
    heading: Optional[_Segment] = None

    def close_para() -> None:
        nonlocal para
        if para is None:
            return
        before = [f for f in para.floats if f.first_page == para.first_page != para.last_page]
        after = [f for f in para.floats if f not in before]
        out.extend(before)
        out.append(para)
        out.extend(after)
        para.floats = []
        para = None

    def close_small() -> None:
        nonlocal small
        if small is None:
            return
        if para is not None:
            para.floats.append(small)
        else:
            out.append(small)
        small = None

    previous: Optional[Line] = None  # the line read just before, of any kind
    for line in lines:
        kind = styles.kind(line)
        before, previous = previous, line
        if kind == "heading":
            close_small()
            if heading is not None and _heading_continues(heading.lines[-1], line):
                heading.lines.append(line)
                continue
            close_para()
            heading = _Segment("heading", [line])
            out.append(heading)
            continue
        heading = None
        if kind == "small":
            if small is not None and _small_continues(small.lines[-1], line, styles):
                small.lines.append(line)
                continue
            close_small()
            small = _Segment("small", [line])
            continue
        interrupted = para is not None and para.lines[-1] is not before
        close_small()
        if para is not None and _continues(para.lines[-1], line, styles, interrupted):
            para.lines.append(line)
            continue
        close_para()
        para = _Segment("paragraph", [line])
    close_small()
    close_para()
    return out


def _same_flow(prev: Line, line: Line) -> bool:
    """One below the other in the same column (a short last line of a full-width
    paragraph sits on one side of the gutter: same left edge counts)."""
    if prev.page != line.page or line.top <= prev.top:
        return False
    return prev.column == line.column or ("F" in (prev.column, line.column) and abs(prev.x0 - line.x0) < 2)


def _small_continues(prev: Line, line: Line, styles: _Styles) -> bool:
    if _NOTE_START.match(line.text) or prev.bold != line.bold or prev.italic != line.italic:
        return False
    if prev.page != line.page:
        return False
    if not _same_flow(prev, line):
        return not _SENTENCE_END.search(prev.text) and line.top < prev.top
    step = line.top - prev.top
    return 0 < step <= line.size * 1.9


def _vocabulary(lines: list[Line]) -> Counter:
    words: Counter = Counter()
    for line in lines:
        tokens = line.text.split()
        if tokens and tokens[-1].endswith("-"):
            tokens = tokens[:-1]
        for token in tokens:
            word = token.strip(".,;:!?()[]\"'“”‘’*").lower()
            if word:
                words[word] += 1
    return words


# Word endings that only continue a word split at a line end ("develop-ment").
_SUFFIX = re.compile(
    r"^(?:ment|ments|tion|tions|sion|sions|ness|ing|ings|ed|ity|ities|ance|ances|ence|ences|ly|al|ally|ous|"
    r"ive|ives|able|ible|ize|ized|ise|ised|ical|ial|ure|ures|ty|ary|ory|er|ers|est|ism|ist|ists|ic|ics|"
    r"ful|less|ship|hood|ward|wards|ant|ants|ent|ents|age|ages|ion|ions|ate|ated|ates|ating)$"
)
_TRAILING_HYPHEN = re.compile(r"(\S*[A-Za-z])-$")


def _join(lines: list[Line], vocabulary: Counter) -> tuple[str, list[tuple[int, int]]]:
    """Join lines into one paragraph: spaces for line breaks, hyphenation undone.

    Returns the text and (offset, page) marks where each line starts."""
    text = ""
    marks: list[tuple[int, int]] = []
    for line in lines:
        piece = " ".join(line.text.split())
        if not text:
            marks.append((0, line.page))
            text = piece
            continue
        hyphen = _TRAILING_HYPHEN.search(text)
        if hyphen and piece[:1].islower():
            head = hyphen.group(1).strip("\"'“‘(").lower()
            tail = re.match(r"[^\s.,;:!?()\"”’*]*", piece).group(0).lower()
            joined, compound = vocabulary[f"{head}{tail}"], vocabulary[f"{head}-{tail}"]
            if joined != compound:
                keep = compound > joined  # the document spells it elsewhere
            else:
                # a hyphenated compound ("state-of-the-art", "space-related") has words on
                # both sides; a word split in two ("develop-ment") does not
                last = head.rsplit("-", 1)[-1]
                keep = "-" in head or (
                    len(last) >= 4 and vocabulary[last] > 0 and len(tail) >= 3 and not _SUFFIX.match(tail)
                )
            if not keep:
                text = text[:-1]
            marks.append((len(text), line.page))
            text += piece
        elif text.endswith(("-", "–", "—", "/")) and not text[-2:-1].isspace():
            marks.append((len(text), line.page))
            text += piece
        else:
            text += " "
            marks.append((len(text), line.page))
            text += piece
    return text, marks


def _small_kind(segment: _Segment, previous_kind: Optional[str], text: str) -> str:
    if _NOTE_START.match(text):
        return "note"
    if _CAPTION.search(text) or segment.lines[0].italic:
        return "caption"
    if previous_kind == "note":
        return "note"
    return "paragraph"


def assemble(pages: list[PageResult]) -> ReadResult:
    """Blocks, text and page spans from the per-page lines (the merge step)."""
    pages = sorted(pages, key=lambda page: page.number)
    kept = _drop_repeated_margins(pages)
    lines = [line for page_lines in kept for line in page_lines]
    styles = _Styles(pages, lines)
    vocabulary = _vocabulary(lines)
    segments = _segments(lines, styles)

    # heading levels: the marks first, else the size rank among marked headings
    marked_sizes: dict[float, int] = {}
    for segment in segments:
        if segment.kind == "heading":
            level = mark_level(segment.lines[0].text)
            if level is not None:
                size = segment.lines[0].size
                marked_sizes[size] = min(level, marked_sizes.get(size, 99))
    heading_sizes = sorted({s.lines[0].size for s in segments if s.kind == "heading"}, reverse=True)

    def level_of(segment: _Segment, text: str) -> int:
        level = mark_level(text)
        if level is not None:
            return level
        size = segment.lines[0].size
        if size in marked_sizes:
            return marked_sizes[size]
        larger = [lvl for s, lvl in marked_sizes.items() if s > size]
        if larger:
            return min(max(larger) + 1, 9)
        if marked_sizes:
            return 1
        return heading_sizes.index(size) + 1

    pieces: list[str] = []
    blocks: list[LayoutBlock] = []
    marks: list[tuple[int, int]] = []
    offset = 0
    previous_kind: Optional[str] = None
    for segment in segments:
        text, line_marks = _join(segment.lines, vocabulary)
        if not text:
            continue
        if segment.kind == "heading":
            kind, level = "heading", level_of(segment, text)
        elif segment.kind == "small":
            kind, level = _small_kind(segment, previous_kind, text), None
        else:
            kind = "note" if _NOTE_START.match(text) else "caption" if _CAPTION.search(text) else "paragraph"
            level = None
        if pieces:
            offset += 1  # the "\n" between blocks
        blocks.append(LayoutBlock(kind, offset, offset + len(text), level))
        marks.extend((offset + at, page) for at, page in line_marks)
        pieces.append(text)
        offset += len(text)
        previous_kind = kind
    text = "\n".join(pieces)
    return ReadResult(text, _page_spans(marks, [page.number for page in pages], len(text)), tuple(blocks))


def _page_spans(marks: list[tuple[int, int]], numbers: list[int], length: int) -> tuple[PageSpan, ...]:
    """One span per page, contiguous and in order; pages without text get an empty span."""
    starts: dict[int, int] = {}
    current = 0
    for at, page in marks:
        if page > current:
            starts[page] = at
            current = page
    spans = []
    for i, number in enumerate(numbers):
        start = starts.get(number)
        if start is None:
            # no text on this page: an empty span where the next page starts
            later = [starts[n] for n in numbers[i + 1 :] if n in starts]
            start = later[0] if later else length
        spans.append([number, start])
    result = []
    for i, (number, start) in enumerate(spans):
        end = spans[i + 1][1] if i + 1 < len(spans) else length
        start = 0 if i == 0 else start
        result.append(PageSpan(number, start, max(start, end)))
    return tuple(result)
