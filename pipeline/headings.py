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
EDITION_TITLE = re.compile(
    r"(?:White Paper on Development Cooperation|ODA White Paper|Official Development Assistance \(ODA\) White Paper"
    r"|Development Cooperation White Paper)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# The title is at the top; a white paper cites earlier editions in its body.
EDITION_TITLE_CHARS = 2000
_FILE_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def mark_level(text: str) -> Optional[int]:
    """The level of the numbering or bullet mark a line starts with, or None."""
    for pattern, level in HEADING_MARKS:
        if pattern.match(text):
            return level
    return None


def edition_year(*texts: Optional[str]) -> Optional[int]:
    """The year of "White Paper on Development Cooperation 2019" in the first text that has one."""
    for text in texts:
        found = EDITION_TITLE.search((text or "")[:EDITION_TITLE_CHARS])
        if found:
            return int(found.group(1))
    return None


def edition_year_and_source(title: Optional[str], text: str, file_name: str) -> tuple[Optional[int], Optional[str]]:
    """The edition year from the title, else from a year in the file name
    (`wpdc-2017-...`), else none; and which it was: "title", "file_name" or None."""
    year = edition_year(title, text)
    if year is not None:
        return year, "title"
    found = _FILE_NAME_YEAR.search(file_name)
    if found:
        return int(found.group(1)), "file_name"
    return None, None
