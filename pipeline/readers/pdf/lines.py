"""Words to text lines: rows by vertical position, a line's size, weight and slant."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|-bd|,b\b", re.I)
_ITALIC = re.compile(r"italic|oblique|-it\b|,i\b", re.I)


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


def rows(words: list[dict]) -> list[list[dict]]:
    """Group words into rows by their vertical middle."""
    rows: list[list[dict]] = []
    top = bottom = 0.0  # of the last row, kept as words join it (not recomputed per word)
    for word in sorted(words, key=lambda w: (round(w["bottom"], 1), w["x0"])):
        mid = (word["top"] + word["bottom"]) / 2
        if rows:
            row = rows[-1]
            if top - 0.5 <= mid <= bottom + 0.5 and abs(word["bottom"] - row[-1]["bottom"]) < 0.6 * float(word["size"]):
                row.append(word)
                top, bottom = min(top, word["top"]), max(bottom, word["bottom"])
                continue
        rows.append([word])
        top, bottom = word["top"], word["bottom"]
    return rows



@lru_cache(maxsize=4096)
def _style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) from a font name; a document has few fonts and many words."""
    return bool(_BOLD.search(fontname)), bool(_ITALIC.search(fontname))


def make_line(words: list[dict], number: int, column: str, col: tuple[float, float], zone: str) -> Line:
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
        is_bold, is_italic = _style(str(word.get("fontname", "")))
        bold += n if is_bold else 0
        italic += n if is_italic else 0
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


