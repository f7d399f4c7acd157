"""The range of four-digit numbers that are calendar years, in one place.

Dates, money and the annotate stage's year index all need to tell a year
from another number; they used to carry diverged copies (1900-2099 in dates,
1800-2199 in money). The range is data (``data/years.json``), the patterns
are built from it here.
"""

from __future__ import annotations

import json
from importlib import resources

_DATA = json.loads(resources.files("odaextract.pipeline").joinpath("data/years.json").read_text("utf-8"))

FIRST_YEAR: int = int(_DATA["first"])
LAST_YEAR: int = int(_DATA["last"])
if not 1000 <= FIRST_YEAR < LAST_YEAR <= 9999:
    raise ValueError(f"data/years.json: the year range must be of four-digit years, got {FIRST_YEAR}-{LAST_YEAR}")


def _pattern(first: int, last: int, step: int) -> str:
    """A regex for the four-digit numbers first..last that are multiples of
    `step` (1 for years, 10 for decade starts): whole centuries as a
    two-digit prefix, the years of a partly covered century listed."""
    tail = r"\d\d" if step == 1 else r"\d0"
    whole = [c for c in range(first // 100, last // 100 + 1) if first <= c * 100 and c * 100 + 99 <= last]
    listed = [y for y in range(first, last + 1) if y % step == 0 and y // 100 not in whole]
    parts = []
    if whole:
        parts.append(f"(?:{'|'.join(str(c) for c in whole)}){tail}")
    parts += [str(y) for y in listed]
    return "(?:" + "|".join(parts) + ")"


# Regex sources (no anchors or lookarounds, so each user adds its own).
YEAR_PATTERN = _pattern(FIRST_YEAR, LAST_YEAR, 1)  # a four-digit year in the range
DECADE_PATTERN = _pattern(FIRST_YEAR, LAST_YEAR - 9, 10)  # a decade ("1990" of "1990s") inside the range


def is_year(value: int) -> bool:
    return FIRST_YEAR <= value <= LAST_YEAR
