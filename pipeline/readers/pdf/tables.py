"""Text tables: rows of aligned cells, each read as one line with its cells in order.

Without this the column finder takes the space between two table columns for
a gutter and reads each row's left half, then its right half (the WARN
report: `Company  City  150  Closure` never came back as one line).

A row's cells are its words grouped where the gap between two words exceeds
`CELL_GAP` times the font size (a word space is about a quarter of it). A row
is tabular when it has at least `MIN_CELLS` cells of which at least
`MIN_ALIGNED` start or end (left- or right-aligned columns) within `ALIGN`
points of a cell of the tabular row above or below it. A table is a run of at
least `MIN_ROWS` such rows; the row just above it whose cells align with the
table's (a header) joins it. Two-column body text has two "cells" a row, so
it never forms a table; nor do a few justified lines whose wide spaces happen
to line up (they do not align with each other three times over).

A table row becomes one line (column "T") whose text is its cells joined by a
tab, so the money rules and the facts stage read `Country<TAB>Grant
aid<TAB>Loans<TAB>Total` as one record; lines around the table (its title,
the unit line "(Unit: US$ million)") stay ordinary lines.
"""

from __future__ import annotations

CELL_GAP = 0.9
MIN_CELLS = 3
MIN_ALIGNED = 3
ALIGN = 2.0
MIN_ROWS = 3
SEPARATOR = "\t"


def cells(row: list[dict]) -> list[list[dict]]:
    ordered = sorted(row, key=lambda w: w["x0"])
    out: list[list[dict]] = [[ordered[0]]]
    for word in ordered[1:]:
        previous = out[-1][-1]
        if word["x0"] - previous["x1"] > CELL_GAP * float(word["size"]):
            out.append([word])
        else:
            out[-1].append(word)
    return out


def _edges(row_cells: list[list[dict]]) -> list[tuple[float, float]]:
    return [(min(w["x0"] for w in cell), max(w["x1"] for w in cell)) for cell in row_cells]


def _aligned(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> int:
    return sum(
        1 for x0, x1 in a if any(abs(x0 - y0) <= ALIGN or abs(x1 - y1) <= ALIGN for y0, y1 in b)
    )


def table_rows(rows: list[list[dict]]) -> set[int]:
    """Indices of the rows (in top-to-bottom order) that belong to tables."""
    edges = [_edges(cells(row)) for row in rows]
    tabular = [len(e) >= MIN_CELLS for e in edges]
    marked = [False] * len(rows)
    for i in range(len(rows)):
        if not tabular[i]:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(rows) and tabular[j] and _aligned(edges[i], edges[j]) >= MIN_ALIGNED:
                marked[i] = True
                break
    out: set[int] = set()
    i = 0
    while i < len(rows):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j < len(rows) and marked[j]:
            j += 1
        if j - i >= MIN_ROWS:
            out.update(range(i, j))
            # a header row above: two or more cells aligned with the first row
            if i > 0 and len(edges[i - 1]) >= 2 and _aligned(edges[i - 1], edges[i]) >= 2:
                out.add(i - 1)
        i = j
    return out
