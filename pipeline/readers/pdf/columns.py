"""Columns: find the gutter of a two-column page and read column by column.

The gutter is a vertical band in the middle of the page that no word enters
(or only a few full-width lines cross). Full-width rows (headings across both
columns) cut the page into bands; band by band the left column is read before
the right one, so column text never interleaves.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import accumulate
from typing import Optional, Sequence

from odaextract.pipeline.readers.pdf import margins, tables
from odaextract.pipeline.readers.pdf.lines import Line, make_line, rows as group_rows


def gutter(rows: Sequence[list[dict]], x_min: float, x_max: float) -> Optional[tuple[float, float]]:
    """The widest vertical band in the middle of the page that (almost) no word enters.

    Rows that run across most of the text width without a wide gap (full-width
    headings, footnotes, single-column text) do not count: they cross a gutter."""
    all_words = [w for row in rows for w in row]
    if len(all_words) < 8:
        return None
    text_x0 = min(w["x0"] for w in all_words)
    text_x1 = max(w["x1"] for w in all_words)
    words = []
    candidates = []
    for row in rows:
        ordered = sorted(row, key=lambda w: w["x0"])
        span = ordered[-1]["x1"] - ordered[0]["x0"]
        widest_gap = max((b["x0"] - a["x1"] for a, b in zip(ordered, ordered[1:])), default=0.0)
        if span > 0.6 * (text_x1 - text_x0) and widest_gap < 8:
            continue
        words.extend(row)
        candidates.append(row)
    if len(words) < 8:
        return None
    width = int(x_max - x_min) + 2
    # words per x (1-pt columns): +1 where a word starts, -1 past its end, summed up
    # (a word's span added point by point was half the page layout's time)
    steps = [0] * (width + 1)
    for word in words:
        a = max(0, int(word["x0"] - x_min))
        b = min(width, int(word["x1"] - x_min) + 1)
        if a < b:
            steps[a] += 1
            steps[b] -= 1
    coverage = list(accumulate(steps[:width]))
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
    # a gutter runs down the page: many rows split by it, not two justified lines
    # whose wide word spaces happen to line up
    split = sum(1 for row in candidates if not any(w["x0"] < g1 - 1 and w["x1"] > g0 + 1 for w in row))
    if split < max(4, 0.25 * len(rows)):
        return None
    return g0, g1



def page_lines(words: list[dict], number: int, x_min: float, x_max: float, y_min: float, y_max: float) -> list[Line]:
    if not words:
        return []
    height = y_max - y_min
    all_rows = group_rows(words)
    in_table = tables.table_rows(all_rows)
    table = [row for i, row in enumerate(all_rows) if i in in_table]
    rows = [row for i, row in enumerate(all_rows) if i not in in_table]
    found = gutter(rows, x_min, x_max) if rows else None

    def zone(row: list[dict]) -> str:
        if min(w["top"] for w in row) < y_min + margins.ZONE * height:
            return "top"
        if max(w["bottom"] for w in row) > y_max - margins.ZONE * height:
            return "bottom"
        return ""

    page_edges = (min(w["x0"] for w in words), max(w["x1"] for w in words))

    def table_line(row: list[dict]) -> Line:
        line = make_line(row, number, "T", page_edges, zone(row))
        text = tables.SEPARATOR.join(make_line(cell, number, "T", page_edges, "").text for cell in tables.cells(row))
        return line._replace(text=text)

    if found is None:
        out = [(min(w["top"] for w in row), make_line(row, number, "F", page_edges, zone(row))) for row in rows]
        out.extend((min(w["top"] for w in row), table_line(row)) for row in table)
        return [line for _, line in sorted(out, key=lambda item: item[0])]

    g0, g1 = found
    # (top, order, kind, words): full-width rows cut the page into bands
    full: list[tuple[float, Line]] = []
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
            full.append((min(w["top"] for w in row), make_line(row, number, "F", page_edges, zone(row))))
        else:
            split.append((min(w["top"] for w in row), left_words, right_words))
    left_col = [w for _, lw, _ in split for w in lw]
    right_col = [w for _, _, rw in split for w in rw]
    left_edges = (min((w["x0"] for w in left_col), default=x_min), max((w["x1"] for w in left_col), default=g0))
    right_edges = (min((w["x0"] for w in right_col), default=g1), max((w["x1"] for w in right_col), default=x_max))
    full.extend((min(w["top"] for w in row), table_line(row)) for row in table)

    out: list[Line] = []
    cuts = sorted(top for top, _ in full)
    full_by_top = sorted(full, key=lambda item: item[0])

    def band_of(top: float) -> int:
        return sum(1 for cut in cuts if cut <= top)

    bands: dict[int, tuple[list[Line], list[Line]]] = defaultdict(lambda: ([], []))
    for top, left_words, right_words in split:
        key = band_of(top)
        if left_words:
            bands[key][0].append(make_line(left_words, number, "L", left_edges, zone(left_words)))
        if right_words:
            bands[key][1].append(make_line(right_words, number, "R", right_edges, zone(right_words)))
    for key in range(len(cuts) + 1):
        if key > 0:
            out.append(full_by_top[key - 1][1])
        left_lines, right_lines = bands.get(key, ([], []))
        out.extend(sorted(left_lines, key=lambda line: line.top))
        out.extend(sorted(right_lines, key=lambda line: line.top))
    return out
