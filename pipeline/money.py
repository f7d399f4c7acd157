"""Find and normalize MONEY mentions (annotation guidelines, MONEY section).

This runs on the hot path of a pipeline that is benchmarked against bare
spaCy, so the paragraph is scanned by one compiled pattern that starts on a
digit and takes the scale and currency written after it (a second pattern,
for numbers written as words, runs only when the paragraph has a scale word).
The rest of the work is per *candidate number* (a paragraph has a handful),
never per token: reading the currency written before it, joining ranges and
enumerations that share a currency or scale, giving a currency to bare
numbers that a unit statement ("(in US dollars)") covers, reading the hedge
or bound just before each amount, and pairing converted equivalents.

The vocabulary (currency symbols, words and codes, scale words, hedges and
bounds) lives in ``data/currencies.json`` so that adding a currency is a data
change; ISO 4217 validity of codes comes from pycountry, which is why "SDR"
is not money and "XDR" is.

Amounts are built from the digit string with ``decimal.Decimal`` and never go
through a float or a context-rounded multiplication, so "$1.98 billion" is
exactly 1980000000 and a 40-digit figure keeps all 40 digits.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal, Optional

import pycountry

__all__ = ["MoneyMatch", "find_money", "amount_to_json", "CONTEXT_CONFIDENCE"]

# Confidence of an amount whose currency is not written with it but comes from
# a unit statement elsewhere in the sentence. A constant, not a score: the
# consumer only needs to tell the two kinds apart.
CONTEXT_CONFIDENCE = 0.6


@dataclass(frozen=True)
class MoneyMatch:
    start: int  # text[start:end] is number+scale+currency, no hedge, no trailing punctuation
    end: int
    amount: Decimal  # full value, e.g. Decimal("1980000000")
    currency: str  # ISO 4217 code
    approximate: bool
    bound: Optional[Literal["lower", "upper"]]
    confidence: float  # 1.0 when the currency is written with the amount, else CONTEXT_CONFIDENCE
    equivalent_of: Optional[int]  # index in the returned list of the other member of a conversion pair


def amount_to_json(amount: Decimal) -> int | float:
    """An ``int`` when the amount is integral, so JSON keeps it exact; else a float.

    Decided from the digit tuple rather than with ``%`` or ``quantize``: those
    use the decimal context and fail or round on amounts longer than its
    precision.
    """
    if not amount.is_finite():
        return float(amount)
    sign, digits, exponent = amount.as_tuple()
    if exponent >= 0 or not any(digits[exponent:]):
        return int(amount)
    return float(amount)


# --------------------------------------------------------------------------
# Vocabulary, loaded and compiled once at import.
# --------------------------------------------------------------------------

_DATA = json.loads((Path(__file__).parent / "data" / "currencies.json").read_text(encoding="utf-8"))

_SYMBOLS: dict[str, str] = _DATA["symbols"]
_WORDS: dict[str, str] = {" ".join(k.lower().split()): v for k, v in _DATA["words"].items()}
_ALIASES: dict[str, str] = _DATA["code_aliases"]
_ISO_CODES: frozenset[str] = frozenset(c.alpha_3 for c in pycountry.currencies) - frozenset(
    _DATA["excluded_codes"]
)
# Letters that look like a currency code but label the number as something
# else; such a number never borrows a currency from its neighbours.
_NON_CURRENCY_CODES: frozenset[str] = frozenset(_DATA["excluded_codes"]) | frozenset(
    _DATA["non_currency_codes"]
)
_CODES_AFTER: frozenset[str] = frozenset(_DATA["codes_after"]) & _ISO_CODES
_SCALES: dict[str, int] = {k.lower(): v for k, v in _DATA["scales"].items()}
_NUMBER_WORDS: dict[str, int] = {k.lower(): v for k, v in _DATA["number_words"].items()}
_BOUNDS: dict[str, str] = {k.lower(): v for k, v in _DATA["bounds"].items()}
_HEDGES: tuple[str, ...] = tuple(h.lower() for h in _DATA["hedges"])


def _alt(phrases, flexible_space: bool = True) -> str:
    """Alternation, longest first so that 'US$' wins over '$' and 'no more than' over 'more than'."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        esc = re.escape(p)
        if flexible_space:
            # Text extracted from PDFs breaks lines and uses no-break spaces inside phrases.
            esc = esc.replace(r"\ ", r"\s+")
        out.append(esc)
    return "(?:" + "|".join(out) + ")"


