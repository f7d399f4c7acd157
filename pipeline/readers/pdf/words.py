"""Characters to words, the same for every char source.

Hand-written rather than pdfplumber's `WordExtractor` so that both engines
share one word builder over plain `Char` tuples (the extractor wants
pdfplumber's dict objects and cost a third of the pdfplumber path's time).
It follows the extractor's rules with the settings the reader used
(x_tolerance 1.5, y_tolerance 3, extra_attrs fontname and size): runs of
consecutive chars in one font and size, clustered into lines by their top,
sorted left to right, split at blanks and at gaps or jumps over the tolerance.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from odaextract.pipeline.readers.pdf.chars import Char

X_TOLERANCE = 1.5
Y_TOLERANCE = 3.0
# pdfplumber's expansions (pdfplumber.utils.text.LIGATURES), so "ﬁnance" is "finance"
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


def dedupe(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """Drop chars printed twice at (nearly) the same place, as fake-bold text does.

    What pdfplumber's `page.dedupe_chars()` does (same text, font and size
    within `tolerance`; the first one printed is kept). Most pages have no
    duplicate at all: `_candidates` finds, with numpy over the whole page, the
    chars that *could* have one (a superset), and only those go through the
    exact check. A char with no candidate partner is kept and removes none, so
    the result is the exact check's over all chars."""
    if len(chars) < 2:
        return list(chars)
    flagged = _candidates(chars, tolerance)
    if flagged is None:  # not finite coordinates: the exact check decides (and raises) as before
        return [char for char, keep in zip(chars, _exact(chars, tolerance)) if keep]
    if not flagged.any():
        return list(chars)
    suspects = flagged.nonzero()[0].tolist()
    keep = dict(zip(suspects, _exact([chars[i] for i in suspects], tolerance)))
    return [char for i, char in enumerate(chars) if keep.get(i, True)]


def _candidates(chars: list[Char], tolerance: float):
    """A boolean array: True for each char that has another char of the same text
    within `tolerance` in both x0 and top (and some more: a superset), or None.

    Cells are 2 x tolerance wide, so two chars within tolerance lie in the same
    or in neighbouring cells; pairs of neighbouring cells (g, g+1) share a
    coarse cell (g + s) >> 1 for s = 0 or s = 1, so looking for equal (text,
    coarse x, coarse y) keys under the four shifts misses no pair. The key
    packs a hash of the text with the coarse cells into one integer: a clash
    only adds candidates."""
    import numpy as np

    n = len(chars)
    cell = 2.0 * tolerance
    texts, xs, _, ys = list(zip(*chars))[:4]  # the columns text, x0, x1, top (in C, not per char in Python)
    x = np.array(xs, dtype=np.float64)
    y = np.array(ys, dtype=np.float64)
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return None
    text = np.fromiter(map(hash, texts), np.int64, n) & 0xFFFFF
    gx = np.floor(x / cell).astype(np.int64)
    gy = np.floor(y / cell).astype(np.int64)
    flagged = np.zeros(n, dtype=bool)
    for sx in (0, 1):
        cx = ((gx + sx) >> 1) & 0xFFFFF
        for sy in (0, 1):
            key = (text << 40) | (cx << 20) | (((gy + sy) >> 1) & 0xFFFFF)
            ordered = np.sort(key)
            if not (ordered[1:] == ordered[:-1]).any():
                continue
            order = np.argsort(key)
            same = key[order[1:]] == key[order[:-1]]
            flagged[order[1:][same]] = True
            flagged[order[:-1][same]] = True
    return flagged


def _exact(chars: list[Char], tolerance: float) -> list[bool]:
    """Keep or drop, per char: the exact check, in one pass over a grid instead of sorting groups:
    cells twice the tolerance wide, so a duplicate lies in the char's cell or
    in the neighbour on the side it is nearer to (four cells, not nine)."""
    cell = 2.0 * tolerance
    grid: dict[tuple, list[Char]] = {}
    kept = []
    for char in chars:
        fx, fy = char.x0 / cell, char.top / cell
        gx, gy = int(fx // 1), int(fy // 1)
        nx = gx - 1 if fx - gx < 0.5 else gx + 1
        ny = gy - 1 if fy - gy < 0.5 else gy + 1
        text = char.text
        duplicate = False
        for key in ((text, gx, gy), (text, nx, gy), (text, gx, ny), (text, nx, ny)):
            for other in grid.get(key, ()):
                if (
                    abs(other.x0 - char.x0) <= tolerance
                    and abs(other.top - char.top) <= tolerance
                    and other.fontname == char.fontname
                    and round(other.size, 2) == round(char.size, 2)
                ):
                    duplicate = True
                    break
            if duplicate:
                break
        kept.append(not duplicate)
        if not duplicate:
            grid.setdefault((text, gx, gy), []).append(char)
    return kept


# sort and group keys in C (a lambda per char was a fifth of the word builder's time)
_TOP, _X0, _STYLE = attrgetter("top"), attrgetter("x0"), attrgetter("upright", "fontname", "size")


def _clusters(chars: list[Char], upright: bool) -> list[list[Char]]:
    """Chars whose line positions chain within the tolerance (pdfplumber's
    cluster_objects): tops for upright text, left edges for rotated text."""
    key, tolerance = (_TOP, Y_TOLERANCE) if upright else (_X0, X_TOLERANCE)
    ordered = sorted(chars, key=key)
    out: list[list[Char]] = []
    last = None
    for char, value in zip(ordered, map(key, ordered)):
        if last is None or value - last > tolerance:
            out.append([char])
        else:
            out[-1].append(char)
        last = value
    return out


def _word(chars: list[Char]) -> dict:
    first = chars[0]
    x0, x1, top, bottom = first.x0, first.x1, first.top, first.bottom
    parts = []
    for c in chars:  # one pass instead of four min/max generators
        parts.append(LIGATURES.get(c.text, c.text))
        if c.x0 < x0:
            x0 = c.x0
        if c.x1 > x1:
            x1 = c.x1
        if c.top < top:
            top = c.top
        if c.bottom > bottom:
            bottom = c.bottom
    return {"text": "".join(parts), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "size": first.size, "fontname": first.fontname}


def _breaks(prev: Char, char: Char, upright: bool) -> bool:
    """Does `char` start a new word after `prev`? (pdfplumber's char_begins_new_word)"""
    if upright:
        return char.x0 < prev.x0 or char.x0 > prev.x1 + X_TOLERANCE or abs(char.top - prev.top) > Y_TOLERANCE
    return char.top < prev.top or char.top > prev.bottom + Y_TOLERANCE or abs(char.x0 - prev.x0) > X_TOLERANCE


def words(chars: list[Char]) -> list[dict]:
    out: list[dict] = []
    for (upright, _, _), run in groupby(chars, key=_STYLE):
        for line in _clusters(list(run), upright):
            line.sort(key=_X0 if upright else _TOP)
            current: list[Char] = []
            for char in line:
                if not char.text or char.text.isspace():
                    if current:
                        out.append(_word(current))
                    current = []
                    continue
                if current and _breaks(current[-1], char, upright):
                    out.append(_word(current))
                    current = []
                current.append(char)
            if current:
                out.append(_word(current))
    return out
