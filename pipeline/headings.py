"""The white papers' own markup, shared by every reader and the structure stage:
heading marks and their levels, note and caption lines, the edition title."""

from __future__ import annotations

import re
from typing import Optional

# Heading marks and the level they sit at, outermost first. Levels only need
# to order the marks, so a new mark slots in without renumbering the rest.
HEADING_MARKS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^Part\s+[IVXLC\d]+\b"), 1),
    (re.compile(r"^Chapter\s+\d+\b"), 2),
    (re.compile(r"^Section\s+\d+\b"), 3),
    (re.compile(r"^\(\d{1,2}\)\s+\S"), 4),
    (re.compile(r"^<[^<>]{2,120}>$"), 5),
    (re.compile(r"^●\s*\S"), 5),
    (re.compile(r"^•\s*\S"), 6),
    (re.compile(r"^■\s*\S"), 7),
)
EDITION_TITLE = re.compile(r"White Paper on Development Cooperation\s+((?:19|20)\d\d)\b")


def mark_level(text: str) -> Optional[int]:
    """The level of the numbering or bullet mark a line starts with, or None."""
    for pattern, level in HEADING_MARKS:
        if pattern.match(text):
            return level
    return None


def edition_year(*texts: Optional[str]) -> Optional[int]:
    """The year of "White Paper on Development Cooperation 2019" in the first text that has one."""
    for text in texts:
        found = EDITION_TITLE.search(text or "")
        if found:
            return int(found.group(1))
    return None
