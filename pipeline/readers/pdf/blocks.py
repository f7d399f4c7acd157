"""Blocks from lines, over the whole document.

Measures the body font size (the most common char size) and assembles
blocks: headings (larger or bold lines, levels from the white papers'
numbering marks and the size rank), paragraphs (line breaks become spaces,
words hyphenated at a line end are rejoined, paragraphs carried over columns
and pages are joined), captions and notes (small print; footnotes are kept as
"note" blocks, placed with their page). The document text is the blocks
joined by "\\n"; every offset downstream indexes it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from odaextract.pipeline.headings import mark_level
from odaextract.pipeline.reader_types import LayoutBlock, PageSpan, ReadResult
from odaextract.pipeline.readers.pdf import margins
from odaextract.pipeline.readers.pdf.lines import Line, PageResult

_HEADING_MAX_CHARS = 160
_SENTENCE_END = re.compile(r"[.!?:;。][\"'”’)\]]*$")
_NOTE_START = re.compile(r"^(?:-\s*)?(?:Note\s+\d+\s*:|\*\S)")
_NOTE_LINE = re.compile(r"^Note\s+\d+\s*:")
_CAPTION = re.compile(r"\((?:Photos?|Source)\s*:[^)]*\)\s*$")


@dataclass
class _Segment:
    kind: str  # heading | paragraph | table (one row) | small (caption / note / box text, decided at the end)
    lines: list[Line] = field(default_factory=list)
    level: Optional[int] = None
    floats: list["_Segment"] = field(default_factory=list)  # captions/notes met while this paragraph was open

    @property
    def first_page(self) -> int:
        return self.lines[0].page

    @property
    def last_page(self) -> int:
        return self.lines[-1].page


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
        before, previous = previous, line
        if line.column == "T":  # a table row: a block of its own, never merged (see tables.py)
            close_small()
            close_para()
            heading = None
            out.append(_Segment("table", [line]))
            continue
        kind = styles.kind(line)
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


def _trailing_hyphen(text: str) -> Optional[re.Match]:
    """`_TRAILING_HYPHEN.search(text)`, looking only at the last word: searching
    the whole paragraph once per line was three quarters of assembling a long PDF.
    A match is non-space up to the final "-", so it starts where the last run of
    non-space characters does (the pattern's non-space class is str.isspace's complement)."""
    if not text.endswith("-"):
        return _TRAILING_HYPHEN.search(text) if text.endswith("\n") else None  # `$` before a final newline
    start = len(text) - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return _TRAILING_HYPHEN.search(text, start)


def _join(lines: list[Line], vocabulary: Counter) -> tuple[str, list[tuple[int, int]]]:
    """Join lines into one paragraph: spaces for line breaks, hyphenation undone.

    Returns the text and (offset, page) marks where each line starts."""
    text = ""
    marks: list[tuple[int, int]] = []
    for line in lines:
        # a table row keeps its cell separators; other lines' spacing is normalized
        piece = line.text if line.column == "T" else " ".join(line.text.split())
        if not text:
            marks.append((0, line.page))
            text = piece
            continue
        hyphen = _trailing_hyphen(text)
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
    kept = margins.drop_repeated(pages)
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
        elif segment.kind == "table":
            kind, level = "paragraph", None
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
