"""Find DATE mentions in a paragraph and normalize them to inclusive intervals.

The contract is the DATE section of the annotation guidelines: a mention is a
calendar expression that can be placed on a timeline, normalized to its first
and last day (`None` on an open side). Ranges are one mention; the cue words
that open an interval (`since`, `by`, `until`, `from` ...) stay outside the span.

How it works, in three steps over one paragraph:

1. One compiled regex finds the atoms: single points or periods (`7 October
   2017`, `March 2023`, `FY 2019`, `2016-18`, `1990s`, `the end of March 2017`,
   a bare `June`). Each atom is then vetted with a few anchored regexes on the
   text around it: a year is no year when it is part of a name (`GCCS 2017`,
   `2022 Action Plan`), a reference (`Note 42`, `Resolution 2178`), a count
   (`2000 people`) or vague (`mid-2021`, `early 2017`).
2. Atoms joined by a range connector (`to`, en dash, `through`, `and` after
   `between`) become one mention; a side without a year takes it from the
   other side (`September 30 to October 7, 2017`).
3. Month or day mentions with no year take it from a list they belong to
   (`March and June 2017`), else from the nearest year in the paragraph, else
   from `context_year`; a cue word before the span, or after it (`onwards`),
   opens the interval.

A 4-digit number is a year only in the range of `data/years.json` (shared
with money and annotate via `pipeline.years`). Word lists live in
`data/date_words.json` so that they can grow without touching the rules.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Optional

from dateutil.relativedelta import relativedelta

from odaextract.pipeline.money import CURRENCY_BEFORE_RE, SYMBOL_END_CHARS
from odaextract.pipeline.years import DECADE_PATTERN, YEAR_PATTERN

__all__ = ["DateMatch", "find_dates"]


@dataclass(frozen=True)
class DateMatch:
    start: int                  # char offset into `text`; text[start:end] is the span
    end: int
    start_date: Optional[date]  # first day of the period (None = open)
    end_date: Optional[date]    # last day, inclusive (None = open)
    fiscal: bool                # a Japanese fiscal year is involved
    year_from_context: bool     # the year was taken from elsewhere in the paragraph


# --------------------------------------------------------------------------
# Word lists and compiled patterns (built once, at import).

_W = json.loads(resources.files("odaextract.pipeline").joinpath("data/date_words.json").read_text("utf-8"))

# Any letter case of a full month name counts ("MARCH 2017" in a heading); abbreviations
# stay as written ("MAY" the word is never a date on its own, see ambiguous_months).
_MONTHS: dict[str, int] = {
    **_W["months"],
    **{name.upper(): number for name, number in _W["months"].items()},
    **_W["month_abbreviations"],
}
_ABBREVIATIONS = frozenset(_W["month_abbreviations"])
_AMBIGUOUS_MONTHS = frozenset(_W["ambiguous_months"])
_NON_NAME = frozenset(w.lower() for w in _W["non_name_words"])
_EDGES: dict[str, str] = _W["edges"]


def _alt(words) -> str:
    """Alternation of literal words/phrases, longest first so that `up to` beats `up`."""
    parts = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


_FULL_TITLE = "|".join(sorted(_W["months"], key=len, reverse=True))
_FULL = "|".join(sorted({*_W["months"], *(m.upper() for m in _W["months"])}, key=len, reverse=True))
_ABBR = "|".join(sorted(_W["month_abbreviations"], key=len, reverse=True))
# Full names first so that `March` is never read as `Mar` + `ch`.
_MON = rf"(?:{_FULL}|(?:{_ABBR})(?:\.|(?![A-Za-z])))"
# A month on its own only as written in title case: capitals ("YOU MAY APPLY", "THE MARCH
# TO PEACE") are a date only with a day or year beside them.
_FULL_UPPER = "|".join(sorted((m.upper() for m in _W["months"]), key=len, reverse=True))
_MON_ALONE = (
    rf"(?:{_FULL_TITLE}|(?:{_ABBR})(?:\.|(?![A-Za-z]))"
    # "JUNE TO DECEMBER 2023": a capital month alone starts a range to another month.
    rf"|(?:{_FULL_UPPER})(?=\s*[-‐‑–—−]\s*(?:{_FULL})|\s+(?i:to|through|until)\s+(?:{_FULL})))"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = rf"{YEAR_PATTERN}(?!\d)"
_DASH = r"[-‐‑–—−]"
_DCONN = rf"(?:\s*{_DASH}\s*|\s+(?i:to|and|through)\s+)"

# Named groups are unique per alternative; `_atom_from_match` reads them back.
_ALTERNATIVES = [
    rf"(?P<iso_y>{_YEAR})(?P<iso_sep>[-/])(?P<iso_m>0[1-9]|1[0-2])(?P=iso_sep)(?P<iso_d>3[01]|[12]\d|0[1-9])(?!\d)",
    rf"(?P<dmr_d>{_DAY}){_DCONN}(?P<dmr_d2>{_DAY})(?:\s+of)?\s+(?P<dmr_m>{_MON})(?:,?\s+(?P<dmr_y>{_YEAR}))?",
    rf"(?P<mdr_m>{_MON})\s+(?P<mdr_d>{_DAY}){_DCONN}(?P<mdr_d2>{_DAY})(?!\s*(?:of\s+)?{_MON})(?:,?\s+(?P<mdr_y>{_YEAR}))?",
    rf"(?P<mdy_m>{_MON})\s+(?P<mdy_d>{_DAY})(?:,\s*|\s+)(?P<mdy_y>{_YEAR})",
    rf"(?P<dmy_d>{_DAY})(?:\s+of)?\s+(?P<dmy_m>{_MON}),?\s+(?P<dmy_y>{_YEAR})",
    rf"(?P<md_m>{_MON})\s+(?P<md_d>{_DAY})",
    rf"(?P<dm_d>{_DAY})(?:\s+of)?\s+(?P<dm_m>{_MON})",
    rf"(?P<my_m>{_MON}),?\s+(?P<my_y>{_YEAR})",
    rf"(?:(?P<fy_p>J?FY)\s?|(?P<fy_w>(?i:fiscal(?:\s+years?)?))\s+)(?P<fy_y>{_YEAR})(?:(?P<fy_sep>[-–—/])(?P<fy_b>\d\d)(?!\d))?",
    # `the 2019 fiscal year`, `2019/20 fiscal year`: the same fiscal year, written year first.
    rf"(?P<fyp_y>{_YEAR})(?:(?P<fyp_sep>[-–—/])(?P<fyp_b>\d\d)(?!\d))?\s+(?i:fiscal\s+years?)(?!\w)",
    rf"(?P<dec>{DECADE_PATTERN})['’]?s",
    rf"(?P<yr>{_YEAR})(?:[-–—/](?P<yr_b>\d\d)(?!\d))?",
    rf"(?P<mon>{_MON_ALONE})",
]

_PREFIX = (
    r"(?:(?P<edge>(?:(?i:the)\s+)?(?P<edge_w>(?i:end|beginning|start))\s+(?i:of)\s+(?:(?i:the)\s+)?|(?P<edge_h>[Ee]nd)-)"
    r"|(?P<part_n>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part_u>half|quarter)\s+of\s+)?"
)

_INITIALS = "".join(sorted({name[0] for name in _MONTHS}))
# Cheap gates first: Python's backtracking engine would otherwise try every
# alternative at every position, which is most of the cost on a long paragraph.
_GATE = (
    rf"(?=[\d{_INITIALS}FfTtEeBbSs])(?<![\w{re.escape(SYMBOL_END_CHARS)}])(?<!\d[.,])(?<![A-Za-z][-‐])"
    rf"(?=\d|[{_INITIALS}][a-zA-Z]|J?FY|(?i:fiscal|the\s|end|beginning|start)|first|second|third|fourth)"
)

_ATOM_RE = re.compile(
    _GATE
    + _PREFIX
    + r"(?P<core>" + "|".join(_ALTERNATIVES) + r")"
    # Not the head of a longer number, a percentage or a compound (`2017-related`);
    # `FY2014-FY2016` is a range, not a compound.
    + r"(?![\w%])(?![.,]\d)(?![-‐](?!J?FY\d)[A-Za-z])"
)

# Anchored at the end of the text just before an atom.
_VAGUE_BEFORE = re.compile(rf"(?i:(?<![\w.])(?:{_alt(_W['vague_qualifiers'])})[\s\-‐]*)$")
_QUANTITY_BEFORE = re.compile(rf"(?i:(?<![\w.])(?:{_alt(_W['quantity_words'])})\s+)$")
_REFERENCE_BEFORE = re.compile(
    rf"(?i:(?<![\w.])(?:{_alt(_W['reference_words'])})\s*(?:\d+[a-z]?\s*(?:,|and|or|&|to|{_DASH})\s*)*)$"
)
# A currency written before a number makes it money, not a year ("US$2015"):
# the symbols and codes are money's (data/currencies.json).
_CURRENCY_BEFORE = CURRENCY_BEFORE_RE
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][\w&'’.-]*)[^\S\n]+$")
_ACRONYM_PAREN_BEFORE = re.compile(r"\(\s*[A-Z][A-Za-z0-9&.\-]*[A-Z][A-Za-z0-9&.\-]*\s*\)[^\S\n]+$")
_BARE_MONTH_PRECEDER = re.compile(
    rf"(?i:(?:(?<![\w.])(?:{_alt(w for w in _W['bare_month_preceders'] if w[0].isalpha())})\s+"
    rf"|(?:{_alt(w for w in _W['bare_month_preceders'] if not w[0].isalpha())})\s*))$"
)
_CUE_BEFORE = re.compile(
    "(?i:(?<![\\w.])(?:"
    rf"(?P<start>{_alt(_W['open_start_cues'])})|(?P<end>{_alt(_W['open_end_cues'])})"
    rf"|(?P<before>{_alt(_W['before_cues'])})|(?P<after>{_alt(_W['after_cues'])})"
    r")\s+)$"
)
_THE_BEFORE = re.compile(r"(?i:(?<![\w.])the\s+)$")
_BETWEEN_BEFORE = re.compile(rf"(?i:(?<![\w.])(?:{_alt(_W['range_between_cues'])})\s+)$")

# Anchored at the start of the text just after an atom.
_COUNT_AFTER = re.compile(rf"(?i:\s*(?:%|(?:{_alt(_W['count_nouns'])})(?![\w$])))")
_TITLE_AFTER = re.compile(
    r"[^\S\n]+(?:[A-Z][\w'’&.\-]*[^\S\n]+(?:(?:[A-Z][\w'’&.\-]*|" + _alt(_W["title_connectors"]) + r")[^\S\n]+){0,4}?)?"
    r"(?:" + _alt(_W["name_title_words"]) + r")(?![a-z])"
)
_SUFFIX_AFTER = re.compile(
    rf"(?i:\s*,?\s*(?:(?P<start>{_alt(_W['open_start_suffixes'])})|(?P<end>{_alt(_W['open_end_suffixes'])}))(?!\w))"
)

# Gaps between two atoms (fullmatch on the text between them).
_RANGE_GAP = re.compile(rf"\s*{_DASH}\s*|\s+(?i:to|through|until|till)\s+")
_AND_GAP = re.compile(r"\s+(?i:and)\s+")
_YEAR_RANGE_AHEAD = re.compile(rf"(?:\s*{_DASH}\s*|\s+(?i:to|through|until|till|and)\s+)(?:J?FY\s?)?{_YEAR}")
_CAPITALIZED_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")

_WINDOW = 48  # chars of left context the cue/name checks look at


# --------------------------------------------------------------------------
# Atoms.

class _Atom:
    """One point or period found by `_ATOM_RE`. `y is None` means the year is still unknown."""

    __slots__ = ("s", "e", "kind", "y", "y2", "m", "d", "d2", "fiscal", "edge", "part", "weak", "from_ctx")

    def __init__(self, s, e, kind, y=None, y2=None, m=None, d=None, d2=None, fiscal=False):
        self.s, self.e, self.kind = s, e, kind
        self.y, self.y2, self.m, self.d, self.d2 = y, y2, m, d, d2
        self.fiscal = fiscal
        self.edge: Optional[str] = None
        self.part: Optional[tuple[int, int]] = None  # (index, months per part)
        self.weak = False
        self.from_ctx = False

    @property
    def has_year(self) -> bool:
        return self.y is not None

    @property
    def last_year(self) -> int:
        return self.y2 if self.y2 is not None else self.y

    def interval(self) -> tuple[date, date]:
        """First and last day; raises ValueError for impossible calendar dates."""
        kind, y = self.kind, self.y
        if kind == "day":
            first = last = date(y, self.m, self.d)
        elif kind == "days":
            first, last = date(y, self.m, self.d), date(y, self.m, self.d2)
        elif kind == "month":
            first, last = date(y, self.m, 1), date(y, self.m, calendar.monthrange(y, self.m)[1])
        elif kind == "year":
            first, last = date(y, 1, 1), date(self.last_year, 12, 31)
        elif kind == "fy":
            first, last = date(y, 4, 1), date(self.last_year + 1, 3, 31)
        else:  # decade
            first, last = date(y, 1, 1), date(y + 9, 12, 31)
        if first > last:
            raise ValueError("reversed period")
        if self.part:
            index, size = self.part
            first = first + relativedelta(months=size * (index - 1))
            last = first + relativedelta(months=size) - timedelta(days=1)
        if self.edge == "end":
            first = last
        elif self.edge == "start":
            last = first
        return first, last


_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")]


def _day(token: str) -> int:
    return int(token.rstrip("stndrh"))


def _two_digit_end(y: int, tail: Optional[str]) -> Optional[int]:
    """`2016-18` -> 2018; None when there is no tail or it does not move forward."""
    if tail is None:
        return None
    y2 = y // 100 * 100 + int(tail)
    return y2 if y2 > y else None


def _atom_from_match(m: re.Match) -> _Atom:
    g = m.group
    s, e = m.start(), m.end()
    if g("iso_y"):
        a = _Atom(s, e, "day", int(g("iso_y")), m=int(g("iso_m")), d=int(g("iso_d")))
    elif g("dmr_d"):
        a = _Atom(s, e, "days", g("dmr_y") and int(g("dmr_y")), m=_month(g("dmr_m")), d=_day(g("dmr_d")), d2=_day(g("dmr_d2")))
    elif g("mdr_m"):
        a = _Atom(s, e, "days", g("mdr_y") and int(g("mdr_y")), m=_month(g("mdr_m")), d=_day(g("mdr_d")), d2=_day(g("mdr_d2")))
    elif g("mdy_m"):
        a = _Atom(s, e, "day", int(g("mdy_y")), m=_month(g("mdy_m")), d=_day(g("mdy_d")))
    elif g("dmy_d"):
        a = _Atom(s, e, "day", int(g("dmy_y")), m=_month(g("dmy_m")), d=_day(g("dmy_d")))
    elif g("md_m"):
        a = _Atom(s, e, "day", None, m=_month(g("md_m")), d=_day(g("md_d")))
    elif g("dm_d"):
        a = _Atom(s, e, "day", None, m=_month(g("dm_m")), d=_day(g("dm_d")))
    elif g("my_m"):
        a = _Atom(s, e, "month", int(g("my_y")), m=_month(g("my_m")))
    elif g("fy_y") or g("fyp_y"):
        p = "fy" if g("fy_y") else "fyp"
        y = int(g(p + "_y"))
        a = _Atom(s, e, "fy", y, _two_digit_end(y, g(p + "_b")), fiscal=True)
        if g(p + "_sep") == "/" and a.y2 == y + 1:
            a.y2 = None  # `FY2019/20` names the one fiscal year that straddles both
        elif g(p + "_b") and a.y2 is None and p == "fy":  # `FY2017-10` is no range: keep the FY alone
            a.e = m.end("fy_y")
    elif g("dec"):
        a = _Atom(s, e, "decade", int(g("dec")))
    elif g("yr"):
        y = int(g("yr"))
        a = _Atom(s, e, "year", y, _two_digit_end(y, g("yr_b")))
        if g("yr_b") and a.y2 is None:
            a.e = m.end("yr")
    else:
        name = g("mon")
        a = _Atom(s, e, "month", None, m=_month(name))
        a.weak = name.rstrip(".") in _ABBREVIATIONS
    # `the end of` / `first half of`: only a year-like base has halves and quarters.
    if g("edge"):
        a.edge = _EDGES[(g("edge_w") or g("edge_h")).lower()]
    elif g("part_n"):
        index, unit = _ORDINAL[g("part_n")], g("part_u")
        if a.kind in ("year", "fy") and a.y2 is None and index <= (2 if unit == "half" else 4):
            a.part = (index, 6 if unit == "half" else 3)
        else:
            a.s = m.start("core")
    return a


def _is_name_word(word: str) -> bool:
    """A capitalized word right before a year that makes the year part of a name."""
    if word.endswith(("'s", "’s")):
        return False
    return word.lower().rstrip(".") not in _NON_NAME


def _keep(a: _Atom, text: str) -> bool:
    """Context checks that turn a regex hit into a date, or not."""
    before = text[max(0, a.s - _WINDOW):a.s]
    if _VAGUE_BEFORE.search(before):
        return False
    numeric = a.kind in ("year", "decade") and a.edge is None and a.part is None
    if numeric:
        if _CURRENCY_BEFORE.search(before):
            return False
        # `over 2000` is a quantity, `over 2016-2018` is a period.
        if a.y2 is None and _QUANTITY_BEFORE.search(before) and not _YEAR_RANGE_AHEAD.match(text, a.e):
            return False
        if _REFERENCE_BEFORE.search(before):
            return False
        word = _WORD_BEFORE.search(before)
        if word and _is_name_word(word.group(1)):
            return False
        if _ACRONYM_PAREN_BEFORE.search(before):
            return False
        after = text[a.e:a.e + 80]
        if _COUNT_AFTER.match(after) or _TITLE_AFTER.match(after):
            return False
    elif a.kind == "day" and not a.has_year:
        # `28 December` right after `Note` is still a note number followed by a month.
        if text[a.s].isdigit() and _REFERENCE_BEFORE.search(before):
            return False
        if _COUNT_AFTER.match(text, a.e):
            return False
    elif a.kind == "month" and not a.has_year and a.edge is None:
        if not _BARE_MONTH_PRECEDER.search(before):
            # `it may`, `Theresa May`; `April Smith` reads as a name, `In April Japan ...` does not.
            if text[a.s:a.e] in _AMBIGUOUS_MONTHS or _CAPITALIZED_AFTER.match(text, a.e):
                return False
    return True


def _atoms(text: str) -> list[_Atom]:
    found = []
    dropped_end = -1
    for m in _ATOM_RE.finditer(text):
        a = _atom_from_match(m)
        # The far side of a rejected range shares its fate (`Sendai Framework ... 2015-2030`).
        if dropped_end >= 0 and _RANGE_GAP.fullmatch(text, dropped_end, a.s):
            dropped_end = a.e
        elif _keep(a, text):
            found.append(a)
            dropped_end = -1
        else:
            dropped_end = a.e
    return found


# --------------------------------------------------------------------------
# Mentions: one atom, or two joined into a range.

class _Mention:
    __slots__ = ("first", "last")

    def __init__(self, first: _Atom, last: Optional[_Atom] = None):
        self.first, self.last = first, last or first

    @property
    def s(self) -> int:
        return self.first.s

    @property
    def e(self) -> int:
        return self.last.e

    @property
    def is_range(self) -> bool:
        return self.first is not self.last


def _join_years(a: _Atom, b: _Atom) -> bool:
    """Give the yearless side of a range the other side's year; False if the range is impossible."""
    try:
        if not a.has_year and b.has_year:
            a.y = b.y
            if a.interval()[0] > b.interval()[0]:
                a.y -= 1
        elif a.has_year and not b.has_year:
            b.y = a.last_year
            if b.interval()[0] < a.interval()[0]:
                b.y += 1
        if a.has_year and b.has_year:
            return a.interval()[0] <= b.interval()[1]
    except ValueError:
        return False
    return True


