"""The range of four-digit numbers that are calendar years, in one place.

Dates, money and the annotate stage's year index all need to tell a year
from another number; they used to carry diverged copies (1900-2099 in dates,
1800-2199 in money). The range is data (``data/years.json``), the patterns
are built from it here.
"""

from __future__ import annotations

import json
from importlib import resources

_DATA = json.loads(resources.files("pipeline").joinpath("data/years.json").read_text("utf-8"))

FIRST_YEAR: int = int(_DATA["first"])
LAST_YEAR: int = int(_DATA["last"])
if FIRST_YEAR % 100 != 0 or LAST_YEAR % 100 != 99 or not 1000 <= FIRST_YEAR < LAST_YEAR <= 9999:
    raise ValueError(f"data/years.json: the year range must be whole centuries of four digits, got {FIRST_YEAR}-{LAST_YEAR}")

_CENTURIES = "|".join(str(c) for c in range(FIRST_YEAR // 100, LAST_YEAR // 100 + 1))

# Regex sources (no anchors or lookarounds, so each user adds its own).
YEAR_PATTERN = rf"(?:{_CENTURIES})\d\d"  # a four-digit year in the range
DECADE_PATTERN = rf"(?:{_CENTURIES})\d0"  # the year a decade starts ("1990" of "1990s")


def is_year(value: int) -> bool:
    return FIRST_YEAR <= value <= LAST_YEAR
