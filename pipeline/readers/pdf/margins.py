"""Running headers and footers: lines in the page's outer zones that repeat across pages."""

from __future__ import annotations

import re
from collections import defaultdict

from pipeline.readers.pdf.lines import Line

# Lines in these outer zones (fraction of the page height) that repeat across
# pages are headers/footers.
ZONE = 0.075
_PAGE_NUMBER = re.compile(r"^[\W_]*(?:page\s*)?(?:\d{1,4}|[ivxlc]{1,7})[\W_]*$", re.I)


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_repeated(pages: list) -> list[list[Line]]:
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