def _merge_ranges(atoms: list[_Atom], text: str) -> list[_Mention]:
    mentions: list[_Mention] = []
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        if i + 1 < n:
            b = atoms[i + 1]
            gap = text[a.e:b.s]
            joined = _RANGE_GAP.fullmatch(gap) or (
                _AND_GAP.fullmatch(gap) and _BETWEEN_BEFORE.search(text, max(0, a.s - _WINDOW), a.s)
            )
            if joined and b.part is None and a.part is None:
                saved = [(x, x.kind, x.fiscal, x.y) for x in (a, b)]
                # `FY2009 to 2019`: one side's fiscal prefix covers both.
                if a.fiscal or b.fiscal:
                    for x in (a, b):
                        if x.kind == "year":
                            x.kind, x.fiscal = "fy", True
                if _join_years(a, b):
                    mentions.append(_Mention(a, b))
                    i += 2
                    continue
                for x, kind, fiscal, y in saved:
                    x.kind, x.fiscal, x.y = kind, fiscal, y
        if not a.weak:
            mentions.append(_Mention(a))
        i += 1
    return mentions


# --------------------------------------------------------------------------
# Years from context.

def _anchors(mentions: list[_Mention]) -> list[tuple[int, int, int, bool]]:
    """(start, first year, last year, fiscal) of every atom whose year is written in it."""
    out = []
    for mention in mentions:
        for a in (mention.first, mention.last) if mention.is_range else (mention.first,):
            if a.has_year and a.kind != "decade":
                out.append((a.s, a.y, a.last_year, a.fiscal))
    return out