def _code(code: str) -> Optional[str]:
    if code in _ALIASES:
        return _ALIASES[code]
    return code if code in _ISO_CODES else None


# Python's case-insensitive matching lets "ſ", "K", "İ" and "ı" match ASCII
# letters, so a matched word is folded the same way before it is looked up;
# otherwise "dollarſ" would match the pattern and miss the table.
_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})


def _key(phrase: str) -> str:
    return " ".join(phrase.translate(_FOLD).lower().split())


def _symbol(sym: str) -> Optional[str]:
    return _SYMBOLS.get(sym.replace("\u00a0", " "))


_SP = r"[ \u00a0]"  # a space inside an amount; never a newline (paragraphs are the unit)
_SYMBOL_ALT = _alt(_SYMBOLS, flexible_space=False).replace(r"\ ", _SP + "?")
_SCALE_ALT = _alt(_SCALES)

# A word after the number is a currency only if it is not the start of
# something else ("1,000 pounds of rice"); a symbol or code followed by digits
# is the *next* amount's prefix.
_POST_WORDS = "(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") + (r"(?!\s+of\b)" if w.startswith("pound") else "")
    for w in sorted(_WORDS, key=len, reverse=True)
) + ")"
_POST_CODES = _alt(sorted(_CODES_AFTER | set(_ALIASES)), flexible_space=False)
# The amount must not run on into a word: "$1e999" and "5th" are not amounts.
_AFFIXES = rf"""
    (?:(?:{_SP}|-)?(?P<scale>(?i:{_SCALE_ALT}))(?!\w))?
    (?:{_SP}?(?:
        (?P<postw>(?i:{_POST_WORDS}))(?!\w)
      | (?P<postc>{_POST_CODES}|{_SYMBOL_ALT})(?!\w)(?!{_SP}?\d)
    ))?
    (?![^\W\d_])
"""

# The main scan starts on a digit, which lets the regex engine skip straight
# to digits instead of trying every position (several times faster than a
# pattern that starts with the optional currency). The number is
# thousands-separated or plain, with optional decimals, and never the head or
# tail of a longer digit string ("1,23" and "1.2.3" give nothing).
_NUMBER_RE = re.compile(
    rf"""
    (?P<num>[0-9](?<![\d.][0-9])(?<!\d,[0-9])(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+|[0-9]*)(?:\.[0-9]+)?(?!\d|[.,]\d))
    {_AFFIXES}
    """,
    re.VERBOSE,
)
# The currency written before a number is read backwards from the number's
# start, only for the numbers found.
_PRE_RE = re.compile(
    rf"(?:(?<![\w.])(?P<sym>{_SYMBOL_ALT})|(?<![A-Za-z])(?P<code>[A-Z]{{3}})){_SP}?\Z"
)
_PRE_WINDOW = 8

# Numbers written as words count only with a scale word ("one billion yen"),
# own or shared ("two to three billion yen"), so this slower scan runs only on
# paragraphs that contain one.
_units = [w for w, v in _NUMBER_WORDS.items() if v < 10]
_teens = [w for w, v in _NUMBER_WORDS.items() if 10 <= v < 20]
_tens = [w for w, v in _NUMBER_WORDS.items() if v >= 20]
_WORD_NUMBER_RE = re.compile(
    rf"""
    (?<![\w.])(?P<wnum>(?i:
        (?:{_alt(_tens)}(?:[-\s]{_alt(_units)})?|{_alt(_teens)}|{_alt(_units)})
        (?:\s+hundred)?
    ))(?![\w-])
    {_AFFIXES}
    """,
    re.VERBOSE,
)
_WORD_SCALE_TRIGGERS = tuple(w for w in _SCALES if len(w) > 2)

