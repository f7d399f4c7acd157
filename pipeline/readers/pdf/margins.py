"""Running headers and footers: decided from repetition *and* position together.

A line is a running header (footer) when all of these hold:

- it sits in the page's outer part (top or bottom `ZONE` of the page height)
  and is one of the `EDGE_LINES` lines nearest that edge, whatever the margin;
- it is at the page edge: only other header (footer) lines stand between it
  and the top (bottom) of the page;
- the same text, digits masked ("Page 12" ~ "Page 13"; a bare page number or
  Roman numeral masks to "#"), stands at the same height (within `SAME_Y`
  points) on several pages: 2 in a PDF of 3-6 pages, else a twentieth of the
  pages, at least 3.

Position alone never drops a line (a page's first line near a small margin is
body text), nor does repetition alone (a body line repeated in mid-page). A
PDF of one or two pages has no running header to learn from: nothing is
dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict

from odaextract.pipeline.readers.pdf.lines import Line

# The outer parts, as a fraction of the page height, and the lines nearest each
# edge that may be headers (footers): two columns put two headers side by side.
ZONE = 0.3
EDGE_LINES = 4
# Points a running header may move between pages.
SAME_Y = 3.0
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,7})[\W_]*$", re.I)


def _mask(text: str) -> str:
    if _PAGE_NUMBER.match(text.strip()):
        return "#"
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def minimum_pages(count: int) -> int:
    """Pages a line must repeat on to be a running header (0: none can be)."""
    if count < 3:
        return 0
    return 2 if count <= 6 else max(3, count // 20)


def _edge_lines(page) -> list[Line]:
    order = sorted(page.lines, key=lambda line: line.top)
    top = [line for line in order[:EDGE_LINES] if line.zone == "top"]
    bottom = [line for line in order[::-1][:EDGE_LINES] if line.zone == "bottom"]
    return top + bottom


def _repeated(pages: list) -> set[tuple[str, str, int]]:
    """(zone, masked text, page) of lines whose text repeats at one height on enough pages."""
    minimum = minimum_pages(len(pages))
    if not minimum:
        return set()
    found: dict[tuple[str, str], list[tuple[float, int]]] = defaultdict(list)
    for page in pages:
        for line in _edge_lines(page):
            y = line.top if line.zone == "top" else page.height - line.bottom
            found[(line.zone, _mask(line.text))].append((y, page.number))
    out: set[tuple[str, str, int]] = set()
    for (zone, masked), places in found.items():
        if len({number for _, number in places}) < minimum:
            continue
        places.sort()
        # the largest group of places within SAME_Y of each other (sliding window over y)
        best: list[tuple[float, int]] = []
        lo = 0
        for hi in range(len(places)):
            while places[hi][0] - places[lo][0] > SAME_Y:
                lo += 1
            window = places[lo : hi + 1]
            if len({n for _, n in window}) > len({n for _, n in best}):
                best = window
        if len({n for _, n in best}) >= minimum:
            out.update((zone, masked, number) for _, number in best)
    return out


def drop_repeated(pages: list) -> list[list[Line]]:
    """Each page's lines without its running headers and footers (see the module doc)."""
    repeated = _repeated(pages)
    kept = []
    for page in pages:
        drop: set[int] = set()
        if repeated:
            order = sorted(range(len(page.lines)), key=lambda i: page.lines[i].top)
            for zone, walk in (("top", order), ("bottom", order[::-1])):
                for i in walk:  # from the edge inwards, while the lines are headers
                    line = page.lines[i]
                    if line.zone == zone and (zone, _mask(line.text), page.number) in repeated:
                        drop.add(i)
                    else:
                        break
        kept.append([line for i, line in enumerate(page.lines) if i not in drop])
    return kept