def _calendar_year(anchor_year: int, fiscal: bool, month: int) -> int:
    # January-March of FY N fall in calendar year N + 1.
    return anchor_year + 1 if fiscal and month <= 3 else anchor_year


def _year_from_context(mention: _Mention, anchors, text: str, context_year: Optional[int]) -> Optional[int]:
    month = mention.first.m
    s = mention.s
    para_start = text.rfind("\n", 0, s) + 1
    para_end = text.find("\n", s)
    para_end = len(text) if para_end < 0 else para_end
    preceding = [x for x in anchors if x[0] < s]
    if preceding and preceding[-1][0] >= para_start:
        _, _, last, fiscal = preceding[-1]
        return _calendar_year(last, fiscal, month)
    following = [x for x in anchors if s < x[0] < para_end]
    if following:
        _, first, _, fiscal = following[0]
        return _calendar_year(first, fiscal, month)
    # A multi-paragraph text: an earlier paragraph's year plays context_year's part.
    if preceding:
        _, _, last, fiscal = preceding[-1]
        return _calendar_year(last, fiscal, month)
    return context_year


def _resolve_years(mentions: list[_Mention], text: str, context_year: Optional[int]) -> list[_Mention]:
    anchors = _anchors(mentions)
    # `March, June and August 2017`: the list's last item lends its year backwards.
    for i in range(len(mentions) - 2, -1, -1):
        cur, nxt = mentions[i], mentions[i + 1]
        if (
            not cur.is_range and not cur.first.has_year and cur.first.kind in ("month", "day", "days")
            and not nxt.is_range and nxt.first.kind in ("month", "day", "days") and nxt.first.has_year
            and _LIST_GAP.fullmatch(text, cur.e, nxt.s)
        ):
            cur.first.y = _calendar_year(nxt.first.y, nxt.first.fiscal, cur.first.m)
            cur.first.from_ctx = True
    kept = []
    for mention in mentions:
        a, b = mention.first, mention.last
        if not a.has_year:
            year = _year_from_context(mention, anchors, text, context_year)
            if year is None or not 1 <= year <= 9998:
                continue
            a.y, a.from_ctx = year, True
            if mention.is_range:
                b.y, b.from_ctx = None, True
                if not _join_years(a, b):
                    continue
        kept.append(mention)
    return kept