_BOUND_PARTS = []
for _phrase in sorted(_BOUNDS, key=len, reverse=True):
    _p = re.escape(_phrase).replace(r"\ ", r"\s+")
    if _phrase == "over":
        _p = "".join(rf"(?<!\b{re.escape(v)}\s)" for v in _DATA["over_particle_verbs"]) + _p
    _BOUND_PARTS.append(_p)
_BOUND_ALT = "(?:" + "|".join(_BOUND_PARTS) + ")"
_HEDGE_ALT = _alt(_HEDGES)

# Searched only in the few dozen characters before an amount, anchored at its
# start: the qualifier must touch the amount ("over" three words earlier is
# not a bound on it).
_QUALIFIER_RE = re.compile(
    rf"(?i:(?<![\w.])(?:(?P<bound>{_BOUND_ALT})\s+)?(?:(?P<hedge>{_HEDGE_ALT})\s+)?)\Z"
)
_QUALIFIER_WINDOW = 48
_OPT_QUAL = rf"(?:(?:{_HEDGE_ALT}|{_BOUND_ALT})\s+)?"
_BETWEEN_RE = re.compile(rf"(?i:(?<!\w)between\s+{_OPT_QUAL})\Z")
_FROM_RE = re.compile(rf"(?i:(?<!\w)from\s+{_OPT_QUAL})\Z")
_RANGING_FROM_RE = re.compile(rf"(?i:(?<!\w)(?:rang|var)\w*\s+from\s+{_OPT_QUAL})\Z")

# What may stand between two amounts that share a currency or scale.
_DASH_GAP_RE = re.compile(r"[ \u00a0]*[-\u2010-\u2015\u2212][ \u00a0]*")
_TO_GAP_RE = re.compile(rf"(?i:\s+to\s+{_OPT_QUAL})")
_AND_GAP_RE = re.compile(rf"(?i:\s+and\s+{_OPT_QUAL})")
_ENUM_GAP_RE = re.compile(rf"(?i:\s*,\s*(?:(?:and|or)\s+)?{_OPT_QUAL}|\s+(?:and|or)\s+{_OPT_QUAL})")

# What may stand between an amount and its converted equivalent.
_EQUIV_PAREN_GAP_RE = re.compile(
    rf"(?i:\s*\(\s*(?:(?:equivalent\s+(?:to|of)|i\.e\.,?|or|{_HEDGE_ALT}|{_BOUND_ALT})\s+)*)"
)
_EQUIV_CLOSE_RE = re.compile(r"[^()\n]*\)")
_EQUIV_OTHER_GAP_RE = re.compile(
    rf"(?i:\s*/\s*{_OPT_QUAL}|\s*,?\s+or\s+(?:equivalent\s+to\s+)?{_OPT_QUAL})"
)

# "US$1 = ¥108.8" states an exchange rate, not money given or received.
_RATE_GAP_RE = re.compile(r"[ \u00a0]*=[ \u00a0]*")

_NOT_MONEY_BEFORE_RE = re.compile(
    # No word boundary before: PDF text glues note markers on ("launderingNote 44").
    rf"(?i:{_alt(_DATA['not_money_before'])}\s*)\Z"
)
_BARE_FOLLOWER_RE = re.compile(
    rf"[ \u00a0]*(?:[)\],;:.!?/\u2010-\u2015\u2212(-]|\Z|\n|(?i:{_alt(_DATA['bare_followers'])})(?!\w))"
)
_YEAR_RE = re.compile(r"1[89]\d\d|2[01]\d\d")

# A statement that the figures around it are in some currency: "(in US
# dollars)", "(US$ million)", "(unit: ¥ billion)", "in millions of yen".
_UNIT_CUR = rf"(?:(?P<uw>(?i:{_POST_WORDS}))|(?P<us>{_SYMBOL_ALT})|(?P<uc>[A-Z]{{3}}))(?![\w$])(?!{_SP}?\d)"
_UNIT_BODY = rf"""
    (?:(?P<s1>(?i:{_SCALE_ALT}))s?\s+(?:(?i:of)\s+)?)?
    {_UNIT_CUR}
    (?:\s*(?P<s2>(?i:{_SCALE_ALT}))s?(?!\w))?
"""
# Two patterns, each starting on a character class, so that the engine jumps
# to "(" or to an i/u instead of trying the optional parts at every position.
_UNIT_PAREN_RE = re.compile(rf"\(\s*(?P<lead>(?i:in\s+|units?\s*:\s*))?{_UNIT_BODY}\s*\)", re.VERBOSE)
_UNIT_IN_RE = re.compile(
    rf"[IiUu](?<![\w.][IiUu])(?P<lead>(?<=[Ii])[Nn]\s+|(?<=[Uu])(?i:nits?\s*:\s*)){_UNIT_BODY}",
    re.VERBOSE,
)
# "(Unit: ¥100 million)": a unit with a power-of-ten multiplier, in table headers.
# Its amount-like "¥100 million" is the unit, not money.
_UNIT_MULT_RE = re.compile(
    rf"\(\s*(?i:units?\s*:\s*)(?:(?P<us>{_SYMBOL_ALT})|(?P<uc>[A-Z]{{3}})\s)\s?(?P<mult>10+)\s*"
    rf"(?P<s2>(?i:{_SCALE_ALT}))?(?![\w])[^()]*\)"
)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s+[A-Z(\[\"'\u201c\u2018])|\n")


# --------------------------------------------------------------------------
# Matching.
# --------------------------------------------------------------------------


class _Cand:
    """A number found in the text, with what is glued to it, while it is being resolved."""

    __slots__ = (
        "start", "end", "num_start", "num_end", "num", "word_value", "thousands", "decimal",
        "scale", "cur", "pre", "post", "labelled", "glued", "confidence", "bound", "approx", "group",
    )

    def __init__(self, m: re.Match, text: str):
        self.pre = self.post = False
        # Written with letters that are not a currency ("SDG 16", "COP 28"): it
        # has its own label and must not borrow a currency from a neighbour.
        self.labelled = False
        # Glued to a word that is not a currency ("G7", "FY2009"): not an amount at all.
        self.glued = False
        self.cur: Optional[str] = None
        if m.re is _NUMBER_RE:
            self.num_start, self.num_end = m.span("num")
            self.num = m.group("num")
            self.word_value = None
            self.thousands = "," in self.num
            self.decimal = "." in self.num
        else:
            self.num_start, self.num_end = m.span("wnum")
            self.num = None
            self.word_value = _word_value(m.group("wnum"))
            self.thousands = self.decimal = False
        self.start = self.num_start
        if self.num is not None and self.num_start > 0:
            pre = _PRE_RE.search(text, max(0, self.num_start - _PRE_WINDOW), self.num_start)
            if pre is not None:
                sym, code = pre.group("sym"), pre.group("code")
                cur = _symbol(sym) if sym is not None else _code(code)
                if cur is not None:
                    self.cur, self.pre, self.start = cur, True, pre.start()
                else:  # "ISO 4217", "SDG 16", "WFP 3": the letters are not a currency
                    self.labelled = code in _NON_CURRENCY_CODES
            if not self.pre and text[self.num_start - 1].isalpha():
                self.glued = True
        scale = m.group("scale")
        self.scale: Optional[int] = _SCALES[_key(scale)] if scale is not None else None
        postw, postc = m.group("postw"), m.group("postc")
        if postw is not None or postc is not None:
            post_cur = (
                _WORDS[_key(postw)] if postw is not None else (_symbol(postc) or _code(postc))
            )
            if self.cur is None:
                self.cur, self.post = post_cur, True
                self.end = m.end()
            else:
                # "$5 million USD" repeats the currency; "$5 million yen" is
                # nonsense: either way the prefix is what the amount is written in.
                self.end = m.end() if post_cur == self.cur else (m.end("scale") if scale else self.num_end)
        else:
            self.end = m.end("scale") if scale is not None else self.num_end
        self.confidence = 1.0
        self.bound: Optional[str] = None
        self.approx = False
        self.group = -1

    def looks_like_year(self) -> bool:
        return self.num is not None and self.scale is None and _YEAR_RE.fullmatch(self.num) is not None

    def amount(self) -> Decimal:
        exp = self.scale or 0
        if self.num is None:
            digits, frac = str(self.word_value), ""
        else:
            digits, _, frac = self.num.replace(",", "").partition(".")
            frac = frac.rstrip("0")
        digits = (digits + frac).lstrip("0") or "0"
        exp -= len(frac)
        # The string constructor is exact at any length; multiplying by a power
        # of ten would round to the context's 28 digits.
        if exp >= 0:
            return Decimal(digits + "0" * exp) if digits != "0" else Decimal(0)
        return Decimal(f"{digits}E{exp}")


def _word_value(words: str) -> int:
    parts = re.split(r"[-\s]+", _key(words))
    hundred = parts[-1] == "hundred"
    value = sum(_NUMBER_WORDS[p] for p in (parts[:-1] if hundred else parts))
    return value * 100 if hundred else value


def _bare_ok(text: str, c: _Cand) -> bool:
    """Whether a number with no currency of its own can be an amount at all.

    It must end its phrase ("(6.2 million)," yes, "2 million refugees" no),
    not be a year, and not follow "Note", "page", "Section"...
    """
    if c.labelled or c.looks_like_year():
        return False
    if _NOT_MONEY_BEFORE_RE.search(text, max(0, c.start - 16), c.start):
        return False
    return _BARE_FOLLOWER_RE.match(text, c.end) is not None


def _link_kind(text: str, a: _Cand, b: _Cand) -> Optional[str]:
    """How two neighbouring numbers are joined: 'range', 'change' (from X to Y), 'enum', or None."""
    if a.cur is not None and b.cur is not None and a.cur != b.cur:
        return None  # different currencies: equivalents or unrelated, never one group
    lo, hi = a.end, b.start
    if lo > hi:
        return None
    win = max(0, a.start - _QUALIFIER_WINDOW)
    if _DASH_GAP_RE.fullmatch(text, lo, hi):
        return "range"
    if _TO_GAP_RE.fullmatch(text, lo, hi):
        if _FROM_RE.search(text, win, a.start) and not _RANGING_FROM_RE.search(text, win, a.start):
            return "change"
        return "range"
    if _AND_GAP_RE.fullmatch(text, lo, hi) and _BETWEEN_RE.search(text, win, a.start):
        return "range"
    if _ENUM_GAP_RE.fullmatch(text, lo, hi):
        return "enum"
    return None


def _resolve_groups(text: str, cands: list[_Cand]) -> list[Optional[str]]:
    """Share scale and currency inside ranges and enumerations.

    "$10–15 million" and "10–15 million dollars" write the currency and the
    scale once for both numbers. Returns the link kind between each
    candidate and the next.
    """
    n = len(cands)
    links = [_link_kind(text, cands[i], cands[i + 1]) for i in range(n - 1)]
    # Right to left, so that "2, 3 and 4 million dollars" hands the scale down
    # the chain; only from a number that is itself money or got its scale from
    # one, so "$10–15, 2 million refugees" does not make "$10" ten million.
    shares_scale = [c.scale is not None and (c.cur is not None or _bare_ok(text, c)) for c in cands]
    for i in range(n - 2, -1, -1):
        a, b = cands[i], cands[i + 1]
        if (
            links[i] is not None
            and shares_scale[i + 1]
            and a.scale is None
            and not a.thousands  # "$500,000 to 1 million" is not 500,000 million
            and not a.post
            and not a.labelled
            # A shared prefix is written on the first member ("$10–15 million");
            # a later one belongs to its own number ("$500 and $1 million", "COP 28, USD5bn").
            and not b.pre
            and not (a.looks_like_year() and not a.pre)
        ):
            a.scale = b.scale
            shares_scale[i] = True
    group = 0
    for i, c in enumerate(cands):
        if i == 0 or links[i - 1] is None:
            group += 1
        c.group = group
    members: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        members.setdefault(c.group, []).append(i)
    for g in members.values():
        if len(g) < 2:
            continue
        curs = {cands[i].cur for i in g if cands[i].cur is not None}
        if len(curs) != 1:
            continue
        (cur,) = curs
        any_scale = any(
            cands[i].scale is not None and (cands[i].cur is not None or _bare_ok(text, cands[i]))
            for i in g
        )
        for i in g:
            c = cands[i]
            if c.cur is not None or not _bare_ok(text, c):
                continue
            if c.scale is None:
                # Without a scale a bare member counts only in a scale-less range
                # ("$10–15"): "$5 million to 30 NGOs" and "$5 million, 10 vessels"
                # are not amounts.
                if any_scale:
                    continue
                near = (links[j] for j in (i - 1, i) if 0 <= j < len(links))
                if not any(k in ("range", "change") for k in near):
                    continue
            c.cur = cur
    return links


def _apply_context(text: str, cands: list[_Cand]) -> None:
    """Give the currency of a unit statement to bare amounts in the same sentence.

    "contributions (in US dollars): UNHCR (6.2 million)" writes the currency
    once for a list. Kept to one sentence, and to numbers that carry a scale
    or decimals (or take the unit's scale), because a bare integer in such a
    sentence is as likely a count.
    """
    bare = [c for c in cands if c.cur is None and c.num is not None and _bare_ok(text, c)]
    if not bare:
        return
    units = []
    for u in _UNIT_MULT_RE.finditer(text):
        cur = _symbol(u.group("us")) if u.group("us") is not None else _code(u.group("uc"))
        if cur is not None:
            scale = _SCALES[_key(u.group("s2"))] if u.group("s2") else 0
            units.append((u.start(), u.end(), cur, scale + len(u.group("mult")) - 1))
    for u in (*_UNIT_PAREN_RE.finditer(text), *_UNIT_IN_RE.finditer(text)):
        if u.group("uw") is not None:
            cur = _WORDS[_key(u.group("uw"))]
        elif u.group("us") is not None:
            cur = _symbol(u.group("us"))
        else:
            code = u.group("uc")
            cur = _code(code)
            # "(CDF)" is more likely an acronym than a Congolese-franc unit:
            # a code alone in parentheses counts only if it is a common one.
            if cur is not None and u.re is _UNIT_PAREN_RE and not (
                u.group("lead") or u.group("s1") or u.group("s2") or code in _CODES_AFTER
            ):
                cur = None
        if cur is None:
            continue
        scale = u.group("s1") or u.group("s2")
        units.append((u.start(), u.end(), cur, _SCALES[_key(scale)] if scale else None))
    if not units:
        return
    units.sort()
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    unit_sentences = [(bisect_right(ends, s), s, e, cur, sc) for s, e, cur, sc in units]
    for c in bare:
        sent = bisect_right(ends, c.start)
        same = [u for u in unit_sentences if u[0] == sent and (u[2] <= c.start or u[1] >= c.end)]
        if not same:
            continue
        before = [u for u in same if u[2] <= c.start]
        _, _, _, cur, unit_scale = before[-1] if before else same[0]
        if c.scale is None:
            if unit_scale is not None:
                c.scale = unit_scale
            elif not (c.thousands or c.decimal):
                continue
        c.cur, c.confidence = cur, CONTEXT_CONFIDENCE


def find_money(text: str) -> list[MoneyMatch]:
    """Every MONEY mention in one paragraph, sorted by start, never overlapping."""
    cands = [c for c in (_Cand(m, text) for m in _NUMBER_RE.finditer(text)) if not c.glued]
    unit_spans = [(u.start(), u.end()) for u in _UNIT_MULT_RE.finditer(text)]
    if unit_spans:
        cands = [c for c in cands if not any(s <= c.start and c.end <= e for s, e in unit_spans)]
    low = text.lower()
    if any(w in low for w in _WORD_SCALE_TRIGGERS):
        words = [_Cand(m, text) for m in _WORD_NUMBER_RE.finditer(text)]
        if words:
            merged = sorted(cands + words, key=lambda c: c.start)
            cands = merged[:1]
            for c in merged[1:]:
                if c.start >= cands[-1].end:
                    cands.append(c)
    if not cands:
        return []
    links = _resolve_groups(text, cands)
    _apply_context(text, cands)

    for c in cands:
        if c.cur is None:
            continue
        q = _QUALIFIER_RE.search(text, max(0, c.start - _QUALIFIER_WINDOW), c.start)
        if q is not None:
            if q.group("bound") is not None:
                c.bound = _BOUNDS[_key(q.group("bound"))]
            c.approx = q.group("hedge") is not None
    for i, kind in enumerate(links):
        a, b = cands[i], cands[i + 1]
        if kind == "range" and a.cur is not None and b.cur is not None:
            # A hedge before a range covers both ends: "approximately $10–15 million".
            b.approx = b.approx or a.approx
            if a.bound is None and b.bound is None:
                a.bound, b.bound = "lower", "upper"

    # "seven used vessels" has no currency anyway; "ten yen" is dropped too, so
    # that a number word is money only with a scale, whatever the paragraph.
    kept = [c for c in cands if c.cur is not None and (c.num is not None or c.scale is not None)]
    rate = {
        id(x)
        for a, b in zip(kept, kept[1:])
        if a.cur != b.cur and _RATE_GAP_RE.fullmatch(text, a.end, b.start)
        for x in (a, b)
    }
    if rate:
        kept = [c for c in kept if id(c) not in rate]
    equiv = _pair_equivalents(text, kept)
    return [
        MoneyMatch(
            start=c.start,
            end=c.end,
            amount=c.amount(),
            currency=c.cur,
            approximate=c.approx,
            bound=c.bound,  # type: ignore[arg-type]
            confidence=c.confidence,
            equivalent_of=equiv[i],
        )
        for i, c in enumerate(kept)
    ]


def _pair_equivalents(text: str, kept: list[_Cand]) -> list[Optional[int]]:
    """Link an amount and its conversion: "$1.98 billion (approximately ¥196 billion)".

    Both members point at each other so that a consumer can keep either.
    When both sides are ranges of the same length ("$10–15 million (¥1.1–1.6
    billion)") the ends are paired in order.
    """
    equiv: list[Optional[int]] = [None] * len(kept)
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(kept):
        groups.setdefault(c.group, []).append(i)
    for i in range(len(kept) - 1):
        a, b = kept[i], kept[i + 1]
        if a.cur == b.cur or a.group == b.group or equiv[i] is not None or equiv[i + 1] is not None:
            continue
        lo, hi = a.end, b.start
        if _EQUIV_PAREN_GAP_RE.fullmatch(text, lo, hi):
            if not _EQUIV_CLOSE_RE.match(text, b.end):
                continue
        elif not _EQUIV_OTHER_GAP_RE.fullmatch(text, lo, hi):
            continue
        ga, gb = groups[a.group], groups[b.group]
        if len(ga) == len(gb) and ga[-1] == i and gb[0] == i + 1:
            pairs = zip(ga, gb)
        else:
            pairs = [(i, i + 1)]
        for x, y in pairs:
            if equiv[x] is None and equiv[y] is None:
                equiv[x], equiv[y] = y, x
    return equiv