# --------------------------------------------------------------------------

def _open_side(mention: _Mention, text: str) -> Optional[str]:
    """Which cue word around a single mention opens it: "start", "end", "before", "after" or None."""
    a = mention.first
    # A range written inside one atom (`5 to 9 July`, `2020-22`) is closed like any range.
    if mention.is_range or a.kind == "days" or a.y2 is not None:
        return None
    cue_end = mention.s
    if a.part or a.kind == "decade":
        # `since the 1990s`, `by the first half of 2018`: the article sits between cue and span.
        the = _THE_BEFORE.search(text, max(0, cue_end - 8), cue_end)
        cue_end = the.start() if the else cue_end
    cue = _CUE_BEFORE.search(text, max(0, cue_end - _WINDOW), cue_end)
    if cue:
        return cue.lastgroup
    suffix = _SUFFIX_AFTER.match(text, mention.e)
    return suffix.lastgroup if suffix else None


def _to_match(mention: _Mention, text: str) -> Optional[DateMatch]:
    a, b = mention.first, mention.last
    side = _open_side(mention, text)
    try:
        first, _ = a.interval()
        _, last = b.interval()
        start_date: Optional[date] = first
        end_date: Optional[date] = last
        if side == "start":
            end_date = None
        elif side == "end":
            start_date = None
        elif side == "before":
            start_date, end_date = None, first - timedelta(days=1)
        elif side == "after":
            start_date, end_date = last + timedelta(days=1), None
    except (ValueError, OverflowError):  # Feb 30, or a context year at the calendar's edge
        return None
    return DateMatch(
        start=mention.s,
        end=mention.e,
        start_date=start_date,
        end_date=end_date,
        fiscal=a.fiscal or b.fiscal,
        year_from_context=a.from_ctx or b.from_ctx,
    )


def find_dates(text: str, context_year: Optional[int] = None) -> list[DateMatch]:
    """`text` is one paragraph. `context_year` is a fallback year for month-only mentions when the paragraph names none (e.g. the previous paragraph's year or the edition year); the paragraph's own nearest preceding year wins."""
    if not text:
        return []
    if isinstance(context_year, bool) or not isinstance(context_year, int):
        context_year = None
    mentions = _resolve_years(_merge_ranges(_atoms(text), text), text, context_year)
    out = []
    for mention in mentions:
        match = _to_match(mention, text)
        if match is not None:
            out.append(match)
    return out
